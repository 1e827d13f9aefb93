// Mirrors pkg/controller/disruption/disruption.go: for each PodDisruptionBudget, count the selected pods that
// are Ready and not being deleted (currentHealthy), work out desiredHealthy from minAvailable / maxUnavailable
// (percentages against the scale of the pods' controllers), and write status: currentHealthy, desiredHealthy,
// expectedPods, disruptionsAllowed, disruptedPods, observedGeneration and the DisruptionAllowed condition
// (SufficientPods / InsufficientPods / SyncFailed). Also the events NoPods and CalculateExpectedPodCountFailed.
// Simplified: controllers found through ownerReferences among ReplicaSet (its Deployment when it has one)
// and StatefulSet only (no ReplicationController or scale subresource of custom resources); no stale
// DisruptionTarget condition clean-up.

import type { Deployment, ReplicaSet, StatefulSet } from '../../api/apps';
import type { Pod } from '../../api/core';
import type { Condition } from '../../api/meta';
import type { PodDisruptionBudget } from '../../api/other';
import { isEmptySelector, matchesSelector } from '../../api/selectors';
import type { ClusterContext, Controller } from '../../runtime/controller';
import { fromTimestamp } from '../../runtime/clock';
import { WorkQueue, keyOf, splitKey } from '../../runtime/workqueue';

/** The source component of the disruption controller's events. */
export const DISRUPTION_CONTROLLER = 'controllermanager';
const NAME = 'disruption-controller';
/** DeletionTimeout: how long an approved eviction may take before the pod counts again. */
export const DELETION_TIMEOUT_MS = 2 * 60_000;

/** IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** intstr.GetScaledValueFromIntOrPercent (round up): `50%` of 3 is 2. */
export function scaledValue(value: number | string, total: number, roundUp: boolean): number | string {
  if (typeof value === 'number') return value;
  const m = value.match(/^(\d+)%$/);
  if (!m) return `invalid value for IntOrString: invalid type: string is not a percentage`;
  const v = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(v) : Math.floor(v);
}

/** The PDBs in the pod's namespace whose non-empty selector matches it, by name. */
export function pdbsForPod(ctx: ClusterContext, pod: Pod): PodDisruptionBudget[] {
  return ctx.api
    .list<PodDisruptionBudget>('PodDisruptionBudget', pod.metadata.namespace)
    .filter((pdb) => !isEmptySelector(pdb.spec.selector) && matchesSelector(pdb.spec.selector, pod.metadata.labels));
}

/** UpdateDisruptionAllowedCondition: DisruptionAllowed True (SufficientPods) or False (InsufficientPods). */
export function disruptionAllowedCondition(status: NonNullable<PodDisruptionBudget['status']>, previous: Condition[] | undefined, now: string): Condition[] {
  const allowed = status.disruptionsAllowed > 0;
  return setStatusCondition(previous, {
    type: 'DisruptionAllowed',
    status: allowed ? 'True' : 'False',
    reason: allowed ? 'SufficientPods' : 'InsufficientPods',
    message: '',
    observedGeneration: status.observedGeneration ?? 0,
  }, now);
}

/** apimeta.SetStatusCondition: lastTransitionTime moves only when the status changes. */
function setStatusCondition(conditions: Condition[] | undefined, next: Condition, now: string): Condition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  if (i < 0) return [...list, { ...next, lastTransitionTime: now }];
  const old = list[i]!;
  list[i] = { ...next, lastTransitionTime: old.status === next.status ? old.lastTransitionTime : now };
  return list;
}

/** Starts the disruption controller (keys: `namespace/name` of PDBs). */
export function startDisruptionController(ctx: ClusterContext): Controller {
  const { api, clock } = ctx;
  const queue = new WorkQueue(clock, NAME);

  api.watch('PodDisruptionBudget', (e) => {
    if (e.type !== 'DELETED') queue.add(keyOf(e.object.metadata as { namespace?: string; name: string }));
  });
  api.watch('Pod', (e) => {
    for (const pdb of pdbsForPod(ctx, e.object as Pod)) queue.add(keyOf(pdb.metadata as { namespace?: string; name: string }));
  });
  for (const pdb of api.list<PodDisruptionBudget>('PodDisruptionBudget')) queue.add(keyOf(pdb.metadata as { namespace?: string; name: string }));

  function controllerScale(ref: { kind: string; name: string; uid: string }, namespace: string): { uid: string; scale: number } | undefined {
    if (ref.kind === 'ReplicaSet') {
      const rs = api.get<ReplicaSet>('ReplicaSet', namespace, ref.name);
      if (!rs || rs.metadata.uid !== ref.uid) return undefined;
      const owner = rs.metadata.ownerReferences?.find((o) => o.controller && o.kind === 'Deployment');
      if (owner) {
        const d = api.get<Deployment>('Deployment', namespace, owner.name);
        if (d && d.metadata.uid === owner.uid) return { uid: d.metadata.uid, scale: d.spec.replicas ?? 1 };
      }
      return { uid: rs.metadata.uid, scale: rs.spec.replicas ?? 1 };
    }
    if (ref.kind === 'StatefulSet') {
      const sts = api.get<StatefulSet>('StatefulSet', namespace, ref.name);
      if (sts && sts.metadata.uid === ref.uid) return { uid: sts.metadata.uid, scale: sts.spec.replicas ?? 1 };
    }
    return undefined;
  }

  /** getExpectedScale: the sum of the scales of the pods' controllers; unmanaged pods are listed. */
  function getExpectedScale(pods: Pod[], namespace: string): { expected: number; unmanaged: string[] } | string {
    const scales = new Map<string, number>();
    const unmanaged: string[] = [];
    for (const pod of pods) {
      const ref = pod.metadata.ownerReferences?.find((o) => o.controller);
      if (!ref) {
        unmanaged.push(pod.metadata.name);
        continue;
      }
      if (scales.has(ref.uid)) continue;
      const found = controllerScale(ref, namespace);
      if (!found) return `found no controllers for pod "${pod.metadata.name}"`;
      scales.set(found.uid, found.scale);
    }
    return { expected: [...scales.values()].reduce((a, b) => a + b, 0), unmanaged };
  }

  function getExpectedPodCount(pdb: PodDisruptionBudget, pods: Pod[]): { expected: number; desired: number; unmanaged: string[] } | string {
    const namespace = pdb.metadata.namespace ?? 'default';
    if (pdb.spec.maxUnavailable !== undefined) {
      const scale = getExpectedScale(pods, namespace);
      if (typeof scale === 'string') return scale;
      const max = scaledValue(pdb.spec.maxUnavailable, scale.expected, true);
      if (typeof max === 'string') return max;
      return { expected: scale.expected, desired: Math.max(0, scale.expected - max), unmanaged: scale.unmanaged };
    }
    if (pdb.spec.minAvailable !== undefined) {
      if (typeof pdb.spec.minAvailable === 'number') return { expected: pods.length, desired: pdb.spec.minAvailable, unmanaged: [] };
      const scale = getExpectedScale(pods, namespace);
      if (typeof scale === 'string') return scale;
      const min = scaledValue(pdb.spec.minAvailable, scale.expected, true);
      if (typeof min === 'string') return min;
      return { expected: scale.expected, desired: min, unmanaged: scale.unmanaged };
    }
    return { expected: 0, desired: 0, unmanaged: [] };
  }

  function writeStatus(pdb: PodDisruptionBudget, status: NonNullable<PodDisruptionBudget['status']>): void {
    const current = pdb.status;
    const now = clock.timestamp();
    const conditions = disruptionAllowedCondition(status, current?.conditions, now);
    const next = { ...status, conditions };
    if (!next.disruptedPods || Object.keys(next.disruptedPods).length === 0) delete next.disruptedPods;
    api.mutate<PodDisruptionBudget>(
      'PodDisruptionBudget',
      pdb.metadata.namespace,
      pdb.metadata.name,
      (d) => {
        if (JSON.stringify(d.status) === JSON.stringify(next)) return false;
        d.status = next;
      },
      { subresource: 'status' },
    );
  }

  function failSafe(pdb: PodDisruptionBudget, message: string): void {
    const status = { ...(pdb.status ?? { currentHealthy: 0, desiredHealthy: 0, expectedPods: 0, disruptionsAllowed: 0 }), disruptionsAllowed: 0 };
    const conditions = setStatusCondition(pdb.status?.conditions, { type: 'DisruptionAllowed', status: 'False', reason: 'SyncFailed', message, observedGeneration: status.observedGeneration ?? 0 }, clock.timestamp());
    api.mutate<PodDisruptionBudget>('PodDisruptionBudget', pdb.metadata.namespace, pdb.metadata.name, (d) => void (d.status = { ...status, conditions }), { subresource: 'status' });
  }

  function sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const pdb = api.get<PodDisruptionBudget>('PodDisruptionBudget', namespace, name);
    if (!pdb) return;
    const pods = isEmptySelector(pdb.spec.selector) ? [] : api.list<Pod>('Pod', namespace).filter((p) => matchesSelector(pdb.spec.selector, p.metadata.labels));
    if (pods.length === 0) ctx.recorder.record(pdb, 'Normal', 'NoPods', 'No matching pods found', { component: DISRUPTION_CONTROLLER });
    const counts = getExpectedPodCount(pdb, pods);
    if (typeof counts === 'string') {
      ctx.recorder.record(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${counts}`, { component: DISRUPTION_CONTROLLER });
      failSafe(pdb, counts);
      return;
    }
    if (counts.unmanaged.length) {
      ctx.recorder.record(
        pdb,
        'Warning',
        'UnmanagedPods',
        `Pods selected by this PodDisruptionBudget (selector: ${JSON.stringify(pdb.spec.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
        { component: DISRUPTION_CONTROLLER },
      );
    }
    // buildDisruptedPodMap: keep approved evictions of pods not yet being deleted, within DeletionTimeout.
    const now = clock.now();
    const disrupted: Record<string, string> = {};
    let recheckAt: number | undefined;
    for (const pod of pods) {
      const at = pdb.status?.disruptedPods?.[pod.metadata.name];
      if (pod.metadata.deletionTimestamp || at === undefined) continue;
      const expectedDeletion = fromTimestamp(at) + DELETION_TIMEOUT_MS;
      if (expectedDeletion < now) {
        ctx.recorder.record(pod, 'Warning', 'NotDeleted', `Pod was expected by PDB ${pdb.metadata.namespace}/${pdb.metadata.namespace} to be deleted but it wasn't`, { component: DISRUPTION_CONTROLLER });
        continue;
      }
      disrupted[pod.metadata.name] = at;
      if (recheckAt === undefined || expectedDeletion < recheckAt) recheckAt = expectedDeletion;
    }
    let currentHealthy = 0;
    for (const pod of pods) if (!pod.metadata.deletionTimestamp && !(pod.metadata.name in disrupted) && isPodReady(pod)) currentHealthy++;
    let disruptionsAllowed = currentHealthy - counts.desired;
    if (counts.expected <= 0 || disruptionsAllowed <= 0) disruptionsAllowed = 0;
    writeStatus(pdb, {
      disruptedPods: disrupted,
      currentHealthy,
      desiredHealthy: counts.desired,
      disruptionsAllowed,
      expectedPods: counts.expected,
      observedGeneration: pdb.metadata.generation ?? 1,
    });
    if (recheckAt !== undefined) queue.addAfter(key, recheckAt - now + 1);
  }

  return { name: NAME, queue, sync };
}
