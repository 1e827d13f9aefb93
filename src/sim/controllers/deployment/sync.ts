/**
 * Mirrors pkg/controller/deployment/sync.go: syncStatusOnly, sync (scaling and paused Deployments),
 * checkPausedConditions, getAllReplicaSetsAndSyncRevision, getNewReplicaSet (the `<deploy>-<pod-template-hash>`
 * ReplicaSet with its revision annotations, hash collisions bumping status.collisionCount), scale
 * (proportional scaling), scaleReplicaSet with the ScalingReplicaSet Events, cleanupDeployment
 * (revisionHistoryLimit), calculateStatus and isScalingEvent.
 *
 * Simplified: writes are read-modify-write on the stored object (no optimistic-concurrency retries); a
 * ReplicaSet updated during a sync replaces the stale copy in the sync's list. Upstream's status update also
 * persists the Deployment's annotations (the revision); here that is a metadata write followed by a status write.
 */
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../api/apps';
import { ApiError } from '../../apiserver/errors';
import { deepClone, deepEqual } from '../../apiserver/objects';
import { errorText } from '../replicaset/podControl';
import { getControllerOf, newControllerRef } from '../replicaset/podUtils';
import {
  DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY,
  REVISION_ANNOTATION,
  getDesiredReplicasAnnotation,
  maxRevision,
  replicasAnnotationsNeedUpdate,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
} from './annotations';
import {
  FAILED_RS_CREATE_REASON,
  FOUND_NEW_RS_REASON,
  MINIMUM_REPLICAS_AVAILABLE,
  MINIMUM_REPLICAS_UNAVAILABLE,
  NEW_REPLICA_SET_REASON,
  PAUSED_DEPLOY_REASON,
  RESUMED_DEPLOY_REASON,
  TIMED_OUT_REASON,
  getDeploymentCondition,
  hasProgressDeadline,
  newDeploymentCondition,
  setDeploymentCondition,
} from './conditions';
import { type DeploymentController, DEPLOYMENT_CONTROLLER, updateDeploymentStatus } from './controllerTypes';
import {
  compareByRevision,
  compareBySizeNewer,
  compareBySizeOlder,
  deploymentReplicas,
  equalIgnoreHash,
  filterActiveReplicaSets,
  findActiveOrLatest,
  findNewReplicaSet,
  findOldReplicaSets,
  getActualReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getReadyReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  getReplicaSetProportion,
  getTerminatingReplicaCountForReplicaSets,
  isRollingUpdate,
  isSaturated,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  rsReplicas,
} from './deploymentUtil';
import { computeHash } from './hash';

/** The new ReplicaSet (if any) and every other ReplicaSet of the Deployment. */
export interface ReplicaSetsOfDeployment {
  newRS: ReplicaSet | undefined;
  oldRSs: ReplicaSet[];
}

/** Updates status only (a Deployment being deleted). */
export function syncStatusOnly(dc: DeploymentController, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  syncDeploymentStatus(dc, [...oldRSs, newRS], newRS, d);
}

/** Reconciles a scaling event or a paused Deployment: proportional scaling, history cleanup, status. */
export function sync(dc: DeploymentController, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  scale(dc, d, newRS, oldRSs);
  if (d.spec.paused) cleanupDeployment(dc, oldRSs, d);
  syncDeploymentStatus(dc, [...oldRSs, newRS], newRS, d);
}

/** Sets Progressing=Unknown DeploymentPaused / DeploymentResumed when the Deployment is paused or resumed. */
export function checkPausedConditions(dc: DeploymentController, d: Deployment): void {
  if (!hasProgressDeadline(d)) return;
  const status = (d.status ??= {});
  const cond = getDeploymentCondition(status, 'Progressing');
  if (cond?.reason === TIMED_OUT_REASON) return;
  const pausedCondExists = cond?.reason === PAUSED_DEPLOY_REASON;
  const now = dc.ctx.clock.timestamp();
  if (d.spec.paused && !pausedCondExists) {
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'Unknown', PAUSED_DEPLOY_REASON, 'Deployment is paused', now));
  } else if (!d.spec.paused && pausedCondExists) {
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'Unknown', RESUMED_DEPLOY_REASON, 'Deployment is resumed', now));
  } else {
    return;
  }
  updateDeploymentStatus(dc, d);
}

/** The new and old ReplicaSets, with the new one's revision raised above every old one and copied to the Deployment. */
export function getAllReplicaSetsAndSyncRevision(dc: DeploymentController, d: Deployment, rsList: ReplicaSet[], createIfNotExisted: boolean): ReplicaSetsOfDeployment {
  const { allOldRSs } = findOldReplicaSets(d, rsList);
  const newRS = getNewReplicaSet(dc, d, rsList, allOldRSs, createIfNotExisted);
  return { newRS, oldRSs: allOldRSs };
}

function replaceInList(rsList: ReplicaSet[], rs: ReplicaSet): void {
  const i = rsList.findIndex((r) => r.metadata.uid === rs.metadata.uid);
  if (i >= 0) rsList[i] = rs;
}

/**
 * The ReplicaSet whose template equals the Deployment's, its annotations and minReadySeconds brought up to
 * date; or, with `createIfNotExisted`, a new one named `<deploy>-<hash>` created at NewRSNewReplicas replicas.
 */
export function getNewReplicaSet(dc: DeploymentController, d: Deployment, rsList: ReplicaSet[], oldRSs: ReplicaSet[], createIfNotExisted: boolean): ReplicaSet | undefined {
  const { api, clock } = dc.ctx;
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = String(maxRevision(oldRSs) + 1);
  if (existing) {
    const rsCopy = deepClone(existing);
    const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
    const minReadySecondsNeedsUpdate = (rsCopy.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0);
    if (annotationsUpdated || minReadySecondsNeedsUpdate) {
      const updated = api.mutate<ReplicaSet>('ReplicaSet', existing.metadata.namespace, existing.metadata.name, (draft) => {
        draft.metadata.annotations = rsCopy.metadata.annotations;
        if (d.spec.minReadySeconds) draft.spec.minReadySeconds = d.spec.minReadySeconds;
        else delete draft.spec.minReadySeconds;
      });
      if (updated) replaceInList(rsList, updated);
      return updated;
    }
    let needsUpdate = setDeploymentRevision(d, rsCopy.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
    const status = (d.status ??= {});
    if (hasProgressDeadline(d) && !getDeploymentCondition(status, 'Progressing')) {
      setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', FOUND_NEW_RS_REASON, `Found new replica set "${rsCopy.metadata.name}"`, clock.timestamp()));
      needsUpdate = true;
    }
    if (needsUpdate) updateDeploymentStatus(dc, d);
    return rsCopy;
  }
  if (!createIfNotExisted) return undefined;

  const hash = computeHash(d.spec.template, d.status?.collisionCount);
  const template = deepClone(d.spec.template);
  template.metadata = { ...template.metadata, labels: { ...(template.metadata?.labels ?? {}), [DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY]: hash } };
  const selector = deepClone(d.spec.selector);
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY]: hash };
  const newRS: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      ownerReferences: [newControllerRef(d)],
      labels: { ...template.metadata.labels },
    },
    spec: { replicas: 0, ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}), selector, template },
  };
  const newReplicasCount = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec.replicas = newReplicasCount;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false);

  let createdRS: ReplicaSet;
  let alreadyExists = false;
  try {
    createdRS = api.create(newRS);
  } catch (err) {
    if (err instanceof ApiError && err.reason === 'AlreadyExists') {
      const rs = api.get<ReplicaSet>('ReplicaSet', newRS.metadata.namespace, newRS.metadata.name);
      const ref = rs && getControllerOf(rs);
      if (!rs || ref?.uid !== d.metadata.uid || !equalIgnoreHash(d.spec.template, rs.spec.template)) {
        // A hash collision: bump collisionCount so the next sync computes a different name.
        const status = (d.status ??= {});
        status.collisionCount = (status.collisionCount ?? 0) + 1;
        updateDeploymentStatus(dc, d);
        dc.ctx.trace.record(DEPLOYMENT_CONTROLLER, key(d), 'collision', `replica set ${newRS.metadata.name} exists with another template: collisionCount is now ${status.collisionCount}`);
        throw err;
      }
      createdRS = rs;
      alreadyExists = true;
    } else {
      const msg = `Failed to create new replica set "${newRS.metadata.name}": ${errorText(err)}`;
      if (hasProgressDeadline(d)) {
        setDeploymentCondition((d.status ??= {}), newDeploymentCondition('Progressing', 'False', FAILED_RS_CREATE_REASON, msg, clock.timestamp()));
        updateDeploymentStatus(dc, d);
      }
      dc.ctx.recorder.record(d, 'Warning', FAILED_RS_CREATE_REASON, msg, { component: DEPLOYMENT_CONTROLLER });
      throw err;
    }
  }
  rsList.push(createdRS);
  if (!alreadyExists && newReplicasCount > 0) {
    dc.ctx.recorder.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${createdRS.metadata.name} from 0 to ${newReplicasCount}`, { component: DEPLOYMENT_CONTROLLER });
  }
  dc.ctx.trace.record(DEPLOYMENT_CONTROLLER, key(d), 'create', `created replica set ${createdRS.metadata.name} (revision ${newRevision}) with ${newReplicasCount} replicas: no replica set has the current pod template`);
  let needsUpdate = setDeploymentRevision(d, newRevision);
  if (!alreadyExists && hasProgressDeadline(d)) {
    setDeploymentCondition((d.status ??= {}), newDeploymentCondition('Progressing', 'True', NEW_REPLICA_SET_REASON, `Created new replica set "${createdRS.metadata.name}"`, clock.timestamp()));
    needsUpdate = true;
  }
  if (needsUpdate) updateDeploymentStatus(dc, d);
  return createdRS;
}

function key(d: Deployment): string {
  return `${d.metadata.namespace}/${d.metadata.name}`;
}

/**
 * scale: one active (or the latest) ReplicaSet takes spec.replicas; a saturated new ReplicaSet scales the old
 * ones to 0; otherwise (RollingUpdate) replicas are added or removed across the active ReplicaSets in
 * proportion to their size, leftovers to the largest.
 */
export function scale(dc: DeploymentController, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  const replicas = deploymentReplicas(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (rsReplicas(activeOrLatest) !== replicas) scaleReplicaSetAndRecordEvent(dc, activeOrLatest, replicas, d);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActiveReplicaSets(oldRSs)) scaleReplicaSetAndRecordEvent(dc, old, 0, d);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const allRSs = filterActiveReplicaSets([...oldRSs, newRS]);
  const allowedSize = replicas > 0 ? replicas + maxSurge(d) : 0;
  const toAdd = allowedSize - getReplicaCountForReplicaSets(allRSs);
  if (toAdd > 0) allRSs.sort(compareBySizeNewer);
  else if (toAdd < 0) allRSs.sort(compareBySizeOlder);
  let added = 0;
  const nameToSize = new Map<string, number>();
  for (const rs of allRSs) {
    if (toAdd !== 0) {
      const proportion = getReplicaSetProportion(rs, d, toAdd, added);
      nameToSize.set(rs.metadata.name, rsReplicas(rs) + proportion);
      added += proportion;
    } else {
      nameToSize.set(rs.metadata.name, rsReplicas(rs));
    }
  }
  allRSs.forEach((rs, i) => {
    if (i === 0 && toAdd !== 0) nameToSize.set(rs.metadata.name, Math.max(0, nameToSize.get(rs.metadata.name)! + toAdd - added));
    scaleReplicaSet(dc, rs, nameToSize.get(rs.metadata.name)!, d);
  });
}

/** Scales `rs` to `newScale` unless it is already there. */
export function scaleReplicaSetAndRecordEvent(dc: DeploymentController, rs: ReplicaSet, newScale: number, d: Deployment): { scaled: boolean; rs: ReplicaSet } {
  if (rsReplicas(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(dc, rs, newScale, d);
}

/**
 * Writes spec.replicas and the desired/max replicas annotations when either is out of date; records
 * `Scaled up|down replica set <rs> from <old> to <new>` when the size changed.
 */
export function scaleReplicaSet(dc: DeploymentController, rs: ReplicaSet, newScale: number, d: Deployment): { scaled: boolean; rs: ReplicaSet } {
  const replicas = deploymentReplicas(d);
  const maxReplicas = replicas + maxSurge(d);
  const oldScale = rsReplicas(rs);
  const sizeNeedsUpdate = oldScale !== newScale;
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, replicas, maxReplicas)) return { scaled: false, rs };
  const updated = dc.ctx.api.mutate<ReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name, (draft) => {
    if (draft.metadata.uid !== rs.metadata.uid) return false;
    draft.spec.replicas = newScale;
    setReplicasAnnotations(draft, replicas, maxReplicas);
  });
  if (!updated) throw new ApiError('NotFound', 404, `replicasets.apps "${rs.metadata.name}" not found`);
  if (sizeNeedsUpdate) {
    const op = oldScale < newScale ? 'up' : 'down';
    const msg = `Scaled ${op} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`;
    dc.ctx.recorder.record(d, 'Normal', 'ScalingReplicaSet', msg, { component: DEPLOYMENT_CONTROLLER });
    dc.ctx.trace.record(DEPLOYMENT_CONTROLLER, key(d), 'scale', msg);
  }
  return { scaled: sizeNeedsUpdate, rs: updated };
}

/** Deletes the oldest old ReplicaSets beyond revisionHistoryLimit that have no pods left. */
export function cleanupDeployment(dc: DeploymentController, oldRSs: ReplicaSet[], d: Deployment): void {
  const limit = d.spec.revisionHistoryLimit ?? 10;
  if (limit === 2147483647) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  const sorted = [...cleanable].sort(compareByRevision);
  for (const rs of sorted.slice(0, diff)) {
    if ((rs.status?.replicas ?? 0) !== 0 || rsReplicas(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || rs.metadata.deletionTimestamp) continue;
    try {
      dc.ctx.api.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
      dc.ctx.trace.record(DEPLOYMENT_CONTROLLER, key(d), 'cleanup', `deleted old replica set ${rs.metadata.name}: more than revisionHistoryLimit=${limit} old replica sets`);
    } catch (err) {
      if (!(err instanceof ApiError && err.reason === 'NotFound')) throw err;
    }
  }
}

/** Writes the calculated status when it differs from the current one. */
export function syncDeploymentStatus(dc: DeploymentController, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): void {
  const newStatus = calculateStatus(allRSs, newRS, d, dc.ctx.clock.timestamp());
  if (deepEqual(d.status ?? {}, newStatus)) return;
  d.status = newStatus;
  updateDeploymentStatus(dc, d);
}

/**
 * The Deployment's status from its ReplicaSets: replicas, updatedReplicas, readyReplicas, availableReplicas,
 * unavailableReplicas, terminatingReplicas, and the Available condition (MinimumReplicasAvailable once
 * available >= replicas - maxUnavailable). Zero counters are left out, as omitempty leaves them out.
 */
export function calculateStatus(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment, now: string): DeploymentStatus {
  const available = getAvailableReplicaCountForReplicaSets(allRSs);
  const total = getReplicaCountForReplicaSets(allRSs);
  const counters: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 0,
    replicas: getActualReplicaCountForReplicaSets(allRSs),
    updatedReplicas: getActualReplicaCountForReplicaSets([newRS]),
    readyReplicas: getReadyReplicaCountForReplicaSets(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
  };
  const status: DeploymentStatus = Object.fromEntries(Object.entries(counters).filter(([, v]) => v !== 0));
  const terminating = getTerminatingReplicaCountForReplicaSets(allRSs);
  if (terminating !== undefined) status.terminatingReplicas = terminating;
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (d.status?.conditions?.length) status.conditions = deepClone(d.status.conditions);
  if (available >= deploymentReplicas(d) - maxUnavailable(d)) {
    setDeploymentCondition(status, newDeploymentCondition('Available', 'True', MINIMUM_REPLICAS_AVAILABLE, 'Deployment has minimum availability.', now));
  } else {
    setDeploymentCondition(status, newDeploymentCondition('Available', 'False', MINIMUM_REPLICAS_UNAVAILABLE, 'Deployment does not have minimum availability.', now));
  }
  return status;
}

/** True when an active ReplicaSet was sized for a different spec.replicas (the user scaled the Deployment). */
export function isScalingEvent(dc: DeploymentController, d: Deployment, rsList: ReplicaSet[]): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  for (const rs of filterActiveReplicaSets([...oldRSs, newRS])) {
    const desired = getDesiredReplicasAnnotation(rs);
    if (desired !== undefined && desired !== deploymentReplicas(d)) return true;
  }
  return false;
}
