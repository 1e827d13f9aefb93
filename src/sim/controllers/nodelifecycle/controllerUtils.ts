// Mirrors pkg/controller/util/node/controller_utils.go (RecordNodeEvent, RecordNodeStatusChange,
// MarkPodsNotReady, SwapNodeControllerTaint) and the taint helpers of pkg/util/taints and
// pkg/controller/controller_utils.go (AddOrUpdateTaintOnNode, RemoveTaintOffNode).
// Simplified: writes cannot conflict in the simulator, so there are no retries.

import type { Node, Pod, Taint } from '../../api/core';
import type { Condition } from '../../api/meta';
import type { ClusterContext } from '../../runtime/controller';

/** The source component of the node lifecycle controller's events. */
export const NODE_CONTROLLER = 'node-controller';

export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_NODE_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_NODE_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_NODE_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NODE_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

/** UnreachableTaintTemplate and NotReadyTaintTemplate: the NoExecute taints for an unhealthy node. */
export const UNREACHABLE_TAINT_TEMPLATE: Taint = { key: TAINT_NODE_UNREACHABLE, effect: 'NoExecute' };
export const NOT_READY_TAINT_TEMPLATE: Taint = { key: TAINT_NODE_NOT_READY, effect: 'NoExecute' };

/** nodeConditionToTaintKeyStatusMap: which condition status maps to which NoSchedule taint key. */
export const NODE_CONDITION_TO_TAINT_KEY: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Ready: { False: TAINT_NODE_NOT_READY, Unknown: TAINT_NODE_UNREACHABLE },
  MemoryPressure: { True: TAINT_NODE_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_NODE_DISK_PRESSURE },
  NetworkUnavailable: { True: TAINT_NODE_NETWORK_UNAVAILABLE },
  PIDPressure: { True: TAINT_NODE_PID_PRESSURE },
};

/** taintKeyToNodeConditionMap: the taint keys the controller owns for conditions. */
export const TAINT_KEY_TO_NODE_CONDITION: Readonly<Record<string, string>> = {
  [TAINT_NODE_NOT_READY]: 'Ready',
  [TAINT_NODE_UNREACHABLE]: 'Ready',
  [TAINT_NODE_NETWORK_UNAVAILABLE]: 'NetworkUnavailable',
  [TAINT_NODE_MEMORY_PRESSURE]: 'MemoryPressure',
  [TAINT_NODE_DISK_PRESSURE]: 'DiskPressure',
  [TAINT_NODE_PID_PRESSURE]: 'PIDPressure',
};

/** Taint.MatchTaint: same key and effect. */
export function matchTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

/** taintutils.TaintExists. */
export function taintExists(taints: readonly Taint[] | undefined, taint: Taint): boolean {
  return (taints ?? []).some((t) => matchTaint(t, taint));
}

/** GetNodeCondition. */
export function getNodeCondition(node: Node, type: string): Condition | undefined {
  return node.status.conditions.find((c) => c.type === type);
}

/** nodeutil.IsNodeReady: the Ready condition is True. */
export function isNodeReady(node: Node): boolean {
  return getNodeCondition(node, 'Ready')?.status === 'True';
}

/** RecordNodeEvent: `Node node-1 event: <event>` on the Node. */
export function recordNodeEvent(ctx: ClusterContext, node: Node, type: 'Normal' | 'Warning', reason: string, event: string): void {
  ctx.recorder.record(node, type, reason, `Node ${node.metadata.name} event: ${event}`, { component: NODE_CONTROLLER });
}

/** RecordNodeStatusChange: `Node node-1 status is now: NodeNotReady` on the Node. */
export function recordNodeStatusChange(ctx: ClusterContext, node: Node, newStatus: string): void {
  ctx.recorder.record(node, 'Normal', newStatus, `Node ${node.metadata.name} status is now: ${newStatus}`, { component: NODE_CONTROLLER });
}

/**
 * SwapNodeControllerTaint: adds `toAdd` (stamped with timeAdded = now) and removes `toRemove` on the Node.
 * Returns false when the Node is gone.
 */
export function swapNodeControllerTaint(ctx: ClusterContext, nodeName: string, toAdd: readonly Taint[], toRemove: readonly Taint[]): boolean {
  const now = ctx.clock.timestamp();
  const updated = ctx.api.mutate<Node>('Node', undefined, nodeName, (d) => {
    let taints = [...(d.spec.taints ?? [])];
    const before = JSON.stringify(taints);
    for (const t of toAdd) if (!taintExists(taints, t)) taints.push({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect, timeAdded: now });
    taints = taints.filter((t) => !toRemove.some((r) => matchTaint(r, t)));
    if (JSON.stringify(taints) === before) return false;
    if (taints.length) d.spec.taints = taints;
    else delete d.spec.taints;
  });
  return updated !== undefined;
}

/**
 * MarkPodsNotReady: sets the Ready condition of each pod on the node to False and records the Warning
 * `NodeNotReady` `Node is not ready` on each pod whose condition changed.
 */
export function markPodsNotReady(ctx: ClusterContext, pods: readonly Pod[], nodeName: string): void {
  const now = ctx.clock.timestamp();
  for (const pod of pods) {
    if (pod.spec.nodeName !== nodeName) continue;
    const ready = pod.status.conditions?.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'False') continue;
    const updated = ctx.api.mutate<Pod>(
      'Pod',
      pod.metadata.namespace,
      pod.metadata.name,
      (d) => {
        const c = d.status.conditions?.find((x) => x.type === 'Ready');
        if (!c || c.status === 'False') return false;
        c.status = 'False';
        c.lastTransitionTime = now;
      },
      { subresource: 'status' },
    );
    if (updated) ctx.recorder.record(updated, 'Warning', 'NodeNotReady', 'Node is not ready', { component: NODE_CONTROLLER });
  }
}

/** nodetopology.GetZoneKey: region and zone labels joined, or '' when the node has neither. */
export function getZoneKey(node: Node): string {
  const labels = node.metadata.labels ?? {};
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\u0000:${zone}`;
}
