/**
 * Mirrors pkg/controller/deployment/progress.go: syncRolloutStatus (the Progressing condition:
 * NewReplicaSetAvailable when complete, ReplicaSetUpdated on any progress, ProgressDeadlineExceeded after
 * progressDeadlineSeconds without progress; ReplicaFailure copied from the ReplicaSets), getReplicaFailures
 * and requeueStuckDeployment.
 *
 * Simplified: when the deadline is less than a second away the key is re-queued just past it, instead of
 * through the rate limiter.
 */
import type { Deployment, ReplicaSet } from '../../api/apps';
import type { Condition } from '../../api/meta';
import { deepEqual } from '../../apiserver/objects';
import { fromTimestamp } from '../../runtime/clock';
import { keyOf } from '../../runtime/workqueue';
import {
  NEW_RS_AVAILABLE_REASON,
  REPLICA_SET_UPDATED_REASON,
  TIMED_OUT_REASON,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getDeploymentCondition,
  hasProgressDeadline,
  newDeploymentCondition,
  progressDeadlineSeconds,
  removeDeploymentCondition,
  setDeploymentCondition,
} from './conditions';
import { type DeploymentController, updateDeploymentStatus } from './controllerTypes';
import type { DeploymentStatus } from '../../api/apps';
import { calculateStatus } from './sync';

/** Computes the status with the Progressing and ReplicaFailure conditions and writes it when it changed. */
export function syncRolloutStatus(dc: DeploymentController, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): void {
  const { clock } = dc.ctx;
  const now = clock.timestamp();
  const newStatus = calculateStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeDeploymentCondition(newStatus, 'Progressing');

  const currentCond = getDeploymentCondition(d.status, 'Progressing');
  const isCompleteDeployment = (newStatus.replicas ?? 0) === (newStatus.updatedReplicas ?? 0) && currentCond?.reason === NEW_RS_AVAILABLE_REASON;
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (deploymentComplete(d, newStatus)) {
      setDeploymentCondition(newStatus, newDeploymentCondition('Progressing', 'True', NEW_RS_AVAILABLE_REASON, `${subject} has successfully progressed.`, now));
    } else if (deploymentProgressing(d, newStatus)) {
      // Progress refreshes lastUpdateTime even with the same reason, so the deadline counts from the last progress.
      const condition = newDeploymentCondition('Progressing', 'True', REPLICA_SET_UPDATED_REASON, `${subject} is progressing.`, now);
      if (currentCond) {
        if (currentCond.status === 'True') condition.lastTransitionTime = currentCond.lastTransitionTime;
        removeDeploymentCondition(newStatus, 'Progressing');
      }
      setDeploymentCondition(newStatus, condition);
    } else if (deploymentTimedOut(d, newStatus, clock.now())) {
      setDeploymentCondition(newStatus, newDeploymentCondition('Progressing', 'False', TIMED_OUT_REASON, `${subject} has timed out progressing.`, now));
    }
  }

  const failures = getReplicaFailures(allRSs, newRS);
  if (failures.length) setDeploymentCondition(newStatus, failures[0]!);
  else removeDeploymentCondition(newStatus, 'ReplicaFailure');

  if (deepEqual(d.status ?? {}, newStatus)) {
    requeueStuckDeployment(dc, d, newStatus);
    return;
  }
  d.status = newStatus;
  updateDeploymentStatus(dc, d);
}

/** The ReplicaFailure conditions of the new ReplicaSet, else of any ReplicaSet, as Deployment conditions. */
export function getReplicaFailures(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): Condition[] {
  const toDeployment = (c: Condition): Condition => ({
    type: c.type,
    status: c.status,
    ...(c.lastTransitionTime ? { lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime } : {}),
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.message ? { message: c.message } : {}),
  });
  const ofRS = (rs: ReplicaSet | undefined) => (rs?.status?.conditions ?? []).filter((c) => c.type === 'ReplicaFailure').map(toDeployment);
  const fromNew = ofRS(newRS);
  if (fromNew.length) return fromNew;
  return allRSs.flatMap(ofRS);
}

/**
 * A rollout that has not progressed is re-checked when its Progressing condition would pass the deadline
 * (lastUpdateTime + progressDeadlineSeconds, plus a second against skew). Returns the delay, or -1.
 */
export function requeueStuckDeployment(dc: DeploymentController, d: Deployment, newStatus: DeploymentStatus): number {
  const currentCond = getDeploymentCondition(d.status, 'Progressing');
  const deadline = progressDeadlineSeconds(d);
  if (deadline === undefined || !currentCond?.lastUpdateTime) return -1;
  if (deploymentComplete(d, newStatus) || currentCond.reason === TIMED_OUT_REASON) return -1;
  const after = fromTimestamp(currentCond.lastUpdateTime) + deadline * 1000 - dc.ctx.clock.now();
  const key = keyOf(d.metadata);
  if (after < 1000) {
    dc.queue.addAfter(key, Math.max(after + 1, 5));
    return 0;
  }
  dc.queue.addAfter(key, after + 1000);
  return after;
}
