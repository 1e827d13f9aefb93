/**
 * Mirrors the per-item exponential backoff of client-go's DefaultTypedControllerRateLimiter
 * (util/workqueue/default_rate_limiters.go): a key whose sync failed is re-queued after 5ms, 10ms, 20ms...
 * up to 1000s; a successful sync forgets it.
 *
 * Simplified: the overall token bucket (10 qps, burst 100) is left out.
 */
import type { WorkQueue } from '../../runtime/workqueue';

const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 1000 * 1000;

export class ItemExponentialFailureRateLimiter {
  private readonly failures = new Map<string, number>();

  /** Re-queues `key` on `queue` after its next backoff delay. */
  addRateLimited(queue: WorkQueue, key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    queue.addAfter(key, Math.min(BASE_DELAY_MS * 2 ** n, MAX_DELAY_MS));
  }

  /** Forgets the failures of `key` (after a successful sync). */
  forget(key: string): void {
    this.failures.delete(key);
  }

  /** How many times `key` failed in a row. */
  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }
}
