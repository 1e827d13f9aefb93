/**
 * The events table: snapshot Events as `kubectl get events` prints them (LAST SEEN, TYPE, REASON, OBJECT,
 * MESSAGE), filtered by a text and by the object they involve, in time order.
 */
import type { EventSnapshot } from '../../protocol';
import type { ObjectRef } from '../../store/playgroundStore';
import { formatAge } from './duration';

/** One row of the table, cells as kubectl prints them. */
export interface EventRow {
  /** A stable React key. */
  key: string;
  namespace: string;
  lastSeen: string;
  type: string;
  reason: string;
  object: string;
  message: string;
  isWarning: boolean;
}

/**
 * Which events to show: a free text (matched, case-insensitively, against type, reason, object and message)
 * and optionally only those involving some objects.
 */
export interface EventFilter {
  text: string;
  /** Only events whose involved object is one of these; null for all. */
  objects: ObjectRef[] | null;
}

export type EventOrder = 'newestFirst' | 'oldestFirst';

/** Kinds whose objects live in no namespace: their events match whatever namespace they were recorded in. */
const CLUSTER_SCOPED = new Set(['Node', 'PersistentVolume', 'Namespace', 'StorageClass']);

/** `pod/mysql-0`: the OBJECT cell kubectl prints for an object (lower-case kind, no group). */
export function objectWord(ref: ObjectRef): string {
  return `${ref.kind.toLowerCase()}/${ref.name}`;
}

/** True when `event` involves the object `ref`. */
export function eventInvolves(event: EventSnapshot, ref: ObjectRef): boolean {
  if (event.object !== objectWord(ref)) return false;
  if (CLUSTER_SCOPED.has(ref.kind) || ref.namespace === null) return true;
  return event.namespace === ref.namespace;
}

/** True when `event` passes `filter`. */
export function eventMatches(event: EventSnapshot, filter: EventFilter): boolean {
  if (filter.objects && !filter.objects.some((ref) => eventInvolves(event, ref))) return false;
  const needle = filter.text.trim().toLowerCase();
  if (!needle) return true;
  return [event.type, event.reason, event.object, event.message].some((cell) =>
    cell.toLowerCase().includes(needle),
  );
}

/**
 * The rows to show at simulated time `now`: matching events ordered by last time seen (ties keep the
 * snapshot's order, which is stable), newest or oldest first.
 */
export function eventRows(
  events: readonly EventSnapshot[],
  now: number,
  filter: EventFilter,
  order: EventOrder = 'newestFirst',
): EventRow[] {
  const indexed = events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => eventMatches(event, filter));
  indexed.sort((a, b) => a.event.time - b.event.time || a.index - b.index);
  if (order === 'newestFirst') indexed.reverse();
  return indexed.map(({ event }) => ({
    key: event.uid,
    namespace: event.namespace,
    lastSeen: formatAge(now, event.time),
    type: event.type,
    reason: event.reason,
    object: event.object,
    message: event.message.trim(),
    isWarning: event.type === 'Warning',
  }));
}

/** True when the rows come from more than one namespace: the table then adds kubectl's NAMESPACE column (-A). */
export function spansNamespaces(rows: readonly EventRow[]): boolean {
  return rows.some((r) => r.namespace !== rows[0]?.namespace);
}
