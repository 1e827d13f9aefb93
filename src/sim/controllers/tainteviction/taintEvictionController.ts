// Mirrors pkg/controller/tainteviction/taint_eviction.go (and timed_workers.go): pods on a node with NoExecute
// taints they do not tolerate are deleted at once; pods that tolerate them for tolerationSeconds (300s by
// default for not-ready / unreachable) are deleted when that time has passed since the taint was noticed.
// Deletion adds the DisruptionTarget condition (DeletionByTaintManager), records TaintManagerEviction
// `Marking for deletion Pod ns/name`, and deletes gracefully; a scheduled deletion cancelled because the
// taint went records `Cancelling deletion of Pod ns/name`.
// Simplified: one queue for node and pod updates (nodes before pods within a settle, as the upstream worker
// prefers node updates); no retries (writes do not fail here).

import type { Node, Pod, Taint, Toleration } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import type { TimerHandle } from '../../runtime/clock';
import type { ClusterContext, Controller } from '../../runtime/controller';
import { WorkQueue, splitKey } from '../../runtime/workqueue';

/** The controller's name, also the source component of its events. */
export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';

const NODE_INDEX = 'tainteviction.nodeName';

/** Toleration.ToleratesTaint. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/**
 * GetMatchingTolerations: whether every taint is tolerated, and the toleration used for each.
 */
export function getMatchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[]): { allTolerated: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((x) => toleratesTaint(x, taint));
    if (!t) return { allTolerated: false, used: [] };
    used.push(t);
  }
  return { allTolerated: true, used };
}

/** getMinTolerationTime: the smallest tolerationSeconds in ms; -1 when none is set (tolerated forever). */
export function getMinTolerationTime(tolerations: readonly Toleration[]): number {
  if (tolerations.length === 0) return 0;
  let min = Infinity;
  for (const t of tolerations) {
    if (t.tolerationSeconds === undefined) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}

interface Work {
  /** The pod the deletion is for: a new pod of the same name (a re-created StatefulSet pod) is another. */
  uid: string;
  createdAt: number;
  fireAt: number;
  /** Undefined once the work has fired (kept to prevent a second deletion, as TimedWorkerQueue does). */
  timer?: TimerHandle;
}

/** Starts the taint eviction controller (keys: node names, and `namespace/name` of pods). */
export function startTaintEvictionController(ctx: ClusterContext): Controller {
  const { api, clock } = ctx;
  const queue = new WorkQueue(clock, TAINT_EVICTION_CONTROLLER);
  const taintedNodes = new Map<string, Taint[]>();
  const works = new Map<string, Work>();

  api.addIndex('Pod', NODE_INDEX, (o) => ((o as Pod).spec.nodeName ? [(o as Pod).spec.nodeName!] : []));
  const noExecute = (n: Node | undefined) => JSON.stringify((n?.spec.taints ?? []).filter((t) => t.effect === 'NoExecute'));
  api.watch('Node', (e) => {
    if (e.type === 'MODIFIED' && noExecute(e.object as Node) === noExecute(e.old as Node)) return;
    queue.add(e.object.metadata.name);
  });
  api.watch('Pod', (e) => {
    const pod = e.object as Pod;
    const old = e.old as Pod | undefined;
    if (e.type === 'MODIFIED' && old && pod.spec.nodeName === old.spec.nodeName && JSON.stringify(pod.spec.tolerations) === JSON.stringify(old.spec.tolerations)) return;
    queue.add(`${pod.metadata.namespace}/${pod.metadata.name}`);
  });
  for (const node of api.list<Node>('Node')) queue.add(node.metadata.name);

  function podRef(key: string): KubeObject {
    const { namespace, name } = splitKey(key);
    return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: namespace ?? 'default', uid: '', resourceVersion: '', creationTimestamp: '' } };
  }

  /** CancelWork plus the `Cancelling deletion` event when a pending deletion was cancelled. */
  function cancelWorkWithEvent(key: string): void {
    const work = works.get(key);
    if (!work) return;
    works.delete(key);
    if (!work.timer) return;
    work.timer.cancel();
    ctx.recorder.record(podRef(key), 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`, { component: TAINT_EVICTION_CONTROLLER });
    ctx.trace.record(TAINT_EVICTION_CONTROLLER, key, 'cancel', 'taint removed or now tolerated');
  }

  function addWork(key: string, uid: string, createdAt: number, fireAt: number): void {
    if (works.has(key)) return;
    const work: Work = { uid, createdAt, fireAt };
    work.timer = clock.after(fireAt - clock.now(), `${TAINT_EVICTION_CONTROLLER} evict ${key}`, () => {
      work.timer = undefined;
      deletePod(key, uid);
    });
    works.set(key, work);
    ctx.trace.record(TAINT_EVICTION_CONTROLLER, key, 'schedule', `deletion in ${Math.round((fireAt - clock.now()) / 1000)}s`);
  }

  /** deletePodHandler: event, DisruptionTarget condition, graceful delete. */
  function deletePod(key: string, uid: string): void {
    const { namespace, name } = splitKey(key);
    const pod = api.get<Pod>('Pod', namespace, name);
    // Simplified: the deletion is for one pod (by uid); upstream keys it by name and relies on its
    // watch events to cancel it before a new pod of that name exists.
    if (!pod || pod.metadata.uid !== uid) return;
    ctx.recorder.record(podRef(key), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`, { component: TAINT_EVICTION_CONTROLLER });
    api.mutate<Pod>(
      'Pod',
      namespace,
      name,
      (d) => {
        const conditions = d.status.conditions ?? [];
        const existing = conditions.find((c) => c.type === 'DisruptionTarget');
        if (existing?.status === 'True' && existing.reason === 'DeletionByTaintManager') return false;
        const condition = { type: 'DisruptionTarget', status: 'True' as const, lastProbeTime: null, lastTransitionTime: clock.timestamp(), reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' };
        d.status.conditions = existing ? conditions.map((c) => (c === existing ? condition : c)) : [...conditions, condition];
      },
      { subresource: 'status' },
    );
    try {
      api.delete('Pod', namespace, name, { uid });
      ctx.trace.record(TAINT_EVICTION_CONTROLLER, key, 'delete', 'NoExecute taint not tolerated (any more)');
    } catch {
      // Already gone.
    }
  }

  function processPodOnNode(key: string, uid: string, tolerations: readonly Toleration[], taints: readonly Taint[], now: number): void {
    if (works.get(key) && works.get(key)!.uid !== uid) cancelWorkWithEvent(key);
    if (taints.length === 0) cancelWorkWithEvent(key);
    const { allTolerated, used } = getMatchingTolerations(taints, tolerations);
    if (!allTolerated) {
      cancelWorkWithEvent(key);
      addWork(key, uid, now, now);
      return;
    }
    const min = getMinTolerationTime(used);
    if (min < 0) {
      cancelWorkWithEvent(key);
      return;
    }
    let start = now;
    const trigger = now + min;
    const scheduled = works.get(key);
    if (scheduled?.timer) {
      start = scheduled.createdAt;
      if (start + min < trigger) return;
      cancelWorkWithEvent(key);
    }
    addWork(key, uid, start, start + min);
  }

  function handleNodeUpdate(nodeName: string): void {
    const node = api.get<Node>('Node', undefined, nodeName);
    if (!node) {
      taintedNodes.delete(nodeName);
      return;
    }
    const taints = (node.spec.taints ?? []).filter((t) => t.effect === 'NoExecute');
    if (taints.length) taintedNodes.set(nodeName, taints);
    else taintedNodes.delete(nodeName);
    const pods = api.byIndex<Pod>('Pod', NODE_INDEX, nodeName);
    if (taints.length === 0) {
      for (const pod of pods) cancelWorkWithEvent(`${pod.metadata.namespace}/${pod.metadata.name}`);
      return;
    }
    for (const pod of pods) {
      processPodOnNode(`${pod.metadata.namespace}/${pod.metadata.name}`, pod.metadata.uid, pod.spec.tolerations ?? [], taints, clock.now());
    }
  }

  function handlePodUpdate(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = api.get<Pod>('Pod', namespace, name);
    if (!pod || (works.get(key) && works.get(key)!.uid !== pod.metadata.uid)) {
      // The pod is gone (perhaps already replaced by a new pod of the same name): its deletion is moot.
      cancelWorkWithEvent(key);
      if (!pod) return;
    }
    const nodeName = pod.spec.nodeName;
    if (!nodeName) return;
    const taints = taintedNodes.get(nodeName);
    if (!taints) return;
    processPodOnNode(key, pod.metadata.uid, pod.spec.tolerations ?? [], taints, clock.now());
  }

  return {
    name: TAINT_EVICTION_CONTROLLER,
    queue,
    sync: (key) => (key.includes('/') ? handlePodUpdate(key) : handleNodeUpdate(key)),
  };
}
