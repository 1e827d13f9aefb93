/**
 * Play ticks in which nothing happened: the worker says so (isTimeOnly), the store keeps its snapshot's
 * parts and moves only the clock, and the canvas lays nothing out again.
 */
import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, SimEvent, SnapshotEvent } from '../../../src/protocol';
import { parseSimEvent } from '../../../src/protocol';
import { buildSnapshot } from '../../../src/sim/snapshot';
import { applySimEvent, initialPlaygroundState } from '../../../src/store/playgroundStore';
import { createCanvasStore } from '../../../src/ui/canvas/canvasStore';
import { isSameDrawing } from '../../../src/ui/canvas/share';
import { SimSession } from '../../../src/worker/session';
import { run } from '../canvas/helpers';

function session() {
  const events: SimEvent[] = [];
  const ticks = new Set<() => void>();
  const s = new SimSession(
    (e) => events.push(e),
    (fn) => {
      ticks.add(fn);
      return () => ticks.delete(fn);
    },
  );
  const snapshots = () => events.filter((e): e is SnapshotEvent => e.type === 'snapshot');
  return {
    send: (command: unknown) => s.receive(command),
    tick: () => [...ticks].forEach((fn) => fn()),
    snapshots,
    last: () => snapshots().at(-1)!,
  };
}

describe('the worker', () => {
  it('marks a snapshot in which only the clock moved, and no other', () => {
    const w = session();
    w.send({ type: 'loadScenario', scenario: 'compare', seed: 1 });
    expect(w.last().isTimeOnly).toBeUndefined();
    w.send({ type: 'play' });
    // The compare scenario is settled after its warm-up: ticks change nothing but the clock.
    w.tick();
    w.tick();
    const quiet = w.last();
    expect(quiet.isTimeOnly).toBe(true);
    expect(quiet.snapshot.time).toBeGreaterThan(w.snapshots().at(-2)!.snapshot.time);
    expect(parseSimEvent(quiet)).toEqual({ ok: true, value: quiet });

    w.send({ type: 'kubectl', line: 'kubectl delete pod mysql-1 --wait=false', id: 'c1' });
    expect(w.last().isTimeOnly).toBeUndefined();
    // While mysql-1 is replaced, a tick is time-only exactly when it drew nothing new.
    const drawn = (e: SnapshotEvent) => JSON.stringify({ ...e.snapshot, time: 0 });
    const marks: boolean[] = [];
    for (let i = 0; i < 100; i++) {
      const before = w.last();
      w.tick();
      expect(w.last().isTimeOnly ?? false).toBe(drawn(before) === drawn(w.last()));
      marks.push(w.last().isTimeOnly ?? false);
    }
    expect(marks).toContain(false);
    expect(marks).toContain(true);
  });

  it('never marks the first snapshot of another run, even when it draws the same', () => {
    const w = session();
    w.send({ type: 'loadScenario', scenario: 'empty', seed: 1 });
    w.send({ type: 'loadScenario', scenario: 'empty', seed: 2 });
    expect(w.last().isTimeOnly).toBeUndefined();
  });
});

describe('the store', () => {
  const snapshot: ClusterSnapshot = buildSnapshot(run('compare').cluster);
  const event = (s: ClusterSnapshot, extra: Partial<SnapshotEvent> = {}): SnapshotEvent => ({
    type: 'snapshot',
    scenario: 'compare',
    seed: 1,
    isPlaying: true,
    speed: 1,
    snapshot: s,
    ...extra,
  });

  it('keeps every part of its snapshot and moves the clock on a time-only snapshot', () => {
    const first = applySimEvent(initialPlaygroundState, event(snapshot));
    const copy = structuredClone({ ...snapshot, time: snapshot.time + 100 });
    const next = applySimEvent(first, event(copy, { isTimeOnly: true }));
    expect(next.snapshot!.time).toBe(snapshot.time + 100);
    expect(next.snapshot!.pods).toBe(snapshot.pods);
    expect(next.snapshot!.events).toBe(snapshot.events);
    expect(isSameDrawing(first.snapshot!, next.snapshot!)).toBe(true);
  });

  it('takes the snapshot as sent when it belongs to another run', () => {
    const first = applySimEvent(initialPlaygroundState, event(snapshot));
    const copy = structuredClone(snapshot);
    const next = applySimEvent(first, event(copy, { seed: 2, isTimeOnly: true }));
    expect(next.snapshot).toBe(copy);
  });
});

describe('isSameDrawing', () => {
  const r = run('compare');
  const base = buildSnapshot(r.cluster);
  r.sh('kubectl delete pod mysql-0 --wait=false');
  const terminating = buildSnapshot(r.cluster);

  it.each([
    ['the same snapshot', base, base, true],
    ['only the clock moved', base, { ...base, time: base.time + 100 }, true],
    ['an equal but new pods list', base, { ...base, pods: [...base.pods] }, false],
    [
      'a pod counting down its grace period, clock moved',
      terminating,
      { ...terminating, time: terminating.time + 1000 },
      false,
    ],
    ['a pod counting down its grace period, same clock', terminating, { ...terminating }, true],
  ])('%s: %s', (_what, a, b, expected) => {
    expect(isSameDrawing(a, b)).toBe(expected);
  });
});

describe('the canvas store', () => {
  it('lays nothing out again for a snapshot in which only the clock moved', () => {
    const store = createCanvasStore({ exitMs: 0 });
    const snapshot = buildSnapshot(run('compare').cluster);
    store.getState().update(snapshot);
    const before = store.getState();
    store.getState().update({ ...snapshot, time: snapshot.time + 100 });
    expect(store.getState()).toBe(before);
    store.getState().update({ ...snapshot, pods: snapshot.pods.slice(1), time: snapshot.time + 200 });
    expect(store.getState().nodes).not.toBe(before.nodes);
  });
});
