/**
 * Mirrors pkg/controller/deployment/recreate.go: rolloutRecreate scales every old ReplicaSet to 0, waits
 * until no old pod exists (terminating ones included: oldPodsRunning counts every non-terminal pod), and only
 * then creates or scales up the new ReplicaSet.
 *
 * Simplified: the PodReplacementPolicy branch (alpha, off by default in 1.35) is left out.
 */
import type { Deployment, ReplicaSet } from '../../api/apps';
import type { Pod } from '../../api/core';
import { deploymentComplete } from './conditions';
import type { DeploymentController } from './controllerTypes';
import { deploymentReplicas, filterActiveReplicaSets, getActualReplicaCountForReplicaSets, rsReplicas } from './deploymentUtil';
import { syncRolloutStatus } from './progress';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent } from './sync';

/** One step of a Recreate rollout. `podMap` holds every pod of each ReplicaSet, by ReplicaSet uid. */
export function rolloutRecreate(dc: DeploymentController, d: Deployment, rsList: ReplicaSet[], podMap: Map<string, Pod[]>): void {
  // Don't create a new ReplicaSet yet, so nothing scales up before the old pods are gone.
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  let allRSs: (ReplicaSet | undefined)[] = [...oldRSs, newRS];
  if (scaleDownOldReplicaSetsForRecreate(dc, filterActiveReplicaSets(oldRSs), d)) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (oldPodsRunning(newRS, oldRSs, podMap)) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (!newRS) {
    ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true));
    allRSs = [...oldRSs, newRS];
  }
  if (newRS) scaleReplicaSetAndRecordEvent(dc, newRS, deploymentReplicas(d), d);
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(dc, oldRSs, d);
  syncRolloutStatus(dc, allRSs, newRS, d);
}

/** Scales every active old ReplicaSet to 0; true when any was scaled. */
export function scaleDownOldReplicaSetsForRecreate(dc: DeploymentController, oldRSs: ReplicaSet[], d: Deployment): boolean {
  let scaled = false;
  for (const rs of oldRSs) {
    if (rsReplicas(rs) === 0) continue;
    if (scaleReplicaSetAndRecordEvent(dc, rs, 0, d).scaled) scaled = true;
  }
  return scaled;
}

/** True while an old ReplicaSet reports pods, or any pod not of the new ReplicaSet has not reached Succeeded/Failed. */
export function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[], podMap: Map<string, Pod[]>): boolean {
  if (getActualReplicaCountForReplicaSets(oldRSs) > 0) return true;
  for (const [rsUid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === rsUid) continue;
    for (const pod of pods) {
      if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') continue;
      return true;
    }
  }
  return false;
}
