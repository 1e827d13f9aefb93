/**
 * Mirrors PodControllerRefManager.ClaimPods in pkg/controller/controller_ref_manager.go, as the StatefulSet
 * controller uses it: keep the pods the set controls and still selects, release those it no longer
 * selects, and adopt orphans it selects, unless the set (or the pod) is being deleted.
 *
 * Simplified: the uncached re-read before adopting (RecheckDeletionTimestamp) is the store read itself;
 * adoption and release patch ownerReferences directly.
 */
import type { StatefulSet } from '../../api/apps';
import type { Pod } from '../../api/core';
import type { OwnerReference } from '../../api/meta';
import { matchesSelector } from '../../api/selectors';
import { ApiError } from '../../apiserver/errors';
import type { ApiServer } from '../../apiserver/store';
import { ControllerError } from './statefulPodControl';
import { newControllerRef } from './statefulSetUtils';

/** The controller ownerReference of an object, if any (metav1.GetControllerOf). */
export function getControllerOf(obj: { metadata: { ownerReferences?: OwnerReference[] } }): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}

/**
 * The pods among `candidates` that `set` owns after adoption and release. `filter` narrows the selector
 * (for StatefulSets: the pod's name says it is a member). Failed adoptions and releases are thrown together
 * after all pods were considered.
 */
export function claimPods(api: ApiServer, set: StatefulSet, candidates: readonly Pod[], filter: (pod: Pod) => boolean): Pod[] {
  const claimed: Pod[] = [];
  const errors: Error[] = [];
  const match = (pod: Pod) => matchesSelector(set.spec.selector, pod.metadata.labels) && filter(pod);
  for (const pod of candidates) {
    try {
      if (claimObject(api, set, pod, match)) claimed.push(pod);
    } catch (err) {
      if (!(err instanceof ApiError) && !(err instanceof ControllerError)) throw err;
      errors.push(err);
    }
  }
  if (errors.length) throw ControllerError.aggregate(errors);
  return claimed;
}

function claimObject(api: ApiServer, set: StatefulSet, pod: Pod, match: (pod: Pod) => boolean): boolean {
  const controllerRef = getControllerOf(pod);
  const setDeleting = set.metadata.deletionTimestamp !== undefined;
  if (controllerRef) {
    if (controllerRef.uid !== set.metadata.uid) return false;
    if (match(pod)) return true;
    if (setDeleting) return false;
    patchOwnerRefs(api, pod, (refs) => refs.filter((r) => r.uid !== set.metadata.uid));
    return false;
  }
  if (setDeleting || !match(pod)) return false;
  if (pod.metadata.deletionTimestamp) return false;
  if (set.metadata.namespace !== pod.metadata.namespace) return false;
  const fresh = api.get<StatefulSet>('StatefulSet', set.metadata.namespace, set.metadata.name);
  if (!fresh || fresh.metadata.uid !== set.metadata.uid) {
    throw new ControllerError(
      `original StatefulSet ${set.metadata.namespace}/${set.metadata.name} is gone: got uid ${fresh?.metadata.uid ?? ''}, wanted ${set.metadata.uid}`,
    );
  }
  if (fresh.metadata.deletionTimestamp) {
    throw new ControllerError(`${set.metadata.namespace}/${set.metadata.name} has just been deleted at ${fresh.metadata.deletionTimestamp}`);
  }
  return patchOwnerRefs(api, pod, (refs) => [...refs, newControllerRef(set, 'apps/v1', 'StatefulSet')]);
}

/** Rewrites the pod's ownerReferences; false when the pod is gone. */
function patchOwnerRefs(api: ApiServer, pod: Pod, change: (refs: OwnerReference[]) => OwnerReference[]): boolean {
  try {
    const updated = api.mutate<Pod>('Pod', pod.metadata.namespace, pod.metadata.name, (draft) => {
      if (draft.metadata.uid !== pod.metadata.uid) return false;
      const refs = change(draft.metadata.ownerReferences ?? []);
      if (refs.length) draft.metadata.ownerReferences = refs;
      else delete draft.metadata.ownerReferences;
    });
    return updated !== undefined && updated.metadata.uid === pod.metadata.uid;
  } catch (err) {
    if (err instanceof ApiError && err.reason === 'NotFound') return false;
    throw err;
  }
}
