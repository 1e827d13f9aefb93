/**
 * Mirrors pkg/controller/deployment/deployment_controller.go: watches Deployments, ReplicaSets and Pods, queues
 * the Deployment keys they concern, and syncs each Deployment (claim ReplicaSets, group pods by ReplicaSet,
 * then status only when deleting, sync when paused or scaled, otherwise a Recreate or RollingUpdate step).
 *
 * Simplified: rollback (spec.rollbackTo / the deprecated annotation) is not handled here yet; failed syncs
 * back off per key without the overall token bucket and without the 15-retry limit.
 */
import type { Deployment, ReplicaSet } from '../../api/apps';
import type { Pod } from '../../api/core';
import type { OwnerReference } from '../../api/meta';
import { isEmptySelector, matchesSelector } from '../../api/selectors';
import { deepClone } from '../../apiserver/objects';
import type { ApiServer, WatchEvent } from '../../apiserver/store';
import type { ClusterContext, Controller } from '../../runtime/controller';
import { WorkQueue, keyOf, splitKey } from '../../runtime/workqueue';
import { claimObjects } from '../replicaset/controllerRefManager';
import { getControllerOf } from '../replicaset/podUtils';
import { ItemExponentialFailureRateLimiter } from '../replicaset/rateLimiter';
import { DEPLOYMENT_CONTROLLER, type DeploymentController, updateDeploymentStatus } from './controllerTypes';
import { rolloutRecreate } from './recreate';
import { rolloutRolling } from './rolling';
import { checkPausedConditions, isScalingEvent, sync, syncStatusOnly } from './sync';

export { DEPLOYMENT_CONTROLLER } from './controllerTypes';

/** Starts the Deployment controller. */
export function startDeploymentController(ctx: ClusterContext): Controller {
  const { api } = ctx;
  const queue = new WorkQueue(ctx.clock, DEPLOYMENT_CONTROLLER);
  const dc: DeploymentController = { ctx, queue, limiter: new ItemExponentialFailureRateLimiter() };
  api.watch('Deployment', (event) => queue.add(keyOf(event.object.metadata)));
  api.watch('ReplicaSet', (event) => onReplicaSetEvent(dc, event));
  api.watch('Pod', (event) => {
    if (event.type === 'DELETED') onPodDeleted(dc, event.object as Pod);
  });
  return {
    name: DEPLOYMENT_CONTROLLER,
    queue,
    sync(key) {
      try {
        syncDeployment(dc, key);
        dc.limiter.forget(key);
      } catch (err) {
        ctx.trace.record(DEPLOYMENT_CONTROLLER, key, 'error', err instanceof Error ? err.message : String(err));
        dc.limiter.addRateLimited(queue, key);
      }
    },
  };
}

function resolveControllerRef(api: ApiServer, namespace: string | undefined, ref: OwnerReference): Deployment | undefined {
  if (ref.kind !== 'Deployment') return undefined;
  const d = api.get<Deployment>('Deployment', namespace, ref.name);
  return d && d.metadata.uid === ref.uid ? d : undefined;
}

/** Deployments in the ReplicaSet's namespace whose (non-empty) selector matches its labels. */
function getDeploymentsForReplicaSet(api: ApiServer, rs: ReplicaSet): Deployment[] {
  return api
    .list<Deployment>('Deployment', rs.metadata.namespace)
    .filter((d) => !isEmptySelector(d.spec.selector) && matchesSelector(d.spec.selector, rs.metadata.labels));
}

function enqueueOwner(dc: DeploymentController, rs: ReplicaSet): boolean {
  const ref = getControllerOf(rs);
  if (!ref) return false;
  const d = resolveControllerRef(dc.ctx.api, rs.metadata.namespace, ref);
  if (d) dc.queue.add(keyOf(d.metadata));
  return true;
}

/** addReplicaSet / updateReplicaSet / deleteReplicaSet. */
function onReplicaSetEvent(dc: DeploymentController, event: WatchEvent): void {
  const rs = event.object as ReplicaSet;
  if (event.type !== 'MODIFIED') {
    if (!enqueueOwner(dc, rs) && event.type === 'ADDED' && !rs.metadata.deletionTimestamp) {
      for (const d of getDeploymentsForReplicaSet(dc.ctx.api, rs)) dc.queue.add(keyOf(d.metadata));
    }
    return;
  }
  const old = event.old as ReplicaSet | undefined;
  if (!old || old.metadata.resourceVersion === rs.metadata.resourceVersion) return;
  const curRef = getControllerOf(rs);
  const oldRef = getControllerOf(old);
  const refChanged = JSON.stringify(curRef ?? null) !== JSON.stringify(oldRef ?? null);
  if (refChanged && oldRef) enqueueOwner(dc, old);
  if (curRef) {
    enqueueOwner(dc, rs);
    return;
  }
  const labelChanged = JSON.stringify(rs.metadata.labels ?? {}) !== JSON.stringify(old.metadata.labels ?? {});
  if (labelChanged || refChanged) {
    for (const d of getDeploymentsForReplicaSet(dc.ctx.api, rs)) dc.queue.add(keyOf(d.metadata));
  }
}

/** deletePod: a Recreate Deployment waits for its last old pod to go; sync it when none is left. */
function onPodDeleted(dc: DeploymentController, pod: Pod): void {
  const { api } = dc.ctx;
  const rsRef = getControllerOf(pod);
  if (rsRef?.kind !== 'ReplicaSet') return;
  const rs = api.get<ReplicaSet>('ReplicaSet', pod.metadata.namespace, rsRef.name);
  if (!rs || rs.metadata.uid !== rsRef.uid) return;
  const dRef = getControllerOf(rs);
  const d = dRef && resolveControllerRef(api, rs.metadata.namespace, dRef);
  if (!d || d.spec.strategy?.type !== 'Recreate') return;
  const rsList = api.list<ReplicaSet>('ReplicaSet', d.metadata.namespace).filter((r) => getControllerOf(r)?.uid === d.metadata.uid);
  let numPods = 0;
  for (const pods of getPodMapForDeployment(api, d, rsList).values()) numPods += pods.length;
  if (numPods === 0) dc.queue.add(keyOf(d.metadata));
}

/** The Deployment's ReplicaSets, adopting matching orphans and releasing owned ones that no longer match. */
export function getReplicaSetsForDeployment(dc: DeploymentController, d: Deployment): ReplicaSet[] {
  const { api } = dc.ctx;
  const owner = api.get<Deployment>('Deployment', d.metadata.namespace, d.metadata.name) ?? d;
  const claim = claimObjects(api, owner, d.spec.selector, api.list<ReplicaSet>('ReplicaSet', d.metadata.namespace));
  const key = keyOf(d.metadata);
  for (const name of claim.adopted) dc.ctx.trace.record(DEPLOYMENT_CONTROLLER, key, 'adopt', `adopted orphan replica set ${name}: its labels match the selector`);
  for (const name of claim.released) dc.ctx.trace.record(DEPLOYMENT_CONTROLLER, key, 'release', `released replica set ${name}: its labels no longer match the selector`);
  return claim.claimed;
}

/**
 * Every pod (terminating and finished ones too) of the Deployment's selector whose controller is one of
 * `rsList`, grouped by ReplicaSet uid.
 */
export function getPodMapForDeployment(api: ApiServer, d: Deployment, rsList: readonly ReplicaSet[]): Map<string, Pod[]> {
  const podMap = new Map<string, Pod[]>();
  for (const rs of rsList) podMap.set(rs.metadata.uid, []);
  for (const pod of api.list<Pod>('Pod', d.metadata.namespace)) {
    if (!matchesSelector(d.spec.selector, pod.metadata.labels)) continue;
    const ref = getControllerOf(pod);
    if (ref) podMap.get(ref.uid)?.push(pod);
  }
  return podMap;
}

/** syncDeployment: the entry point of one reconcile. Throws to be re-queued with backoff. */
export function syncDeployment(dc: DeploymentController, key: string): void {
  const { api } = dc.ctx;
  const { namespace, name } = splitKey(key);
  const deployment = api.get<Deployment>('Deployment', namespace, name);
  if (!deployment) return;
  const d = deepClone(deployment);
  if (isEmptySelector(d.spec.selector)) {
    dc.ctx.recorder.record(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.', { component: DEPLOYMENT_CONTROLLER });
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      d.status = { ...d.status, observedGeneration: d.metadata.generation };
      updateDeploymentStatus(dc, d);
    }
    return;
  }
  const rsList = getReplicaSetsForDeployment(dc, d);
  const podMap = getPodMapForDeployment(api, d, rsList);
  if (d.metadata.deletionTimestamp) return syncStatusOnly(dc, d, rsList);
  checkPausedConditions(dc, d);
  if (d.spec.paused) return sync(dc, d, rsList);
  if (isScalingEvent(dc, d, rsList)) return sync(dc, d, rsList);
  if (d.spec.strategy?.type === 'Recreate') return rolloutRecreate(dc, d, rsList, podMap);
  return rolloutRolling(dc, d, rsList);
}
