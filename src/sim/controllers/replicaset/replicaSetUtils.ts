/**
 * Mirrors pkg/controller/replicaset/replica_set_utils.go: calculateStatus (replicas, fullyLabeledReplicas,
 * readyReplicas, availableReplicas, terminatingReplicas, the ReplicaFailure condition) and
 * updateReplicaSetStatus (write only when something changed, stamping observedGeneration).
 *
 * Simplified: no retry on conflict (writes go straight to the store). Counters that are zero are left out, as
 * `omitempty` leaves them out of the real object; `replicas` and `terminatingReplicas` (a pointer) stay.
 */
import type { Pod } from '../../api/core';
import type { ReplicaSet, ReplicaSetStatus } from '../../api/apps';
import type { Condition } from '../../api/meta';
import { matchesMap } from '../../api/selectors';
import { deepClone, deepEqual } from '../../apiserver/objects';
import type { ClusterContext } from '../../runtime/controller';
import { isPodAvailable, isPodReady } from './podUtils';

/** The status a ReplicaSet should have for its claimed active and terminating pods. */
export function calculateStatus(
  rs: ReplicaSet,
  activePods: readonly Pod[],
  terminatingPods: readonly Pod[],
  manageReplicasErr: Error | undefined,
  nowMs: number,
  nowTimestamp: string,
): ReplicaSetStatus {
  const templateLabels = rs.spec.template.metadata?.labels ?? {};
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of activePods) {
    if (matchesMap(templateLabels, pod.metadata.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, rs.spec.minReadySeconds ?? 0, nowMs)) available++;
    }
  }
  let conditions = deepClone(rs.status?.conditions ?? []);
  const failure = conditions.find((c) => c.type === 'ReplicaFailure');
  if (manageReplicasErr && !failure) {
    const diff = activePods.length - (rs.spec.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    const cond: Condition = { type: 'ReplicaFailure', status: 'True', lastTransitionTime: nowTimestamp, reason, message: manageReplicasErr.message };
    conditions = [...conditions.filter((c) => c.type !== 'ReplicaFailure'), cond];
  } else if (!manageReplicasErr && failure) {
    conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
  }
  const status: ReplicaSetStatus = { replicas: activePods.length };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  status.terminatingReplicas = terminatingPods.length;
  if (rs.status?.observedGeneration) status.observedGeneration = rs.status.observedGeneration;
  if (conditions.length) status.conditions = conditions;
  return status;
}

/**
 * Writes `newStatus` (with observedGeneration = metadata.generation) unless the counters, the conditions and
 * observedGeneration already match. Returns the ReplicaSet as stored afterwards.
 */
export function updateReplicaSetStatus(ctx: ClusterContext, rs: ReplicaSet, newStatus: ReplicaSetStatus): ReplicaSet {
  const cur = rs.status;
  const generation = rs.metadata.generation ?? 0;
  if (
    (cur?.replicas ?? 0) === newStatus.replicas &&
    (cur?.fullyLabeledReplicas ?? 0) === (newStatus.fullyLabeledReplicas ?? 0) &&
    (cur?.readyReplicas ?? 0) === (newStatus.readyReplicas ?? 0) &&
    (cur?.availableReplicas ?? 0) === (newStatus.availableReplicas ?? 0) &&
    cur?.terminatingReplicas === newStatus.terminatingReplicas &&
    generation === (cur?.observedGeneration ?? 0) &&
    deepEqual(cur?.conditions ?? [], newStatus.conditions ?? [])
  ) {
    return rs;
  }
  const status: ReplicaSetStatus = { ...newStatus };
  if (generation) status.observedGeneration = generation;
  else delete status.observedGeneration;
  return (
    ctx.api.mutate<ReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name, (draft) => {
      if (draft.metadata.uid !== rs.metadata.uid) return false;
      draft.status = status;
    }, { subresource: 'status' }) ?? rs
  );
}
