/**
 * Reading a snapshot for the history: which pods belong to a workload, the facts of one pod (node, zone, IP,
 * DNS name, data volume and what is on it) and who deleted a pod, from the Events. Pure functions.
 */
import type {
  ClusterSnapshot,
  EventSnapshot,
  NodeSnapshot,
  PersistentVolumeSnapshot,
  PodSnapshot,
  PodVolumeSnapshot,
  ServiceSnapshot,
  VolumeDataSnapshot,
  WorkloadSnapshot,
} from '../../protocol';
import type { DataFacts, DeletionCause, VolumeFacts, WorkloadHistory, WorkloadKind } from './types';

/** Data directories of the database images the playground knows (docs/data.md). */
const DATA_DIRS = ['/var/lib/mysql', '/var/lib/postgresql/data'];

/**
 * A snapshot's lookups, built once per snapshot: the history reads every pod of every workload on every
 * snapshot, and a linear search per pod would make that quadratic in the number of pods.
 */
interface SnapshotIndex {
  /** Pods by `namespace/kind/name` of their workload, oldest first. */
  podsByWorkload: Map<string, PodSnapshot[]>;
  nodes: Map<string, NodeSnapshot>;
  pvs: Map<string, PersistentVolumeSnapshot>;
  volumeData: Map<string, VolumeDataSnapshot>;
  /** Services by `namespace/name`. */
  services: Map<string, ServiceSnapshot>;
}

const indexes = new WeakMap<ClusterSnapshot, SnapshotIndex>();
/** Maps by array: a snapshot rebuilt from a patch keeps an unchanged array, and its map with it. */
const arrayMaps = new WeakMap<readonly object[], Map<string, unknown>>();

function cachedMap<T extends object>(items: readonly T[], build: (items: readonly T[]) => Map<string, T>): Map<string, T> {
  const known = arrayMaps.get(items);
  if (known) return known as Map<string, T>;
  const map = build(items);
  arrayMaps.set(items, map);
  return map;
}

function workloadKey(namespace: string, kind: string | null, name: string | null): string {
  return `${namespace}/${kind ?? ''}/${name ?? ''}`;
}

function byName<T extends object>(
  items: readonly T[],
  key: (item: T) => string = (i) => (i as T & { name: string }).name,
): Map<string, T> {
  const map = new Map<string, T>();
  // The first of a name wins, as Array.find would have it.
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return map;
}

function indexOf(snapshot: ClusterSnapshot): SnapshotIndex {
  const known = indexes.get(snapshot);
  if (known) return known;
  const podsByWorkload = new Map<string, PodSnapshot[]>();
  for (const p of snapshot.pods) {
    if (!p.workloadKind) continue;
    const key = workloadKey(p.namespace, p.workloadKind, p.workloadName);
    const list = podsByWorkload.get(key);
    if (list) list.push(p);
    else podsByWorkload.set(key, [p]);
  }
  for (const [key, list] of podsByWorkload) podsByWorkload.set(key, oldestFirst(key, list));
  const index: SnapshotIndex = {
    podsByWorkload,
    nodes: cachedMap(snapshot.nodes, byName),
    pvs: cachedMap(snapshot.pvs, byName),
    volumeData: cachedMap(snapshot.volumeData ?? [], (items) => byName(items, (v) => v.volumeId)),
    services: cachedMap(snapshot.services, (items) => byName(items, (s) => `${s.namespace}/${s.name}`)),
  };
  indexes.set(snapshot, index);
  return index;
}

/**
 * The last order worked out per workload: the pods' uids as the snapshot listed them, and the same pods
 * oldest first. A pod's place depends only on its creation time and name, which never change, so the
 * same uids in the same listing give the same order again, without sorting (with a collator) each time.
 */
const lastOrders = new Map<string, { listed: string[]; sorted: string[] }>();

function oldestFirst(key: string, pods: PodSnapshot[]): PodSnapshot[] {
  const last = lastOrders.get(key);
  if (last && last.listed.length === pods.length && pods.every((p, i) => p.uid === last.listed[i])) {
    const byUid = new Map(pods.map((p) => [p.uid, p]));
    return last.sorted.map((uid) => byUid.get(uid)!);
  }
  const sorted = [...pods].sort(
    (a, b) => (a.creationTime ?? 0) - (b.creationTime ?? 0) || compareNames(a.name, b.name),
  );
  lastOrders.set(key, { listed: pods.map((p) => p.uid), sorted: sorted.map((p) => p.uid) });
  return sorted;
}

/** The pods of `workload`, oldest first (creation time, then name). */
export function workloadPods(snapshot: ClusterSnapshot, workload: WorkloadSnapshot): PodSnapshot[] {
  const pods = indexOf(snapshot).podsByWorkload.get(
    workloadKey(workload.namespace, workload.kind, workload.name),
  );
  return pods ? [...pods] : [];
}

/** The ordinal of a StatefulSet pod (`mysql-2` of set `mysql` is 2), or null. */
export function getOrdinal(podName: string, setName: string): number | null {
  if (!podName.startsWith(`${setName}-`)) return null;
  const rest = podName.slice(setName.length + 1);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : null;
}

/** One collator for every comparison: `localeCompare` with options builds a new one per call. */
const NAME_COLLATOR = new Intl.Collator('en', { numeric: true });

/** Natural order of names: `mysql-2` before `mysql-10`. */
export function compareNames(a: string, b: string): number {
  return NAME_COLLATOR.compare(a, b);
}

/**
 * What a pod snapshot says about where its data and name live, worked out once per pod snapshot (an
 * unchanged pod is the same object from one snapshot to the next): its data volume (the first PVC
 * volume, else the volume mounted at a database data directory, else an emptyDir), that volume's PV, and
 * the Service that may govern its DNS name.
 */
interface PodFacts {
  dataVolume: PodVolumeSnapshot | null;
  pvName: string | null;
  /** `namespace/subdomain` of the Service that may govern the pod's DNS name, when it has a hostname. */
  serviceKey: string | null;
}

const podFactsCache = new WeakMap<PodSnapshot, PodFacts>();

function podFacts(pod: PodSnapshot): PodFacts {
  const known = podFactsCache.get(pod);
  if (known) return known;
  const volumes = pod.volumes ?? [];
  const dataVolume =
    volumes.find((v) => v.claimName !== null) ??
    volumes.find((v) => v.mountPaths.some((m) => DATA_DIRS.includes(m))) ??
    volumes.find((v) => v.source === 'emptyDir') ??
    null;
  const facts: PodFacts = {
    dataVolume,
    pvName: dataVolume?.volumeId?.startsWith('pv:') ? dataVolume.volumeId.slice(3) : null,
    serviceKey: pod.hostname && pod.subdomain ? `${pod.namespace}/${pod.subdomain}` : null,
  };
  podFactsCache.set(pod, facts);
  return facts;
}

/** The headless Service named by the pod's subdomain, when the pod has a hostname. */
function governingService(snapshot: ClusterSnapshot, pod: PodSnapshot): ServiceSnapshot | undefined {
  const { serviceKey } = podFacts(pod);
  const svc = serviceKey ? indexOf(snapshot).services.get(serviceKey) : undefined;
  return svc?.isHeadless ? svc : undefined;
}

/**
 * Everything `observePod` reads of a snapshot for one pod, as the objects it reads it from: the same pod
 * snapshot with the same readings gives the same record. `into` is filled and returned (the reducer reads
 * into one object and copies it only when it keeps it).
 */
export interface PodReadings {
  pod: PodSnapshot;
  node: NodeSnapshot | undefined;
  /** The governing headless Service's DNS domain, or null. */
  domain: string | null;
  pv: PersistentVolumeSnapshot | undefined;
  /** What is on the data volume (or on `fallbackVolumeId` when the pod names no data volume). */
  data: VolumeDataSnapshot | undefined;
}

export function readPod(
  snapshot: ClusterSnapshot,
  pod: PodSnapshot,
  fallbackVolumeId: string | null,
  into: PodReadings,
): PodReadings {
  const index = indexOf(snapshot);
  const { dataVolume, pvName } = podFacts(pod);
  into.pod = pod;
  into.node = pod.nodeName === null ? undefined : index.nodes.get(pod.nodeName);
  into.domain = governingService(snapshot, pod)?.dnsName ?? null;
  into.pv = pvName ? index.pvs.get(pvName) : undefined;
  const volumeId = dataVolume ? dataVolume.volumeId : fallbackVolumeId;
  into.data = volumeId ? index.volumeData.get(volumeId) : undefined;
  return into;
}

export function sameReadings(a: PodReadings | undefined, b: PodReadings): boolean {
  return (
    a !== undefined &&
    a.pod === b.pod &&
    a.node === b.node &&
    a.domain === b.domain &&
    a.pv === b.pv &&
    a.data === b.data
  );
}

/** What a pod's readings say, as a record keeps it (fields the snapshot does not tell are null). */
export interface ObservedFacts {
  volume: VolumeFacts | null;
  zone: string | null;
  /** `mysql-0.mysql.default.svc.cluster.local` for a pod with a hostname under a headless Service. */
  dnsName: string | null;
  data: DataFacts | null;
}

export function observedFacts(readings: PodReadings): ObservedFacts {
  const { pod, node, domain, pv, data } = readings;
  const { dataVolume, pvName } = podFacts(pod);
  return {
    volume: dataVolume
      ? {
          name: dataVolume.name,
          source: dataVolume.source,
          claimName: dataVolume.claimName,
          pvName,
          pvZone: pv?.zone ?? null,
          volumeId: dataVolume.volumeId,
        }
      : null,
    zone: node?.zone ?? null,
    dnsName: domain && pod.hostname ? `${pod.hostname}.${domain}` : null,
    data: data ? { files: data.files, tables: data.tables, rows: data.rows } : null,
  };
}

function selects(svc: ServiceSnapshot, pod: PodSnapshot | undefined, workload: WorkloadSnapshot): boolean {
  if (svc.namespace !== workload.namespace || Object.keys(svc.selector).length === 0) return false;
  if (pod) return svc.endpoints.some((e) => e.podUid === pod.uid) || svc.name === workload.name;
  return svc.name === workload.name;
}

/** The Services of a workload: the headless one giving DNS names and a ClusterIP one with a VIP. */
export function workloadServices(
  snapshot: ClusterSnapshot,
  workload: WorkloadSnapshot,
  pods: readonly PodSnapshot[],
): Pick<WorkloadHistory, 'serviceDnsName' | 'service'> {
  const withHostname = pods.find((p) => p.hostname && p.subdomain);
  const headless = withHostname ? governingService(snapshot, withHostname) : undefined;
  const clusterIp = snapshot.services.find((s) => !s.isHeadless && selects(s, pods[0], workload));
  return {
    serviceDnsName: headless?.dnsName ?? null,
    service: clusterIp
      ? { name: clusterIp.name, dnsName: clusterIp.dnsName, clusterIP: clusterIp.clusterIP }
      : null,
  };
}

/** Whether an Event is its controller's SuccessfulDelete of pod `podName`. */
function isControllerDelete(event: EventSnapshot, kind: WorkloadKind, podName: string): boolean {
  if (event.reason !== 'SuccessfulDelete') return false;
  if (kind === 'StatefulSet') return event.message.startsWith(`delete Pod ${podName} in StatefulSet `);
  return event.object.startsWith('replicaset/') && event.message === `Deleted pod: ${podName}`;
}

/**
 * Who deleted a pod: its controller or the taint eviction controller when an Event says so; else a drain
 * (node cordoned), a lost node (NotReady) or a person.
 */
export function deletionCause(
  snapshot: ClusterSnapshot,
  kind: WorkloadKind,
  pod: { name: string; namespace: string; nodeName: string | null; createdAt: number },
): DeletionCause {
  // Events about an earlier pod of the same name (a re-created StatefulSet pod) are not about this one.
  const events = snapshot.events.filter((e) => e.time >= Math.floor(pod.createdAt / 1000) * 1000);
  if (events.some((e) => isControllerDelete(e, kind, pod.name))) return 'controller';
  const taintMessage = `Marking for deletion Pod ${pod.namespace}/${pod.name}`;
  if (events.some((e) => e.reason === 'TaintManagerEviction' && e.message === taintMessage)) return 'taint';
  const node = pod.nodeName === null ? undefined : indexOf(snapshot).nodes.get(pod.nodeName);
  if (node && !node.isReady) return 'nodeLost';
  if (node?.isUnschedulable) return 'drain';
  return 'user';
}

/** The time of the kubelet's Killing Event for pod `uid`, or null. */
export function killingTime(events: readonly EventSnapshot[], uid: string): number | null {
  const killing = events.filter((e) => e.involvedUid === uid && e.reason === 'Killing');
  return killing.length ? Math.min(...killing.map((e) => e.time)) : null;
}
