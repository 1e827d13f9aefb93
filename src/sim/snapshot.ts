/**
 * The cluster as plain JSON shaped for drawing: one pure function of the API server's objects and the
 * simulated time. The worker posts it to the UI; tests compare it. No DOM, no timers: the same cluster
 * state always gives the same snapshot, field for field.
 */
import type { Deployment, ReplicaSet, StatefulSet } from './api/apps';
import type { Event, Node, PersistentVolume, PersistentVolumeClaim, Pod, Service } from './api/core';
import type { KubeObject, OwnerReference } from './api/meta';
import type { EndpointSlice } from './api/other';
import type { Cluster } from './cluster';
import { nodeStatus } from './kubectl/printers/columns';
import { podCells } from './kubectl/printers/podStatus';
import { fromTimestamp } from './runtime/clock';
import { CLUSTER_DOMAIN, ZONE_LABEL } from './scenarios/bootstrap';
import { emptyDirVolumeId, pvVolumeId } from './storage/files';
import type { VolumeFiles, VolumeId } from './storage/files';

/** The annotation the scheduler writes on a PVC whose StorageClass waits for the first consumer. */
const SELECTED_NODE_ANNOTATION = 'volume.kubernetes.io/selected-node';

/** The label that ties an EndpointSlice to its Service. */
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** The most recent Events a snapshot carries (the newest last). */
export const SNAPSHOT_EVENT_LIMIT = 200;

/** A Pod as the canvas draws it: the kubectl STATUS and READY words, where it runs, who owns it. */
export interface PodSnapshot {
  name: string;
  namespace: string;
  uid: string;
  /** spec.nodeName, or null while unscheduled. */
  nodeName: string | null;
  /** status.phase. */
  phase: string;
  /** The STATUS cell of `kubectl get pods` (Running, ContainerCreating, Terminating, ...). */
  status: string;
  /** The READY cell of `kubectl get pods` ("1/1"). */
  ready: string;
  /** The RESTARTS cell of `kubectl get pods`. */
  restarts: string;
  /** The Ready condition is True. */
  isReady: boolean;
  /** metadata.deletionTimestamp is set. */
  isTerminating: boolean;
  /** metadata.deletionTimestamp in simulated milliseconds (the end of the grace period), or null. */
  deletionTime: number | null;
  /** metadata.deletionGracePeriodSeconds, or null. */
  deletionGracePeriodSeconds: number | null;
  /** status.podIP, or null before the sandbox has one. */
  ip: string | null;
  /** The controller ownerReference (StatefulSet, ReplicaSet, ...), or null for a bare pod. */
  ownerKind: string | null;
  ownerName: string | null;
  /** The workload a person thinks of: the Deployment for a ReplicaSet's pod, else the owner itself. */
  workloadKind: string | null;
  workloadName: string | null;
  /** Claim names of the pod's persistentVolumeClaim volumes, in spec order. */
  claimNames: string[];
  creationTimestamp: string;
  /** metadata.creationTimestamp in simulated milliseconds. */
  creationTime?: number;
  /** lastTransitionTime of the Ready condition while it is True, in simulated milliseconds, else null. */
  readyTime?: number | null;
  /** spec.hostname and spec.subdomain (a StatefulSet pod's DNS label and its governing Service), or null. */
  hostname?: string | null;
  subdomain?: string | null;
  /** spec.volumes in spec order, each with the content it maps to (see `volumeData`). */
  volumes?: PodVolumeSnapshot[];
  /** metadata.labels (the lessons read `role` and `controller-revision-hash`). */
  labels?: Record<string, string>;
  /** spec.containers[].image in spec order. */
  images?: string[];
}

/**
 * One entry of a Pod's spec.volumes. (The fields added for the comparison panel are optional in the types so
 * hand-written snapshots in tests stay valid; buildSnapshot always fills them.)
 */
export interface PodVolumeSnapshot {
  name: string;
  /** The volume source kind: persistentVolumeClaim, emptyDir, configMap, ... */
  source: string;
  /** persistentVolumeClaim.claimName, or null. */
  claimName: string | null;
  /**
   * The content this volume maps to (`pv:<pv name>` once the claim is bound, `emptydir:<pod uid>/<name>`),
   * the key of `ClusterSnapshot.volumeData`; null for other sources or an unbound claim.
   */
  volumeId: string | null;
  /** mountPath of every container mount of this volume, sorted. */
  mountPaths: string[];
}

/** What is stored on one volume: plain counts, enough to tell kept data from lost data. */
export interface VolumeDataSnapshot {
  /** `pv:<pv name>` or `emptydir:<pod uid>/<volume name>`. */
  volumeId: string;
  /** Files on the volume (directories not counted). */
  files: number;
  /** Database tables on it (mysql `<db>/<table>.ibd`, postgres `base/<db>/<table>`). */
  tables: number;
  /** Rows in those tables. */
  rows: number;
}

export interface NodeSnapshot {
  name: string;
  uid: string;
  /** The topology.kubernetes.io/zone label, or null. */
  zone: string | null;
  /** The STATUS cell of `kubectl get nodes` (Ready, NotReady, Ready,SchedulingDisabled). */
  status: string;
  isReady: boolean;
  isUnschedulable: boolean;
  podCIDR: string | null;
  /** status.volumesAttached names. */
  volumesAttached: string[];
  /** status.volumesInUse. */
  volumesInUse: string[];
  /** spec.taints as `kubectl describe node` prints them: `key=value:Effect` (or `key:Effect`). */
  taints?: string[];
}

export interface PersistentVolumeClaimSnapshot {
  name: string;
  namespace: string;
  uid: string;
  /** status.phase (Pending, Bound, Lost). */
  phase: string;
  /** spec.volumeName, or null while unbound. */
  volumeName: string | null;
  storageClassName: string | null;
  /** The requested storage (spec.resources.requests.storage). */
  request: string | null;
  accessModes: string[];
  /** The volume.kubernetes.io/selected-node annotation, or null. */
  selectedNode: string | null;
  isTerminating: boolean;
}

export interface PersistentVolumeSnapshot {
  name: string;
  uid: string;
  /** status.phase (Available, Bound, Released, ...). */
  phase: string;
  /** `namespace/name` of spec.claimRef, or null. */
  claim: string | null;
  capacity: string | null;
  reclaimPolicy: string | null;
  storageClassName: string | null;
  /** The zone the PV's node affinity requires, or null. */
  zone: string | null;
  isTerminating: boolean;
}

export interface ServiceSnapshot {
  name: string;
  namespace: string;
  uid: string;
  type: string;
  /** spec.clusterIP ("None" for a headless Service). */
  clusterIP: string | null;
  isHeadless: boolean;
  selector: Record<string, string>;
  /** `port/protocol` entries, as the PORT(S) column lists them. */
  ports: string[];
  /** `<name>.<namespace>.svc.cluster.local`. */
  dnsName: string;
  /** The endpoints of the Service's EndpointSlices, sorted by pod name then address. */
  endpoints: ServiceEndpointSnapshot[];
}

/** One endpoint of a Service, from its EndpointSlices. */
export interface ServiceEndpointSnapshot {
  /** The first address. */
  ip: string;
  /** targetRef name and uid (the Pod), or null. */
  podName: string | null;
  podUid: string | null;
  nodeName: string | null;
  /** conditions.ready (a missing condition counts as ready, as the API documents). */
  isReady: boolean;
  isServing: boolean;
  isTerminating: boolean;
  /** endpoints[].hostname (set when the pod's subdomain names the Service), or null. */
  hostname: string | null;
  /**
   * The per-pod DNS name CoreDNS answers for a headless Service's endpoint with a hostname
   * (`mysql-0.mysql.default.svc.cluster.local`), or null.
   */
  dnsName: string | null;
}

export interface WorkloadSnapshot {
  kind: 'StatefulSet' | 'Deployment';
  name: string;
  namespace: string;
  uid: string;
  /** spec.replicas (defaulted to 1). */
  replicas: number;
  readyReplicas: number;
  /** StatefulSets only: metadata.annotations (application replication is switched on by annotations). */
  annotations?: Record<string, string>;
  /** StatefulSets only: spec.podManagementPolicy (defaulted OrderedReady). */
  podManagementPolicy?: string | null;
  /** StatefulSets only: spec.updateStrategy.type (RollingUpdate or OnDelete). */
  updateStrategy?: string | null;
  /** StatefulSet spec.updateStrategy.rollingUpdate.partition, or null. */
  partition?: number | null;
  /** StatefulSets only: spec.persistentVolumeClaimRetentionPolicy (Retain when unset). */
  whenDeleted?: string | null;
  whenScaled?: string | null;
}

export interface EventSnapshot {
  uid: string;
  namespace: string;
  type: string;
  reason: string;
  message: string;
  /** `kind/name` of the involved object, lower-case kind as kubectl's OBJECT column prints it. */
  object: string;
  involvedUid: string | null;
  source: string;
  count: number;
  /** Simulated milliseconds of lastTimestamp. */
  time: number;
}

/** Everything the UI draws at one instant. Plain JSON: structured-clone and JSON.stringify safe. */
export interface ClusterSnapshot {
  /** Simulated milliseconds since the start. */
  time: number;
  nodes: NodeSnapshot[];
  pods: PodSnapshot[];
  pvcs: PersistentVolumeClaimSnapshot[];
  pvs: PersistentVolumeSnapshot[];
  services: ServiceSnapshot[];
  workloads: WorkloadSnapshot[];
  /** The newest SNAPSHOT_EVENT_LIMIT Events, oldest first. */
  events: EventSnapshot[];
  /** The content of every PersistentVolume and every pod's emptyDir, sorted by volumeId. */
  volumeData?: VolumeDataSnapshot[];
}

function controllerRef(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}

function podVolumes(cluster: Cluster, pod: Pod): PodVolumeSnapshot[] {
  const namespace = pod.metadata.namespace ?? 'default';
  return (pod.spec.volumes ?? []).map((v) => {
    const claimName = v.persistentVolumeClaim?.claimName ?? null;
    let volumeId: string | null = null;
    if (claimName) {
      const pvc = cluster.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, claimName);
      if (pvc?.spec.volumeName) volumeId = pvVolumeId(pvc.spec.volumeName);
    } else if (v.emptyDir) {
      volumeId = emptyDirVolumeId(pod.metadata.uid, v.name);
    }
    const source = Object.keys(v).find((k) => k !== 'name') ?? 'unknown';
    const mountPaths = pod.spec.containers
      .flatMap((c) => (c.volumeMounts ?? []).filter((m) => m.name === v.name).map((m) => m.mountPath))
      .sort(compareStrings);
    return { name: v.name, source, claimName, volumeId, mountPaths };
  });
}

function readyTime(pod: Pod): number | null {
  const ready = pod.status.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  return ready?.lastTransitionTime ? fromTimestamp(ready.lastTransitionTime) : null;
}

interface CachedPod {
  snapshot: PodSnapshot;
  /** The objects it was built from besides the pod (claims, the ReplicaSet): stored objects are replaced, never changed. */
  inputs: (KubeObject | undefined)[];
  /** The RESTARTS cell says "(5m ago)": it changes with time. */
  isTimeDependent: boolean;
}

/**
 * Pod snapshots by stored pod object. The store replaces an object on every change, so an unchanged pod,
 * with unchanged claims and owner, gives the very same snapshot: a large, mostly idle cluster costs little.
 */
const podCache = new WeakMap<Pod, CachedPod>();

function podInputs(cluster: Cluster, pod: Pod): (KubeObject | undefined)[] {
  const namespace = pod.metadata.namespace ?? 'default';
  const inputs: (KubeObject | undefined)[] = [];
  for (const v of pod.spec.volumes ?? []) {
    if (v.persistentVolumeClaim) inputs.push(cluster.api.get('PersistentVolumeClaim', namespace, v.persistentVolumeClaim.claimName));
  }
  const owner = controllerRef(pod);
  if (owner?.kind === 'ReplicaSet') inputs.push(cluster.api.get('ReplicaSet', namespace, owner.name));
  return inputs;
}

function cachedPodSnapshot(cluster: Cluster, pod: Pod, now: number): PodSnapshot {
  const inputs = podInputs(cluster, pod);
  const cached = podCache.get(pod);
  if (cached && !cached.isTimeDependent && cached.inputs.length === inputs.length && cached.inputs.every((o, i) => o === inputs[i])) {
    return cached.snapshot;
  }
  const snapshot = podSnapshot(cluster, pod, now);
  podCache.set(pod, { snapshot, inputs, isTimeDependent: snapshot.restarts.includes(' ago)') });
  return snapshot;
}

function podSnapshot(cluster: Cluster, pod: Pod, now: number): PodSnapshot {
  const cells = podCells(pod, now);
  const owner = controllerRef(pod);
  let workload = owner;
  if (owner?.kind === 'ReplicaSet') {
    const rs = cluster.api.get<ReplicaSet>('ReplicaSet', pod.metadata.namespace, owner.name);
    const rsOwner = rs && controllerRef(rs);
    if (rsOwner?.kind === 'Deployment') workload = rsOwner;
  }
  return {
    name: pod.metadata.name,
    namespace: pod.metadata.namespace ?? 'default',
    uid: pod.metadata.uid,
    nodeName: pod.spec.nodeName ?? null,
    phase: pod.status.phase,
    status: cells.status,
    ready: cells.ready,
    restarts: cells.restarts,
    isReady: pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
    isTerminating: Boolean(pod.metadata.deletionTimestamp),
    deletionTime: pod.metadata.deletionTimestamp ? fromTimestamp(pod.metadata.deletionTimestamp) : null,
    deletionGracePeriodSeconds: pod.metadata.deletionGracePeriodSeconds ?? null,
    ip: pod.status.podIP ?? null,
    ownerKind: owner?.kind ?? null,
    ownerName: owner?.name ?? null,
    workloadKind: workload?.kind ?? null,
    workloadName: workload?.name ?? null,
    claimNames: (pod.spec.volumes ?? []).flatMap((v) =>
      v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [],
    ),
    creationTimestamp: pod.metadata.creationTimestamp,
    creationTime: fromTimestamp(pod.metadata.creationTimestamp),
    readyTime: readyTime(pod),
    hostname: pod.spec.hostname ?? null,
    subdomain: pod.spec.subdomain ?? null,
    volumes: podVolumes(cluster, pod),
    labels: { ...(pod.metadata.labels ?? {}) },
    images: pod.spec.containers.map((c) => c.image),
  };
}

/** A mysql table file (`<db>/<table>.ibd`) or a postgres one (`base/<db>/<table>`), relative to the data dir. */
const TABLE_FILE = /(?:^|\/)(?:[^/]+\/[^/]+\.ibd|base\/[^/]+\/[^/]+)$/;

/** Counts files, tables and rows (lines after the column header) on one volume. */
function volumeData(files: VolumeFiles, id: VolumeId): VolumeDataSnapshot {
  let fileCount = 0;
  let tables = 0;
  let rows = 0;
  for (const path of files.list(id)) {
    if (path.endsWith('/')) continue;
    fileCount++;
    if (!TABLE_FILE.test(path)) continue;
    tables++;
    const lines = (files.read(id, path) ?? '').split('\n').filter((l) => l).length;
    rows += Math.max(0, lines - 1);
  }
  return { volumeId: id, files: fileCount, tables, rows };
}

/** The content of every PV and every pod's emptyDir that exists in `files`. */
function volumeDataSnapshots(cluster: Cluster, pods: Pod[], pvs: PersistentVolume[]): VolumeDataSnapshot[] {
  const ids = new Set<VolumeId>();
  for (const pv of pvs) ids.add(pvVolumeId(pv.metadata.name));
  for (const pod of pods) {
    for (const v of pod.spec.volumes ?? []) if (v.emptyDir) ids.add(emptyDirVolumeId(pod.metadata.uid, v.name));
  }
  const files = cluster.ctx.files;
  return [...ids]
    .filter((id) => files.has(id))
    .sort(compareStrings)
    .map((id) => volumeData(files, id));
}

function nodeSnapshot(node: Node): NodeSnapshot {
  return {
    name: node.metadata.name,
    uid: node.metadata.uid,
    zone: node.metadata.labels?.[ZONE_LABEL] ?? null,
    status: nodeStatus(node),
    isReady: node.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
    isUnschedulable: Boolean(node.spec.unschedulable),
    podCIDR: node.spec.podCIDR ?? null,
    volumesAttached: (node.status.volumesAttached ?? []).map((v) => v.name),
    volumesInUse: [...(node.status.volumesInUse ?? [])],
    taints: (node.spec.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
  };
}

function pvcSnapshot(pvc: PersistentVolumeClaim): PersistentVolumeClaimSnapshot {
  return {
    name: pvc.metadata.name,
    namespace: pvc.metadata.namespace ?? 'default',
    uid: pvc.metadata.uid,
    phase: pvc.status.phase ?? 'Pending',
    volumeName: pvc.spec.volumeName || null,
    storageClassName: pvc.spec.storageClassName ?? null,
    request: pvc.spec.resources?.requests?.storage ?? null,
    accessModes: [...(pvc.spec.accessModes ?? [])],
    selectedNode: pvc.metadata.annotations?.[SELECTED_NODE_ANNOTATION] ?? null,
    isTerminating: Boolean(pvc.metadata.deletionTimestamp),
  };
}

function pvZone(pv: PersistentVolume): string | null {
  for (const term of pv.spec.nodeAffinity?.required?.nodeSelectorTerms ?? []) {
    const zone = term.matchExpressions?.find((e) => e.key === ZONE_LABEL && e.operator === 'In')?.values?.[0];
    if (zone) return zone;
  }
  return null;
}

function pvSnapshot(pv: PersistentVolume): PersistentVolumeSnapshot {
  const ref = pv.spec.claimRef;
  return {
    name: pv.metadata.name,
    uid: pv.metadata.uid,
    phase: pv.status.phase ?? 'Pending',
    claim: ref ? `${ref.namespace}/${ref.name}` : null,
    capacity: pv.spec.capacity.storage ?? null,
    reclaimPolicy: pv.spec.persistentVolumeReclaimPolicy ?? null,
    storageClassName: pv.spec.storageClassName ?? null,
    zone: pvZone(pv),
    isTerminating: Boolean(pv.metadata.deletionTimestamp),
  };
}

function endpointSnapshots(svc: Service, slices: EndpointSlice[]): ServiceEndpointSnapshot[] {
  const namespace = svc.metadata.namespace ?? 'default';
  const isHeadless = svc.spec.clusterIP === 'None';
  const endpoints = slices
    .filter(
      (slice) =>
        slice.metadata.namespace === namespace &&
        slice.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name,
    )
    .flatMap((slice) => slice.endpoints)
    .filter((e) => e.addresses.length > 0)
    .map((e): ServiceEndpointSnapshot => {
      const hostname = e.hostname ?? null;
      return {
        ip: e.addresses[0]!,
        podName: e.targetRef?.kind === 'Pod' ? e.targetRef.name : null,
        podUid: e.targetRef?.kind === 'Pod' ? (e.targetRef.uid ?? null) : null,
        nodeName: e.nodeName ?? null,
        isReady: e.conditions.ready ?? true,
        isServing: e.conditions.serving ?? e.conditions.ready ?? true,
        isTerminating: e.conditions.terminating ?? false,
        hostname,
        dnsName:
          isHeadless && hostname
            ? `${hostname}.${svc.metadata.name}.${namespace}.svc.${CLUSTER_DOMAIN}`
            : null,
      };
    });
  return endpoints.sort(
    (a, b) => compareStrings(a.podName ?? '', b.podName ?? '') || compareStrings(a.ip, b.ip),
  );
}

function serviceSnapshot(svc: Service, slices: EndpointSlice[]): ServiceSnapshot {
  const namespace = svc.metadata.namespace ?? 'default';
  return {
    name: svc.metadata.name,
    namespace,
    uid: svc.metadata.uid,
    type: svc.spec.type ?? 'ClusterIP',
    clusterIP: svc.spec.clusterIP ?? null,
    isHeadless: svc.spec.clusterIP === 'None',
    selector: { ...(svc.spec.selector ?? {}) },
    ports: (svc.spec.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`),
    dnsName: `${svc.metadata.name}.${namespace}.svc.${CLUSTER_DOMAIN}`,
    endpoints: endpointSnapshots(svc, slices),
  };
}

function workloadSnapshot(obj: StatefulSet | Deployment): WorkloadSnapshot {
  return {
    kind: obj.kind,
    name: obj.metadata.name,
    namespace: obj.metadata.namespace ?? 'default',
    uid: obj.metadata.uid,
    replicas: obj.spec.replicas ?? 1,
    readyReplicas: obj.status?.readyReplicas ?? 0,
    // StatefulSet-only fields; a Deployment's entry keeps its original shape.
    ...(obj.kind === 'StatefulSet'
      ? {
          annotations: { ...(obj.metadata.annotations ?? {}) },
          podManagementPolicy: obj.spec.podManagementPolicy ?? 'OrderedReady',
          updateStrategy: obj.spec.updateStrategy?.type ?? 'RollingUpdate',
          partition: obj.spec.updateStrategy?.rollingUpdate?.partition ?? null,
          whenDeleted: obj.spec.persistentVolumeClaimRetentionPolicy?.whenDeleted ?? 'Retain',
          whenScaled: obj.spec.persistentVolumeClaimRetentionPolicy?.whenScaled ?? 'Retain',
        }
      : {}),
  };
}

function eventSnapshot(event: Event): EventSnapshot {
  const ref = event.involvedObject;
  return {
    uid: event.metadata.uid,
    namespace: event.metadata.namespace ?? 'default',
    type: event.type,
    reason: event.reason,
    message: event.message,
    object: `${ref.kind.toLowerCase()}/${ref.name}`,
    involvedUid: ref.uid ?? null,
    source: event.source.component,
    count: event.count,
    time: fromTimestamp(event.lastTimestamp),
  };
}

/** The newest `limit` Events, ordered by lastTimestamp then name (stable for equal times). */
function recentEvents(events: Event[], limit: number): EventSnapshot[] {
  const ordered = events
    .map((event) => ({ event, time: fromTimestamp(event.lastTimestamp) }))
    .sort((a, b) => a.time - b.time || compareStrings(a.event.metadata.name, b.event.metadata.name));
  return ordered.slice(Math.max(0, ordered.length - limit)).map(({ event }) => eventSnapshot(event));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds the snapshot of `cluster` at its current simulated time. Pure: reads the API server only. */
export function buildSnapshot(cluster: Cluster): ClusterSnapshot {
  const { api } = cluster;
  const now = cluster.now();
  const slices = api.list<EndpointSlice>('EndpointSlice');
  const pods = api.list<Pod>('Pod');
  const pvs = api.list<PersistentVolume>('PersistentVolume');
  return {
    time: now,
    nodes: api.list<Node>('Node').map(nodeSnapshot),
    pods: pods.map((pod) => cachedPodSnapshot(cluster, pod, now)),
    pvcs: api.list<PersistentVolumeClaim>('PersistentVolumeClaim').map(pvcSnapshot),
    pvs: pvs.map(pvSnapshot),
    services: api.list<Service>('Service').map((svc) => serviceSnapshot(svc, slices)),
    workloads: [...api.list<StatefulSet>('StatefulSet'), ...api.list<Deployment>('Deployment')].map(
      workloadSnapshot,
    ),
    events: recentEvents(cluster.ctx.recorder.recent(SNAPSHOT_EVENT_LIMIT), SNAPSHOT_EVENT_LIMIT),
    volumeData: volumeDataSnapshots(cluster, pods, pvs),
  };
}
