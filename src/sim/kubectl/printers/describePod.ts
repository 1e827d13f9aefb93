// Mirrors describePod, describeContainers (and its describeContainerX helpers), DescribeProbe, describeStatus
// and describeVolumes in staging/src/k8s.io/kubectl/pkg/describe/describe.go (kubectl 1.35).
// Simplified: only the volume sources the simulator models (PVC, emptyDir, configMap, secret, hostPath,
// projected); env valueFrom resolves fieldRef only; no ephemeral containers, seccomp or topology spread.
import type { Container, ContainerState, ContainerStatus, Pod, Probe, Volume } from '../../api/core';
import type { ApiServer } from '../../apiserver/store';
import { age } from './duration';
import { describeEvents, formatRFC1123Z, printAnnotationsMultiline, printController, printLabelsMultiline, printTolerationsMultiline, searchEvents } from './describeHelpers';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter, tabbedString } from './prefixWriter';

interface ProjectedSource {
  secret?: { name: string; optional?: boolean };
  configMap?: { name: string; optional?: boolean };
  downwardAPI?: unknown;
  serviceAccountToken?: { expirationSeconds?: number };
}

interface FieldRefEnv {
  fieldRef?: { apiVersion?: string; fieldPath: string };
}

function describePorts(container: Container, host: boolean): string {
  return (container.ports ?? [])
    .map((p) => {
      const text = `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? ''}`;
      return p.name ? `${text} (${p.name})` : text;
    })
    .join(', ');
}

/** DescribeProbe: `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`;
  if (probe.exec) return `exec [${probe.exec.command.join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const scheme = (probe.httpGet.scheme ?? '').toLowerCase();
    return `http-get ${scheme}://:${probe.httpGet.port}${probe.httpGet.path ?? ''} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket :${probe.tcpSocket.port} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeStatus(name: string, state: ContainerState, w: PrefixWriter): void {
  if (state.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${formatRFC1123Z(state.running.startedAt)}\n`);
  } else if (state.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    w.write(LEVEL_3, `Started:\t${formatRFC1123Z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${formatRFC1123Z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

function describeResources(resources: Container['resources'], w: PrefixWriter, level: number): void {
  for (const kind of ['limits', 'requests'] as const) {
    const list = resources?.[kind] ?? {};
    const names = Object.keys(list).sort();
    if (names.length) w.write(level, `${kind === 'limits' ? 'Limits' : 'Requests'}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${list[name]}\n`);
  }
}

function resolveFieldRef(pod: Pod | undefined, fieldPath: string): string {
  if (!pod) return '';
  const values: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec.nodeName,
    'spec.serviceAccountName': pod.spec.serviceAccountName,
    'status.podIP': pod.status.podIP,
    'status.hostIP': pod.status.hostIP,
  };
  return values[fieldPath] ?? '';
}

function describeEnv(container: Container, pod: Pod | undefined, w: PrefixWriter): void {
  const env = container.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length ? '' : '\t<none>'}\n`);
  for (const e of env) {
    const from = e.valueFrom as FieldRefEnv | undefined;
    if (!from) {
      (e.value ?? '').split('\n').forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
    } else if (from.fieldRef) {
      w.write(LEVEL_3, `${e.name}:\t${resolveFieldRef(pod, from.fieldRef.fieldPath)} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})\n`);
    }
  }
}

function describeMounts(container: Container, w: PrefixWriter): void {
  const mounts = [...(container.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  w.write(LEVEL_2, `Mounts:${mounts.length ? '' : '\t<none>'}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
}

/**
 * describeContainers: one block per container under `label` (`Containers`, `Init Containers`). `statuses`
 * is undefined for a pod template, which then shows no Container ID, state or readiness. `space` is the
 * extra indent of a pod template ("  ").
 */
export function describeContainers(label: string, containers: readonly Container[], statuses: readonly ContainerStatus[] | undefined, pod: Pod | undefined, w: PrefixWriter, space: string): void {
  w.write(LEVEL_0, `${space}${label}:${containers.length ? '' : ' <none>'}\n`);
  for (const container of containers) {
    const status = statuses?.find((s) => s.name === container.name);
    w.write(LEVEL_1, `${space ? ' ' : ''}${container.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${container.image}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID}\n`);
    const ports = describePorts(container, false);
    w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const hostPorts = describePorts(container, true);
    w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    for (const [title, items] of [
      ['Command', container.command],
      ['Args', container.args],
    ] as const) {
      if (!items?.length) continue;
      w.write(LEVEL_2, `${title}:\n`);
      for (const item of items) for (const line of item.split('\n')) w.write(LEVEL_3, `${line}\n`);
    }
    if (status) {
      describeStatus('State', status.state, w);
      if (status.lastState.terminated) describeStatus('Last State', status.lastState, w);
      w.write(LEVEL_2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount}\n`);
    }
    describeResources(container.resources, w, LEVEL_2);
    if (container.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(container.livenessProbe)}\n`);
    if (container.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(container.readinessProbe)}\n`);
    if (container.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(container.startupProbe)}\n`);
    describeEnv(container, pod, w);
    describeMounts(container, w);
  }
}

function describeVolumeSource(volume: Volume, w: PrefixWriter): void {
  if (volume.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${volume.hostPath.path}\n    HostPathType:\t${volume.hostPath.type || '<none>'}\n`);
  } else if (volume.emptyDir) {
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${volume.emptyDir.medium ?? ''}\n    SizeLimit:\t${volume.emptyDir.sizeLimit || '<unset>'}\n`);
  } else if (volume.secret) {
    const optional = (volume.secret as { optional?: boolean }).optional ?? false;
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${volume.secret.secretName}\n    Optional:\t${optional}\n`);
  } else if (volume.configMap) {
    const optional = (volume.configMap as { optional?: boolean }).optional ?? false;
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${volume.configMap.name}\n    Optional:\t${optional}\n`);
  } else if (volume.persistentVolumeClaim) {
    const claim = volume.persistentVolumeClaim;
    w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${claim.claimName}\n    ReadOnly:\t${claim.readOnly ?? false}\n`);
  } else if (volume.projected) {
    w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const source of (volume.projected as { sources?: ProjectedSource[] }).sources ?? []) {
      if (source.secret) w.write(LEVEL_2, `SecretName:\t${source.secret.name}\n    Optional:\t${source.secret.optional ?? false}\n`);
      else if (source.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
      else if (source.configMap) w.write(LEVEL_2, `ConfigMapName:\t${source.configMap.name}\n    Optional:\t${source.configMap.optional ?? false}\n`);
      else if (source.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 0}\n`);
    }
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

/** describeVolumes: `Volumes: <none>` or one block per volume; `space` is a pod template's extra indent. */
export function describeVolumes(volumes: readonly Volume[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const volume of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${volume.name}:\n`);
    describeVolumeSource(volume, w);
  }
}

/** qos.GetPodQOS: the status value, else computed from the containers' requests and limits. */
function podQOS(pod: Pod): string {
  if (pod.status.qosClass) return pod.status.qosClass;
  const containers = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  const any = containers.some((c) => Object.keys(c.resources?.requests ?? {}).length || Object.keys(c.resources?.limits ?? {}).length);
  if (!any) return 'BestEffort';
  const guaranteed = containers.every((c) => {
    const { requests = {}, limits = {} } = c.resources ?? {};
    return ['cpu', 'memory'].every((r) => limits[r] !== undefined && (requests[r] === undefined || requests[r] === limits[r]));
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** `kubectl describe pod`. */
export function describePod(pod: Pod, api: ApiServer, now: number): string {
  const events = searchEvents(api, pod, { anyKind: true });
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
    if (pod.spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${pod.spec.priority}\n`);
    const priorityClassName = (pod.spec as Pod['spec'] & { priorityClassName?: string }).priorityClassName;
    if (priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${priorityClassName}\n`);
    if (pod.spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${pod.spec.serviceAccountName}\n`);
    w.write(LEVEL_0, pod.spec.nodeName ? `Node:\t${pod.spec.nodeName}/${pod.status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
    if (pod.status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRFC1123Z(pod.status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', pod.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
    const phase = pod.status.phase;
    if (pod.metadata.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${age(pod.metadata.deletionTimestamp, now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${phase}\n`);
    }
    if (pod.status.reason) w.write(LEVEL_0, `Reason:\t${pod.status.reason}\n`);
    if (pod.status.message) w.write(LEVEL_0, `Message:\t${pod.status.message}\n`);
    w.write(LEVEL_0, `IP:\t${pod.status.podIP ?? ''}\n`);
    const ips = pod.status.podIPs ?? [];
    if (ips.length === 0) {
      w.write(LEVEL_0, 'IPs:\t<none>\n');
    } else {
      w.write(LEVEL_0, 'IPs:\n');
      for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
    }
    const controlledBy = printController(pod);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    const nominated = (pod.status as Pod['status'] & { nominatedNodeName?: string }).nominatedNodeName;
    if (nominated) w.write(LEVEL_0, `NominatedNodeName:\t${nominated}\n`);
    if (pod.spec.initContainers?.length) describeContainers('Init Containers', pod.spec.initContainers, pod.status.initContainerStatuses ?? [], pod, w, '');
    describeContainers('Containers', pod.spec.containers, pod.status.containerStatuses ?? [], pod, w, '');
    const conditions = pod.status.conditions ?? [];
    if (conditions.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(pod.spec.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', pod.spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', pod.spec.tolerations);
    describeEvents(events, w, now);
  });
}
