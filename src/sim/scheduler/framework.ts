/**
 * Mirrors pkg/scheduler/framework (interface.go, types.go): plugin statuses, the per-cycle state and the
 * FitError message, `0/4 nodes are available: <PreFilterMsg>. <sorted reasons>. <PostFilterMsg>`.
 *
 * Simplified: plugins are plain objects run in the default profile's order; no extenders, no profiles,
 * no parallelism. Filters stop at the first rejecting plugin per node, as runAllFilters=false does.
 */
import type { Node, Pod } from '../api/core';
import type { NodeInfo } from './cache';
import type { VolumeBindingState } from './plugins/volumeBinding';

/** The rejecting status codes a plugin can return (Success is `null`). */
export type Code = 'Unschedulable' | 'UnschedulableAndUnresolvable';

/** A plugin's verdict: its code, the reasons counted in the FitError histogram, and the plugin's name. */
export interface Status {
  code: Code;
  reasons: string[];
  plugin: string;
}

/** A rejecting status. */
export function unschedulable(plugin: string, code: Code, ...reasons: string[]): Status {
  return { code, reasons, plugin };
}

/** Everything PreFilter computed about one pod for one scheduling cycle. */
export interface CycleState {
  pod: Pod;
  /** Summed container requests: cpu in millicores, memory in bytes. */
  cpuMilli: number;
  memoryBytes: number;
  /** `TCP/8080` for each requested hostPort. */
  hostPorts: string[];
  volumes: VolumeBindingState;
  /** VolumeRestrictions: another scheduled pod already uses one of this pod's ReadWriteOncePod claims. */
  readWriteOncePodConflict: boolean;
}

/** A Filter plugin: null when the node fits. */
export interface FilterPlugin {
  readonly name: string;
  filter(state: CycleState, nodeInfo: NodeInfo, node: Node): Status | null;
}

/** NoNodeAvailableMsg. */
export function noNodeAvailableMsg(numAllNodes: number): string {
  return `0/${numAllNodes} nodes are available`;
}

/** The reasons histogram: `<count> <reason>` for each distinct reason, sorted as Go's sort.Strings sorts. */
export function sortedReasonsHistogram(statuses: Iterable<Status>): string[] {
  const counts = new Map<string, number>();
  for (const s of statuses) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const out = [...counts].map(([reason, n]) => `${n} ${reason}`);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * FitError.Error(): `0/N nodes are available: <PreFilterMsg>.` when PreFilter rejected the pod, else the
 * sorted histogram of the nodes' reasons, then ` <PostFilterMsg>` when PostFilter said something.
 */
export function fitErrorMessage(numAllNodes: number, preFilterMsg: string, nodeStatuses: Iterable<Status>, postFilterMsg: string): string {
  let msg = `${noNodeAvailableMsg(numAllNodes)}:`;
  if (preFilterMsg) msg += ` ${preFilterMsg}.`;
  else {
    const hist = sortedReasonsHistogram(nodeStatuses);
    if (hist.length) msg += ` ${hist.join(', ')}.`;
  }
  if (postFilterMsg) msg += ` ${postFilterMsg}`;
  return msg;
}
