/**
 * Mirrors the status half of pkg/controller/statefulset: computeReplicaStatus / updateStatus /
 * updateStatefulSetStatus (stateful_set_control.go), inconsistentStatus / completeRollingUpdate
 * (stateful_set_utils.go) and stateful_set_status_updater.go.
 *
 * Status counts: replicas = pods that exist (terminating included); readyReplicas = Running and Ready;
 * availableReplicas = Ready for more than minReadySeconds; currentReplicas / updatedReplicas = existing,
 * non-terminating pods labelled with the current / update revision.
 *
 * Simplified: zero counts are written as absent where the Go JSON tags say omitempty (readyReplicas,
 * currentReplicas, updatedReplicas, observedGeneration); replicas, availableReplicas and collisionCount are
 * always written, as the API server prints them.
 */
import type { StatefulSet, StatefulSetStatus } from '../../api/apps';
import type { Pod } from '../../api/core';
import type { ApiServer } from '../../apiserver/store';
import { getPodRevision, isCreated, isRunningAndAvailable, isRunningAndReady, isTerminating } from './statefulSetUtils';

/** The status the controller computes: every count present. */
export interface ComputedStatus {
  observedGeneration: number;
  replicas: number;
  readyReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
  availableReplicas: number;
  currentRevision: string;
  updateRevision: string;
  collisionCount: number;
}

/** Recounts the replica fields of `status` from the given pod lists. */
export function updateStatus(
  status: ComputedStatus,
  minReadySeconds: number,
  nowMs: number,
  currentRevision: string,
  updateRevision: string,
  ...podLists: Pod[][]
): void {
  status.replicas = 0;
  status.readyReplicas = 0;
  status.availableReplicas = 0;
  status.currentReplicas = 0;
  status.updatedReplicas = 0;
  for (const pods of podLists) {
    for (const pod of pods) {
      if (isCreated(pod)) status.replicas++;
      if (isRunningAndReady(pod)) {
        status.readyReplicas++;
        if (isRunningAndAvailable(pod, minReadySeconds, nowMs)) status.availableReplicas++;
      }
      if (isCreated(pod) && !isTerminating(pod)) {
        const revision = getPodRevision(pod);
        if (revision === currentRevision) status.currentReplicas++;
        if (revision === updateRevision) status.updatedReplicas++;
      }
    }
  }
}

/** True when `status` differs from the set's stored status in a field the controller owns. */
export function inconsistentStatus(set: StatefulSet, status: ComputedStatus): boolean {
  const stored = set.status;
  return (
    status.observedGeneration > (stored?.observedGeneration ?? 0) ||
    status.replicas !== (stored?.replicas ?? 0) ||
    status.currentReplicas !== (stored?.currentReplicas ?? 0) ||
    status.readyReplicas !== (stored?.readyReplicas ?? 0) ||
    status.updatedReplicas !== (stored?.updatedReplicas ?? 0) ||
    status.currentRevision !== (stored?.currentRevision ?? '') ||
    status.availableReplicas !== (stored?.availableReplicas ?? 0) ||
    status.updateRevision !== (stored?.updateRevision ?? '')
  );
}

/** When every replica is updated and ready, the update revision becomes the current one. */
export function completeRollingUpdate(set: StatefulSet, status: ComputedStatus): void {
  const replicas = set.spec.replicas ?? 1;
  if (
    (set.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' &&
    status.updatedReplicas === replicas &&
    status.readyReplicas === replicas &&
    status.replicas === replicas
  ) {
    status.currentReplicas = status.updatedReplicas;
    status.currentRevision = status.updateRevision;
  }
}

/** The status as the API stores it (omitempty fields dropped when zero). */
export function toStatefulSetStatus(status: ComputedStatus): StatefulSetStatus {
  // Fields in the order of the Go struct, as the API server's JSON has them.
  const out = {} as StatefulSetStatus;
  if (status.observedGeneration) out.observedGeneration = status.observedGeneration;
  out.replicas = status.replicas;
  if (status.readyReplicas) out.readyReplicas = status.readyReplicas;
  if (status.currentReplicas) out.currentReplicas = status.currentReplicas;
  if (status.updatedReplicas) out.updatedReplicas = status.updatedReplicas;
  if (status.currentRevision) out.currentRevision = status.currentRevision;
  if (status.updateRevision) out.updateRevision = status.updateRevision;
  out.collisionCount = status.collisionCount;
  out.availableReplicas = status.availableReplicas;
  return out;
}

/**
 * Completes a finished rolling update in `status`, then writes it through the status subresource unless
 * the stored status already says the same (updateStatefulSetStatus + the status updater).
 */
export function updateStatefulSetStatus(api: ApiServer, set: StatefulSet, status: ComputedStatus): void {
  completeRollingUpdate(set, status);
  if (!inconsistentStatus(set, status)) return;
  api.mutate<StatefulSet>(
    'StatefulSet',
    set.metadata.namespace,
    set.metadata.name,
    (draft) => {
      draft.status = toStatefulSetStatus(status);
    },
    { subresource: 'status' },
  );
}
