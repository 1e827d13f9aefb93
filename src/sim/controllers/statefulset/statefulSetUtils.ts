/**
 * Mirrors pkg/controller/statefulset/stateful_set_utils.go: pod identity (names, ordinals, labels, hostname),
 * stable storage (claim names, pod volumes), pod health, pod revisions and building new pods.
 * The PVC retention ownerRefs live in claimRetention.ts and ControllerRevisions in revisionHistory.ts.
 *
 * Simplified: `isCreated` asks whether the pod exists in the API server (it has a uid) instead of reading
 * an empty status.phase, because pods the controller has not created yet are built here with phase Pending.
 * Volumes for claim templates are listed in template order (upstream iterates a Go map).
 */
import type { PersistentVolumeClaimTemplate, StatefulSet } from '../../api/apps';
import type { PersistentVolumeClaim, Pod, Volume } from '../../api/core';
import type { OwnerReference } from '../../api/meta';
import { deepClone } from '../../apiserver/objects';
import { fromTimestamp } from '../../runtime/clock';

/** Label holding the pod's name, so a Service can select exactly one StatefulSet pod. */
export const STATEFUL_SET_POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** Label holding the pod's ordinal (PodIndexLabel, GA in 1.32). */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
/** Label holding the name of the ControllerRevision a pod was built from. */
export const STATEFUL_SET_REVISION_LABEL = 'controller-revision-hash';

const statefulPodRegex = /^(.*)-([0-9]+)$/;
const MAX_INT32 = 2147483647;

/** The parent set name and ordinal encoded in a pod name (`web-2` -> web, 2); ordinal -1 when there is none. */
export function getParentNameAndOrdinal(podName: string): { parent: string; ordinal: number } {
  const cached = parsedNames.get(podName);
  if (cached) return cached;
  const match = statefulPodRegex.exec(podName);
  const value = match ? Number(match[2]) : -1;
  const parsed = Object.freeze(match ? { parent: match[1] ?? '', ordinal: value <= MAX_INT32 ? value : -1 } : { parent: '', ordinal: -1 });
  if (parsedNames.size >= PARSED_NAMES_LIMIT) parsedNames.clear();
  parsedNames.set(podName, parsed);
  return parsed;
}

/** Pod names parse the same every time; syncs of large sets parse each name many times. */
const parsedNames = new Map<string, { parent: string; ordinal: number }>();
const PARSED_NAMES_LIMIT = 20_000;

/** The pod's ordinal, or -1 when its name carries none. */
export function getOrdinal(pod: Pod): number {
  return getParentNameAndOrdinal(pod.metadata.name).ordinal;
}

/** The first ordinal of the set: spec.ordinals.start, else 0. */
export function getStartOrdinal(set: StatefulSet): number {
  return set.spec.ordinals?.start ?? 0;
}

/** The last ordinal of the set (inclusive). */
export function getEndOrdinal(set: StatefulSet): number {
  return getStartOrdinal(set) + (set.spec.replicas ?? 1) - 1;
}

/** True when the pod's ordinal lies in [start, end] of the set. */
export function podInOrdinalRange(pod: Pod, set: StatefulSet): boolean {
  const ordinal = getOrdinal(pod);
  return ordinal >= getStartOrdinal(set) && ordinal <= getEndOrdinal(set);
}

/** `<set>-<ordinal>`. */
export function getPodName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/** `<claim template>-<set>-<ordinal>`, e.g. `www-web-0`. */
export function getPersistentVolumeClaimName(set: StatefulSet, claim: PersistentVolumeClaimTemplate, ordinal: number): string {
  return `${claim.metadata.name}-${set.metadata.name}-${ordinal}`;
}

/** True when the pod's name says it belongs to the set. */
export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return getParentNameAndOrdinal(pod.metadata.name).parent === set.metadata.name;
}

/** True when the pod has the name, namespace and pod-name label of a member of the set. */
export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const { parent, ordinal } = getParentNameAndOrdinal(pod.metadata.name);
  return (
    ordinal >= 0 &&
    set.metadata.name === parent &&
    pod.metadata.name === getPodName(set, ordinal) &&
    pod.metadata.namespace === set.metadata.namespace &&
    pod.metadata.labels?.[STATEFUL_SET_POD_NAME_LABEL] === pod.metadata.name
  );
}

/** True when the pod mounts, for every claim template, the claim of its own ordinal. */
export function storageMatches(set: StatefulSet, pod: Pod): boolean {
  const ordinal = getOrdinal(pod);
  if (ordinal < 0) return false;
  const volumes = new Map((pod.spec.volumes ?? []).map((v) => [v.name, v]));
  for (const claim of set.spec.volumeClaimTemplates ?? []) {
    const volume = volumes.get(claim.metadata.name);
    if (volume?.persistentVolumeClaim?.claimName !== getPersistentVolumeClaimName(set, claim, ordinal)) return false;
  }
  return true;
}

/**
 * The claims the pod needs, one per claim template in template order, each named for the pod's ordinal and
 * labelled with the template labels plus the set's selector matchLabels.
 */
export function getPersistentVolumeClaims(set: StatefulSet, pod: Pod): { templateName: string; claim: PersistentVolumeClaim }[] {
  const ordinal = getOrdinal(pod);
  return (set.spec.volumeClaimTemplates ?? []).map((template) => {
    const meta = deepClone(template.metadata);
    const claim: PersistentVolumeClaim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        ...meta,
        name: getPersistentVolumeClaimName(set, template, ordinal),
        namespace: set.metadata.namespace,
        labels: { ...(meta.labels ?? {}), ...(set.spec.selector.matchLabels ?? {}) },
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
      },
      spec: deepClone(template.spec),
      status: { phase: 'Pending' },
    };
    return { templateName: template.metadata.name, claim };
  });
}

/** Points the pod's claim-template volumes at its own claims; other volumes are kept after them. */
export function updateStorage(set: StatefulSet, pod: Pod): void {
  const claims = getPersistentVolumeClaims(set, pod);
  const names = new Set(claims.map((c) => c.templateName));
  const volumes: Volume[] = claims.map(({ templateName, claim }) => ({
    name: templateName,
    persistentVolumeClaim: { claimName: claim.metadata.name },
  }));
  for (const volume of pod.spec.volumes ?? []) if (!names.has(volume.name)) volumes.push(volume);
  pod.spec.volumes = volumes;
}

/** Sets the identity of a new pod, including hostname and subdomain (immutable after creation). */
export function initIdentity(set: StatefulSet, pod: Pod): void {
  updateIdentity(set, pod);
  pod.spec.hostname = pod.metadata.name;
  if (set.spec.serviceName) pod.spec.subdomain = set.spec.serviceName;
  else delete pod.spec.subdomain;
}

/** Sets the pod's name, namespace, pod-name label and pod-index label from its ordinal. */
export function updateIdentity(set: StatefulSet, pod: Pod): void {
  const ordinal = getOrdinal(pod);
  pod.metadata.name = getPodName(set, ordinal);
  pod.metadata.namespace = set.metadata.namespace;
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [STATEFUL_SET_POD_NAME_LABEL]: pod.metadata.name, [POD_INDEX_LABEL]: String(ordinal) };
}

/** True when the pod's Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** True when the pod is in phase Running and Ready. */
export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

/** True when the pod has been Ready for more than minReadySeconds at `nowMs` (podutil.IsPodAvailable). */
export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const since = pod.status.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime;
  return since !== undefined && fromTimestamp(since) + minReadySeconds * 1000 < nowMs;
}

/** True when the pod exists in the API server (see the file comment). */
export function isCreated(pod: Pod): boolean {
  return pod.metadata.uid !== '';
}

export function isPending(pod: Pod): boolean {
  return isCreated(pod) && pod.status?.phase === 'Pending';
}

export function isFailed(pod: Pod): boolean {
  return pod.status?.phase === 'Failed';
}

export function isSucceeded(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded';
}

/** True when the pod has a deletionTimestamp. */
export function isTerminating(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}

/** True when the pod is not available, or is terminating. */
export function isUnavailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  return !isRunningAndAvailable(pod, minReadySeconds, nowMs) || isTerminating(pod);
}

/** True for podManagementPolicy Parallel. */
export function allowsBurst(set: StatefulSet): boolean {
  return set.spec.podManagementPolicy === 'Parallel';
}

export function setPodRevision(pod: Pod, revision: string): void {
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [STATEFUL_SET_REVISION_LABEL]: revision };
}

/** The `controller-revision-hash` label of the pod, or ''. */
export function getPodRevision(pod: Pod): string {
  return pod.metadata.labels?.[STATEFUL_SET_REVISION_LABEL] ?? '';
}

/** The controller ownerReference (metav1.NewControllerRef) of an object owned by `owner`. */
export function newControllerRef(owner: { metadata: { name: string; uid: string } }, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true };
}

/** A new pod for the set at `ordinal`, from the set's template (controller.GetPodFromTemplate + identity). */
export function newStatefulSetPod(set: StatefulSet, ordinal: number): Pod {
  const template = set.spec.template;
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: getPodName(set, ordinal),
      generateName: `${set.metadata.name}-`,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: { ...(template.metadata?.labels ?? {}) },
      ownerReferences: [newControllerRef(set, 'apps/v1', 'StatefulSet')],
    },
    spec: deepClone(template.spec),
    status: { phase: 'Pending' },
  };
  if (template.metadata?.annotations) pod.metadata.annotations = { ...template.metadata.annotations };
  initIdentity(set, pod);
  updateStorage(set, pod);
  return pod;
}

/**
 * A new pod at the right revision: the current revision below the partition (or, with a RollingUpdate
 * strategy and no rollingUpdate block, below start+status.currentReplicas), else the update revision.
 */
export function newVersionedStatefulSetPod(
  currentSet: StatefulSet,
  updateSet: StatefulSet,
  currentRevision: string,
  updateRevision: string,
  ordinal: number,
): Pod {
  const strategy = currentSet.spec.updateStrategy;
  const start = getStartOrdinal(currentSet);
  const rollingUpdate = strategy?.rollingUpdate;
  const useCurrent =
    (strategy?.type === 'RollingUpdate' && rollingUpdate === undefined && ordinal < start + (currentSet.status?.currentReplicas ?? 0)) ||
    (rollingUpdate !== undefined && ordinal < start + (rollingUpdate.partition ?? 0));
  const pod = newStatefulSetPod(useCurrent ? currentSet : updateSet, ordinal);
  setPodRevision(pod, useCurrent ? currentRevision : updateRevision);
  return pod;
}

/** Pods sorted by ordinal, highest first. */
export function sortDescendingOrdinal(pods: Pod[]): Pod[] {
  return [...pods].sort((a, b) => getOrdinal(b) - getOrdinal(a));
}

/**
 * The number of pods a rolling update may take down at once: maxUnavailable (an integer, or a percentage of
 * the replicas rounded down), 1 when absent, never less than 1.
 */
export function getStatefulSetMaxUnavailable(maxUnavailable: number | string | undefined, replicaCount: number): number {
  let value = 1;
  if (typeof maxUnavailable === 'number') value = maxUnavailable;
  else if (typeof maxUnavailable === 'string') {
    const percent = /^(\d+)%$/.exec(maxUnavailable);
    value = percent ? Math.floor((Number(percent[1]) * replicaCount) / 100) : Number(maxUnavailable);
  }
  return Number.isFinite(value) && value >= 1 ? value : 1;
}
