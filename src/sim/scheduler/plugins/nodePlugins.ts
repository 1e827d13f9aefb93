/**
 * Mirrors pkg/scheduler/framework/plugins nodeunschedulable, tainttoleration, nodeaffinity and nodeports:
 * the Filter plugins that look only at the node and the pod spec.
 *
 * Simplified: a node whose Ready condition is not True carries the node.kubernetes.io/not-ready
 * (False) or node.kubernetes.io/unreachable (Unknown) NoSchedule taint here even before the node
 * lifecycle controller writes it, so the taint path stays the one mechanism. Preferred affinity and
 * PreferNoSchedule taints (Score only) are not modelled; NodeName is a no-op for unbound pods.
 */
import type { Node, NodeSelectorTerm, Pod, Taint, Toleration } from '../../api/core';
import { nodeMatchesSelectorTerms } from '../../controllers/persistentvolume/topology';
import type { FilterPlugin } from '../framework';
import { unschedulable } from '../framework';

export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';

/** ToleratesTaint (core/v1 helper): empty key with Exists tolerates everything, empty effect any effect. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return !t.key || t.key === taint.key;
  return (t.value ?? '') === (taint.value ?? '');
}

/** The taints the scheduler sees: the node's own, plus the readiness taint for a node that is not Ready. */
export function effectiveTaints(node: Node): Taint[] {
  const taints = [...(node.spec.taints ?? [])];
  const ready = node.status.conditions.find((c) => c.type === 'Ready');
  if (ready?.status !== 'True') {
    const key = ready?.status === 'False' ? TAINT_NODE_NOT_READY : TAINT_NODE_UNREACHABLE;
    if (!taints.some((t) => (t.key === TAINT_NODE_NOT_READY || t.key === TAINT_NODE_UNREACHABLE) && t.effect === 'NoSchedule')) {
      taints.push({ key, effect: 'NoSchedule' });
    }
  }
  return taints;
}

export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(state, _info, node) {
    if (!node.spec.unschedulable) return null;
    const tolerated = (state.pod.spec.tolerations ?? []).some((t) =>
      toleratesTaint(t, { key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' }),
    );
    return tolerated ? null : unschedulable(this.name, 'UnschedulableAndUnresolvable', 'node(s) were unschedulable');
  },
};

export const taintToleration: FilterPlugin = {
  name: 'TaintToleration',
  filter(state, _info, node) {
    const tolerations = state.pod.spec.tolerations ?? [];
    const untolerated = effectiveTaints(node).some(
      (taint) => (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerations.some((t) => toleratesTaint(t, taint)),
    );
    return untolerated ? unschedulable(this.name, 'UnschedulableAndUnresolvable', 'node(s) had untolerated taint(s)') : null;
  },
};

interface RequiredNodeAffinity {
  nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] } };
}

/** The pod's required node affinity terms, if it has any. */
function requiredTerms(pod: Pod): NodeSelectorTerm[] | undefined {
  const affinity = pod.spec.affinity as RequiredNodeAffinity | undefined;
  return affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
}

export const nodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  filter(state, _info, node) {
    const labels = node.metadata.labels ?? {};
    const selector = state.pod.spec.nodeSelector ?? {};
    const terms = requiredTerms(state.pod);
    const fits = Object.entries(selector).every(([k, v]) => labels[k] === v) && (!terms || nodeMatchesSelectorTerms(node, terms));
    return fits ? null : unschedulable(this.name, 'UnschedulableAndUnresolvable', "node(s) didn't match Pod's node affinity/selector");
  },
};

export const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  filter(state, info) {
    if (!state.hostPorts.some((p) => info.usedPorts.has(p))) return null;
    return unschedulable(this.name, 'Unschedulable', "node(s) didn't have free ports for the requested pod ports");
  },
};
