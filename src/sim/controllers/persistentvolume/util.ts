/**
 * Mirrors pkg/controller/volume/persistentvolume/util (util.go) and component-helpers/storage/volume: the
 * annotation names, finalizers and claim helpers the binder, the provisioner, protection and the scheduler share.
 *
 * Simplified: quantities are parsed to plain numbers (bytes, or millicores for cpu) without Quantity's
 * canonical formatting.
 */
import type { AccessMode, PersistentVolume, PersistentVolumeClaim } from '../../api/core';
import type { StorageClass } from '../../api/other';
import type { ApiServer } from '../../apiserver/store';

export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_DYNAMICALLY_PROVISIONED = 'pv.kubernetes.io/provisioned-by';
export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';
/** Added by the external-provisioner so that a Delete-policy PV is never removed before its volume. */
export const PROVISIONER_FINALIZER = 'external-provisioner.volume.kubernetes.io/finalizer';
/** The provisioner name of classes that cannot provision (local volumes). */
export const NOT_SUPPORTED_PROVISIONER = 'kubernetes.io/no-provisioner';

const SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};

/** The value of a resource.Quantity string (`10Gi`, `500m`, `1.5`), or 0 when absent or malformed. */
export function parseQuantity(q: string | number | undefined): number {
  if (q === undefined) return 0;
  if (typeof q === 'number') return q;
  const m = /^([+-]?[0-9.]+)(?:[eE]([+-]?\d+))?([a-zA-Z]*)$/.exec(q.trim());
  if (!m) return 0;
  const scale = SUFFIXES[m[3] ?? ''];
  if (scale === undefined) return 0;
  return Number(m[1]) * 10 ** Number(m[2] ?? 0) * scale;
}

/** The class of a claim: spec.storageClassName, else the beta annotation, else "" (no class). */
export function getPersistentVolumeClaimClass(pvc: PersistentVolumeClaim): string {
  return pvc.spec.storageClassName ?? pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

/** The StorageClass of a claim, when it has one that exists. */
export function claimStorageClass(api: ApiServer, pvc: PersistentVolumeClaim): StorageClass | undefined {
  const name = getPersistentVolumeClaimClass(pvc);
  return name ? api.get<StorageClass>('StorageClass', undefined, name) : undefined;
}

/** True when the claim's class binds at the first consumer (volumeBindingMode WaitForFirstConsumer). */
export function isDelayBindingMode(api: ApiServer, pvc: PersistentVolumeClaim): boolean {
  return claimStorageClass(api, pvc)?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** The storage the claim requests, in bytes. */
export function claimRequestBytes(pvc: PersistentVolumeClaim): number {
  return parseQuantity(pvc.spec.resources?.requests?.storage);
}

/** True when the claim is bound to a volume (spec.volumeName set). */
export function isClaimBound(pvc: PersistentVolumeClaim): boolean {
  return !!pvc.spec.volumeName;
}

/** True when the PV's claimRef points at this claim (by uid when the ref has one). */
export function isVolumeBoundToClaim(pv: PersistentVolume, pvc: PersistentVolumeClaim): boolean {
  const ref = pv.spec.claimRef;
  if (!ref || ref.name !== pvc.metadata.name || ref.namespace !== (pvc.metadata.namespace ?? 'default')) return false;
  return !ref.uid || ref.uid === pvc.metadata.uid;
}

/** True when the PV offers every access mode the claim asks for. */
export function accessModesSatisfied(requested: readonly AccessMode[] | undefined, offered: readonly AccessMode[]): boolean {
  return (requested ?? []).every((m) => offered.includes(m));
}

/**
 * findMatchingVolume's static checks: same class, same volume mode, big enough, access modes contained,
 * and either free or pre-bound to this claim. Node affinity is checked by the caller (per node).
 */
export function volumeMatchesClaim(pv: PersistentVolume, pvc: PersistentVolumeClaim): boolean {
  if (pv.metadata.deletionTimestamp) return false;
  if (pv.spec.claimRef && !isVolumeBoundToClaim(pv, pvc)) return false;
  if (!pv.spec.claimRef && pv.status.phase !== 'Available' && pv.status.phase !== undefined) return false;
  if ((pv.spec.storageClassName ?? '') !== getPersistentVolumeClaimClass(pvc)) return false;
  if ((pv.spec.volumeMode ?? 'Filesystem') !== (pvc.spec.volumeMode ?? 'Filesystem')) return false;
  if (parseQuantity(pv.spec.capacity.storage) < claimRequestBytes(pvc)) return false;
  return accessModesSatisfied(pvc.spec.accessModes, pv.spec.accessModes);
}

/** The PVC names a pod's volumes refer to, in volume order. */
export function podClaimNames(pod: { spec: { volumes?: { persistentVolumeClaim?: { claimName: string } }[] } }): string[] {
  const out: string[] = [];
  for (const v of pod.spec.volumes ?? []) if (v.persistentVolumeClaim) out.push(v.persistentVolumeClaim.claimName);
  return out;
}

/** Sets or removes one annotation on a draft object. */
export function setAnnotation(meta: { annotations?: Record<string, string> }, key: string, value: string | undefined): void {
  const ann = { ...(meta.annotations ?? {}) };
  if (value === undefined) delete ann[key];
  else ann[key] = value;
  if (Object.keys(ann).length) meta.annotations = ann;
  else delete meta.annotations;
}
