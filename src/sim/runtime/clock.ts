/**
 * The virtual clock: simulated milliseconds since the cluster started and a heap of timers.
 * Nothing in the simulation reads the wall clock; all waiting is a timer on this clock.
 */

/** The wall-clock instant the simulated cluster was created; all timestamps count from it. */
export const SIM_EPOCH_MS = Date.UTC(2026, 0, 1, 9, 0, 0);

interface Timer {
  at: number;
  seq: number;
  label: string;
  fire: () => void;
  cancelled: boolean;
}

/** A handle to cancel a timer. */
export interface TimerHandle {
  cancel(): void;
}

export class VirtualClock {
  private nowMs = 0;
  private seq = 0;
  private heap: Timer[] = [];

  /** Simulated milliseconds since the start. */
  now(): number {
    return this.nowMs;
  }

  /** The current instant as an RFC 3339 timestamp with second precision, as the API prints it. */
  timestamp(offsetMs = 0): string {
    return toTimestamp(this.nowMs + offsetMs);
  }

  /** Runs `fire` once `delayMs` simulated milliseconds from now (timers at one instant run in order). */
  after(delayMs: number, label: string, fire: () => void): TimerHandle {
    const timer: Timer = { at: this.nowMs + Math.max(0, delayMs), seq: this.seq++, label, fire, cancelled: false };
    this.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }

  /** When the next live timer is due, or undefined when none is pending. */
  nextDue(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** Number of live timers (for tests and benchmarks). */
  pendingCount(): number {
    return this.heap.filter((t) => !t.cancelled).length;
  }

  /**
   * Fires the earliest timer if it is due at or before `limit`, moving the clock to its instant.
   * Returns false when there was none.
   */
  fireNext(limit: number): boolean {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top || top.at > limit) return false;
    this.pop();
    this.nowMs = Math.max(this.nowMs, top.at);
    top.fire();
    return true;
  }

  /** Moves the clock to `t` without firing anything (callers fire due timers first). */
  advanceTo(t: number): void {
    if (t > this.nowMs) this.nowMs = t;
  }

  private dropCancelled(): void {
    while (this.heap[0]?.cancelled) this.pop();
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(timer: Timer): void {
    const heap = this.heap;
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): Timer | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && this.less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && this.less(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** RFC 3339 UTC timestamp, second precision, for simulated milliseconds `ms`. */
export function toTimestamp(ms: number): string {
  return new Date(SIM_EPOCH_MS + Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Simulated milliseconds for an RFC 3339 timestamp written by `toTimestamp`. */
export function fromTimestamp(ts: string): number {
  return Date.parse(ts) - SIM_EPOCH_MS;
}
