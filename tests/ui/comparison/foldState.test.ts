import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../../../src/protocol';
import type { RunState } from '../../../src/store/playgroundStore';
import { foldState } from '../../../src/ui/panels/comparison/useComparisonHistory';
import { snapshot, startPods, stsPod } from './builders';

const RUN: RunState = { scenario: 'compare', seed: 1, isPlaying: true, speed: 1 };
const EMPTY = { run: null, snapshot: null, history: null };

/** `s` with only its clock moved, as the client hands on a tick in which nothing happened. */
const tick = (s: ClusterSnapshot, time: number): ClusterSnapshot => ({ ...s, time });

describe('foldState', () => {
  it('keeps the history object through ticks in which only the clock moved', () => {
    const start = snapshot(60_000, startPods());
    const first = foldState(EMPTY, { run: RUN, snapshot: start });
    const later = foldState(first, { run: RUN, snapshot: tick(start, 61_000) });
    expect(later.history).toBe(first.history);
    expect(later.snapshot?.time).toBe(61_000);
  });

  it('folds a change after quiet ticks, and starts afresh when time goes back', () => {
    const start = snapshot(60_000, startPods());
    let folded = foldState(EMPTY, { run: RUN, snapshot: start });
    for (let t = 61_000; t <= 90_000; t += 1000) folded = foldState(folded, { run: RUN, snapshot: tick(start, t) });
    const scaled = snapshot(91_000, [...startPods(), stsPod(3, { uid: 's3', node: 'node-4', createdAt: 90_500 })], { stsReplicas: 4 });
    folded = foldState(folded, { run: RUN, snapshot: scaled });
    const sts = folded.history!.workloads.find((w) => w.kind === 'StatefulSet')!;
    expect(sts.slots).toHaveLength(4);
    expect(folded.history!.startedAt).toBe(60_000);
    // A seek back to 75 s (a moment of quiet ticks): the history starts afresh there.
    const back = foldState(folded, { run: RUN, snapshot: tick(start, 75_000) });
    expect(back.history!.startedAt).toBe(75_000);
    expect(back.history!.workloads.find((w) => w.kind === 'StatefulSet')!.slots).toHaveLength(3);
    // Back by a tick only, with nothing else changed: still afresh (time went back).
    const quiet = foldState(back, { run: RUN, snapshot: tick(start, 74_000) });
    expect(quiet.history!.startedAt).toBe(74_000);
  });

  it('starts afresh for another run', () => {
    const start = snapshot(60_000, startPods());
    const first = foldState(EMPTY, { run: RUN, snapshot: start });
    const other = foldState(first, { run: { ...RUN, seed: 2 }, snapshot: tick(start, 61_000) });
    expect(other.history).not.toBe(first.history);
    expect(other.history!.startedAt).toBe(61_000);
  });
});
