/**
 * Mirrors defaultStatefulSetControl in pkg/controller/statefulset/stateful_set_control.go: UpdateStatefulSet
 * (list and sort revisions, performUpdate, truncateHistory), getStatefulSetRevisions (find or create the
 * update revision, roll back by renumbering an equal older revision, keep the current one), ListRevisions
 * and AdoptOrphanRevisions. The pod phases are in updateStatefulSet.ts, the status in statefulSetStatus.ts.
 *
 * Simplified: errors are thrown after the status write and the history truncation, where Go returns an
 * aggregate; the caller requeues with backoff as the rate-limited work queue would. A set being deleted
 * creates and renumbers no ControllerRevisions.
 */
import type { ControllerRevision } from '../../api/apps';
import type { Pod } from '../../api/core';
import type { DefaultedStatefulSet } from './defaults';
import {
  ControllerHistory,
  equalRevision,
  findEqualRevisions,
  newRevision,
  nextRevision,
  sortControllerRevisions,
} from './revisionHistory';
import { ControllerError, isSyncError } from './statefulPodControl';
import { updateStatefulSetStatus } from './statefulSetStatus';
import type { ComputedStatus } from './statefulSetStatus';
import { getPodRevision } from './statefulSetUtils';
import { updateStatefulSet } from './updateStatefulSet';
import type { ControlScope } from './updateStatefulSet';

interface PerformResult {
  current?: ControllerRevision;
  update?: ControllerRevision;
  status?: ComputedStatus;
  err?: Error;
}

export class DefaultStatefulSetControl {
  constructor(private readonly history: ControllerHistory) {}

  /**
   * One reconcile of the set against its pods: pod creation, update and deletion, the status write and the
   * revision history limit. Returns the status written; throws the sync's errors afterwards.
   */
  updateStatefulSet(s: ControlScope, set: DefaultedStatefulSet, pods: Pod[]): ComputedStatus | undefined {
    const revisions = sortControllerRevisions(this.listRevisions(set));
    const { current, update, status, err } = this.performUpdate(s, set, pods, revisions);
    const errors: Error[] = err ? [err] : [];
    try {
      this.truncateHistory(s, set, pods, revisions, current, update);
    } catch (e) {
      if (!isSyncError(e)) throw e;
      errors.push(e);
    }
    if (errors.length) throw ControllerError.aggregate(errors);
    return status;
  }

  /** The revisions the set controls, plus orphans its selector matches. */
  listRevisions(set: DefaultedStatefulSet): ControllerRevision[] {
    return this.history.listControllerRevisions(set, set.spec.selector);
  }

  /** Makes the set the controller of each given orphaned revision. */
  adoptOrphanRevisions(set: DefaultedStatefulSet, revisions: ControllerRevision[]): void {
    for (const revision of revisions) this.history.adoptControllerRevision(set, revision);
  }

  private performUpdate(s: ControlScope, set: DefaultedStatefulSet, pods: Pod[], revisions: ControllerRevision[]): PerformResult {
    let current: ControllerRevision;
    let update: ControllerRevision;
    let collisionCount: number;
    try {
      ({ current, update, collisionCount } = this.getStatefulSetRevisions(set, revisions));
    } catch (err) {
      if (!isSyncError(err)) throw err;
      return { err };
    }
    const { status, err } = updateStatefulSet(s, set, current, update, collisionCount, pods);
    let statusErr: Error | undefined;
    try {
      updateStatefulSetStatus(s.ctx.api, set, status);
    } catch (e) {
      if (!isSyncError(e)) throw e;
      statusErr = e;
    }
    return { current, update, status, err: err ?? statusErr };
  }

  /**
   * The current and update revisions of the set. The update revision is the last revision when its data
   * equals the template; an older equal revision is renumbered (a rollback); otherwise a new one is made.
   */
  private getStatefulSetRevisions(
    set: DefaultedStatefulSet,
    revisions: ControllerRevision[],
  ): { current: ControllerRevision; update: ControllerRevision; collisionCount: number } {
    const collision = { value: set.status?.collisionCount ?? 0 };
    let update = newRevision(set, nextRevision(revisions), collision.value);
    const equalRevisions = findEqualRevisions(revisions, update);
    const lastEqual = equalRevisions[equalRevisions.length - 1];
    const last = revisions[revisions.length - 1];
    if (lastEqual && last && equalRevision(last, lastEqual)) {
      update = last;
    } else if (set.metadata.deletionTimestamp) {
      // Simplified: a set being deleted writes no revisions (upstream re-creates them and the garbage
      // collector deletes them again); its status names the revision it would have written.
      update = lastEqual ?? update;
    } else if (lastEqual) {
      update = this.history.updateControllerRevision(lastEqual, update.revision);
    } else {
      update = this.history.createControllerRevision(set, update, collision);
    }
    const current = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
    return { current, update, collisionCount: collision.value };
  }

  /**
   * Deletes the oldest revisions that no pod, nor the current or update revision, uses, until at most
   * revisionHistoryLimit such revisions remain.
   */
  private truncateHistory(
    s: ControlScope,
    set: DefaultedStatefulSet,
    pods: Pod[],
    revisions: ControllerRevision[],
    current: ControllerRevision | undefined,
    update: ControllerRevision | undefined,
  ): void {
    const live = new Set<string>();
    if (current) live.add(current.metadata.name);
    if (update) live.add(update.metadata.name);
    for (const pod of pods) live.add(getPodRevision(pod));
    const history = revisions.filter((r) => !live.has(r.metadata.name));
    const limit = set.spec.revisionHistoryLimit;
    if (limit < 0 || history.length <= limit) return;
    for (const revision of history.slice(0, history.length - limit)) {
      s.log('delete', `ControllerRevision ${revision.metadata.name} is beyond revisionHistoryLimit ${limit}`);
      this.history.deleteControllerRevision(revision);
    }
  }
}
