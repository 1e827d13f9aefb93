import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EventType,
  SNAPSHOT_ARRAYS,
  SNAPSHOT_PATCH,
  createSnapshotCodec,
  createSnapshotDecoder,
  createSnapshotEncoder,
  parseWireEvent,
} from '../../src/protocol';
import type { ClusterSnapshot, SnapshotEvent, SnapshotPatchEvent } from '../../src/protocol';

type Item = { uid: string; v: number };

function snapshot(time: number, arrays: Partial<Record<string, Item[]>> = {}): ClusterSnapshot {
  const s: Record<string, unknown> = { time };
  for (const name of SNAPSHOT_ARRAYS) s[name] = arrays[name] ?? [];
  return s as unknown as ClusterSnapshot;
}

function event(s: ClusterSnapshot, extra: Partial<SnapshotEvent> = {}): SnapshotEvent {
  return { type: EventType.snapshot, scenario: 'compare', seed: 1, isPlaying: true, speed: 1, snapshot: s, ...extra };
}

/** Encodes, copies as postMessage would, validates and decodes each event in turn. */
function roundTrip(events: SnapshotEvent[], fullEvery?: number) {
  const encode = createSnapshotEncoder(fullEvery);
  const decoder = createSnapshotDecoder();
  const wire = events.map((e) => structuredClone(encode(e)));
  const out = wire.map((w) => {
    const parsed = parseWireEvent(w);
    if (!parsed.ok) throw new Error(parsed.error);
    const value = parsed.value;
    if (value.type === SNAPSHOT_PATCH) {
      const decoded = decoder.patch(value);
      if (decoded.ok !== true) throw new Error(`not decoded: ${JSON.stringify(decoded)}`);
      return decoded.event;
    }
    if (value.type !== EventType.snapshot) throw new Error('not a snapshot');
    return decoder.full(value);
  });
  return { wire, out };
}

describe('snapshot patches', () => {
  it('sends the first snapshot whole, then only what changed, by index into the previous one', () => {
    const a = { uid: 'a', v: 1 };
    const b = { uid: 'b', v: 1 };
    const first = snapshot(0, { pods: [a, b], nodes: [{ uid: 'n', v: 0 }] });
    const second = snapshot(100, { pods: [a, { uid: 'b', v: 2 }], nodes: [{ uid: 'n', v: 0 }] });
    const { wire, out } = roundTrip([event(first), event(second)]);
    expect(wire[0]).toMatchObject({ type: EventType.snapshot, seq: 1 });
    expect(wire[1]).toMatchObject({ type: SNAPSHOT_PATCH, base: 1, seq: 2, time: 100 });
    // The node did not change (equal JSON): its array is left out; the pod list names pod a by index.
    expect((wire[1] as SnapshotPatchEvent).changes).toEqual({ pods: [0, { uid: 'b', v: 2 }] });
    expect(out[1]!.snapshot).toEqual(second);
    expect(out[1]!.snapshot.pods[0]).toBe(out[0]!.snapshot.pods[0]);
    expect(out[1]!.snapshot.nodes).toBe(out[0]!.snapshot.nodes);
    expect(out[1]).not.toHaveProperty('seq');
  });

  it('sends a whole snapshot every `fullEvery` snapshots', () => {
    const events = [0, 1, 2, 3, 4].map((t) => event(snapshot(t * 100, { pods: [{ uid: 'a', v: t }] })));
    const { wire } = roundTrip(events, 3);
    expect(wire.map((w) => w.type)).toEqual([
      EventType.snapshot,
      SNAPSHOT_PATCH,
      SNAPSHOT_PATCH,
      EventType.snapshot,
      SNAPSHOT_PATCH,
    ]);
  });

  it('says whether only the clock moved, on whole snapshots too', () => {
    const codec = createSnapshotCodec(3);
    const pods = [{ uid: 'a', v: 1 }];
    const results = [0, 1, 2, 3].map((t) => codec(event(snapshot(t * 100, { pods }))));
    // The first has nothing to compare with; the fourth goes out whole and still compares.
    expect(results.map((r) => [r.wire.type, r.isUnchanged])).toEqual([
      [EventType.snapshot, false],
      [SNAPSHOT_PATCH, true],
      [SNAPSHOT_PATCH, true],
      [EventType.snapshot, true],
    ]);
    expect(codec(event(snapshot(400, { pods: [{ uid: 'a', v: 2 }] }))).isUnchanged).toBe(false);
  });

  it('passes other events through untouched', () => {
    const encode = createSnapshotEncoder();
    const output = { type: EventType.output, id: 'x', text: 'hi', prompt: '$ ' } as const;
    expect(encode(output)).toBe(output);
  });

  it('skips a patch whose base it never saw, until the next whole snapshot', () => {
    const encode = createSnapshotEncoder(3);
    const decoder = createSnapshotDecoder();
    const wire = [0, 1, 2, 3].map((t) => encode(event(snapshot(t, { pods: [{ uid: 'a', v: t }] }))));
    // The first (whole) snapshot is lost.
    expect(decoder.patch(wire[1] as SnapshotPatchEvent)).toEqual({ ok: 'skip' });
    expect(decoder.patch(wire[2] as SnapshotPatchEvent)).toEqual({ ok: 'skip' });
    expect(wire[3]!.type).toBe(EventType.snapshot);
    expect(decoder.full(wire[3] as SnapshotEvent).snapshot.time).toBe(3);
  });

  it('refuses a patch that names an element the base does not have', () => {
    const decoder = createSnapshotDecoder();
    decoder.full({ ...event(snapshot(0, { pods: [{ uid: 'a', v: 1 }] })), seq: 7 });
    const bad = {
      type: SNAPSHOT_PATCH,
      scenario: 'compare',
      seed: 1,
      isPlaying: true,
      speed: 1,
      base: 7,
      seq: 8,
      time: 100,
      changes: { pods: [0, 1] },
    } as SnapshotPatchEvent;
    expect(decoder.patch(bad)).toEqual({
      ok: false,
      error: 'invalid snapshot patch: "pods" refers to element 1 of 1',
    });
  });

  it.each([
    [{ changes: { pods: [-1] } }, 'invalid event "snapshotPatch": "changes" must be'],
    [{ changes: { secrets: [] } }, 'invalid event "snapshotPatch": "changes" must be'],
    [{ changes: { pods: ['x'] } }, 'invalid event "snapshotPatch": "changes" must be'],
    [{ base: 1.5 }, 'invalid event "snapshotPatch": "base" must be a whole number'],
    [{ time: -1 }, 'invalid event "snapshotPatch": "time" must be'],
  ])('rejects a malformed patch %j', (override, error) => {
    const patch = {
      type: SNAPSHOT_PATCH,
      scenario: 'compare',
      seed: 1,
      isPlaying: true,
      speed: 1,
      base: 1,
      seq: 2,
      time: 100,
      changes: {},
      ...override,
    };
    const parsed = parseWireEvent(patch);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toContain(error);
  });

  it('rebuilds every snapshot of a random run exactly, keeping unchanged elements by identity', () => {
    const item = fc.record({ uid: fc.constantFrom('a', 'b', 'c', 'd', 'e'), v: fc.integer({ min: 0, max: 3 }) });
    const arrays = fc.record({ pods: fc.array(item, { maxLength: 6 }), events: fc.array(item, { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(arrays, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 5 }), (runs, fullEvery) => {
        const snapshots = runs.map((r, i) => snapshot(i * 100, r));
        const { out } = roundTrip(snapshots.map((s) => event(s)), fullEvery);
        out.forEach((e, i) => {
          expect(e.snapshot).toEqual(snapshots[i]);
          if (i === 0) return;
          const before = out[i - 1]!.snapshot.pods;
          // An element equal to one in the previous snapshot is that very object.
          e.snapshot.pods.forEach((p) => {
            const equal = before.find((q) => JSON.stringify(q) === JSON.stringify(p));
            if (equal && i % fullEvery !== 0) expect(before).toContain(p);
          });
        });
      }),
    );
  });
});
