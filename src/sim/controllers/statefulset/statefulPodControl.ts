/**
 * Mirrors pkg/controller/statefulset/stateful_pod_control.go: every write the StatefulSet controller makes to
 * Pods and PersistentVolumeClaims, and the Events it records about them, with the upstream reasons and
 * messages (`create Pod web-0 in StatefulSet web successful`, `create Claim www-web-0 Pod web-0 in
 * StatefulSet web success`, FailedCreate ... `failed error: <err>`).
 *
 * Simplified: writes go straight to the simulated API server (no listers, so no stale reads); a failed write
 * throws (where Go returns an error) and several failures are joined as utilerrors.NewAggregate prints them.
 */
import type { StatefulSet } from '../../api/apps';
import type { PersistentVolumeClaim, Pod } from '../../api/core';
import { ApiError } from '../../apiserver/errors';
import { deepClone } from '../../apiserver/objects';
import type { ClusterContext } from '../../runtime/controller';
import {
  POD_KIND,
  getPersistentVolumeClaimRetentionPolicy,
  hasStaleOwnerRef,
  hasUnexpectedController,
  isClaimOwnerUpToDate,
  updateClaimOwnerRefForSetAndPod,
} from './claimRetention';
import {
  getOrdinal,
  getPersistentVolumeClaimName,
  getPersistentVolumeClaims,
  identityMatches,
  storageMatches,
  updateIdentity,
  updateStorage,
} from './statefulSetUtils';

/** The event source of everything this controller records. */
export const STATEFULSET_CONTROLLER_COMPONENT = 'statefulset-controller';

/** An error the controller raises itself (an aggregate of several, or a precondition). */
export class ControllerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ControllerError';
  }

  /** One error as itself, several as `[a, b]` (utilerrors.NewAggregate). */
  static aggregate(errors: Error[]): Error {
    if (errors.length === 1) return errors[0]!;
    return new ControllerError(`[${errors.map((e) => e.message).join(', ')}]`);
  }
}

/** True for errors a sync may meet and retry: API errors and the controller's own. */
export function isSyncError(err: unknown): err is Error {
  return err instanceof ApiError || err instanceof ControllerError;
}

function isAlreadyExists(err: unknown): boolean {
  return err instanceof ApiError && err.reason === 'AlreadyExists';
}

function title(verb: string): string {
  return verb.charAt(0).toUpperCase() + verb.slice(1);
}

export class StatefulPodControl {
  constructor(private readonly ctx: ClusterContext) {}

  /** Creates the pod's missing claims, then the pod, then sets the claims' retention ownerRefs. */
  createStatefulPod(set: StatefulSet, pod: Pod): void {
    try {
      this.createPersistentVolumeClaims(set, pod);
    } catch (err) {
      this.recordPodEvent('create', set, pod, err as Error);
      throw err;
    }
    let createErr: Error | undefined;
    try {
      this.ctx.api.create(pod);
    } catch (err) {
      if (isAlreadyExists(err)) throw err;
      createErr = err as Error;
    }
    try {
      this.updatePodClaimForRetentionPolicy(set, pod);
    } catch (err) {
      this.recordPodEvent('update', set, pod, err as Error);
      throw err;
    }
    this.recordPodEvent('create', set, pod, createErr);
    if (createErr) throw createErr;
  }

  /** Restores the pod's identity, storage and claim ownership where they drifted from the set. */
  updateStatefulPod(set: StatefulSet, pod: Pod): void {
    let current = deepClone(pod);
    let lastErr: Error | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      let consistent = true;
      if (!identityMatches(set, current)) {
        updateIdentity(set, current);
        consistent = false;
      }
      if (!storageMatches(set, current)) {
        updateStorage(set, current);
        consistent = false;
        try {
          this.createPersistentVolumeClaims(set, current);
        } catch (err) {
          this.recordPodEvent('update', set, current, err as Error);
          throw err;
        }
      }
      if (!this.claimsMatchRetentionPolicy(set, current)) {
        try {
          this.updatePodClaimForRetentionPolicy(set, current);
        } catch (err) {
          this.recordPodEvent('update', set, current, err as Error);
          throw err;
        }
        consistent = false;
      }
      if (consistent) return;
      try {
        this.ctx.api.update(current);
        this.recordPodEvent('update', set, current);
        return;
      } catch (err) {
        lastErr = err as Error;
        const fresh = this.ctx.api.get<Pod>('Pod', set.metadata.namespace, pod.metadata.name);
        if (!(err instanceof ApiError) || err.reason !== 'Conflict' || !fresh) break;
        current = deepClone(fresh);
      }
    }
    this.recordPodEvent('update', set, current, lastErr);
    if (lastErr) throw lastErr;
  }

  /** Deletes the pod (gracefully, as the API server decides). Its claims are not touched. */
  deleteStatefulPod(set: StatefulSet, pod: Pod): void {
    try {
      this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
    } catch (err) {
      this.recordPodEvent('delete', set, pod, err as Error);
      throw err;
    }
    this.recordPodEvent('delete', set, pod);
  }

  /** False when one of the pod's existing claims has ownerRefs that disagree with the retention policy. */
  claimsMatchRetentionPolicy(set: StatefulSet, pod: Pod): boolean {
    for (const claimName of this.claimNames(set, pod)) {
      const claim = this.ctx.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', set.metadata.namespace, claimName);
      if (claim && !isClaimOwnerUpToDate(claim, set, pod)) return false;
    }
    return true;
  }

  /** Rewrites the ownerRefs of the pod's existing claims to match the retention policy. */
  updatePodClaimForRetentionPolicy(set: StatefulSet, pod: Pod): void {
    for (const claimName of this.claimNames(set, pod)) {
      const claim = this.ctx.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', set.metadata.namespace, claimName);
      if (!claim) continue;
      if (hasUnexpectedController(claim, set, pod)) {
        this.record(
          set,
          'Warning',
          'ConflictingController',
          `PersistentVolumeClaim ${claimName} has a conflicting OwnerReference that acts as a manging controller, the retention policy is ignored for this claim`,
        );
      }
      if (isClaimOwnerUpToDate(claim, set, pod)) continue;
      try {
        this.ctx.api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', claim.metadata.namespace, claimName, (draft) => {
          updateClaimOwnerRefForSetAndPod(draft, set, pod);
        });
      } catch (err) {
        throw new ControllerError(`could not update claim ${claimName} for delete policy ownerRefs: ${(err as Error).message}`);
      }
    }
  }

  /**
   * True when, under whenScaled=Delete, one of the pod's claims still belongs to an earlier pod of the same
   * name: the claim is about to be garbage collected and must not be reused.
   */
  podClaimIsStale(set: StatefulSet, pod: Pod): boolean {
    if (getPersistentVolumeClaimRetentionPolicy(set).whenScaled === 'Retain') return false;
    return getPersistentVolumeClaims(set, pod).some(({ claim }) => {
      const pvc = this.ctx.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name);
      return pvc !== undefined && hasStaleOwnerRef(pvc, pod, POD_KIND);
    });
  }

  /** Creates the claims a Pending pod is missing and sets their retention ownerRefs. */
  createMissingPersistentVolumeClaims(set: StatefulSet, pod: Pod): void {
    this.createPersistentVolumeClaims(set, pod);
    try {
      this.updatePodClaimForRetentionPolicy(set, pod);
    } catch (err) {
      this.recordPodEvent('update', set, pod, err as Error);
      throw err;
    }
  }

  /** Creates every claim of the pod that does not exist; a claim being deleted is an error. */
  private createPersistentVolumeClaims(set: StatefulSet, pod: Pod): void {
    const errors: Error[] = [];
    for (const { claim } of getPersistentVolumeClaims(set, pod)) {
      const existing = this.ctx.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name);
      if (!existing) {
        let err: Error | undefined;
        try {
          this.ctx.api.create(claim);
        } catch (e) {
          err = e as Error;
          errors.push(new ControllerError(`failed to create PVC ${claim.metadata.name}: ${err.message}`));
        }
        if (!err || !isAlreadyExists(err)) this.recordClaimEvent('create', set, pod, claim, err);
      } else if (existing.metadata.deletionTimestamp) {
        errors.push(new ControllerError(`pvc ${claim.metadata.name} is being deleted`));
      }
    }
    if (errors.length) throw ControllerError.aggregate(errors);
  }

  private claimNames(set: StatefulSet, pod: Pod): string[] {
    const ordinal = getOrdinal(pod);
    return (set.spec.volumeClaimTemplates ?? []).map((t) => getPersistentVolumeClaimName(set, t, ordinal));
  }

  private recordPodEvent(verb: string, set: StatefulSet, pod: Pod, err?: Error): void {
    const podName = pod.metadata.name;
    const setName = set.metadata.name;
    if (!err) this.record(set, 'Normal', `Successful${title(verb)}`, `${verb} Pod ${podName} in StatefulSet ${setName} successful`);
    else this.record(set, 'Warning', `Failed${title(verb)}`, `${verb} Pod ${podName} in StatefulSet ${setName} failed error: ${err.message}`);
  }

  private recordClaimEvent(verb: string, set: StatefulSet, pod: Pod, claim: PersistentVolumeClaim, err?: Error): void {
    const names = `${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name}`;
    if (!err) this.record(set, 'Normal', `Successful${title(verb)}`, `${verb} Claim ${names} success`);
    else {
      const forNames = `${claim.metadata.name} for Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name}`;
      this.record(set, 'Warning', `Failed${title(verb)}`, `${verb} Claim ${forNames} failed error: ${err.message}`);
    }
  }

  private record(set: StatefulSet, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.recorder.record(set, type, reason, message, { component: STATEFULSET_CONTROLLER_COMPONENT });
  }
}
