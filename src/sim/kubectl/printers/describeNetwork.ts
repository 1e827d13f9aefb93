// Mirrors describeService (with formatEndpointSlices) and describeEndpointSliceV1 in
// staging/src/k8s.io/kubectl/pkg/describe/describe.go. Simplified: no LoadBalancer ingress IP modes,
// health-check node ports or source ranges (the simulator has no load balancers).
import type { Service } from '../../api/core';
import type { EndpointSlice } from '../../api/other';
import type { ApiServer } from '../../apiserver/store';
import { formatLabels } from './columns';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, searchEvents } from './describeHelpers';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString } from './prefixWriter';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/**
 * formatEndpointSlices: `ip:port` of ready endpoints (nil ready counts as ready) for slice ports named like
 * the service port, the first three then ` + N more...`; `<none>` without slices.
 */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (ready: boolean | undefined, text: string) => {
    if (list.length === 3) more = true;
    if (ready === false) return;
    if (!more) list.push(text);
    count++;
  };
  for (const slice of slices) {
    if (!slice.ports?.length) {
      for (const e of slice.endpoints) add(e.conditions.ready, e.addresses[0] ?? '');
      continue;
    }
    for (const port of slice.ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const e of slice.endpoints) add(e.conditions.ready, `${e.addresses[0] ?? ''}:${port.port ?? 0}`);
    }
  }
  return more ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

/** `kubectl describe service`. */
export function describeService(svc: Service, api: ApiServer, now: number): string {
  const events = searchEvents(api, svc);
  const slices = api.list<EndpointSlice>('EndpointSlice', svc.metadata.namespace).filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name);
  const spec = svc.spec as Service['spec'] & { externalIPs?: string[]; externalTrafficPolicy?: string; loadBalancerIP?: string };
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', svc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
    if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    for (const port of spec.ports ?? []) {
      const name = port.name || '<unset>';
      const protocol = port.protocol ?? '';
      w.write(LEVEL_0, `Port:\t${name}\t${port.port}/${protocol}\n`);
      w.write(LEVEL_0, `TargetPort:\t${port.targetPort ?? port.port}/${protocol}\n`);
      if (port.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${port.nodePort}/${protocol}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, port.name ?? '')}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    describeEvents(events, w, now);
  });
}

/** `kubectl describe endpointslice`. */
export function describeEndpointSlice(slice: EndpointSlice, api: ApiServer, now: number): string {
  const events = searchEvents(api, slice);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${slice.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${slice.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', slice.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', slice.metadata.annotations);
    w.write(LEVEL_0, `AddressType:\t${slice.addressType}\n`);
    if (!slice.ports?.length) {
      w.write(LEVEL_0, 'Ports: <unset>\n');
    } else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of slice.ports) w.write(LEVEL_1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? ''}\n`);
    }
    if (slice.endpoints.length === 0) {
      w.write(LEVEL_0, 'Endpoints: <none>\n');
    } else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const e of slice.endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${e.addresses.join(', ') || '<none>'}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        w.write(LEVEL_3, `Ready:\t${e.conditions.ready === undefined ? '<unset>' : String(e.conditions.ready)}\n`);
        w.write(LEVEL_2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
        if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
        w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
        w.write(LEVEL_2, `Zone:\t${e.zone ?? '<unset>'}\n`);
      }
    }
    describeEvents(events, w, now);
  });
}
