// Mirrors the StatefulSet parts of staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go
// (StatefulSetHistoryViewer, statefulSetHistory, controlledHistoryV1, printHistory) and rollback.go
// (StatefulSetRollbacker, findHistory, statefulsetMatch, getStatefulSetPatch, applyRevision).
// Simplified: a revision "matches" when its data serialises as the set's current patch does (upstream
// compares the JSON bytes); the restoring strategic merge patch (`$patch: replace` of spec.template) is
// applied as a replacement of spec.template.
import type { ControllerRevision, StatefulSet } from '../../../api/apps';
import type { KubeObject } from '../../../api/meta';
import { matchesSelector } from '../../../api/selectors';
import type { ApiServer } from '../../../apiserver/store';
import { applyRevision, getPatch, goJsonMarshal, sortControllerRevisions } from '../../../controllers/statefulset/revisionHistory';
import { CHANGE_CAUSE_ANNOTATION, historyTable, revisionNotFound } from './deploymentHistory';
import type { DryRunStrategy } from './rolloutUtil';
import { printTemplate, RolloutError } from './rolloutUtil';

/** statefulSetHistory: the ControllerRevisions selected by the set's selector and controlled by it. */
export function statefulSetRevisions(api: ApiServer, sts: StatefulSet): ControllerRevision[] {
  return api
    .list<ControllerRevision>('ControllerRevision', sts.metadata.namespace)
    .filter((r) => matchesSelector(sts.spec.selector, r.metadata.labels))
    .filter((r) => r.metadata.ownerReferences?.some((o) => o.controller && o.uid === sts.metadata.uid));
}

/** StatefulSetHistoryViewer.ViewHistory via printHistory. */
export function viewStatefulSetHistory(api: ApiServer, sts: StatefulSet, revision: number): string {
  const historyInfo = new Map<number, ControllerRevision>();
  for (const h of statefulSetRevisions(api, sts)) historyInfo.set(h.revision, h);
  if (historyInfo.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const h = historyInfo.get(revision);
    if (!h) throw new RolloutError('unable to find the specified revision');
    return printTemplate(applyRevision(sts, h).spec.template);
  }
  const revisions = [...historyInfo.keys()].sort((a, b) => a - b);
  return historyTable(revisions.map((r) => [r, historyInfo.get(r)!.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? '']));
}

/** StatefulSetHistoryViewer.GetHistory: revision -> the set with that revision applied. */
export function getStatefulSetHistory(api: ApiServer, sts: StatefulSet): Map<number, KubeObject> {
  const result = new Map<number, KubeObject>();
  for (const h of statefulSetRevisions(api, sts)) result.set(h.revision, applyRevision(sts, h));
  return result;
}

/** findHistory: the revision asked for, or for 0 the second newest; undefined when there is none. */
export function findHistory(toRevision: number, all: ControllerRevision[]): ControllerRevision | undefined {
  if (toRevision === 0) {
    if (all.length <= 1) return undefined;
    const sorted = sortControllerRevisions([...all]);
    return sorted[sorted.length - 2];
  }
  return all.find((h) => h.revision === toRevision);
}

/**
 * StatefulSetRollbacker.Rollback: restores the pod template stored in a ControllerRevision. The controller
 * then finds the equal revision and gives it the next revision number. Returns the printer's operation.
 */
export function rollbackStatefulSet(api: ApiServer, sts: StatefulSet, toRevision: number, dryRun: DryRunStrategy): string {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  const history = statefulSetRevisions(api, sts);
  if (toRevision === 0 && history.length <= 1) throw new RolloutError('no last revision to roll back to');
  const toHistory = findHistory(toRevision, history);
  if (!toHistory) throw revisionNotFound(toRevision);
  if (dryRun === 'client') return `will roll back to ${printTemplate(applyRevision(sts, toHistory).spec.template)}`;
  if (goJsonMarshal(getPatch(sts)) === goJsonMarshal(toHistory.data)) {
    return `skipped rollback (current template already matches revision ${toRevision})`;
  }
  if (dryRun === 'none') {
    const template = applyRevision(sts, toHistory).spec.template;
    api.mutate<StatefulSet>('StatefulSet', sts.metadata.namespace, sts.metadata.name, (draft) => {
      draft.spec.template = template;
    });
  }
  return 'rolled back';
}
