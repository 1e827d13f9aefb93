/**
 * The Step control: advance to the next change a person can see. A change is a difference in the
 * snapshot the playground draws (pods, nodes, volumes, events, data), ignoring the clock itself, so a
 * step skips the timers that change nothing visible (lease renewals, resyncs) and stops at the first
 * one that does: a pod turning Ready, a volume attaching, an event being recorded.
 */
import type { Cluster } from '../sim/cluster';
import { buildSnapshot } from '../sim/snapshot';

/** The furthest one step looks ahead for a change, in simulated milliseconds. */
export const STEP_MAX_MS = 60_000;
/** The most timer instants (or recorded entries) one step goes through while looking for a change. */
export const STEP_MAX_MOVES = 250;

/** What the playground would draw, without the clock: equal fingerprints look the same on screen. */
export function drawnFingerprint(cluster: Cluster): string {
  return JSON.stringify({ ...buildSnapshot(cluster), time: 0 });
}

/**
 * Calls `move` until `fingerprint` differs from its value before the first move, `move` returns false
 * (nothing more to move to), or `maxMoves` moves were made. Returns how many moves it made.
 */
export function stepUntilChange(
  move: () => boolean,
  fingerprint: () => string,
  maxMoves = STEP_MAX_MOVES,
): number {
  const before = fingerprint();
  let moves = 0;
  while (moves < maxMoves) {
    if (!move()) break;
    moves++;
    if (fingerprint() !== before) break;
  }
  return moves;
}

/**
 * Advances `cluster` to the next due timer, again and again, until what is drawn changes; when no timer
 * is due within STEP_MAX_MS, the clock moves STEP_MAX_MS (so a step on an idle cluster still moves).
 */
export function stepToNextChange(cluster: Cluster): void {
  const limit = cluster.now() + STEP_MAX_MS;
  stepUntilChange(
    () => {
      const due = cluster.nextDue();
      if (due === undefined || due > limit) {
        cluster.advanceTo(limit);
        return false;
      }
      cluster.advanceTo(Math.max(due, cluster.now()));
      return true;
    },
    () => drawnFingerprint(cluster),
  );
}
