// Mirrors the Deployment parts of staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go
// (DeploymentHistoryViewer) and rollback.go (DeploymentRollbacker, deploymentRevision), with
// kubectl's pkg/util/deployment GetAllReplicaSets and Revision.
// Simplified: the ReplicaSet lookups reuse the Deployment controller's FindNewReplicaSet/FindOldReplicaSets
// (kubectl carries a copy of the same helpers).
import type { Deployment, ReplicaSet } from '../../../api/apps';
import type { PodTemplateSpec } from '../../../api/core';
import type { KubeObject } from '../../../api/meta';
import { matchesSelector } from '../../../api/selectors';
import { deepClone } from '../../../apiserver/objects';
import type { ApiServer } from '../../../apiserver/store';
import { DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY, REVISION_ANNOTATION, revisionOf } from '../../../controllers/deployment/annotations';
import { equalIgnoreHash, findNewReplicaSet, findOldReplicaSets } from '../../../controllers/deployment/deploymentUtil';
import { TabWriter } from '../../printers/tabwriter';
import type { DryRunStrategy } from './rolloutUtil';
import { printTemplate, RolloutError } from './rolloutUtil';

/** The annotation `--record` writes and `rollout history` shows as CHANGE-CAUSE. */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

/** Annotations a rollback keeps from the Deployment instead of copying them from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/** deploymentutil.Revision: the revision annotation (0 when absent), undefined when it is not a number. */
export function deploymentRevision(obj: KubeObject): number | undefined {
  return revisionOf(obj);
}

/** GetAllReplicaSets: the ReplicaSets the Deployment controls, the new one (if any) last. */
export function getDeploymentReplicaSets(api: ApiServer, d: Deployment): ReplicaSet[] {
  const owned = api
    .list<ReplicaSet>('ReplicaSet', d.metadata.namespace)
    .filter((rs) => matchesSelector(d.spec.selector, rs.metadata.labels))
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
  const newRS = findNewReplicaSet(d, owned);
  const { allOldRSs } = findOldReplicaSets(d, owned);
  return newRS ? [...allOldRSs, newRS] : allOldRSs;
}

/** Go's tabbedString for the history table: tabwriter with minwidth 0, padding 2. */
export function historyTable(rows: readonly [number, string][]): string {
  const tw = new TabWriter({ minWidth: 0, padding: 2 });
  tw.write('REVISION\tCHANGE-CAUSE\n');
  for (const [revision, cause] of rows) tw.write(`${revision}\t${cause || '<none>'}\n`);
  return tw.flush();
}

/** DeploymentHistoryViewer.ViewHistory: the revision table, or one revision's pod template. */
export function viewDeploymentHistory(api: ApiServer, d: Deployment, revision: number): string {
  const historyInfo = new Map<number, PodTemplateSpec>();
  for (const rs of getDeploymentReplicaSets(api, d)) {
    const v = deploymentRevision(rs);
    if (v === undefined) continue;
    const template = deepClone(rs.spec.template);
    const changeCause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
    template.metadata = { ...template.metadata, annotations: { ...(template.metadata?.annotations ?? {}) } };
    if (changeCause) template.metadata.annotations![CHANGE_CAUSE_ANNOTATION] = changeCause;
    historyInfo.set(v, template);
  }
  if (historyInfo.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const template = historyInfo.get(revision);
    if (!template) throw new RolloutError('unable to find the specified revision');
    return printTemplate(template);
  }
  const revisions = [...historyInfo.keys()].sort((a, b) => a - b);
  return historyTable(revisions.map((r) => [r, historyInfo.get(r)!.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? '']));
}

/** DeploymentHistoryViewer.GetHistory: revision -> ReplicaSet (for `rollout history -o`). */
export function getDeploymentHistory(api: ApiServer, d: Deployment): Map<number, KubeObject> {
  const result = new Map<number, KubeObject>();
  for (const rs of getDeploymentReplicaSets(api, d)) {
    const v = deploymentRevision(rs);
    if (v !== undefined) result.set(v, rs);
  }
  return result;
}

/** revisionNotFoundErr. */
export function revisionNotFound(revision: number): RolloutError {
  return new RolloutError(`unable to find specified revision ${revision} in history`);
}

/** deploymentRevision (rollback.go): the ReplicaSet of `toRevision`, or of the previous revision for 0. */
function replicaSetForRevision(api: ApiServer, d: Deployment, toRevision: number): ReplicaSet {
  let latest: ReplicaSet | undefined;
  let latestRevision = -1;
  let previous: ReplicaSet | undefined;
  let previousRevision = -1;
  for (const rs of getDeploymentReplicaSets(api, d)) {
    const v = deploymentRevision(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latestRevision < v) {
        previousRevision = latestRevision;
        previous = latest;
        latestRevision = v;
        latest = rs;
      } else if (previousRevision < v) {
        previousRevision = v;
        previous = rs;
      }
    } else if (toRevision === v) {
      return rs;
    }
  }
  if (toRevision > 0) throw revisionNotFound(toRevision);
  if (!previous) throw new RolloutError(`no rollout history found for deployment "${d.metadata.name}"`);
  return previous;
}

/**
 * DeploymentRollbacker.Rollback: restores the template of `toRevision` (0: the previous one) and the
 * ReplicaSet's annotations, as one JSON patch. Returns the operation the name printer shows.
 */
export function rollbackDeployment(api: ApiServer, d: Deployment, toRevision: number, dryRun: DryRunStrategy): string {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  const rs = replicaSetForRevision(api, d, toRevision);
  if (dryRun === 'client') return printTemplate(rs.spec.template);
  if (d.spec.paused) throw new RolloutError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  if (equalIgnoreHash(rs.spec.template, d.spec.template)) return `skipped rollback (current template already matches revision ${toRevision})`;
  const template = deepClone(rs.spec.template);
  if (template.metadata?.labels) delete template.metadata.labels[DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  if (dryRun === 'none') {
    api.mutate<Deployment>('Deployment', d.metadata.namespace, d.metadata.name, (draft) => {
      draft.spec.template = template;
      draft.metadata.annotations = annotations;
    });
  }
  return 'rolled back';
}
