/**
 * Storage strategies: PersistentVolumeClaim and PersistentVolume (pkg/registry/core/persistentvolumeclaim,
 * persistentvolume strategy.go) with their admission (DefaultStorageClass, StorageObjectInUseProtection,
 * PersistentVolumeClaimResize), and StorageClass (pkg/registry/storage/storageclass/strategy.go).
 * A PV's Pending -> Available move is the PV controller's job, not the API server's.
 */
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/core';
import type { StorageClass } from '../../api/other';
import { forbiddenResource } from '../errors';
import type { Strategy } from '../store';
import {
  parseQuantity,
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
  validatePersistentVolumeUpdate,
  validateStorageClass,
  validateStorageClassUpdate,
} from '../validation/storage';
import { admitDefaultStorageClass, admitInUseProtection, PV_PROTECTION_FINALIZER, PVC_PROTECTION_FINALIZER } from './admission';
import { setDefaultsPersistentVolumeClaimSpec } from './defaults';

export const persistentVolumeClaimStrategy: Strategy = {
  hasStatusSubresource: true,
  prepareForCreate(obj, api) {
    const pvc = obj as PersistentVolumeClaim;
    pvc.spec ??= {};
    setDefaultsPersistentVolumeClaimSpec(pvc.spec);
    admitDefaultStorageClass(pvc, api);
    admitInUseProtection(pvc, PVC_PROTECTION_FINALIZER);
    pvc.status = { phase: 'Pending' };
  },
  validate: (obj) => validatePersistentVolumeClaim(obj as PersistentVolumeClaim),
  prepareForUpdate(obj, old, api) {
    const pvc = obj as PersistentVolumeClaim;
    const prev = old as PersistentVolumeClaim;
    pvc.spec ??= {};
    setDefaultsPersistentVolumeClaimSpec(pvc.spec);
    // PersistentVolumeClaimResize admission: growing a claim needs a bound, dynamically provisioned
    // volume whose StorageClass allows expansion.
    const newSize = parseQuantity(pvc.spec.resources?.requests?.storage) ?? 0;
    const oldSize = parseQuantity(prev.spec.resources?.requests?.storage) ?? 0;
    if (newSize > oldSize && prev.status?.phase === 'Bound') {
      const sc = prev.spec.storageClassName ? api.get<StorageClass>('StorageClass', undefined, prev.spec.storageClassName) : undefined;
      if (!sc?.allowVolumeExpansion) {
        throw forbiddenResource(
          'PersistentVolumeClaim',
          pvc.metadata.name,
          'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
        );
      }
    }
  },
  validateUpdate: (obj, old) => validatePersistentVolumeClaimUpdate(obj as PersistentVolumeClaim, old as PersistentVolumeClaim),
};

export const persistentVolumeStrategy: Strategy = {
  hasStatusSubresource: true,
  prepareForCreate(obj, api) {
    const pv = obj as PersistentVolume;
    pv.spec.persistentVolumeReclaimPolicy ??= 'Retain';
    pv.spec.volumeMode ??= 'Filesystem';
    admitInUseProtection(pv, PV_PROTECTION_FINALIZER);
    pv.status = { phase: 'Pending', lastPhaseTransitionTime: api.clock.timestamp() };
  },
  validate: (obj) => validatePersistentVolume(obj as PersistentVolume),
  prepareForUpdate(obj) {
    const pv = obj as PersistentVolume;
    pv.spec.persistentVolumeReclaimPolicy ??= 'Retain';
    pv.spec.volumeMode ??= 'Filesystem';
  },
  validateUpdate: (obj, old) => validatePersistentVolumeUpdate(obj as PersistentVolume, old as PersistentVolume),
};

function setDefaultsStorageClass(sc: StorageClass): void {
  sc.reclaimPolicy ??= 'Delete';
  sc.volumeBindingMode ??= 'Immediate';
}

export const storageClassStrategy: Strategy = {
  prepareForCreate: (obj) => setDefaultsStorageClass(obj as StorageClass),
  validate: (obj) => validateStorageClass(obj as StorageClass),
  prepareForUpdate: (obj) => setDefaultsStorageClass(obj as StorageClass),
  validateUpdate: (obj, old) => validateStorageClassUpdate(obj as StorageClass, old as StorageClass),
};
