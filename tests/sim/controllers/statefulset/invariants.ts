/**
 * StatefulSet invariants, checked after every controller sync and timer in the test harness:
 * - at most one pod per identity: per set and ordinal at most one pod exists (terminating or not), and no
 *   two pods carry the same `statefulset.kubernetes.io/pod-name` label;
 * - OrderedReady never has a Ready pod whose predecessor is not Ready, unless a pod was deleted or failed
 *   by hand, a rolling update is under way (pods are then replaced highest first), or the set is being
 *   deleted (the garbage collector removes pods in no order).
 */
import type { StatefulSet } from '../../../../src/sim/api/apps';
import type { Pod } from '../../../../src/sim/api/core';
import { getOrdinal, getStartOrdinal, isMemberOf, isRunningAndReady } from '../../../../src/sim/controllers/statefulset/statefulSetUtils';
import type { Harness } from './harness';

export class InvariantViolation extends Error {}

function fail(h: Harness, message: string): never {
  throw new InvariantViolation(`at ${h.now()}ms: ${message}`);
}

export function checkInvariants(h: Harness): void {
  const pods = h.api.list<Pod>('Pod');
  const byPodName = new Map<string, string>();
  for (const pod of pods) {
    const label = pod.metadata.labels?.['statefulset.kubernetes.io/pod-name'];
    if (!label) continue;
    const key = `${pod.metadata.namespace}/${label}`;
    if (byPodName.has(key)) fail(h, `pods ${byPodName.get(key)} and ${pod.metadata.name} share the identity ${key}`);
    byPodName.set(key, pod.metadata.name);
  }
  for (const set of h.api.list<StatefulSet>('StatefulSet')) {
    const owned = pods.filter(
      (p) => p.metadata.namespace === set.metadata.namespace && p.metadata.ownerReferences?.some((r) => r.uid === set.metadata.uid) && isMemberOf(set, p),
    );
    const byOrdinal = new Map<number, Pod>();
    for (const pod of owned) {
      const ordinal = getOrdinal(pod);
      if (byOrdinal.has(ordinal)) fail(h, `StatefulSet ${set.metadata.name} has two pods with ordinal ${ordinal}`);
      byOrdinal.set(ordinal, pod);
    }
    checkOrderedReady(h, set, byOrdinal);
  }
}

function checkOrderedReady(h: Harness, set: StatefulSet, byOrdinal: Map<number, Pod>): void {
  if ((set.spec.podManagementPolicy ?? 'OrderedReady') !== 'OrderedReady' || h.disrupted || set.metadata.deletionTimestamp) return;
  const status = set.status;
  const rolling =
    (status?.observedGeneration ?? 0) < (set.metadata.generation ?? 0) ||
    (status?.currentRevision !== undefined && status.currentRevision !== status.updateRevision);
  if (rolling) return;
  const start = getStartOrdinal(set);
  for (const [ordinal, pod] of byOrdinal) {
    if (ordinal <= start || !isRunningAndReady(pod)) continue;
    const predecessor = byOrdinal.get(ordinal - 1);
    if (!predecessor || !isRunningAndReady(predecessor)) {
      fail(h, `OrderedReady: ${pod.metadata.name} is Ready but ${set.metadata.name}-${ordinal - 1} is not`);
    }
  }
}
