// Mirrors pkg/controller/podgc/gc_controller.go: every 20s (gcCheckPeriod) force-deletes (grace 0, after
// setting phase Failed) terminating pods on nodes that are not Ready and carry the
// node.kubernetes.io/out-of-service taint, pods bound to nodes that no longer exist (after the 40s
// quarantine, with the DisruptionTarget condition DeletionByPodGC), and terminating pods never scheduled.
// Pod GC records no events.
// Simplified: no terminated-pod threshold (--terminated-pod-gc-threshold is 12500; the playground never
// reaches it); a node missing from the store is missing (no second GET).

import type { Node, Pod } from '../../api/core';
import type { Condition } from '../../api/meta';
import type { ClusterContext, Controller } from '../../runtime/controller';
import { WorkQueue } from '../../runtime/workqueue';

const NAME = 'pod-garbage-collector';
/** gcCheckPeriod. */
export const GC_CHECK_PERIOD_MS = 20_000;
/** quarantineTime: how long a missing node may take to show up before its pods count as orphaned. */
export const QUARANTINE_TIME_MS = 40_000;
/** v1.TaintNodeOutOfService. */
export const TAINT_NODE_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';
const GC_KEY = ':gc';

function isNodeReady(node: Node): boolean {
  return node.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** byEvictionAndCreationTimestamp: evicted pods first, then oldest, then by name. */
function byEvictionAndCreation(a: Pod, b: Pod): number {
  const ea = a.status.reason === 'Evicted';
  const eb = b.status.reason === 'Evicted';
  if (ea !== eb) return ea ? -1 : 1;
  if (a.metadata.creationTimestamp !== b.metadata.creationTimestamp) return a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : 1;
}

/** Starts the pod garbage collector: a pass every 20s from the start. */
export function startPodGCController(ctx: ClusterContext): Controller {
  const { api, clock } = ctx;
  const queue = new WorkQueue(clock, NAME);
  /** The orphaned-pods node queue: node name -> when it leaves quarantine. */
  const nodeQueue = new Map<string, number>();

  const tick = () => {
    queue.add(GC_KEY);
    clock.after(GC_CHECK_PERIOD_MS, `${NAME} gc`, tick);
  };
  tick();

  /** markFailedAndDeletePodWithCondition: phase Failed (and the condition), then delete with grace 0. */
  function markFailedAndDeletePod(pod: Pod, condition?: Condition): void {
    const { namespace, name } = pod.metadata;
    if (pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed') {
      api.mutate<Pod>(
        'Pod',
        namespace,
        name,
        (d) => {
          if (d.metadata.uid !== pod.metadata.uid) return false;
          d.status.phase = 'Failed';
          if (condition) {
            const rest = (d.status.conditions ?? []).filter((c) => c.type !== condition.type);
            d.status.conditions = [...rest, { ...condition, lastProbeTime: null, lastTransitionTime: clock.timestamp() }];
          }
        },
        { subresource: 'status' },
      );
    }
    try {
      api.delete('Pod', namespace, name, { gracePeriodSeconds: 0, uid: pod.metadata.uid });
      ctx.trace.record(NAME, `${namespace}/${name}`, 'force delete', condition ? 'orphaned: node no longer exists' : 'terminating on an out-of-service node');
    } catch {
      // Gone already.
    }
  }

  function gcTerminating(pods: Pod[]): void {
    const doomed = pods.filter((pod) => {
      if (!pod.metadata.deletionTimestamp || !pod.spec.nodeName) return false;
      const node = api.get<Node>('Node', undefined, pod.spec.nodeName);
      return !!node && !isNodeReady(node) && (node.spec.taints ?? []).some((t) => t.key === TAINT_NODE_OUT_OF_SERVICE);
    });
    for (const pod of doomed.sort(byEvictionAndCreation)) markFailedAndDeletePod(pod);
  }

  function gcOrphaned(pods: Pod[], nodes: Node[]): void {
    const now = clock.now();
    const existing = new Set(nodes.map((n) => n.metadata.name));
    for (const pod of pods) {
      const nodeName = pod.spec.nodeName;
      if (nodeName && !existing.has(nodeName) && !nodeQueue.has(nodeName)) nodeQueue.set(nodeName, now + QUARANTINE_TIME_MS);
    }
    const deleted = new Set<string>();
    for (const [nodeName, readyAt] of [...nodeQueue]) {
      if (readyAt > now) continue;
      nodeQueue.delete(nodeName);
      if (!existing.has(nodeName) && !api.get<Node>('Node', undefined, nodeName)) deleted.add(nodeName);
    }
    for (const pod of pods) {
      if (!pod.spec.nodeName || !deleted.has(pod.spec.nodeName)) continue;
      markFailedAndDeletePod(pod, { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' });
    }
  }

  function gcUnscheduledTerminating(pods: Pod[]): void {
    for (const pod of pods) if (pod.metadata.deletionTimestamp && !pod.spec.nodeName) markFailedAndDeletePod(pod);
  }

  function gc(): void {
    const pods = api.list<Pod>('Pod');
    const nodes = api.list<Node>('Node');
    gcTerminating(pods);
    gcOrphaned(api.list<Pod>('Pod'), nodes);
    gcUnscheduledTerminating(api.list<Pod>('Pod'));
  }

  return {
    name: NAME,
    queue,
    sync(key) {
      if (key === GC_KEY) gc();
    },
  };
}
