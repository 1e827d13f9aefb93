/**
 * A rate-limit-free work queue of object keys, as client-go's workqueue: a key is queued at most once,
 * FIFO, and `addAfter` re-queues on the virtual clock.
 */
import type { VirtualClock } from './clock';

export class WorkQueue {
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private head = 0;

  constructor(
    private readonly clock: VirtualClock,
    readonly name: string,
  ) {}

  add(key: string): void {
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push(key);
  }

  addAfter(key: string, delayMs: number): void {
    if (delayMs <= 0) return this.add(key);
    this.clock.after(delayMs, `${this.name} requeue ${key}`, () => this.add(key));
  }

  /** The next key, or undefined when the queue is empty. */
  pop(): string | undefined {
    if (this.head >= this.queue.length) return undefined;
    const key = this.queue[this.head++]!;
    this.queued.delete(key);
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    return key;
  }

  get length(): number {
    return this.queue.length - this.head;
  }
}

/** `namespace/name`, or `name` for cluster-scoped objects: the key controllers queue. */
export function keyOf(meta: { namespace?: string; name: string }): string {
  return meta.namespace ? `${meta.namespace}/${meta.name}` : meta.name;
}

/** Splits a `namespace/name` key. */
export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { namespace: undefined, name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
