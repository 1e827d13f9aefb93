/**
 * Storage validation: PersistentVolumeClaim and PersistentVolume (pkg/apis/core/validation/validation.go)
 * and StorageClass (pkg/apis/storage/validation/validation.go). Simplified: quantities are compared by a
 * parsed byte value; dataSource, selector and volumeAttributesClassName are not checked; the cmp.Diff that
 * upstream appends to the PVC update Forbidden message is left out.
 */
import type { AccessMode, PersistentVolume, PersistentVolumeClaim } from '../../api/core';
import type { StorageClass } from '../../api/other';
import type { FieldError } from '../errors';
import { fieldForbidden, fieldInvalid, fieldRequired, fieldUnsupported } from '../errors';
import { deepClone, deepEqual } from '../objects';
import { isQualifiedName, nameIsDNSSubdomain } from './names';
import { validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];

const SUFFIXES: Record<string, number> = {
  '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60, m: 1e-3,
};

/** A resource.Quantity (`1Gi`, `500M`, `1e3`) as a number, or undefined when it does not parse. */
export function parseQuantity(q: string | undefined): number | undefined {
  if (q === undefined) return undefined;
  const m = /^([+-]?[0-9.]+)(e[+-]?[0-9]+|[a-zA-Z]*)$/.exec(q.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const suffix = m[2]!;
  if (Number.isNaN(n)) return undefined;
  if (suffix.startsWith('e')) return n * 10 ** Number(suffix.slice(1));
  const mult = SUFFIXES[suffix];
  return mult === undefined ? undefined : n * mult;
}

function validateAccessModes(modes: AccessMode[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!modes?.length) return [fieldRequired(path, 'at least 1 access mode is required')];
  for (const mode of modes) if (!ACCESS_MODES.includes(mode)) errs.push(fieldUnsupported(path, mode, ACCESS_MODES));
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) errs.push(fieldForbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

/** ValidatePersistentVolumeClaimSpec. */
export function validatePersistentVolumeClaimSpec(spec: PersistentVolumeClaim['spec'], path = 'spec'): FieldError[] {
  const errs = validateAccessModes(spec.accessModes, `${path}.accessModes`);
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined) errs.push(fieldRequired(`${path}.resources[storage]`));
  else {
    const size = parseQuantity(storage);
    if (size === undefined) errs.push(fieldInvalid(`${path}.resources[storage]`, storage, 'must be a valid quantity'));
    else if (size <= 0) errs.push(fieldInvalid(`${path}.resources[storage]`, storage, 'must be greater than zero'));
  }
  if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(spec.volumeMode)) errs.push(fieldUnsupported(`${path}.volumeMode`, spec.volumeMode, VOLUME_MODES));
  if (spec.storageClassName) errs.push(...nameIsDNSSubdomain(spec.storageClassName, false).map((msg) => fieldInvalid(`${path}.storageClassName`, spec.storageClassName, msg)));
  return errs;
}

/** ValidatePersistentVolumeClaim. */
export function validatePersistentVolumeClaim(pvc: PersistentVolumeClaim): FieldError[] {
  return [...validateObjectMeta(pvc.metadata, true, nameIsDNSSubdomain), ...validatePersistentVolumeClaimSpec(pvc.spec)];
}

/**
 * ValidatePersistentVolumeClaimUpdate: the spec is immutable except resources.requests of a Bound claim
 * (expansion, never below status.capacity), a volumeName set once, and a storageClassName set once.
 */
export function validatePersistentVolumeClaimUpdate(pvc: PersistentVolumeClaim, old: PersistentVolumeClaim): FieldError[] {
  const errs = [...validateObjectMetaUpdate(pvc.metadata, old.metadata), ...validatePersistentVolumeClaimSpec(pvc.spec)];
  const newSpec = deepClone(pvc.spec);
  const oldSpec = deepClone(old.spec);
  if (!oldSpec.volumeName) oldSpec.volumeName = newSpec.volumeName;
  if (oldSpec.storageClassName === undefined) oldSpec.storageClassName = newSpec.storageClassName;
  if (pvc.status?.phase === 'Bound' && newSpec.resources?.requests) {
    const oldStorage = old.spec.resources?.requests?.storage;
    if (oldStorage === undefined) delete newSpec.resources.requests.storage;
    else newSpec.resources.requests.storage = oldStorage;
  }
  if (!deepEqual(newSpec, oldSpec)) {
    errs.push(fieldForbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
  }
  const newSize = parseQuantity(pvc.spec.resources?.requests?.storage) ?? 0;
  const oldSize = parseQuantity(old.spec.resources?.requests?.storage) ?? 0;
  const statusSize = parseQuantity(old.status?.capacity?.storage) ?? 0;
  if (newSize < oldSize && newSize <= statusSize) {
    errs.push(fieldForbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'));
  }
  return errs;
}

const PV_SOURCES = ['csi', 'hostPath'] as const;

/** ValidatePersistentVolume. */
export function validatePersistentVolume(pv: PersistentVolume): FieldError[] {
  const errs = validateObjectMeta(pv.metadata, false, nameIsDNSSubdomain);
  const spec = pv.spec;
  errs.push(...validateAccessModes(spec.accessModes, 'spec.accessModes'));
  if (!spec.capacity || Object.keys(spec.capacity).length === 0) errs.push(fieldRequired('spec.capacity'));
  else if (spec.capacity.storage === undefined) errs.push(fieldUnsupported('spec.capacity', Object.keys(spec.capacity).sort(), ['storage']));
  if (spec.persistentVolumeReclaimPolicy !== undefined && !RECLAIM_POLICIES.includes(spec.persistentVolumeReclaimPolicy)) {
    errs.push(fieldUnsupported('spec.persistentVolumeReclaimPolicy', spec.persistentVolumeReclaimPolicy, RECLAIM_POLICIES));
  }
  const sources = PV_SOURCES.filter((s) => spec[s] !== undefined);
  if (sources.length === 0) errs.push(fieldRequired('spec', 'must specify a volume type'));
  else if (sources.length > 1) errs.push(fieldForbidden(`spec.${sources[1]}`, 'may not specify more than 1 volume type'));
  if (spec.csi) {
    if (!spec.csi.driver) errs.push(fieldRequired('spec.csi.driver'));
    if (!spec.csi.volumeHandle) errs.push(fieldRequired('spec.csi.volumeHandle'));
  }
  if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(spec.volumeMode)) errs.push(fieldUnsupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  return errs;
}

/** ValidatePersistentVolumeUpdate: the volume source and node affinity may not change. */
export function validatePersistentVolumeUpdate(pv: PersistentVolume, old: PersistentVolume): FieldError[] {
  const errs = [...validateObjectMetaUpdate(pv.metadata, old.metadata), ...validatePersistentVolume(pv)];
  if (!deepEqual(pv.spec.csi, old.spec.csi) || !deepEqual(pv.spec.hostPath, old.spec.hostPath)) {
    errs.push(fieldForbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is forbidden.'));
  }
  if (old.spec.nodeAffinity && !deepEqual(pv.spec.nodeAffinity, old.spec.nodeAffinity)) {
    errs.push(fieldForbidden('spec.nodeAffinity', 'field is immutable'));
  }
  return errs;
}

/** ValidateStorageClass. */
export function validateStorageClass(sc: StorageClass): FieldError[] {
  const errs = validateObjectMeta(sc.metadata, false, nameIsDNSSubdomain);
  if (!sc.provisioner) errs.push(fieldRequired('provisioner'));
  else errs.push(...isQualifiedName(sc.provisioner.toLowerCase()).map((msg) => fieldInvalid('provisioner', sc.provisioner, msg)));
  if (sc.reclaimPolicy !== undefined && sc.reclaimPolicy !== 'Delete' && sc.reclaimPolicy !== 'Retain') {
    errs.push(fieldUnsupported('reclaimPolicy', sc.reclaimPolicy, ['Delete', 'Retain']));
  }
  if (!sc.volumeBindingMode) errs.push(fieldRequired('volumeBindingMode'));
  else if (!BINDING_MODES.includes(sc.volumeBindingMode)) errs.push(fieldUnsupported('volumeBindingMode', sc.volumeBindingMode, BINDING_MODES));
  return errs;
}

/** ValidateStorageClassUpdate: parameters, provisioner, reclaimPolicy and volumeBindingMode are fixed. */
export function validateStorageClassUpdate(sc: StorageClass, old: StorageClass): FieldError[] {
  const errs = [...validateObjectMetaUpdate(sc.metadata, old.metadata), ...validateStorageClass(sc)];
  if (!deepEqual(sc.parameters ?? {}, old.parameters ?? {})) errs.push(fieldForbidden('parameters', 'updates to parameters are forbidden.'));
  if (sc.provisioner !== old.provisioner) errs.push(fieldForbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (sc.reclaimPolicy !== old.reclaimPolicy) errs.push(fieldForbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  errs.push(...validateImmutableField(sc.volumeBindingMode, old.volumeBindingMode, 'volumeBindingMode'));
  return errs;
}
