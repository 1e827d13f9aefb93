/**
 * Mirrors updateStatefulSet and its phases in pkg/controller/statefulset/stateful_set_control.go:
 * split pods into replicas (ordinals in range) and condemned (out of range, highest first); processReplica
 * for each replica slot; claim ownerRefs for the condemned; processCondemned; then the rolling update
 * (updateStatefulSetAfterInvariantEstablished, MaxUnavailableStatefulSet being on by default in 1.35).
 * OrderedReady is "monotonic" (one step per sync, in ordinal order, waiting on unhealthy pods); Parallel
 * is "burst" (slow-start batches 1, 2, 4, ... up to 500).
 *
 * Simplified: batches run one pod after another at the same instant (upstream uses goroutines); a failed
 * write throws and is collected where Go collects errors.
 */
import type { ControllerRevision } from '../../api/apps';
import type { Pod } from '../../api/core';
import { ApiError } from '../../apiserver/errors';
import type { ClusterContext } from '../../runtime/controller';
import type { DefaultedStatefulSet } from './defaults';
import { applyRevision } from './revisionHistory';
import { ControllerError, isSyncError } from './statefulPodControl';
import type { StatefulPodControl } from './statefulPodControl';
import { updateStatus } from './statefulSetStatus';
import type { ComputedStatus } from './statefulSetStatus';
import {
  allowsBurst,
  getOrdinal,
  getPodRevision,
  getStartOrdinal,
  getStatefulSetMaxUnavailable,
  identityMatches,
  isCreated,
  isFailed,
  isPending,
  isRunningAndAvailable,
  isRunningAndReady,
  isSucceeded,
  isTerminating,
  isUnavailable,
  newVersionedStatefulSetPod,
  podInOrdinalRange,
  sortDescendingOrdinal,
  storageMatches,
} from './statefulSetUtils';

/** Realistic maximum of in-flight requests when processing in parallel mode. */
export const MAX_BATCH_SIZE = 500;

/** What one sync of one set works with. `log` leaves a trace record (the upstream klog lines). */
export interface ControlScope {
  ctx: ClusterContext;
  podControl: StatefulPodControl;
  log(action: string, detail: string): void;
}

/** The outcome of updateStatefulSet: the status to record, and the error that ended the sync early, if any. */
export interface UpdateResult {
  status: ComputedStatus;
  err?: Error;
}

/**
 * Runs `fn` over `remaining` items in batches of 1, 2, 4, ... (at most MAX_BATCH_SIZE); stops after the
 * first batch with a failure and throws the failures. Returns the number of successes.
 */
export function slowStartBatch(initialBatchSize: number, remaining: number, fn: (i: number) => unknown): number {
  let successes = 0;
  let j = 0;
  for (let batchSize = Math.min(remaining, initialBatchSize); batchSize > 0; batchSize = Math.min(2 * batchSize, remaining, MAX_BATCH_SIZE)) {
    const errors: Error[] = [];
    for (let i = 0; i < batchSize; i++, j++) {
      try {
        fn(j);
      } catch (err) {
        if (!isSyncError(err)) throw err;
        errors.push(err);
      }
    }
    successes += batchSize - errors.length;
    if (errors.length) throw ControllerError.aggregate(errors);
    remaining -= batchSize;
  }
  return successes;
}

/** Monotonic: one pod at a time, stopping when `fn` says so. Burst: all pods in slow-start batches. */
function runForAll(pods: readonly Pod[], fn: (i: number) => boolean, monotonic: boolean): boolean {
  if (monotonic) {
    for (let i = 0; i < pods.length; i++) if (fn(i)) return true;
    return false;
  }
  slowStartBatch(1, pods.length, fn);
  return false;
}

function processReplica(s: ControlScope, set: DefaultedStatefulSet, updateSet: DefaultedStatefulSet, monotonic: boolean, replicas: Pod[], i: number): boolean {
  const replica = replicas[i]!;
  const name = replica.metadata.name;
  // Failed and Succeeded pods are deleted; a new pod is created on a later sync, once this one is gone.
  if (isFailed(replica) || isSucceeded(replica)) {
    if (!isTerminating(replica)) {
      s.log('delete', `Pod ${name} is ${replica.status.phase}: deleting it so that it is recreated`);
      s.podControl.deleteStatefulPod(set, replica);
    }
    return true;
  }
  if (!isCreated(replica)) {
    if (s.podControl.podClaimIsStale(set, replica)) {
      s.log('wait', `a claim of Pod ${name} still belongs to its previous incarnation`);
      return true;
    }
    s.log('create', `Pod ${name} is missing`);
    s.podControl.createStatefulPod(set, replica);
    if (monotonic) return true;
  }
  if (isPending(replica)) s.podControl.createMissingPersistentVolumeClaims(set, replica);
  if (isTerminating(replica) && monotonic) {
    s.log('wait', `StatefulSet is waiting for Pod ${name} to Terminate`);
    return true;
  }
  if (!isRunningAndReady(replica) && monotonic) {
    s.log('wait', `StatefulSet is waiting for Pod ${name} to be Running and Ready`);
    return true;
  }
  if (!isRunningAndAvailable(replica, set.spec.minReadySeconds, s.ctx.clock.now()) && monotonic) {
    s.log('wait', `StatefulSet is waiting for Pod ${name} to be Available`);
    return true;
  }
  // An error reading a claim is expected while the pod is being updated, and counts as a match.
  let retentionMatch: boolean;
  try {
    retentionMatch = s.podControl.claimsMatchRetentionPolicy(updateSet, replica);
  } catch {
    retentionMatch = true;
  }
  if (identityMatches(set, replica) && storageMatches(set, replica) && retentionMatch) return false;
  s.podControl.updateStatefulPod(updateSet, replica);
  return false;
}

function processCondemned(s: ControlScope, set: DefaultedStatefulSet, firstUnhealthyPod: Pod | undefined, monotonic: boolean, condemned: Pod[], i: number): boolean {
  const pod = condemned[i]!;
  const name = pod.metadata.name;
  if (isTerminating(pod)) {
    if (monotonic) s.log('wait', `StatefulSet is waiting for Pod ${name} to Terminate prior to scale down`);
    return monotonic;
  }
  const blockedBy = firstUnhealthyPod?.metadata.name ?? '';
  if (!isRunningAndReady(pod) && monotonic && pod !== firstUnhealthyPod) {
    s.log('wait', `StatefulSet is waiting for Pod ${blockedBy} to be Running and Ready prior to scale down`);
    return true;
  }
  if (!isRunningAndAvailable(pod, set.spec.minReadySeconds, s.ctx.clock.now()) && monotonic && pod !== firstUnhealthyPod) {
    s.log('wait', `StatefulSet is waiting for Pod ${blockedBy} to be Available prior to scale down`);
    return true;
  }
  s.log('delete', `Pod ${name} of StatefulSet is terminating for scale down`);
  s.podControl.deleteStatefulPod(set, pod);
  return true;
}

/**
 * Creates, updates and deletes the set's pods towards spec.replicas Ready pods at the right revisions, one
 * phase after another, and returns the status to record.
 */
export function updateStatefulSet(
  s: ControlScope,
  set: DefaultedStatefulSet,
  currentRevision: ControllerRevision,
  updateRevision: ControllerRevision,
  collisionCount: number,
  pods: Pod[],
): UpdateResult {
  const currentSet = applyRevision(set, currentRevision);
  const updateSet = applyRevision(set, updateRevision);
  const minReadySeconds = set.spec.minReadySeconds;
  const now = s.ctx.clock.now();
  const status: ComputedStatus = {
    observedGeneration: set.metadata.generation ?? 0,
    replicas: 0,
    readyReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
    availableReplicas: 0,
    currentRevision: currentRevision.metadata.name,
    updateRevision: updateRevision.metadata.name,
    collisionCount,
  };
  const recount = (...lists: Pod[][]) => updateStatus(status, minReadySeconds, now, currentRevision.metadata.name, updateRevision.metadata.name, ...lists);
  recount(pods);

  // Partition the pods: replicas by ordinal within [start, end], condemned outside it (highest first).
  const start = getStartOrdinal(set);
  const slots: (Pod | undefined)[] = new Array<Pod | undefined>(set.spec.replicas).fill(undefined);
  let condemned: Pod[] = [];
  for (const pod of pods) {
    if (podInOrdinalRange(pod, set)) slots[getOrdinal(pod) - start] = pod;
    else if (getOrdinal(pod) >= 0) condemned.push(pod);
  }
  const replicas: Pod[] = slots.map(
    (pod, idx) => pod ?? newVersionedStatefulSetPod(currentSet, updateSet, currentRevision.metadata.name, updateRevision.metadata.name, start + idx),
  );
  condemned = sortDescendingOrdinal(condemned);

  let firstUnavailablePod: Pod | undefined;
  for (const pod of [...replicas, ...[...condemned].reverse()]) {
    if (isUnavailable(pod, minReadySeconds, now)) firstUnavailablePod ??= pod;
  }

  // A set being deleted only has its status updated; the garbage collector removes its pods.
  if (set.metadata.deletionTimestamp) return { status };

  const monotonic = !allowsBurst(set);
  try {
    if (runForAll(replicas, (i) => processReplica(s, set, updateSet, monotonic, replicas, i), monotonic)) {
      recount(replicas, condemned);
      return { status };
    }
    const fixPodClaim = (i: number): boolean => {
      const pod = condemned[i]!;
      if (!s.podControl.claimsMatchRetentionPolicy(updateSet, pod)) s.podControl.updatePodClaimForRetentionPolicy(updateSet, pod);
      return false;
    };
    if (runForAll(condemned, fixPodClaim, monotonic)) {
      recount(replicas, condemned);
      return { status };
    }
    // In monotonic mode every replica is now Running, Ready and Available: scale down, highest first.
    // Scaling takes precedence over updates.
    if (runForAll(condemned, (i) => processCondemned(s, set, firstUnavailablePod, monotonic, condemned, i), monotonic)) {
      recount(replicas, condemned);
      return { status };
    }
  } catch (err) {
    if (!isSyncError(err)) throw err;
    recount(replicas, condemned);
    return { status, err };
  }
  recount(replicas, condemned);

  // OnDelete: pods change revision only when someone deletes them.
  if (set.spec.updateStrategy.type === 'OnDelete') return { status };
  return updateStatefulSetAfterInvariantEstablished(s, set, replicas, updateRevision, status);
}

/**
 * The rolling update: from the highest ordinal down to the partition, deletes pods at an old revision, at
 * most maxUnavailable minus the already unavailable replicas at a time. processReplica recreates them.
 */
function updateStatefulSetAfterInvariantEstablished(
  s: ControlScope,
  set: DefaultedStatefulSet,
  replicas: Pod[],
  updateRevision: ControllerRevision,
  status: ComputedStatus,
): UpdateResult {
  const rollingUpdate = set.spec.updateStrategy.rollingUpdate;
  const updateMin = rollingUpdate?.partition ?? 0;
  const maxUnavailable = rollingUpdate ? getStatefulSetMaxUnavailable(rollingUpdate.maxUnavailable, set.spec.replicas) : 1;
  const now = s.ctx.clock.now();
  const unavailablePods = replicas.filter((pod) => isUnavailable(pod, set.spec.minReadySeconds, now)).length;
  if (unavailablePods > maxUnavailable) {
    s.log('wait', `StatefulSet found ${unavailablePods} unavailable Pods, more than the allowed maxUnavailable ${maxUnavailable}`);
    return { status };
  }
  const podsToDelete = maxUnavailable - unavailablePods;
  let deletedPods = 0;
  for (let target = replicas.length - 1; target >= updateMin && deletedPods < podsToDelete; target--) {
    const pod = replicas[target]!;
    if (getPodRevision(pod) === updateRevision.metadata.name || isTerminating(pod)) continue;
    s.log('delete', `StatefulSet terminating Pod ${pod.metadata.name} for update to revision ${updateRevision.metadata.name}`);
    try {
      s.podControl.deleteStatefulPod(set, pod);
    } catch (err) {
      if (!(err instanceof ApiError && err.reason === 'NotFound')) {
        if (!isSyncError(err)) throw err;
        return { status, err };
      }
    }
    deletedPods++;
    status.currentReplicas--;
  }
  return { status };
}
