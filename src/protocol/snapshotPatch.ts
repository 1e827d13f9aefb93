/**
 * Snapshot patches: how a snapshot crosses the thread boundary when most of it did not change.
 *
 * A playing cluster posts ten snapshots a second and, with hundreds of pods, most pods, claims and volumes
 * are the same from one to the next. The worker's encoder sends a `snapshotPatch` instead of the whole
 * snapshot: each array of the snapshot either left out (nothing in it changed) or listed anew, where a
 * number `k` stands for "element `k` of the previous snapshot's array, unchanged". The client's decoder
 * rebuilds the whole snapshot from the previous one, reusing the previous objects for unchanged elements,
 * so everything downstream sees plain full snapshots in which an unchanged pod is the very same object as
 * before (and can skip its work by identity).
 *
 * Every FULL_SNAPSHOT_EVERY snapshots, and whenever there is no previous snapshot, the encoder sends the
 * whole snapshot: a decoder that lost its place (a message that failed validation) finds it again.
 */
import type { ClusterSnapshot } from '../sim/snapshot';
import { EventType } from './events';
import type { SnapshotEvent } from './events';

/** The arrays of a snapshot, each patched on its own. */
export const SNAPSHOT_ARRAYS = [
  'nodes',
  'pods',
  'pvcs',
  'pvs',
  'services',
  'workloads',
  'events',
  'volumeData',
] as const;
export type SnapshotArrayName = (typeof SNAPSHOT_ARRAYS)[number];

/** The type of the patch message (it never reaches listeners: the decoder turns it into a `snapshot`). */
export const SNAPSHOT_PATCH = 'snapshotPatch';

/** How often the encoder sends a whole snapshot even when it could send a patch. */
export const FULL_SNAPSHOT_EVERY = 50;

/** An element of a patched array: a new object, or the index of an unchanged one in the base array. */
export type PatchedElement = object | number;

/** A snapshot event whose snapshot is given as changes to the snapshot event numbered `base`. */
export interface SnapshotPatchEvent extends Omit<SnapshotEvent, 'type' | 'snapshot'> {
  type: typeof SNAPSHOT_PATCH;
  /** The number of the snapshot event it applies to, and its own. */
  base: number;
  seq: number;
  time: number;
  /** The arrays that changed, in full, with unchanged elements given by their index in the base array. */
  changes: Partial<Record<SnapshotArrayName, PatchedElement[]>>;
}

/** What the worker sends: every event, snapshots numbered, some of them as patches. */
export type EncodedSnapshotEvent = (SnapshotEvent & { seq: number }) | SnapshotPatchEvent;

interface EncodedArray {
  items: readonly object[];
  /** JSON text of each item, computed only when an item is new by identity. */
  keys: string[];
}

type EncodedArrays = Record<SnapshotArrayName, EncodedArray>;

function arrayOf(snapshot: ClusterSnapshot, name: SnapshotArrayName): readonly object[] | undefined {
  return snapshot[name];
}

/**
 * Encodes `next` against `prev`: for each element, the index of the same object in `prev`, else of an
 * element with the same JSON text, else the element itself. `changed` is false when the result would
 * rebuild `prev` exactly.
 */
function encodeArray(
  prev: EncodedArray,
  next: readonly object[],
): { wire: PatchedElement[]; state: EncodedArray; changed: boolean } {
  const byObject = new Map<object, number>();
  prev.items.forEach((item, i) => byObject.set(item, i));
  let byKey: Map<string, number> | null = null;
  const keys: string[] = [];
  const wire: PatchedElement[] = [];
  let changed = next.length !== prev.items.length;
  next.forEach((item, i) => {
    const same = byObject.get(item);
    if (same !== undefined) {
      keys.push(prev.keys[same]!);
      wire.push(same);
      if (same !== i) changed = true;
      return;
    }
    const key = JSON.stringify(item);
    keys.push(key);
    if (!byKey) {
      byKey = new Map();
      // The first of equal elements is the one referred to.
      for (let k = prev.keys.length - 1; k >= 0; k--) byKey.set(prev.keys[k]!, k);
    }
    const equal = byKey.get(key);
    wire.push(equal ?? item);
    if (equal !== i) changed = true;
  });
  return { wire, state: { items: next, keys }, changed };
}

function encodeAll(snapshot: ClusterSnapshot): EncodedArrays {
  const state = {} as EncodedArrays;
  for (const name of SNAPSHOT_ARRAYS) {
    const items = arrayOf(snapshot, name) ?? [];
    state[name] = { items, keys: items.map((item) => JSON.stringify(item)) };
  }
  return state;
}

/** A snapshot event as it goes on the wire, and whether anything but its clock changed since the last. */
export interface EncodedSnapshot {
  wire: EncodedSnapshotEvent;
  /** Every array of the snapshot is the same as in the snapshot encoded before (only `time` moved). */
  isUnchanged: boolean;
}

/**
 * The worker's half: numbers snapshot events and turns each into a patch against the one before it when
 * that is possible; says too whether only the clock moved (the session marks such a tick `isTimeOnly`).
 */
export function createSnapshotCodec(
  fullEvery: number = FULL_SNAPSHOT_EVERY,
): (event: SnapshotEvent) => EncodedSnapshot {
  let seq = 0;
  let last: EncodedArrays | null = null;
  let sinceFull = 0;
  return (event) => {
    const { snapshot, ...rest } = event;
    seq++;
    const full = (): EncodedSnapshotEvent => ({ ...rest, type: EventType.snapshot, snapshot, seq });
    const isComplete = SNAPSHOT_ARRAYS.every((name) => Array.isArray(arrayOf(snapshot, name)));
    if (!last || !isComplete) {
      last = isComplete ? encodeAll(snapshot) : null;
      sinceFull = 0;
      return { wire: full(), isUnchanged: false };
    }
    const changes: SnapshotPatchEvent['changes'] = {};
    const state = {} as EncodedArrays;
    for (const name of SNAPSHOT_ARRAYS) {
      const encoded = encodeArray(last[name], arrayOf(snapshot, name)!);
      state[name] = encoded.state;
      if (encoded.changed) changes[name] = encoded.wire;
    }
    last = state;
    const isUnchanged = Object.keys(changes).length === 0;
    if (sinceFull + 1 >= fullEvery) {
      sinceFull = 0;
      return { wire: full(), isUnchanged };
    }
    sinceFull++;
    return {
      wire: { ...rest, type: SNAPSHOT_PATCH, base: seq - 1, seq, time: snapshot.time, changes },
      isUnchanged,
    };
  };
}

/** The codec for any event stream: snapshot events encoded, other events passed through unchanged. */
export function createSnapshotEncoder(fullEvery: number = FULL_SNAPSHOT_EVERY) {
  const codec = createSnapshotCodec(fullEvery);
  return <E extends { type: string }>(event: E): E | EncodedSnapshotEvent =>
    event.type === EventType.snapshot ? codec(event as unknown as SnapshotEvent).wire : event;
}

/** Why a patch could not be applied. */
export type DecodeResult =
  | { ok: true; event: SnapshotEvent }
  | { ok: false; error: string }
  /** A patch for a snapshot this decoder never saw (it lost its place): wait for the next whole one. */
  | { ok: 'skip' };

/**
 * The client's half: keeps the last snapshot and rebuilds whole snapshots from patches, reusing the
 * previous snapshot's objects for unchanged elements.
 */
export function createSnapshotDecoder() {
  let last: { seq: number; snapshot: ClusterSnapshot } | null = null;
  return {
    /** Remembers a whole snapshot event (numbered or not) as the base of the next patch. */
    full(event: SnapshotEvent & { seq?: number }): SnapshotEvent {
      last = event.seq === undefined ? null : { seq: event.seq, snapshot: event.snapshot };
      const { seq: _seq, ...rest } = event;
      return rest;
    },
    patch(event: SnapshotPatchEvent): DecodeResult {
      if (!last || last.seq !== event.base) {
        last = null;
        return { ok: 'skip' };
      }
      const base = last.snapshot;
      const snapshot = { ...base, time: event.time } as ClusterSnapshot;
      for (const name of SNAPSHOT_ARRAYS) {
        const wire = event.changes[name];
        if (!wire) continue;
        const from = (arrayOf(base, name) ?? []) as readonly object[];
        const items: object[] = [];
        for (const element of wire) {
          if (typeof element !== 'number') items.push(element);
          else if (Number.isSafeInteger(element) && element >= 0 && element < from.length)
            items.push(from[element]!);
          else {
            last = null;
            return {
              ok: false,
              error: `invalid snapshot patch: "${name}" refers to element ${element} of ${from.length}`,
            };
          }
        }
        (snapshot as unknown as Record<string, unknown>)[name] = items;
      }
      last = { seq: event.seq, snapshot };
      const { base: _base, seq: _seq, time: _time, changes: _changes, ...rest } = event;
      return { ok: true, event: { ...rest, type: EventType.snapshot, snapshot } };
    },
  };
}
