/**
 * Mirrors pkg/api/v1/pod/util.go (IsPodReady, IsPodAvailable, GetPodReadyCondition) and the pod predicates of
 * pkg/controller/controller_utils.go (IsPodActive, IsPodTerminating, FilterActivePods, FilterTerminatingPods),
 * plus metav1.GetControllerOf / NewControllerRef from apimachinery.
 *
 * Simplified: nothing; these are pure functions of the objects.
 */
import type { Pod } from '../../api/core';
import type { Condition, KubeObject, OwnerReference } from '../../api/meta';
import { fromTimestamp } from '../../runtime/clock';

/** The pod's Ready condition, if it has one. */
export function getPodReadyCondition(pod: Pod): Condition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

/** True when the pod's Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return getPodReadyCondition(pod)?.status === 'True';
}

/**
 * True when the pod has been Ready for at least `minReadySeconds` at simulated instant `nowMs`
 * (Ready's lastTransitionTime + minReadySeconds strictly before now, as IsPodAvailable compares).
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const since = getPodReadyCondition(pod)?.lastTransitionTime;
  return since !== undefined && fromTimestamp(since) + minReadySeconds * 1000 < nowMs;
}

/** True when the pod has reached Succeeded or Failed. */
export function isPodTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** An active pod counts towards a controller's replicas: not terminal and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  return !isPodTerminal(pod) && !pod.metadata.deletionTimestamp;
}

/** A terminating pod is being deleted but has not reached a terminal phase. */
export function isPodTerminating(pod: Pod): boolean {
  return !isPodTerminal(pod) && !!pod.metadata.deletionTimestamp;
}

export function filterActivePods(pods: readonly Pod[]): Pod[] {
  return pods.filter(isPodActive);
}

export function filterTerminatingPods(pods: readonly Pod[]): Pod[] {
  return pods.filter(isPodTerminating);
}

/** The highest restart count of the pod's containers (maxContainerRestarts). */
export function maxContainerRestarts(pod: Pod): number {
  let max = 0;
  for (const c of pod.status?.containerStatuses ?? []) max = Math.max(max, c.restartCount);
  return max;
}

/** The owner reference with `controller: true`, if any (metav1.GetControllerOf). */
export function getControllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** A controller owner reference to `owner` (metav1.NewControllerRef): blockOwnerDeletion and controller set. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}
