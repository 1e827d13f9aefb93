/**
 * Mirrors staging/src/k8s.io/endpointslice/utils.go and util/controller_utils.go (pkg/controller/endpointslice
 * in older trees): pod -> Endpoint, service ports -> EndpointPorts, the slice's labels and owner.
 *
 * Simplified: IPv4 only (addressType IPv4 from status.podIP / podIPs); no appProtocol, no topology hints, no
 * EndpointsLastChangeTriggerTime annotation; sidecar (restartable init container) ports are not searched.
 */
import type { Node, Pod, Service, ServicePort } from '../../api/core';
import type { OwnerReference } from '../../api/meta';
import type { Endpoint, EndpointPort, EndpointSlice } from '../../api/other';
import { ZONE_LABEL } from '../../scenarios/bootstrap';

/** The controller's name, written into the `endpointslice.kubernetes.io/managed-by` label. */
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';

/** True when the pod's Ready condition is True (IsPodReady). */
export function isPodReady(pod: Pod): boolean {
  return (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** True for Succeeded or Failed pods: their containers have stopped for good (isPodTerminal). */
export function isPodTerminal(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
}

/** Whether a pod belongs in a Service's endpoints: not terminal and with an IP (ShouldPodBeInEndpoints). */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!pod.status.podIP && !(pod.status.podIPs ?? []).length) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** The endpoint carries the pod's hostname only when the pod's subdomain names this Service (ShouldSetHostname). */
export function shouldSetHostname(pod: Pod, service: Service): boolean {
  return (
    !!pod.spec.hostname &&
    pod.spec.subdomain === service.metadata.name &&
    pod.metadata.namespace === service.metadata.namespace
  );
}

/** A Service with a cluster IP (not headless, not unset) (isServiceIPSet). */
export function isServiceIPSet(service: Service): boolean {
  return !!service.spec.clusterIP && service.spec.clusterIP !== 'None';
}

/** The pod's IPv4 addresses (getEndpointAddresses for AddressTypeIPv4). */
export function getEndpointAddresses(pod: Pod): string[] {
  const ips = (pod.status.podIPs ?? []).map((p) => p.ip);
  if (!ips.length && pod.status.podIP) ips.push(pod.status.podIP);
  return ips.filter((ip) => !ip.includes(':'));
}

/** Builds the Endpoint for one pod (podToEndpoint): conditions, nodeName, zone, hostname, targetRef. */
export function podToEndpoint(pod: Pod, node: Node | undefined, service: Service): Endpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  // "ready" is never true for a terminating pod, unless the Service publishes not-ready addresses.
  const ready = !!service.spec.publishNotReadyAddresses || (serving && !terminating);
  const endpoint: Endpoint = {
    addresses: getEndpointAddresses(pod),
    conditions: { ready, serving, terminating },
  };
  if (shouldSetHostname(pod, service)) endpoint.hostname = pod.spec.hostname;
  if (pod.spec.nodeName) endpoint.nodeName = pod.spec.nodeName;
  const zone = node?.metadata.labels?.[ZONE_LABEL];
  if (zone) endpoint.zone = zone;
  endpoint.targetRef = {
    kind: 'Pod',
    namespace: pod.metadata.namespace,
    name: pod.metadata.name,
    uid: pod.metadata.uid,
  };
  return endpoint;
}

/**
 * The container port a service port targets on `pod` (FindPort): a numeric targetPort as is (defaulting to
 * `port`), a named one looked up in the containers' ports with the same protocol, else undefined.
 */
export function findPort(pod: Pod, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = servicePort.protocol ?? 'TCP';
  for (const container of pod.spec.containers) {
    for (const port of container.ports ?? []) {
      if (port.name === target && (port.protocol ?? 'TCP') === protocol) return port.containerPort;
    }
  }
  return undefined;
}

/** The slice ports for `pod` (getEndpointPorts); a headless Service may have none. */
export function getEndpointPorts(service: Service, pod: Pod): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const servicePort of service.spec.ports ?? []) {
    const port = findPort(pod, servicePort);
    if (port === undefined) continue;
    out.push({ name: servicePort.name ?? '', port, protocol: servicePort.protocol ?? 'TCP' });
  }
  return out;
}

/** A key identifying a set of ports regardless of order (NewPortMapKey). */
export function portMapKey(ports: readonly EndpointPort[] | null): string {
  return (ports ?? [])
    .map((p) => `${p.name ?? ''}/${p.protocol ?? ''}/${p.port ?? ''}`)
    .sort()
    .join(',');
}

/**
 * The slice's labels (setEndpointSliceLabels): the Service's labels except the reserved ones, plus
 * `kubernetes.io/service-name`, `endpointslice.kubernetes.io/managed-by` and, for a Service without a
 * cluster IP, `service.kubernetes.io/headless`.
 */
export function endpointSliceLabels(service: Service): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(service.metadata.labels ?? {})) {
    if (key === LABEL_SERVICE_NAME || key === LABEL_MANAGED_BY || key === LABEL_HEADLESS) continue;
    labels[key] = value;
  }
  if (!isServiceIPSet(service)) labels[LABEL_HEADLESS] = '';
  labels[LABEL_SERVICE_NAME] = service.metadata.name;
  labels[LABEL_MANAGED_BY] = CONTROLLER_NAME;
  return labels;
}

/** The controller owner reference a slice carries to its Service. */
export function serviceOwnerReference(service: Service): OwnerReference {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    name: service.metadata.name,
    uid: service.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** True when `slice` is owned by `service` (ownedBy). */
export function ownedBy(slice: EndpointSlice, service: Service): boolean {
  return (slice.metadata.ownerReferences ?? []).some(
    (o) => o.uid === service.metadata.uid && o.kind === 'Service' && o.apiVersion === 'v1',
  );
}

/** A new slice for `service` named from generateName `<service>-` (newEndpointSlice). */
export function newEndpointSlice(
  service: Service,
  ports: EndpointPort[] | null,
  endpoints: Endpoint[],
): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: '',
      generateName: `${service.metadata.name}-`,
      namespace: service.metadata.namespace,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: endpointSliceLabels(service),
      ownerReferences: [serviceOwnerReference(service)],
    },
    addressType: 'IPv4',
    endpoints,
    ports,
  };
}

/** Orders endpoints by the pod they point at, so every run lists them the same way. */
export function compareEndpoints(a: Endpoint, b: Endpoint): number {
  const ka = a.targetRef?.name ?? a.addresses[0] ?? '';
  const kb = b.targetRef?.name ?? b.addresses[0] ?? '';
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
