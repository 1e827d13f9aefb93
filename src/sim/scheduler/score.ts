/**
 * Mirrors the Score phase and selectHost of pkg/scheduler/schedule_one.go, with one scoring rule in place
 * of the default plugins: spread pods of the same owner (as PodTopologySpread's default constraints and
 * the old SelectorSpread do), then prefer the emptier node (as NodeResourcesBalancedAllocation tends to).
 * Ties are broken by reservoir sampling from the seeded source, exactly as selectHost does.
 *
 * Simplified: no zone-level spreading, no ImageLocality, no normalisation to 0-100.
 */
import type { SeededRandom } from '../runtime/random';
import type { NodeInfo } from './cache';

/** A feasible node's score: fewer pods of the same owner first, then fewer pods. Higher is better. */
export function spreadScore(info: NodeInfo, ownerUid: string): number {
  const sameOwner = ownerUid ? (info.ownerCounts.get(ownerUid) ?? 0) : 0;
  return -(sameOwner * 1_000_000 + info.podCount);
}

/** selectHost: the highest score; among equal scores each node is kept with probability 1/count seen. */
export function selectHost(random: SeededRandom, scored: readonly { name: string; score: number }[]): string {
  const first = scored[0];
  if (!first) throw new Error('selectHost: empty node list');
  let selected = first.name;
  let maxScore = first.score;
  let count = 1;
  for (let i = 1; i < scored.length; i++) {
    const s = scored[i]!;
    if (s.score > maxScore) {
      maxScore = s.score;
      selected = s.name;
      count = 1;
    } else if (s.score === maxScore) {
      count++;
      if (random.int(0, count - 1) === 0) selected = s.name;
    }
  }
  return selected;
}
