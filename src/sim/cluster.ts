/**
 * The simulated cluster: wires the API server, the controllers, the scheduler and the kubelets to one
 * virtual clock and one seeded random source, and runs them. Commands go in through the API server
 * (usually via kubectl); time moves only through `advance`.
 */
import { ApiServer } from './apiserver/store';
import { registerStrategies } from './apiserver/strategies';
import { bootstrapCluster } from './scenarios/bootstrap';
import type { NodeDefinition } from './scenarios/types';
import { VirtualClock } from './runtime/clock';
import type { ClusterContext, Controller, Timings } from './runtime/controller';
import { DEFAULT_TIMINGS } from './runtime/controller';
import { EventRecorder } from './runtime/events';
import { SeededRandom } from './runtime/random';
import { Trace } from './runtime/trace';
import { VolumeFiles } from './storage/files';
import { startControllers } from './controllers';

export interface ClusterOptions {
  seed: number;
  nodes: NodeDefinition[];
  timings?: Partial<Timings>;
}

/** The most controller syncs one settle may run before the cluster reports a livelock. */
const MAX_SYNCS_PER_SETTLE = 2_000_000;

/**
 * Controllers see the changes of one reconcile window together: every timer due within the window fires
 * (each at its own instant) before the controllers' queues are drained. Real controllers batch the same
 * way, since informer events pile up while a sync runs; without it, 2,000 pods changing one by one would
 * each trigger a full sync of their StatefulSet or ReplicaSet.
 */
export const RECONCILE_WINDOW_MS = 100;

export class Cluster {
  readonly ctx: ClusterContext;
  readonly seed: number;
  private readonly controllers: Controller[];
  private readonly byName = new Map<string, Controller>();
  private readonly beforeTimeMoves: (() => void)[] = [];

  constructor(options: ClusterOptions) {
    this.seed = options.seed;
    const clock = new VirtualClock();
    const random = new SeededRandom(options.seed);
    const api = new ApiServer(clock, random, options.seed);
    registerStrategies(api);
    const byName = this.byName;
    this.ctx = {
      api,
      clock,
      random,
      recorder: new EventRecorder(api),
      trace: new Trace(clock),
      files: new VolumeFiles(),
      timings: { ...DEFAULT_TIMINGS, ...options.timings },
      enqueue(controller, key) {
        byName.get(controller)?.queue.add(key);
      },
    };
    bootstrapCluster(this.ctx, options.nodes);
    this.controllers = startControllers(this.ctx);
    for (const c of this.controllers) this.byName.set(c.name, c);
    this.settle();
  }

  get api(): ApiServer {
    return this.ctx.api;
  }

  get clock(): VirtualClock {
    return this.ctx.clock;
  }

  /** Simulated milliseconds since the start. */
  now(): number {
    return this.ctx.clock.now();
  }

  controller(name: string): Controller | undefined {
    return this.byName.get(name);
  }

  /**
   * Runs queued controller work at the current instant until every queue is empty. Each controller in
   * turn works through the keys queued when its turn starts, so a burst of pod updates from the kubelet
   * reaches the StatefulSet controller as one sync, as it would through a real informer.
   */
  settle(): void {
    let syncs = 0;
    for (;;) {
      let progressed = false;
      for (const controller of this.controllers) {
        for (let n = controller.queue.length; n > 0; n--) {
          const key = controller.queue.pop();
          if (key === undefined) break;
          progressed = true;
          controller.sync(key);
          if (++syncs > MAX_SYNCS_PER_SETTLE) {
            throw new Error(`controllers did not settle after ${MAX_SYNCS_PER_SETTLE} syncs (last: ${controller.name} ${key})`);
          }
        }
      }
      if (!progressed) return;
    }
  }

  /** Moves simulated time forward by `ms`, firing every timer due on the way, in order. */
  advance(ms: number): void {
    this.advanceTo(this.now() + ms);
  }

  /**
   * Calls `listener` each time simulated time is about to move (a terminal flushes what its watches
   * printed during the command, so the command's own output comes first). Returns an unsubscribe.
   */
  onBeforeTimeMoves(listener: () => void): () => void {
    this.beforeTimeMoves.push(listener);
    return () => {
      const i = this.beforeTimeMoves.indexOf(listener);
      if (i >= 0) this.beforeTimeMoves.splice(i, 1);
    };
  }

  /** Moves simulated time to `t` (no-op when `t` is in the past). */
  advanceTo(t: number): void {
    this.settle();
    for (const listener of this.beforeTimeMoves) listener();
    while (this.fireWindow(t)) this.settle();
    this.ctx.clock.advanceTo(t);
    this.settle();
  }

  /**
   * Advances until `done()` holds, checking after every timer, for at most `maxMs`. Returns true when
   * `done()` held.
   */
  advanceUntil(done: () => boolean, maxMs: number): boolean {
    const limit = this.now() + maxMs;
    this.settle();
    if (done()) return true;
    for (const listener of this.beforeTimeMoves) listener();
    while (this.fireWindow(limit)) {
      this.settle();
      if (done()) return true;
    }
    this.ctx.clock.advanceTo(limit);
    this.settle();
    return done();
  }

  /** Fires every timer due within one reconcile window from the next due one (not past `limit`). */
  private fireWindow(limit: number): boolean {
    const first = this.ctx.clock.nextDue();
    if (first === undefined || first > limit) return false;
    const windowEnd = Math.min(limit, first + RECONCILE_WINDOW_MS - 1);
    while (this.ctx.clock.fireNext(windowEnd));
    return true;
  }

  /** When the next timer is due, or undefined when the cluster is idle. */
  nextDue(): number | undefined {
    return this.ctx.clock.nextDue();
  }
}
