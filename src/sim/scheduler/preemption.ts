/**
 * Mirrors pkg/scheduler/framework/plugins/defaultpreemption and framework/preemption (preemption.go) for
 * the message it leaves in FailedScheduling: `preemption: 0/4 nodes are available: ...`, and the
 * DynamicResources PostFilter that runs before it in the default profile (`no new claims to deallocate`).
 *
 * Simplified: no victims are ever evicted. Nodes rejected as UnschedulableAndUnresolvable count as
 * `Preemption is not helpful for scheduling`; the others as `No preemption victims found for incoming
 * pod` (true whenever no pod on the node has a lower priority, which the simulator assumes).
 */
import type { Pod } from '../api/core';
import type { Status } from './framework';
import { fitErrorMessage } from './framework';

export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod';
/** DynamicResources.PostFilter for a pod without ResourceClaims (DRA is on by default since 1.34). */
export const NO_NEW_CLAIMS_TO_DEALLOCATE = 'no new claims to deallocate';

/** The DefaultPreemption PostFilter status message for a pod that fits nowhere. */
export function preemptionMessage(pod: Pod, numAllNodes: number, nodeStatuses: Iterable<Status>): string {
  if (pod.spec.preemptionPolicy === 'Never') return 'preemption: not eligible due to preemptionPolicy=Never.';
  const results: Status[] = [];
  for (const s of nodeStatuses) {
    const reason = s.code === 'UnschedulableAndUnresolvable' ? PREEMPTION_NOT_HELPFUL : NO_PREEMPTION_VICTIMS;
    results.push({ code: s.code, plugin: 'DefaultPreemption', reasons: [reason] });
  }
  return `preemption: ${fitErrorMessage(numAllNodes, '', results, '')}`;
}

/**
 * RunPostFilterPlugins' merged message: the reasons of every PostFilter plugin joined with ", ".
 * When PreFilter rejected the pod, DynamicResources never wrote its cycle state and adds no reason.
 */
export function postFilterMessage(pod: Pod, numAllNodes: number, nodeStatuses: Iterable<Status>, rejectedAtPreFilter: boolean): string {
  const preemption = preemptionMessage(pod, numAllNodes, nodeStatuses);
  return rejectedAtPreFilter ? preemption : `${NO_NEW_CLAIMS_TO_DEALLOCATE}, ${preemption}`;
}
