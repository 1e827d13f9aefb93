/**
 * The comparison history as a pure reducer: `reduceHistory(history, snapshot, time)` folds one snapshot into
 * the history of every StatefulSet and Deployment. A StatefulSet pod's slot is its ordinal, so a re-created
 * `mysql-1` keeps its slot; a Deployment pod's slot is a position, and a new pod takes the place of the pod
 * that left it (slots vacated earliest are filled first, new pods in creation order). Unchanged workloads,
 * slots and records keep their object identity, so a view can skip them.
 */
import type { ClusterSnapshot, EventSnapshot, PodSnapshot, WorkloadSnapshot } from '../../protocol';
import {
  compareNames,
  deletionCause,
  getOrdinal,
  killingTime,
  observedFacts,
  readPod,
  sameReadings,
  workloadPods,
  workloadServices,
} from './observe';
import type { ObservedFacts, PodReadings } from './observe';
import type {
  Episode,
  History,
  PodRecord,
  SlotHistory,
  WorkloadAction,
  WorkloadHistory,
} from './types';

/** The most Events an episode keeps (the oldest are dropped). */
export const EPISODE_EVENT_LIMIT = 200;

function isTracked(w: WorkloadSnapshot): boolean {
  return w.kind === 'StatefulSet' || w.kind === 'Deployment';
}

function same<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * `same`, one level down: equal when every field is identical or, for an object field not in `byIdentity`,
 * serialises the same. Runs for every pod on every snapshot, so it never serialises the whole object.
 */
function sameFields<T extends object>(a: T, b: T, byIdentity: readonly (keyof T)[] = []): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    const x = a[k];
    const y = b[k];
    if (x === y) return true;
    if (byIdentity.includes(k) || typeof x !== 'object' || typeof y !== 'object') return false;
    return same(x, y);
  });
}

/** When the deletion was requested: the deletionTimestamp less the grace period, else `time`. */
function deletionRequestTime(pod: PodSnapshot, time: number): number {
  if (pod.deletionTime === null) return time;
  return pod.deletionTime - (pod.deletionGracePeriodSeconds ?? 0) * 1000;
}

/**
 * What a record was last observed from: the pod snapshot and what it read of the rest of the snapshot.
 * Snapshots rebuilt from patches keep an unchanged pod's object, so a record whose inputs are all the same
 * is the record already made, and most pods of a large workload cost a few lookups per snapshot.
 */
const observedFrom = new WeakMap<PodRecord, PodReadings>();
/** The readings of the pod being observed: read into one object, copied only when a record is made. */
const scratch = {} as PodReadings;

/** The record of `pod` as seen in `snapshot`; `prev` when nothing changed. */
export function observePod(
  prev: PodRecord | undefined,
  pod: PodSnapshot,
  snapshot: ClusterSnapshot,
  time: number,
): PodRecord {
  const readings = readPod(snapshot, pod, prev?.volume?.volumeId ?? null, scratch);
  // Given the same pod and the same readings, the fields below that fall back on `time` were already
  // set from it when the record was made, so the result would be `prev` again.
  if (prev && sameReadings(observedFrom.get(prev), readings)) return prev;
  const record = recordOf(prev, pod, time, observedFacts(readings));
  observedFrom.set(record, { ...readings });
  return record;
}

function recordOf(
  prev: PodRecord | undefined,
  pod: PodSnapshot,
  time: number,
  seen: ObservedFacts,
): PodRecord {
  const volume = seen.volume ?? prev?.volume ?? null;
  const next: PodRecord = {
    uid: pod.uid,
    name: pod.name,
    ownerName: pod.ownerName,
    nodeName: pod.nodeName ?? prev?.nodeName ?? null,
    zone: seen.zone ?? prev?.zone ?? null,
    ip: pod.ip ?? prev?.ip ?? null,
    dnsName: seen.dnsName ?? prev?.dnsName ?? null,
    volume: volume && prev?.volume && !volume.pvName && prev.volume.pvName ? prev.volume : volume,
    data: seen.data ?? prev?.data ?? null,
    status: pod.status,
    isReady: pod.isReady,
    createdAt: pod.creationTime ?? prev?.createdAt ?? time,
    readyAt: prev?.readyAt ?? (pod.isReady ? (pod.readyTime ?? time) : null),
    terminatingAt: prev?.terminatingAt ?? (pod.isTerminating ? deletionRequestTime(pod, time) : null),
    gracePeriodSeconds: pod.deletionGracePeriodSeconds ?? prev?.gracePeriodSeconds ?? null,
    terminatingSeenAt: prev?.terminatingSeenAt ?? (pod.isTerminating ? time : null),
    goneAt: null,
    deletedBy: prev?.deletedBy ?? null,
    firstSeenAt: prev?.firstSeenAt ?? time,
  };
  return prev && sameFields(prev, next) ? prev : next;
}

function slotOrder(a: SlotHistory, b: SlotHistory): number {
  if (a.ordinal !== null && b.ordinal !== null) return a.ordinal - b.ordinal;
  if (a.ordinal !== null) return -1;
  if (b.ordinal !== null) return 1;
  return a.position - b.position;
}

function lastOf(slot: SlotHistory): PodRecord | undefined {
  return slot.pods[slot.pods.length - 1];
}

/** A slot a new Deployment pod may take: its last pod is terminating or gone. */
function vacatedAt(slot: SlotHistory): number | null {
  const last = lastOf(slot);
  if (!last) return -Infinity;
  return last.terminatingAt ?? last.goneAt;
}

/**
 * Puts new pods into slots: by ordinal for a StatefulSet, into vacated places for a Deployment. Slots that
 * take no pod keep their object.
 */
function placeNewPods(
  kind: WorkloadKind,
  setName: string,
  slots: SlotHistory[],
  records: PodRecord[],
): SlotHistory[] {
  const out = [...slots];
  /** Indexes in `out` of the slots already copied for this call (so they can take more pods). */
  const copied = new Set<number>();
  const take = (index: number, record: PodRecord) => {
    if (!copied.has(index)) {
      out[index] = { ...out[index]!, pods: [...out[index]!.pods] };
      copied.add(index);
    }
    out[index]!.pods.push(record);
  };
  const vacancies = out
    .map((s, index) => ({ s, index }))
    .filter(({ s }) => s.ordinal === null && vacatedAt(s) !== null)
    .sort((a, b) => vacatedAt(a.s)! - vacatedAt(b.s)! || a.s.position - b.s.position)
    .map(({ index }) => index);
  for (const record of records) {
    const ordinal = kind === 'StatefulSet' ? getOrdinal(record.name, setName) : null;
    let index = ordinal !== null ? out.findIndex((s) => s.ordinal === ordinal) : (vacancies.shift() ?? -1);
    if (index < 0) {
      const position = out.reduce((max, s) => Math.max(max, s.position + 1), 0);
      out.push({
        key: ordinal !== null ? `ordinal:${ordinal}` : `position:${position}`,
        ordinal,
        position,
        pods: [],
      });
      index = out.length - 1;
      copied.add(index);
    }
    take(index, record);
  }
  return out.sort(slotOrder);
}

type WorkloadKind = WorkloadHistory['kind'];

function settled(w: WorkloadSnapshot, pods: readonly PodSnapshot[]): boolean {
  return pods.length === w.replicas && pods.every((p) => p.isReady && !p.isTerminating);
}

/** A workload's history as first seen: each pod in its own slot, no episode. */
function startWorkload(w: WorkloadSnapshot, snapshot: ClusterSnapshot, time: number): WorkloadHistory {
  const kind = w.kind as WorkloadKind;
  const pods = workloadPods(snapshot, w);
  const records = pods.map((p) => observePod(undefined, p, snapshot, time));
  return {
    kind,
    name: w.name,
    namespace: w.namespace,
    uid: w.uid,
    replicas: w.replicas,
    readyReplicas: w.readyReplicas,
    ...workloadServices(snapshot, w, pods),
    slots: placeNewPods(kind, w.name, [], records),
    isSettled: settled(w, pods),
    episode: null,
  };
}

/** Whether an Event is about the workload, one of its ReplicaSets, pods or claims. */
function relevance(w: WorkloadHistory, slots: readonly SlotHistory[]): (e: EventSnapshot) => boolean {
  const uids = new Set<string>([w.uid]);
  const owners = new Set<string>();
  const claims = new Set<string>();
  for (const slot of slots) {
    for (const r of slot.pods) {
      uids.add(r.uid);
      if (r.ownerName && w.kind === 'Deployment') owners.add(r.ownerName);
      if (r.volume?.claimName) claims.add(r.volume.claimName);
    }
  }
  // The OBJECT column's `replicaset/<name>` and `persistentvolumeclaim/<name>`, read without building
  // those strings for every pod on every snapshot.
  return (e) => {
    if (e.namespace !== w.namespace) return false;
    if (e.involvedUid !== null && uids.has(e.involvedUid)) return true;
    const slash = e.object.indexOf('/');
    if (slash < 0) return false;
    const kind = e.object.slice(0, slash);
    const name = e.object.slice(slash + 1);
    return (kind === 'replicaset' && owners.has(name)) || (kind === 'persistentvolumeclaim' && claims.has(name));
  };
}

function nextEpisode(
  prev: WorkloadHistory,
  actions: WorkloadAction[],
  events: EventSnapshot[],
): Episode | null {
  const startsNew = actions.some((a) => a.type !== 'deletedPod' || a.cause !== 'controller');
  const controllerOnly = actions.length > 0 && !startsNew;
  if (startsNew || (controllerOnly && (prev.isSettled || !prev.episode))) {
    const start = Math.min(...actions.map((a) => a.time));
    const since = Math.floor(start / 1000) * 1000;
    return { start, actions, events: events.filter((e) => e.time >= since).slice(-EPISODE_EVENT_LIMIT) };
  }
  if (!prev.episode || (actions.length === 0 && events.length === 0)) return prev.episode;
  return {
    start: prev.episode.start,
    actions: [...prev.episode.actions, ...actions],
    events: [...prev.episode.events, ...events].slice(-EPISODE_EVENT_LIMIT),
  };
}

function reduceWorkload(
  prev: WorkloadHistory,
  w: WorkloadSnapshot,
  snapshot: ClusterSnapshot,
  newEvents: readonly EventSnapshot[],
  time: number,
): WorkloadHistory {
  const pods = workloadPods(snapshot, w);
  const byUid = new Map(pods.map((p) => [p.uid, p]));
  const known = new Set<string>();
  const actions: WorkloadAction[] = [];

  const deleted = (record: PodRecord, at: number): PodRecord => {
    const cause = deletionCause(snapshot, prev.kind, { ...record, namespace: prev.namespace });
    actions.push({
      type: 'deletedPod',
      time: at,
      podName: record.name,
      uid: record.uid,
      nodeName: record.nodeName,
      cause,
    });
    return { ...record, deletedBy: cause };
  };

  let slots = prev.slots.map((slot) => {
    const records = slot.pods.map((record) => {
      known.add(record.uid);
      if (record.goneAt !== null) return record;
      const pod = byUid.get(record.uid);
      if (!pod) {
        const at = record.terminatingAt ?? killingTime(snapshot.events, record.uid) ?? time;
        const gone = { ...record, terminatingAt: at, terminatingSeenAt: record.terminatingSeenAt ?? time, goneAt: time };
        return record.deletedBy ? gone : deleted(gone, at);
      }
      const next = observePod(record, pod, snapshot, time);
      if (next.terminatingAt !== null && record.terminatingAt === null && !next.deletedBy)
        return deleted(next, next.terminatingAt);
      return next;
    });
    return records.every((r, i) => r === slot.pods[i]) ? slot : { ...slot, pods: records };
  });

  const fresh = pods
    .filter((p) => !known.has(p.uid))
    .sort((a, b) => (a.creationTime ?? 0) - (b.creationTime ?? 0) || compareNames(a.name, b.name));
  if (fresh.length) {
    const owners = new Set(prev.slots.flatMap((s) => s.pods.map((r) => r.ownerName)));
    const records = fresh.map((p) => observePod(undefined, p, snapshot, time));
    for (const r of records) {
      if (prev.kind === 'Deployment' && r.ownerName && owners.size > 0 && !owners.has(r.ownerName)) {
        actions.push({ type: 'newRevision', time: r.createdAt, ownerName: r.ownerName });
        owners.add(r.ownerName);
      }
    }
    slots = placeNewPods(prev.kind, prev.name, slots, records);
  }
  if (w.replicas !== prev.replicas)
    actions.push({ type: 'scaled', time, from: prev.replicas, to: w.replicas });

  const about = newEvents.length > 0 ? newEvents.filter(relevance(prev, slots)) : [];
  const episode = nextEpisode(prev, actions, about);
  const next: WorkloadHistory = {
    ...prev,
    replicas: w.replicas,
    readyReplicas: w.readyReplicas,
    ...workloadServices(snapshot, w, pods),
    slots:
      slots.every((s, i) => s === prev.slots[i]) && slots.length === prev.slots.length ? prev.slots : slots,
    isSettled: settled(w, pods),
    episode,
  };
  // Unchanged slots and episodes keep their identity (above), so identity tells them apart.
  return sameFields(next, prev, ['slots', 'episode']) ? prev : next;
}

function eventCounts(snapshot: ClusterSnapshot): Record<string, number> {
  return Object.fromEntries(snapshot.events.map((e) => [e.uid, e.count]));
}

/** A fresh history from `snapshot`: the start, or a reset. */
export function initialHistory(snapshot: ClusterSnapshot, time: number = snapshot.time): History {
  return {
    startedAt: time,
    time,
    seenEvents: eventCounts(snapshot),
    workloads: snapshot.workloads.filter(isTracked).map((w) => startWorkload(w, snapshot, time)),
  };
}

/**
 * Folds `snapshot` (taken at `time`) into `history`. Starts afresh when there is no history yet or time
 * went backwards (a new scenario or a seek). Pure.
 */
export function reduceHistory(
  history: History | null,
  snapshot: ClusterSnapshot,
  time: number = snapshot.time,
): History {
  if (!history || time < history.time) return initialHistory(snapshot, time);
  const newEvents = snapshot.events.filter((e) => history.seenEvents[e.uid] !== e.count);
  const workloads = snapshot.workloads.filter(isTracked).map((w) => {
    const prev = history.workloads.find((h) => h.uid === w.uid);
    return prev ? reduceWorkload(prev, w, snapshot, newEvents, time) : startWorkload(w, snapshot, time);
  });
  const unchanged =
    workloads.length === history.workloads.length && workloads.every((w, i) => w === history.workloads[i]);
  return {
    startedAt: history.startedAt,
    time,
    seenEvents: newEvents.length ? eventCounts(snapshot) : history.seenEvents,
    workloads: unchanged ? history.workloads : workloads,
  };
}
