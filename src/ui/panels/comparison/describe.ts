/**
 * What the comparison panel shows for a workload, as pure functions of its history: each slot's facts and
 * its history in plain words, the scorecard, and the timeline of creations and terminations.
 */
import type { PodRecord, SlotHistory, WorkloadHistory } from '../../history';
import { plural, podSuffix } from './words';

/** One slot as the panel lists it. */
export interface SlotView {
  key: string;
  /** `mysql-1`, or `slot 2` for a Deployment position. */
  label: string;
  /** The pod in the slot now (possibly Terminating), or null when the slot is empty. */
  pod: PodRecord | null;
  /** `PVC data-mysql-1 -> PV pvc-...`, `emptyDir data`, or `none`. */
  volume: string;
  /** `3 rows in 1 table`, `no rows`, or `unknown`. */
  data: string;
  /** `mysql-1: node-1 -> node-2, IP ... -> ..., same name, ...` */
  history: string;
  /** How many pods held the slot since the start. */
  incarnations: number;
  /** What the last change did to the slot's data: kept (same volume), lost, or null when nothing changed. */
  outcome: 'kept' | 'lost' | null;
}

function outcome(slot: SlotHistory): SlotView['outcome'] {
  const pairs = replacements(slot);
  const last = pairs[pairs.length - 1];
  if (last) return sameVolume(last) ? 'kept' : 'lost';
  const only = slot.pods[0];
  if (only?.goneAt != null) return only.volume?.pvName ? 'kept' : 'lost';
  return null;
}

/** Consecutive holders of a slot: the pod that left and the one that took its place. */
export interface Replacement {
  before: PodRecord;
  after: PodRecord;
}

function replacements(slot: SlotHistory): Replacement[] {
  return slot.pods.slice(1).map((after, i) => ({ before: slot.pods[i]!, after }));
}

function current(slot: SlotHistory): PodRecord | null {
  const last = slot.pods[slot.pods.length - 1];
  return last && last.goneAt === null ? last : null;
}

export function volumeLabel(record: PodRecord | null): string {
  const v = record?.volume;
  if (!v) return 'none';
  if (v.claimName)
    return v.pvName ? `PVC ${v.claimName} -> PV ${v.pvName}` : `PVC ${v.claimName} (not bound yet)`;
  return `${v.source} ${v.name}`;
}

export function dataLabel(record: PodRecord | null): string {
  const d = record?.data;
  if (!d) return 'unknown';
  if (d.tables > 0) return `${plural(d.rows, 'row')} in ${plural(d.tables, 'table')}`;
  return d.files > 0 ? `no rows (${plural(d.files, 'file')})` : 'no rows';
}

function sameVolume(r: Replacement): boolean {
  return r.before.volume?.pvName != null && r.before.volume.pvName === r.after.volume?.pvName;
}

/** The rows the pod that left had on its volume. */
function rowsBefore(r: Replacement): number {
  return r.before.data?.rows ?? 0;
}

function dataWords(r: Replacement): string {
  const v = r.before.volume;
  const rows = rowsBefore(r);
  if (sameVolume(r)) {
    const kept = `${v?.claimName ?? v?.name} re-attached`;
    if (rows === 0) return `${kept} (no rows written yet)`;
    const now = r.after.data?.rows ?? 0;
    return now >= rows
      ? `${kept}, ${plural(rows, 'row')} intact`
      : `${kept}, ${now} of ${plural(rows, 'row')} left`;
  }
  if (!v) return 'no volume';
  const what =
    v.source === 'emptyDir'
      ? 'emptyDir data lost'
      : `new volume ${r.after.volume?.claimName ?? r.after.volume?.name ?? ''}`.trim();
  return rows > 0 ? `${what} (${plural(rows, 'row')})` : `${what} (no rows written yet)`;
}

function replacementWords(r: Replacement): string[] {
  const { before: a, after: b } = r;
  const parts: string[] = [];
  const renamed = a.name !== b.name;
  if (renamed) parts.push(`${a.name} replaced by ${b.name}`, 'new name');
  if (a.nodeName !== b.nodeName)
    parts.push(`${a.nodeName ?? 'unscheduled'} -> ${b.nodeName ?? 'unscheduled'}`);
  else parts.push(a.nodeName ? `same node (${a.nodeName})` : 'not scheduled');
  if (b.ip === null) parts.push('no IP yet');
  else if (a.ip !== b.ip)
    parts.push(renamed ? `new IP (${a.ip ?? 'none'} -> ${b.ip})` : `IP ${a.ip ?? 'none'} -> ${b.ip}`);
  else parts.push('same IP');
  if (!renamed) parts.push('same name');
  if (a.dnsName && b.dnsName) parts.push(a.dnsName === b.dnsName ? 'same DNS name' : 'new DNS name');
  parts.push(dataWords(r));
  return parts;
}

/** The slot's history since the start in plain words. */
export function slotHistoryWords(slot: SlotHistory, kind: WorkloadHistory['kind']): string {
  const first = slot.pods[0];
  const last = slot.pods[slot.pods.length - 1];
  if (!first || !last) return 'empty';
  const label = kind === 'StatefulSet' ? `${last.name}: ` : '';
  const pairs = replacements(slot);
  const parts: string[] = [];
  if (pairs.length === 0 && last.terminatingAt === null) parts.push('no change since the start');
  else if (pairs.length > 0) {
    // Compare the first holder with the latest one; say how many times it changed hands.
    const summary = replacementWords({ before: first, after: last });
    const dataStep = dataWords(pairs[pairs.length - 1]!);
    summary[summary.length - 1] = dataStep;
    parts.push(...summary);
    if (pairs.length > 1) parts.push(`replaced ${pairs.length} times`);
  }
  if (last.goneAt !== null || last.terminatingAt !== null) {
    const by =
      last.deletedBy === 'controller' ? ' by its controller' : last.deletedBy === 'user' ? ' by you' : '';
    const rows = last.data?.rows ?? 0;
    const withRows = rows > 0 ? ` (${plural(rows, 'row')})` : '';
    const v = last.volume;
    const fate = v?.pvName
      ? `${v.claimName ?? v.name} kept${withRows}`
      : v?.source === 'emptyDir'
        ? `emptyDir data ${last.goneAt !== null ? 'lost' : 'goes with it'}${withRows}`
        : '';
    const state = last.goneAt !== null ? `deleted${by}, not replaced` : `terminating (deleted${by})`;
    parts.push(`${kind === 'StatefulSet' ? '' : `${last.name} `}${state}${fate ? `; ${fate}` : ''}`);
  }
  return label + parts.join(', ');
}

function slotView(w: WorkloadHistory, slot: SlotHistory): SlotView {
  const pod = current(slot);
  const shown = pod ?? slot.pods[slot.pods.length - 1] ?? null;
  return {
    key: slot.key,
    label: slot.ordinal !== null ? `${w.name}-${slot.ordinal}` : `slot ${slot.position + 1}`,
    pod,
    volume: volumeLabel(shown),
    data: pod ? dataLabel(pod) : shown?.volume?.pvName ? dataLabel(shown) : 'gone',
    history: slotHistoryWords(slot, w.kind),
    incarnations: slot.pods.length,
    outcome: outcome(slot),
  };
}

/**
 * Views by slot history. The reducer keeps an unchanged slot's object, and a slot belongs to one workload
 * for good, so a slot's view is worked out once per change and the same object tells the panel to skip it.
 */
const slotViewCache = new WeakMap<SlotHistory, SlotView>();

/**
 * The slots of a workload as the panel lists them (the first `limit` when given); an unchanged slot gives
 * the same view object.
 */
export function slotViews(w: WorkloadHistory, limit?: number): SlotView[] {
  const slots = limit === undefined ? w.slots : w.slots.slice(0, limit);
  return slots.map((slot) => {
    const cached = slotViewCache.get(slot);
    if (cached) return cached;
    const view = slotView(w, slot);
    slotViewCache.set(slot, view);
    return view;
  });
}

/** The scorecard: what the replacements since the start kept and lost. */
export interface Scorecard {
  replacements: number;
  namesChanged: number;
  ipsChanged: number;
  /** Slots with a pod now whose DNS name never changed, of `slotsWithPods`. */
  stableDnsNames: number;
  slotsWithPods: number;
  volumesReattached: number;
  rowsKept: number;
  rowsLost: number;
  /** Replacements that kept / lost the data volume. */
  dataKept: number;
  dataLost: number;
}

export function scorecard(w: WorkloadHistory): Scorecard {
  const pairs = w.slots.flatMap(replacements);
  const filled = w.slots.filter((s) => current(s) !== null);
  const lostUnreplaced = w.slots
    .map((s) => s.pods[s.pods.length - 1])
    .filter((r): r is PodRecord => !!r && r.goneAt !== null && !r.volume?.pvName);
  return {
    replacements: pairs.length,
    namesChanged: pairs.filter((r) => r.before.name !== r.after.name).length,
    ipsChanged: pairs.filter((r) => r.after.ip !== null && r.before.ip !== r.after.ip).length,
    stableDnsNames: filled.filter((s) => {
      const names = new Set(s.pods.map((r) => r.dnsName));
      return names.size === 1 && !names.has(null);
    }).length,
    slotsWithPods: filled.length,
    volumesReattached: pairs.filter(sameVolume).length,
    rowsKept: pairs.filter(sameVolume).reduce((n, r) => n + rowsBefore(r), 0),
    rowsLost:
      pairs.filter((r) => !sameVolume(r)).reduce((n, r) => n + rowsBefore(r), 0) +
      lostUnreplaced.reduce((n, r) => n + (r.data?.rows ?? 0), 0),
    dataKept: pairs.filter(sameVolume).length,
    dataLost: pairs.filter((r) => !sameVolume(r)).length + lostUnreplaced.length,
  };
}

/** One instant on the timeline and the pods created or deleted at it. */
export interface TimelineMoment {
  /** Simulated milliseconds, whole seconds. */
  time: number;
  /** The first MOMENT_ENTRIES pods of the moment. */
  entries: { key: string; label: string; change: 'created' | 'deleted' }[];
  /** How many more pods were created or deleted at that moment (a rollout moves hundreds at once). */
  more: number;
}

/** The most pods one moment of the timeline lists. */
export const MOMENT_ENTRIES = 12;

/** The short label of a pod on the timeline: its ordinal, or its random suffix. */
export function timelineLabel(w: WorkloadHistory, record: PodRecord): string {
  if (w.kind === 'StatefulSet' && record.name.startsWith(`${w.name}-`))
    return record.name.slice(w.name.length + 1);
  return podSuffix(record.name);
}

/**
 * Creations and deletions grouped by second, oldest first; the newest `limit` moments, each listing its
 * first MOMENT_ENTRIES pods and counting the rest.
 */
export function timeline(w: WorkloadHistory, limit = 10): TimelineMoment[] {
  const moments = new Map<number, TimelineMoment>();
  const add = (time: number, record: PodRecord, change: 'created' | 'deleted') => {
    const at = Math.floor(time / 1000) * 1000;
    let moment = moments.get(at);
    if (!moment) moments.set(at, (moment = { time: at, entries: [], more: 0 }));
    if (moment.entries.length < MOMENT_ENTRIES)
      moment.entries.push({ key: `${record.uid}-${change}`, label: timelineLabel(w, record), change });
    else moment.more++;
  };
  for (const slot of w.slots) {
    for (const record of slot.pods) {
      add(record.createdAt, record, 'created');
      if (record.terminatingAt !== null) add(record.terminatingAt, record, 'deleted');
    }
  }
  return [...moments.values()].sort((a, b) => a.time - b.time).slice(-limit);
}

/**
 * How a set of times reads: `one after another`, or `all at once` when they fall in the same `resolutionMs`
 * (whole seconds for API timestamps); null for fewer than two.
 */
export function pattern(times: readonly number[], resolutionMs = 1000): 'one after another' | 'all at once' | null {
  if (times.length < 2) return null;
  const seconds = new Set(times.map((t) => Math.floor(t / resolutionMs)));
  return seconds.size === 1 ? 'all at once' : 'one after another';
}

/** The Deployment and the StatefulSet to compare: the first of each kind, Deployment first. */
export function pairToCompare(workloads: readonly WorkloadHistory[]): WorkloadHistory[] {
  const deployment = workloads.find((w) => w.kind === 'Deployment');
  const statefulSet = workloads.find((w) => w.kind === 'StatefulSet');
  return [deployment, statefulSet].filter((w): w is WorkloadHistory => w !== undefined);
}
