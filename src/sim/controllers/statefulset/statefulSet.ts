/**
 * Mirrors pkg/controller/statefulset/stateful_set.go: the StatefulSet controller's work queue, its watch
 * handlers (StatefulSets; Pods resolved to their controlling set, orphans to every set selecting them;
 * ControllerRevisions resolved to their controlling set, an addition of this simulator) and sync: adopt orphaned revisions, claim pods
 * (adopt / release), run the control loop, requeue after minReadySeconds while pods are not yet available.
 *
 * Every set is resynced every 30 s, as the informer's statefulSetResyncPeriod does.
 *
 * Simplified: handlers see every change synchronously (no informer cache); a failed sync is requeued with
 * per-key exponential backoff (5ms doubling up to 1000s) instead of client-go's combined rate limiter.
 */
import type { ControllerRevision, StatefulSet } from '../../api/apps';
import type { Pod } from '../../api/core';
import type { KubeObject, OwnerReference } from '../../api/meta';
import { isEmptySelector, matchesSelector } from '../../api/selectors';
import type { ClusterContext, Controller } from '../../runtime/controller';
import { WorkQueue, keyOf, splitKey } from '../../runtime/workqueue';
import { claimPods, getControllerOf } from './controllerRefManager';
import { withDefaults } from './defaults';
import { ControllerHistory } from './revisionHistory';
import { StatefulPodControl, isSyncError } from './statefulPodControl';
import { DefaultStatefulSetControl } from './statefulSetControl';
import { isMemberOf, isPodReady } from './statefulSetUtils';
import type { ControlScope } from './updateStatefulSet';

/** The controller's name: its queue, trace records and event source. */
export const STATEFULSET_CONTROLLER_NAME = 'statefulset-controller';

/** Pod index: the uid of the pod's controller, or `orphan:<namespace>` (controller.PodControllerUIDIndex). */
const POD_CONTROLLER_UID_INDEX = 'statefulset/controllerUid';

const BASE_BACKOFF_MS = 5;
const MAX_BACKOFF_MS = 1_000_000;

/** Starts the StatefulSet controller: registers its watch handlers and returns its queue and sync. */
/** pkg/controller/statefulset/stateful_set.go statefulSetResyncPeriod. */
export const STATEFULSET_RESYNC_PERIOD_MS = 30_000;

export function startStatefulSetController(ctx: ClusterContext): Controller {
  const { api } = ctx;
  const queue = new WorkQueue(ctx.clock, STATEFULSET_CONTROLLER_NAME);
  const history = new ControllerHistory(api);
  const control = new DefaultStatefulSetControl(history);
  const podControl = new StatefulPodControl(ctx);
  const failures = new Map<string, number>();

  api.addIndex('Pod', POD_CONTROLLER_UID_INDEX, (obj) => {
    const ref = getControllerOf(obj);
    return [ref ? ref.uid : `orphan:${obj.metadata.namespace ?? ''}`];
  });

  const enqueue = (set: StatefulSet) => queue.add(keyOf(set.metadata));
  const resolveControllerRef = (namespace: string | undefined, ref: OwnerReference): StatefulSet | undefined => {
    if (ref.kind !== 'StatefulSet') return undefined;
    const set = api.get<StatefulSet>('StatefulSet', namespace, ref.name);
    return set && set.metadata.uid === ref.uid ? set : undefined;
  };
  const getStatefulSetsForPod = (pod: Pod): StatefulSet[] =>
    api
      .list<StatefulSet>('StatefulSet', pod.metadata.namespace)
      .filter((set) => !isEmptySelector(set.spec.selector) && matchesSelector(set.spec.selector, pod.metadata.labels));

  api.watch('StatefulSet', (event) => enqueue(event.object as StatefulSet));
  // The informer relists every statefulSetResyncPeriod (30 s) and enqueues every set, so a set waiting on
  // something it does not watch (a claim being deleted by the garbage collector) tries again.
  const resync = () => {
    for (const set of api.list<StatefulSet>('StatefulSet')) enqueue(set);
    ctx.clock.after(STATEFULSET_RESYNC_PERIOD_MS, `${STATEFULSET_CONTROLLER_NAME} resync`, resync);
  };
  ctx.clock.after(STATEFULSET_RESYNC_PERIOD_MS, `${STATEFULSET_CONTROLLER_NAME} resync`, resync);

  api.watch('Pod', (event) => {
    const pod = event.object as Pod;
    if (event.type === 'DELETED' || (event.type === 'ADDED' && pod.metadata.deletionTimestamp)) {
      // deletePod: no controller cares about orphans being deleted.
      const ref = getControllerOf(pod);
      const set = ref && resolveControllerRef(pod.metadata.namespace, ref);
      if (set) enqueue(set);
      return;
    }
    if (event.type === 'ADDED') {
      const ref = getControllerOf(pod);
      if (ref) {
        const set = resolveControllerRef(pod.metadata.namespace, ref);
        if (set) enqueue(set);
        return;
      }
      for (const set of getStatefulSetsForPod(pod)) enqueue(set);
      return;
    }
    updatePod(event.old as Pod, pod);
  });

  // Upstream has no ControllerRevision handlers; this one re-syncs a set whose revision changed (say, one
  // deleted by hand). A set being deleted is left alone: the garbage collector deletes the revisions that
  // each of its syncs re-creates, and reacting to that would never settle.
  api.watch('ControllerRevision', (event) => {
    const revision = event.object as ControllerRevision;
    const ref = getControllerOf(revision);
    const set = ref && resolveControllerRef(revision.metadata.namespace, ref);
    if (set && !set.metadata.deletionTimestamp) enqueue(set);
  });

  function updatePod(oldPod: Pod, curPod: Pod): void {
    if (oldPod.metadata.resourceVersion === curPod.metadata.resourceVersion) return;
    const labelChanged = JSON.stringify(oldPod.metadata.labels ?? {}) !== JSON.stringify(curPod.metadata.labels ?? {});
    const curRef = getControllerOf(curPod);
    const oldRef = getControllerOf(oldPod);
    const refChanged = JSON.stringify(curRef ?? null) !== JSON.stringify(oldRef ?? null);
    if (refChanged && oldRef) {
      const old = resolveControllerRef(oldPod.metadata.namespace, oldRef);
      if (old) enqueue(old);
    }
    if (curRef) {
      const set = resolveControllerRef(curPod.metadata.namespace, curRef);
      if (!set) return;
      enqueue(set);
      const minReadySeconds = set.spec.minReadySeconds ?? 0;
      if (!isPodReady(oldPod) && isPodReady(curPod) && minReadySeconds > 0) {
        // One second more than minReadySeconds, against clock skew, as upstream.
        queue.addAfter(keyOf(set.metadata), (minReadySeconds + 1) * 1000);
      }
      return;
    }
    if (labelChanged || refChanged) for (const set of getStatefulSetsForPod(curPod)) enqueue(set);
  }

  function sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const stored = api.get<StatefulSet>('StatefulSet', namespace, name);
    if (!stored) {
      failures.delete(key);
      return;
    }
    const set = withDefaults(stored);
    const scope: ControlScope = {
      ctx,
      podControl,
      log: (action, detail) => ctx.trace.record(STATEFULSET_CONTROLLER_NAME, key, action, detail),
    };
    try {
      adoptOrphanRevisions(set);
      const candidates = [
        ...api.byIndex<Pod>('Pod', POD_CONTROLLER_UID_INDEX, set.metadata.uid),
        ...api.byIndex<Pod>('Pod', POD_CONTROLLER_UID_INDEX, `orphan:${set.metadata.namespace ?? ''}`),
      ];
      const pods = claimPods(api, set, candidates, (pod) => isMemberOf(set, pod));
      const status = control.updateStatefulSet(scope, set, pods);
      failures.delete(key);
      if (set.spec.minReadySeconds > 0 && status && status.availableReplicas !== set.spec.replicas) {
        queue.addAfter(key, set.spec.minReadySeconds * 1000);
      }
    } catch (err) {
      if (!isSyncError(err)) throw err;
      const count = (failures.get(key) ?? 0) + 1;
      failures.set(key, count);
      scope.log('error', `error syncing StatefulSet ${key}, requeuing: ${err.message}`);
      queue.addAfter(key, Math.min(BASE_BACKOFF_MS * 2 ** (count - 1), MAX_BACKOFF_MS));
    }
  }

  function adoptOrphanRevisions(set: ReturnType<typeof withDefaults>): void {
    const orphans = control.listRevisions(set).filter((r: KubeObject) => !getControllerOf(r));
    if (orphans.length === 0) return;
    const fresh = api.get<StatefulSet>('StatefulSet', set.metadata.namespace, set.metadata.name);
    if (!fresh || fresh.metadata.uid !== set.metadata.uid || fresh.metadata.deletionTimestamp) return;
    control.adoptOrphanRevisions(set, orphans);
  }

  return { name: STATEFULSET_CONTROLLER_NAME, queue, sync };
}
