/**
 * The pods/eviction subresource (pkg/registry/core/pod/storage/eviction.go, policy/v1 Eviction): deletes a
 * pod unless that would take its PodDisruptionBudget below what it requires.
 *
 * - A pod that is Pending, Succeeded, Failed or already being deleted is deleted without asking any PDB.
 * - More than one PDB selecting the pod: 500 `This pod has more than one PodDisruptionBudget, which the
 *   eviction subresource does not support.`
 * - A not-Ready pod is deleted when its PDB is healthy enough (currentHealthy >= desiredHealthy > 0), or
 *   always with `unhealthyPodEvictionPolicy: AlwaysAllow`.
 * - Otherwise the PDB must allow a disruption: its disruptionsAllowed is decremented and the pod recorded in
 *   disruptedPods; when it allows none (or the controller has not observed its generation yet) the answer
 *   is 429 TooManyRequests `Cannot evict pod as it would violate the pod's disruption budget.`
 * - Before deleting, the pod gets the DisruptionTarget condition (EvictionByEvictionAPI).
 *
 * Simplified: no retries on conflicts (writes do not conflict here); no resourceVersion preconditions.
 */
import type { Pod } from '../api/core';
import type { PodDisruptionBudget } from '../api/other';
import { isEmptySelector, matchesSelector } from '../api/selectors';
import { ApiError, forbiddenResource, notFound, tooManyRequests } from './errors';
import type { ApiServer } from './store';

export interface EvictionOptions {
  /** DeleteOptions.gracePeriodSeconds (undefined: the pod's terminationGracePeriodSeconds). */
  gracePeriodSeconds?: number;
  /** Server-side dry run: check and answer, change nothing. */
  dryRun?: boolean;
}

/** The 429 message kubectl prints when a budget refuses. */
export const EVICTION_REFUSED_MESSAGE = "Cannot evict pod as it would violate the pod's disruption budget.";

function canIgnorePDB(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed' || pod.status.phase === 'Pending' || !!pod.metadata.deletionTimestamp;
}

function isPodReady(pod: Pod): boolean {
  return pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function refused(pdb: PodDisruptionBudget, cause: string): ApiError {
  const err = tooManyRequests(EVICTION_REFUSED_MESSAGE);
  return new ApiError(err.reason, err.code, err.message, { kind: 'PodDisruptionBudget', name: pdb.metadata.name, statusCauses: [{ field: '', reason: 'DisruptionBudget', message: cause }] });
}

/** checkAndDecrement: the PDB must allow a disruption; then record the pod in disruptedPods. */
function checkAndDecrement(api: ApiServer, pdb: PodDisruptionBudget, podName: string, dryRun: boolean): void {
  const status = pdb.status ?? { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 1)) {
    throw refused(pdb, `The disruption budget ${pdb.metadata.name} is still being processed by the server.`);
  }
  if (status.disruptionsAllowed < 0) throw forbiddenResource('PodDisruptionBudget', pdb.metadata.name, 'pdb disruptions allowed is negative');
  if (status.disruptionsAllowed === 0) {
    throw refused(pdb, `The disruption budget ${pdb.metadata.name} needs ${status.desiredHealthy} healthy pods and has ${status.currentHealthy} currently`);
  }
  if (dryRun) return;
  const now = api.clock.timestamp();
  api.mutate<PodDisruptionBudget>(
    'PodDisruptionBudget',
    pdb.metadata.namespace,
    pdb.metadata.name,
    (d) => {
      const s = d.status!;
      s.disruptionsAllowed -= 1;
      if (s.disruptionsAllowed === 0) {
        s.conditions = (s.conditions ?? []).map((c) =>
          c.type === 'DisruptionAllowed' && c.status !== 'False' ? { ...c, status: 'False', reason: 'InsufficientPods', lastTransitionTime: now } : c,
        );
      }
      s.disruptedPods = { ...s.disruptedPods, [podName]: now };
    },
    { subresource: 'status' },
  );
}

/** addConditionAndDeletePod: DisruptionTarget=True (EvictionByEvictionAPI), then a graceful delete. */
function deleteEvicted(api: ApiServer, pod: Pod, options: EvictionOptions): void {
  if (options.dryRun) return;
  const { namespace, name } = pod.metadata;
  if (!pod.metadata.deletionTimestamp && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed') {
    api.mutate<Pod>(
      'Pod',
      namespace,
      name,
      (d) => {
        const rest = (d.status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
        d.status.conditions = [...rest, { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: api.clock.timestamp(), reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' }];
      },
      { subresource: 'status' },
    );
  }
  api.delete('Pod', namespace, name, options.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: options.gracePeriodSeconds } : {});
}

/**
 * POST pods/<name>/eviction. Returns normally when the pod was deleted (or is being deleted); throws ApiError
 * NotFound, TooManyRequests (429), Forbidden or InternalError (500) as the API server answers.
 */
export function evictPod(api: ApiServer, namespace: string, name: string, options: EvictionOptions = {}): void {
  const pod = api.get<Pod>('Pod', namespace, name);
  if (!pod) throw notFound('Pod', name);
  if (canIgnorePDB(pod)) {
    deleteEvicted(api, pod, options);
    return;
  }
  const pdbs = api
    .list<PodDisruptionBudget>('PodDisruptionBudget', namespace)
    .filter((pdb) => !isEmptySelector(pdb.spec.selector) && matchesSelector(pdb.spec.selector, pod.metadata.labels));
  if (pdbs.length > 1) {
    throw new ApiError('InternalError', 500, 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  }
  const pdb = pdbs[0];
  if (pdb && !isPodReady(pod)) {
    const s = pdb.status;
    const alwaysAllow = pdb.spec.unhealthyPodEvictionPolicy === 'AlwaysAllow';
    if (alwaysAllow || (s && s.currentHealthy >= s.desiredHealthy && s.desiredHealthy > 0)) {
      deleteEvicted(api, pod, options);
      return;
    }
  }
  if (pdb) checkAndDecrement(api, pdb, name, !!options.dryRun);
  deleteEvicted(api, pod, options);
}
