/**
 * Mirrors pkg/controller/replicaset/replica_set.go: watches ReplicaSets and Pods, queues the ReplicaSet keys
 * they concern, and syncs each ReplicaSet (claim pods, manageReplicas, calculateStatus). Only active pods
 * count, so a replacement is created the moment a pod starts terminating; creates go in slow-start batches
 * (1, 2, 4, ...) and at most 500 pods are created or deleted per sync (BurstReplicas).
 *
 * Simplified: no expectations cache (the store is read directly and writes are synchronous, so a sync never
 * sees a stale pod list); deletes within one sync run in ranking order instead of concurrently; failed syncs
 * back off per key without the overall token bucket.
 */
import type { ReplicaSet } from '../../api/apps';
import type { Pod } from '../../api/core';
import type { OwnerReference } from '../../api/meta';
import { isEmptySelector, matchesSelector } from '../../api/selectors';
import { ApiError } from '../../apiserver/errors';
import type { ApiServer, WatchEvent } from '../../apiserver/store';
import type { ClusterContext, Controller } from '../../runtime/controller';
import { WorkQueue, keyOf, splitKey } from '../../runtime/workqueue';
import { getPodsToDelete } from './activePods';
import { claimObjects, filterClaimedPods, filterPodsByOwner } from './controllerRefManager';
import { createPods, deletePod, errorText, type PodControl } from './podControl';
import { filterActivePods, filterTerminatingPods, getControllerOf, isPodReady, newControllerRef } from './podUtils';
import { ItemExponentialFailureRateLimiter } from './rateLimiter';
import { calculateStatus, updateReplicaSetStatus } from './replicaSetUtils';

/** The controller's name in the run loop, and the source component of its Events. */
export const REPLICASET_CONTROLLER = 'replicaset-controller';
/** The most pods one sync creates or deletes. */
export const BURST_REPLICAS = 500;
/** The first slow-start batch size (controller.SlowStartInitialBatchSize). */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;
/** Index of ReplicaSets by the uid of their controller (a Deployment). */
export const RS_CONTROLLER_UID_INDEX = 'controllerUID';

interface ReplicaSetController {
  ctx: ClusterContext;
  queue: WorkQueue;
  podControl: PodControl;
  limiter: ItemExponentialFailureRateLimiter;
}

/** Starts the ReplicaSet controller. */
export function startReplicaSetController(ctx: ClusterContext): Controller {
  const { api } = ctx;
  const queue = new WorkQueue(ctx.clock, REPLICASET_CONTROLLER);
  const rsc: ReplicaSetController = {
    ctx,
    queue,
    podControl: { ctx, component: REPLICASET_CONTROLLER },
    limiter: new ItemExponentialFailureRateLimiter(),
  };
  api.addIndex('ReplicaSet', RS_CONTROLLER_UID_INDEX, (rs) => {
    const ref = getControllerOf(rs);
    return ref ? [ref.uid] : [];
  });
  api.watch('ReplicaSet', (event) => queue.add(keyOf(event.object.metadata)));
  api.watch('Pod', (event) => onPodEvent(rsc, event));
  return {
    name: REPLICASET_CONTROLLER,
    queue,
    sync(key) {
      const err = syncReplicaSet(rsc, key);
      if (err) rsc.limiter.addRateLimited(queue, key);
      else rsc.limiter.forget(key);
    },
  };
}

/** The ReplicaSet a controller reference points at, if it still exists with that uid. */
function resolveControllerRef(api: ApiServer, namespace: string | undefined, ref: OwnerReference): ReplicaSet | undefined {
  if (ref.kind !== 'ReplicaSet') return undefined;
  const rs = api.get<ReplicaSet>('ReplicaSet', namespace, ref.name);
  return rs && rs.metadata.uid === ref.uid ? rs : undefined;
}

/** ReplicaSets in the pod's namespace whose (non-empty) selector matches its labels (GetPodReplicaSets). */
function getPodReplicaSets(api: ApiServer, pod: Pod): ReplicaSet[] {
  return api
    .list<ReplicaSet>('ReplicaSet', pod.metadata.namespace)
    .filter((rs) => !isEmptySelector(rs.spec.selector) && matchesSelector(rs.spec.selector, pod.metadata.labels));
}

function enqueueController(rsc: ReplicaSetController, pod: Pod): void {
  const ref = getControllerOf(pod);
  if (!ref) return;
  const rs = resolveControllerRef(rsc.ctx.api, pod.metadata.namespace, ref);
  if (rs) rsc.queue.add(keyOf(rs.metadata));
}

/** addPod / updatePod / deletePod: find the owning (or adopting) ReplicaSets and queue them. */
function onPodEvent(rsc: ReplicaSetController, event: WatchEvent): void {
  const { api } = rsc.ctx;
  const pod = event.object as Pod;
  if (event.type === 'DELETED') return enqueueController(rsc, pod);
  if (event.type === 'ADDED') {
    if (pod.metadata.deletionTimestamp || getControllerOf(pod)) return enqueueController(rsc, pod);
    for (const rs of getPodReplicaSets(api, pod)) rsc.queue.add(keyOf(rs.metadata));
    return;
  }
  const old = event.old as Pod | undefined;
  if (!old || old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
  const labelChanged = JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(pod.metadata.labels ?? {});
  if (pod.metadata.deletionTimestamp) {
    // A graceful delete: the ReplicaSet replaces the pod now, not when the kubelet finally removes it.
    enqueueController(rsc, pod);
    if (labelChanged) enqueueController(rsc, old);
    return;
  }
  const curRef = getControllerOf(pod);
  const oldRef = getControllerOf(old);
  const refChanged = JSON.stringify(curRef ?? null) !== JSON.stringify(oldRef ?? null);
  if (refChanged && oldRef) enqueueController(rsc, old);
  if (curRef) {
    const rs = resolveControllerRef(api, pod.metadata.namespace, curRef);
    if (!rs) return;
    rsc.queue.add(keyOf(rs.metadata));
    const minReadySeconds = rs.spec.minReadySeconds ?? 0;
    if (!isPodReady(old) && isPodReady(pod) && minReadySeconds > 0) {
      // Check availability again once minReadySeconds have passed (plus a second against skew).
      rsc.queue.addAfter(keyOf(rs.metadata), minReadySeconds * 1000 + 1000);
    }
    return;
  }
  if (labelChanged || refChanged) {
    for (const rs of getPodReplicaSets(api, pod)) rsc.queue.add(keyOf(rs.metadata));
  }
}

/** syncReplicaSet: claim pods, create or delete pods to match spec.replicas, and update status. */
function syncReplicaSet(rsc: ReplicaSetController, key: string): Error | undefined {
  const { ctx } = rsc;
  const { namespace, name } = splitKey(key);
  const rs = ctx.api.get<ReplicaSet>('ReplicaSet', namespace, name);
  if (!rs) return undefined;
  const selector = rs.spec.selector;
  const allRSPods = filterPodsByOwner(ctx.api, rs, true);
  const claim = claimObjects(ctx.api, rs, selector, filterActivePods(allRSPods));
  for (const pod of claim.adopted) ctx.trace.record(REPLICASET_CONTROLLER, key, 'adopt', `adopted orphan pod ${pod}: its labels match the selector`);
  for (const pod of claim.released) ctx.trace.record(REPLICASET_CONTROLLER, key, 'release', `released pod ${pod}: its labels no longer match the selector`);
  const activePods = claim.claimed;
  const terminatingPods = filterClaimedPods(rs, selector, filterTerminatingPods(allRSPods));

  let manageReplicasErr: Error | undefined;
  if (!rs.metadata.deletionTimestamp) manageReplicasErr = manageReplicas(rsc, key, activePods, rs);

  const fresh = ctx.api.get<ReplicaSet>('ReplicaSet', namespace, name) ?? rs;
  const newStatus = calculateStatus(fresh, activePods, terminatingPods, manageReplicasErr, ctx.clock.now(), ctx.clock.timestamp());
  const updated = updateReplicaSetStatus(ctx, fresh, newStatus);
  const replicas = updated.spec.replicas ?? 1;
  const minReadySeconds = updated.spec.minReadySeconds ?? 0;
  if (!manageReplicasErr && minReadySeconds > 0 && (updated.status?.readyReplicas ?? 0) === replicas && (updated.status?.availableReplicas ?? 0) !== replicas) {
    rsc.queue.addAfter(key, minReadySeconds * 1000);
  }
  return manageReplicasErr;
}

/**
 * manageReplicas: creates pods in slow-start batches when there are too few active pods, deletes the
 * lowest-ranked ones when there are too many; at most BURST_REPLICAS either way. Returns the first error.
 */
function manageReplicas(rsc: ReplicaSetController, key: string, activePods: Pod[], rs: ReplicaSet): Error | undefined {
  const { ctx } = rsc;
  const want = rs.spec.replicas ?? 1;
  let diff = activePods.length - want;
  if (diff < 0) {
    diff = Math.min(-diff, BURST_REPLICAS);
    ctx.trace.record(REPLICASET_CONTROLLER, key, 'create', `too few replicas: ${activePods.length} active, need ${want}, creating ${diff}`);
    const controllerRef = newControllerRef(rs);
    const { error } = slowStartBatch(diff, SLOW_START_INITIAL_BATCH_SIZE, () => {
      createPods(rsc.podControl, rs.spec.template, rs, controllerRef);
    });
    return error;
  }
  if (diff > 0) {
    diff = Math.min(diff, BURST_REPLICAS);
    const podsToDelete = getPodsToDelete(activePods, getIndirectlyRelatedPods(ctx.api, rs), diff, ctx.clock.now());
    ctx.trace.record(REPLICASET_CONTROLLER, key, 'delete', `too many replicas: ${activePods.length} active, need ${want}, deleting ${podsToDelete.map((p) => p.metadata.name).join(', ')}`);
    let first: Error | undefined;
    for (const pod of podsToDelete) {
      try {
        deletePod(rsc.podControl, rs.metadata.namespace, pod.metadata.name, rs);
      } catch (err) {
        if (err instanceof ApiError && err.reason === 'NotFound') continue;
        first ??= err instanceof Error ? err : new Error(errorText(err));
      }
    }
    return first;
  }
  return undefined;
}

/**
 * Calls `fn` `count` times in batches of 1, 2, 4, ... (starting at `initialBatchSize`); a batch with a failure
 * stops the rest. Returns how many calls succeeded and the first error.
 */
export function slowStartBatch(count: number, initialBatchSize: number, fn: () => void): { successes: number; error?: Error } {
  let remaining = count;
  let successes = 0;
  for (let batchSize = Math.min(remaining, initialBatchSize); batchSize > 0; batchSize = Math.min(2 * batchSize, remaining)) {
    let error: Error | undefined;
    for (let i = 0; i < batchSize; i++) {
      try {
        fn();
        successes++;
      } catch (err) {
        error ??= err instanceof Error ? err : new Error(errorText(err));
      }
    }
    if (error) return { successes, error };
    remaining -= batchSize;
  }
  return { successes };
}

/** Pods selected by any ReplicaSet that has the same controller as `rs` (getIndirectlyRelatedPods). */
function getIndirectlyRelatedPods(api: ApiServer, rs: ReplicaSet): Pod[] {
  const ref = getControllerOf(rs);
  if (!ref) return [];
  const seen = new Set<string>();
  const related: Pod[] = [];
  for (const relatedRS of api.byIndex<ReplicaSet>('ReplicaSet', RS_CONTROLLER_UID_INDEX, ref.uid)) {
    for (const pod of api.list<Pod>('Pod', relatedRS.metadata.namespace)) {
      if (!matchesSelector(relatedRS.spec.selector, pod.metadata.labels) || seen.has(pod.metadata.uid)) continue;
      seen.add(pod.metadata.uid);
      related.push(pod);
    }
  }
  return related;
}
