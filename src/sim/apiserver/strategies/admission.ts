/**
 * The mutating admission plugins a default 1.35 API server runs on create, for the kinds the simulator
 * models: ServiceAccount (plugin/pkg/admission/serviceaccount), Priority (plugin/pkg/admission/priority),
 * DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds), DefaultStorageClass
 * (plugin/pkg/admission/storage/storageclass/setdefault) and StorageObjectInUseProtection
 * (plugin/pkg/admission/storage/storageobjectinuseprotection). Simplified: no kube-api-access-xxxxx projected
 * token volume is added (the simulator has no ServiceAccount tokens), and PriorityClasses are not modelled.
 */
import type { PersistentVolume, PersistentVolumeClaim, Pod, Toleration } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import type { StorageClass } from '../../api/other';
import type { ApiServer } from '../store';

/** The annotation that marks the default StorageClass. */
export const IS_DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
/** Finalizer the StorageObjectInUseProtection plugin puts on every PVC. */
export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
/** Finalizer the StorageObjectInUseProtection plugin puts on every PV. */
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';
/** Seconds a pod tolerates a not-ready or unreachable node (--default-not-ready-toleration-seconds). */
export const DEFAULT_TOLERATION_SECONDS = 300;

/** ServiceAccount admission: the pod runs as `default` unless it names another account. */
export function admitServiceAccount(pod: Pod): void {
  pod.spec.serviceAccountName ||= 'default';
}

/** Priority admission without a PriorityClass: priority 0, preemptionPolicy PreemptLowerPriority. */
export function admitPriority(pod: Pod): void {
  pod.spec.priority ??= 0;
  pod.spec.preemptionPolicy ??= 'PreemptLowerPriority';
}

function tolerates(tolerations: Toleration[], key: string): boolean {
  return tolerations.some((t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'));
}

/** DefaultTolerationSeconds: not-ready then unreachable, Exists NoExecute for 300s, unless already tolerated. */
export function admitDefaultTolerationSeconds(pod: Pod): void {
  const tolerations = pod.spec.tolerations ?? [];
  const added: Toleration[] = [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerates(tolerations, key)) {
      added.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
    }
  }
  if (added.length) pod.spec.tolerations = [...tolerations, ...added];
}

/**
 * The default StorageClass (getDefaultClass): among classes annotated is-default-class=true, the newest
 * (then the first by name), as upstream picks when several are marked.
 */
export function defaultStorageClass(api: ApiServer): StorageClass | undefined {
  const defaults = api.list<StorageClass>('StorageClass').filter((sc) => sc.metadata.annotations?.[IS_DEFAULT_CLASS_ANNOTATION] === 'true');
  defaults.sort((a, b) => (a.metadata.creationTimestamp === b.metadata.creationTimestamp ? (a.metadata.name < b.metadata.name ? -1 : 1) : a.metadata.creationTimestamp > b.metadata.creationTimestamp ? -1 : 1));
  return defaults[0];
}

/** DefaultStorageClass admission: a claim that leaves storageClassName unset (not "") gets the default class. */
export function admitDefaultStorageClass(pvc: PersistentVolumeClaim, api: ApiServer): void {
  if (pvc.spec.storageClassName !== undefined) return;
  const sc = defaultStorageClass(api);
  if (sc) pvc.spec.storageClassName = sc.metadata.name;
}

/** StorageObjectInUseProtection: add the protection finalizer once. */
export function admitInUseProtection(obj: PersistentVolumeClaim | PersistentVolume | KubeObject, finalizer: string): void {
  const finalizers = obj.metadata.finalizers ?? [];
  if (!finalizers.includes(finalizer)) obj.metadata.finalizers = [...finalizers, finalizer];
}
