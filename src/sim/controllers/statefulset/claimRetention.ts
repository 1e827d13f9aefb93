/**
 * Mirrors the PersistentVolumeClaim retention part of pkg/controller/statefulset/stateful_set_utils.go
 * (StatefulSetAutoDeletePVC, GA in 1.32): the ownerReferences a claim must carry so that the garbage
 * collector deletes it exactly when the policy says.
 *
 *   Retain/Retain                       no owner reference from the set or the pod
 *   whenDeleted=Delete                  the set is the claim's controller
 *   whenScaled=Delete                   the pod is the claim's controller once the pod is condemned
 *   whenScaled=Delete, whenDeleted=Delete  the set while the pod is in range, the pod once condemned
 *
 * Simplified: nothing; the "unknown policy" branch cannot occur because the policy is typed.
 */
import type { StatefulSet } from '../../api/apps';
import type { PersistentVolumeClaim, Pod } from '../../api/core';
import type { OwnerReference } from '../../api/meta';
import { newControllerRef, podInOrdinalRange } from './statefulSetUtils';

/** apiVersion and kind of an owner, as an ownerReference spells them. */
interface Kind {
  apiVersion: string;
  kind: string;
}

export const STATEFUL_SET_KIND: Kind = { apiVersion: 'apps/v1', kind: 'StatefulSet' };
export const POD_KIND: Kind = { apiVersion: 'v1', kind: 'Pod' };

type Owner = { metadata: { name: string; uid: string } };

/** The set's retention policy, Retain/Retain where absent. */
export function getPersistentVolumeClaimRetentionPolicy(set: StatefulSet): { whenDeleted: 'Retain' | 'Delete'; whenScaled: 'Retain' | 'Delete' } {
  const policy = set.spec.persistentVolumeClaimRetentionPolicy;
  return { whenDeleted: policy?.whenDeleted ?? 'Retain', whenScaled: policy?.whenScaled ?? 'Retain' };
}

/** True when the reference names `obj` with the given kind (the uid is not compared). */
function matchesRef(ref: OwnerReference, obj: Owner, kind: Kind): boolean {
  return ref.apiVersion === kind.apiVersion && ref.kind === kind.kind && ref.name === obj.metadata.name;
}

/** True when `target` has an ownerReference to `owner`'s uid. */
export function hasOwnerRef(target: PersistentVolumeClaim, owner: Owner): boolean {
  return (target.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid);
}

/** True when `target` references an object of `obj`'s kind and name but another uid (a previous incarnation). */
export function hasStaleOwnerRef(target: PersistentVolumeClaim, obj: Owner, kind: Kind): boolean {
  const ref = (target.metadata.ownerReferences ?? []).find((r) => matchesRef(r, obj, kind));
  return ref !== undefined && ref.uid !== obj.metadata.uid;
}

/** True when the policy is not Retain/Retain and a controller other than this set or pod owns the claim. */
export function hasUnexpectedController(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  const policy = getPersistentVolumeClaimRetentionPolicy(set);
  if (policy.whenScaled === 'Retain' && policy.whenDeleted === 'Retain') return false;
  for (const ref of claim.metadata.ownerReferences ?? []) {
    if (matchesRef(ref, set, STATEFUL_SET_KIND)) {
      if (ref.uid !== set.metadata.uid) return true;
      continue;
    }
    if (matchesRef(ref, pod, POD_KIND)) {
      if (ref.uid !== pod.metadata.uid) return true;
      continue;
    }
    if (ref.controller) return true;
  }
  return false;
}

function hasNonControllerOwner(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  return (claim.metadata.ownerReferences ?? []).some(
    (r) => (r.uid === set.metadata.uid || r.uid === pod.metadata.uid) && !r.controller,
  );
}

/**
 * False when the claim's ownerReferences disagree with the retention policy. Claims with stale references
 * or another controller are left alone (true).
 */
export function isClaimOwnerUpToDate(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  if (hasStaleOwnerRef(claim, set, STATEFUL_SET_KIND) || hasStaleOwnerRef(claim, pod, POD_KIND)) return true;
  if (hasUnexpectedController(claim, set, pod)) return !(hasOwnerRef(claim, set) || hasOwnerRef(claim, pod));
  if (hasNonControllerOwner(claim, set, pod)) return false;
  const policy = getPersistentVolumeClaimRetentionPolicy(set);
  const setRef = hasOwnerRef(claim, set);
  const podRef = hasOwnerRef(claim, pod);
  const scaledDown = !podInOrdinalRange(pod, set);
  if (policy.whenScaled === 'Retain') {
    return policy.whenDeleted === 'Retain' ? !setRef && !podRef : setRef && !podRef;
  }
  if (policy.whenDeleted === 'Retain') return !setRef && scaledDown === podRef;
  return scaledDown !== setRef && scaledDown === podRef;
}

/** Rewrites the claim's ownerReferences (in place, on a copy) to match the retention policy. */
export function updateClaimOwnerRefForSetAndPod(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): void {
  const unexpectedController = hasUnexpectedController(claim, set, pod);
  let refs = (claim.metadata.ownerReferences ?? []).filter(
    (r) => !matchesRef(r, set, STATEFUL_SET_KIND) && !matchesRef(r, pod, POD_KIND),
  );
  if (!unexpectedController) {
    const policy = getPersistentVolumeClaimRetentionPolicy(set);
    const scaledDown = !podInOrdinalRange(pod, set);
    if (policy.whenScaled === 'Retain' && policy.whenDeleted === 'Delete') refs = addControllerRef(refs, set, STATEFUL_SET_KIND);
    if (policy.whenScaled === 'Delete' && scaledDown) refs = addControllerRef(refs, pod, POD_KIND);
    if (policy.whenScaled === 'Delete' && policy.whenDeleted === 'Delete' && !scaledDown) {
      refs = addControllerRef(refs, set, STATEFUL_SET_KIND);
    }
  }
  if (refs.length) claim.metadata.ownerReferences = refs;
  else delete claim.metadata.ownerReferences;
}

function addControllerRef(refs: OwnerReference[], owner: Owner, kind: Kind): OwnerReference[] {
  if (refs.some((r) => r.uid === owner.metadata.uid)) return refs;
  return [...refs, newControllerRef(owner, kind.apiVersion, kind.kind)];
}
