/**
 * Mirrors ActivePodsWithRanks in pkg/controller/controller_utils.go and getPodsToDelete /
 * getPodsRankedByRelatedPodsOnSameNode in pkg/controller/replicaset/replica_set.go: the order in which a
 * ReplicaSet picks pods to delete when it scales down.
 *
 * Simplified: none of the ordering. Go's sort.Sort is not stable; here the input is sorted by name and the
 * sort is stable, so pods that tie on every rule keep name order (deterministic, where upstream is arbitrary).
 */
import type { Pod } from '../../api/core';
import { fromTimestamp } from '../../runtime/clock';
import { getPodReadyCondition, isPodActive, isPodReady, maxContainerRestarts } from './podUtils';

/** The annotation a user sets to make a pod cheaper (lower) or dearer (higher) to delete. */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** A pod with its rank: the number of active related pods on its node (more means deleted sooner). */
export interface RankedPod {
  pod: Pod;
  rank: number;
}

/** The pod-deletion-cost annotation as an int32, 0 when absent or invalid. */
export function getDeletionCost(pod: Pod): number {
  const raw = pod.metadata.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (raw === undefined || !/^[+-]?\d+$/.test(raw.trim())) return 0;
  const value = Number(raw.trim());
  return value >= -2147483648 && value <= 2147483647 ? value : 0;
}

function timeMs(ts: string | undefined): number | undefined {
  return ts ? fromTimestamp(ts) : undefined;
}

function podReadyTime(pod: Pod): number | undefined {
  return isPodReady(pod) ? timeMs(getPodReadyCondition(pod)?.lastTransitionTime) : undefined;
}

/** afterOrZero: a zero time sorts first, otherwise the later time does. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/** The difference of floor(log2(age in nanoseconds)) of two instants (-1 for a non-positive age). */
export function logarithmicRankDiff(t1: number, t2: number, nowMs: number): number {
  const rank = (t: number) => {
    const ageNs = (nowMs - t) * 1e6;
    return ageNs > 0 ? Math.floor(Math.log2(ageNs)) : -1;
  };
  return rank(t1) - rank(t2);
}

/** Compares two instants the LogarithmicScaleDown way (GA): newer first, by power-of-two age buckets, ties by uid. */
function newerFirst(a: Pod, b: Pod, ta: number | undefined, tb: number | undefined, nowMs: number | undefined): boolean {
  if (nowMs === undefined || ta === undefined || tb === undefined) return afterOrZero(ta, tb);
  const diff = logarithmicRankDiff(ta, tb, nowMs);
  if (diff === 0) return a.metadata.uid < b.metadata.uid;
  return diff < 0;
}

/**
 * ActivePodsWithRanks.Less: true when `a` should be deleted before `b`. The rules, in order:
 * 1. unassigned < assigned; 2. Pending < Unknown < Running; 3. not ready < ready; 4. lower pod-deletion-cost;
 * 5. higher rank (more related pods on the same node); 6. ready more recently (log scale); 7. more restarts;
 * 8. created more recently (log scale). `nowMs` undefined compares times exactly.
 */
export function activePodsWithRanksLess(a: RankedPod, b: RankedPod, nowMs?: number): boolean {
  const pa = a.pod;
  const pb = b.pod;
  const na = pa.spec.nodeName ?? '';
  const nb = pb.spec.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  const oa = PHASE_ORDINAL[pa.status?.phase ?? ''] ?? 0;
  const ob = PHASE_ORDINAL[pb.status?.phase ?? ''] ?? 0;
  if (oa !== ob) return oa < ob;
  const ra = isPodReady(pa);
  const rb = isPodReady(pb);
  if (ra !== rb) return !ra;
  const ca = getDeletionCost(pa);
  const cb = getDeletionCost(pb);
  if (ca !== cb) return ca < cb;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (ra && rb) {
    const ta = podReadyTime(pa);
    const tb = podReadyTime(pb);
    if (ta !== tb) return newerFirst(pa, pb, ta, tb, nowMs);
  }
  const rsa = maxContainerRestarts(pa);
  const rsb = maxContainerRestarts(pb);
  if (rsa !== rsb) return rsa > rsb;
  const ta = timeMs(pa.metadata.creationTimestamp);
  const tb = timeMs(pb.metadata.creationTimestamp);
  if (ta !== tb) return newerFirst(pa, pb, ta, tb, nowMs);
  return false;
}

/** Sorts ranked pods so the ones to delete first come first (a stable sort by activePodsWithRanksLess). */
export function sortActivePodsWithRanks(pods: readonly RankedPod[], nowMs?: number): RankedPod[] {
  return [...pods].sort((a, b) => (activePodsWithRanksLess(a, b, nowMs) ? -1 : activePodsWithRanksLess(b, a, nowMs) ? 1 : 0));
}

/**
 * Ranks each pod by the number of active `relatedPods` on its node (getPodsRankedByRelatedPodsOnSameNode).
 * `relatedPods` are the pods of every ReplicaSet with the same controller, and should include `podsToRank`.
 */
export function getPodsRankedByRelatedPodsOnSameNode(podsToRank: readonly Pod[], relatedPods: readonly Pod[]): RankedPod[] {
  const podsOnNode = new Map<string, number>();
  for (const pod of relatedPods) {
    if (!isPodActive(pod)) continue;
    const node = pod.spec.nodeName ?? '';
    podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + 1);
  }
  return podsToRank.map((pod) => ({ pod, rank: podsOnNode.get(pod.spec.nodeName ?? '') ?? 0 }));
}

/** The `diff` pods a ReplicaSet deletes when it has `diff` too many (getPodsToDelete). */
export function getPodsToDelete(filteredPods: readonly Pod[], relatedPods: readonly Pod[], diff: number, nowMs: number): Pod[] {
  if (diff >= filteredPods.length) return [...filteredPods];
  const ranked = sortActivePodsWithRanks(getPodsRankedByRelatedPodsOnSameNode(filteredPods, relatedPods), nowMs);
  return ranked.slice(0, diff).map((r) => r.pod);
}
