// Mirrors pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go (RateLimitedTimedQueue over a
// client-go token bucket with burst 1): one per zone, it paces how fast nodes are NoExecute-tainted.
// Simplified: the token bucket is computed from the virtual clock; no ProcessAt retries (a taint write
// never fails here).

/** EvictionRateLimiterBurst. */
const BURST = 1;

/** A FIFO of node names, each tried when the zone's token bucket allows. */
export class RateLimitedTimedQueue {
  private readonly queue: { value: string; uid: string }[] = [];
  /** UniqueQueue's set: values taken by Try stay here, so they are not added again until removed. */
  private readonly set = new Set<string>();
  private tokens = BURST;
  private lastRefill: number;

  constructor(
    private qps: number,
    now: number,
  ) {
    this.lastRefill = now;
  }

  /** Add: queues `value` unless it was added before and not removed since. Returns true when added. */
  add(value: string, uid: string): boolean {
    if (this.set.has(value)) return false;
    this.set.add(value);
    this.queue.push({ value, uid });
    return true;
  }

  /** Remove: drops `value` from the queue and the set. Returns true when it was known. */
  remove(value: string): boolean {
    const known = this.set.delete(value);
    const i = this.queue.findIndex((v) => v.value === value);
    if (i >= 0) this.queue.splice(i, 1);
    return known;
  }

  get length(): number {
    return this.queue.length;
  }

  /** SwapLimiter: a new rate; 0 stops the queue. A drained bucket stays drained. */
  swapLimiter(qps: number, now: number): void {
    if (qps === this.qps) return;
    this.refill(now);
    const hadToken = this.tokens >= 1;
    this.qps = qps;
    this.tokens = qps > 0 && hadToken ? BURST : 0;
    this.lastRefill = now;
  }

  /** Try: takes values in order while tokens last, calling `fn` for each (RemoveFromQueue: they stay in the set). */
  try(now: number, fn: (value: string, uid: string) => void): void {
    this.refill(now);
    while (this.queue.length && this.qps > 0 && this.tokens >= 1) {
      this.tokens -= 1;
      const head = this.queue.shift()!;
      fn(head.value, head.uid);
    }
  }

  /** When the next token is available (for re-running Try), or undefined when the queue is idle or stopped. */
  nextTryAt(now: number): number | undefined {
    if (!this.queue.length || this.qps <= 0) return undefined;
    this.refill(now);
    if (this.tokens >= 1) return now;
    return now + Math.ceil(((1 - this.tokens) / this.qps) * 1000);
  }

  private refill(now: number): void {
    if (this.qps > 0) this.tokens = Math.min(BURST, this.tokens + ((now - this.lastRefill) / 1000) * this.qps);
    this.lastRefill = now;
  }
}
