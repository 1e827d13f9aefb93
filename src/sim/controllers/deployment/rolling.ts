/**
 * Mirrors pkg/controller/deployment/rolling.go: rolloutRolling, reconcileNewReplicaSet (scale the new
 * ReplicaSet up to replicas + maxSurge minus every ReplicaSet's spec.replicas), reconcileOldReplicaSets
 * (scale old ones down by at most allPods - minAvailable - new unavailable), cleanupUnhealthyReplicas
 * (unavailable old replicas first, oldest ReplicaSet first) and scaleDownOldReplicaSetsForRollingUpdate
 * (then available ones, down to replicas - maxUnavailable available).
 *
 * Simplified: nothing in the arithmetic.
 */
import type { Deployment, ReplicaSet } from '../../api/apps';
import { deploymentComplete } from './conditions';
import type { DeploymentController } from './controllerTypes';
import {
  compareByCreationTimestamp,
  deploymentReplicas,
  filterActiveReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  maxUnavailable,
  newRSNewReplicas,
  rsReplicas,
} from './deploymentUtil';
import { syncRolloutStatus } from './progress';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent } from './sync';

/** One step of a rolling update: scale up if possible, else scale down if possible, then status. */
export function rolloutRolling(dc: DeploymentController, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
  if (!newRS) return;
  const allRSs = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(dc, allRSs, newRS, d)) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (reconcileOldReplicaSets(dc, allRSs, filterActiveReplicaSets(oldRSs), newRS, d)) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(dc, oldRSs, d);
  syncRolloutStatus(dc, allRSs, newRS, d);
}

/** Scales the new ReplicaSet towards spec.replicas within the surge budget; true when it scaled. */
export function reconcileNewReplicaSet(dc: DeploymentController, allRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): boolean {
  const desired = deploymentReplicas(d);
  const current = rsReplicas(newRS);
  if (current === desired) return false;
  if (current > desired) return scaleReplicaSetAndRecordEvent(dc, newRS, desired, d).scaled;
  return scaleReplicaSetAndRecordEvent(dc, newRS, newRSNewReplicas(d, allRSs, newRS), d).scaled;
}

/** Scales old ReplicaSets down as far as availability allows; true when any was scaled down. */
export function reconcileOldReplicaSets(dc: DeploymentController, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): boolean {
  if (getReplicaCountForReplicaSets(oldRSs) === 0) return false;
  const allPodsCount = getReplicaCountForReplicaSets(allRSs);
  const minAvailable = deploymentReplicas(d) - maxUnavailable(d);
  const newRSUnavailablePodCount = rsReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPodsCount - minAvailable - newRSUnavailablePodCount;
  if (maxScaledDown <= 0) return false;
  let cleanup: { oldRSs: ReplicaSet[]; count: number };
  try {
    cleanup = cleanupUnhealthyReplicas(dc, oldRSs, d, maxScaledDown);
  } catch {
    return false;
  }
  let scaledDown: number;
  try {
    scaledDown = scaleDownOldReplicaSetsForRollingUpdate(dc, [...cleanup.oldRSs, newRS], cleanup.oldRSs, d);
  } catch {
    return false;
  }
  return cleanup.count + scaledDown > 0;
}

/** Scales away old replicas that are not available, oldest ReplicaSet first, at most `maxCleanupCount`. */
export function cleanupUnhealthyReplicas(dc: DeploymentController, oldRSs: ReplicaSet[], d: Deployment, maxCleanupCount: number): { oldRSs: ReplicaSet[]; count: number } {
  const sorted = [...oldRSs].sort(compareByCreationTimestamp);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (total >= maxCleanupCount) break;
    const rs = sorted[i]!;
    const replicas = rsReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (replicas === 0 || replicas === available) continue;
    const count = Math.min(maxCleanupCount - total, replicas - available);
    const newReplicas = replicas - count;
    if (newReplicas > replicas) {
      throw new Error(`when cleaning up unhealthy replicas, got invalid request to scale down ${rs.metadata.namespace}/${rs.metadata.name} ${replicas} -> ${newReplicas}`);
    }
    sorted[i] = scaleReplicaSetAndRecordEvent(dc, rs, newReplicas, d).rs;
    total += count;
  }
  return { oldRSs: sorted, count: total };
}

/** Scales old ReplicaSets down, oldest first, while available pods stay above replicas - maxUnavailable. */
export function scaleDownOldReplicaSetsForRollingUpdate(dc: DeploymentController, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], d: Deployment): number {
  const minAvailable = deploymentReplicas(d) - maxUnavailable(d);
  const availablePodCount = getAvailableReplicaCountForReplicaSets(allRSs);
  if (availablePodCount <= minAvailable) return 0;
  const totalScaleDownCount = availablePodCount - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(compareByCreationTimestamp)) {
    if (total >= totalScaleDownCount) break;
    const replicas = rsReplicas(rs);
    if (replicas === 0) continue;
    const count = Math.min(replicas, totalScaleDownCount - total);
    const newReplicas = replicas - count;
    if (newReplicas > replicas) {
      throw new Error(`when scaling down old RS, got invalid request to scale down ${rs.metadata.namespace}/${rs.metadata.name} ${replicas} -> ${newReplicas}`);
    }
    scaleReplicaSetAndRecordEvent(dc, rs, newReplicas, d);
    total += count;
  }
  return total;
}
