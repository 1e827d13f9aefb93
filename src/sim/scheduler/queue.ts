/**
 * Mirrors pkg/scheduler/backend/queue (scheduling_queue.go): pods that failed go to the unschedulable
 * pool and come back when a cluster event their rejecting plugins care about happens (a queueing hint),
 * after their backoff (1s doubling to 10s per failed attempt), or after 5 minutes at the latest
 * (podMaxInUnschedulablePodsDuration).
 *
 * Simplified: the active queue is the controller's FIFO work queue (pods arrive in creation order, which
 * PrioritySort would keep for equal priorities); the 30-second flush loop is a per-pod timer.
 */
import type { TimerHandle, VirtualClock } from '../runtime/clock';
import type { WorkQueue } from '../runtime/workqueue';

export const POD_INITIAL_BACKOFF_MS = 1_000;
export const POD_MAX_BACKOFF_MS = 10_000;
export const POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION_MS = 5 * 60_000;

interface Attempts {
  uid: string;
  count: number;
  lastFailure: number;
}

interface UnschedulableEntry {
  uid: string;
  plugins: ReadonlySet<string>;
  timer: TimerHandle;
}

export class SchedulingQueue {
  private readonly attempts = new Map<string, Attempts>();
  private readonly unschedulable = new Map<string, UnschedulableEntry>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly active: WorkQueue,
  ) {}

  /** Adds a new or changed pod to the active queue, unless it waits in the unschedulable pool. */
  add(key: string): void {
    if (!this.unschedulable.has(key)) this.active.add(key);
  }

  isUnschedulable(key: string): boolean {
    return this.unschedulable.has(key);
  }

  /** AddUnschedulableIfNotPresent: parks a pod that failed, remembering which plugins rejected it. */
  addUnschedulable(key: string, uid: string, plugins: ReadonlySet<string>): void {
    this.recordFailure(key, uid);
    this.unschedulable.get(key)?.timer.cancel();
    const timer = this.clock.after(POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION_MS, `scheduler flush ${key}`, () => {
      if (this.unschedulable.get(key)?.timer === timer) this.move(key);
    });
    this.unschedulable.set(key, { uid, plugins, timer });
  }

  /** A scheduling error (not a plain misfit): retry after backoff without waiting for an event. */
  addBackoff(key: string, uid: string): void {
    this.recordFailure(key, uid);
    this.requeueAfterBackoff(key);
  }

  /** Moves every parked pod whose rejecting plugins include one `isRelevant` accepts (MoveAllToActiveOrBackoffQueue). */
  moveAllIf(isRelevant: (plugin: string) => boolean): void {
    for (const [key, entry] of [...this.unschedulable]) {
      for (const p of entry.plugins) {
        if (isRelevant(p)) {
          this.move(key);
          break;
        }
      }
    }
  }

  /** Moves one parked pod to the active queue, or to backoff while its backoff lasts. */
  move(key: string): void {
    const entry = this.unschedulable.get(key);
    if (!entry) return;
    entry.timer.cancel();
    this.unschedulable.delete(key);
    this.requeueAfterBackoff(key);
  }

  /** Forgets a pod that was bound or deleted. */
  done(key: string): void {
    this.unschedulable.get(key)?.timer.cancel();
    this.unschedulable.delete(key);
    this.attempts.delete(key);
  }

  private recordFailure(key: string, uid: string): void {
    const prev = this.attempts.get(key);
    const count = prev && prev.uid === uid ? prev.count + 1 : 1;
    this.attempts.set(key, { uid, count, lastFailure: this.clock.now() });
  }

  private requeueAfterBackoff(key: string): void {
    const a = this.attempts.get(key);
    if (!a) return this.active.add(key);
    let backoff = POD_INITIAL_BACKOFF_MS;
    for (let i = 1; i < a.count && backoff < POD_MAX_BACKOFF_MS; i++) backoff *= 2;
    const readyAt = a.lastFailure + Math.min(backoff, POD_MAX_BACKOFF_MS);
    this.active.addAfter(key, readyAt - this.clock.now());
  }
}
