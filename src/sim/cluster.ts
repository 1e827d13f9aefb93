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

  /** Runs queued controller work at the current instant until every queue is empty. */
  settle(): void {
    let syncs = 0;
    for (;;) {
      let progressed = false;
      for (const controller of this.controllers) {
        const key = controller.queue.pop();
        if (key === undefined) continue;
        progressed = true;
        controller.sync(key);
        if (++syncs > MAX_SYNCS_PER_SETTLE) {
          throw new Error(`controllers did not settle after ${MAX_SYNCS_PER_SETTLE} syncs (last: ${controller.name} ${key})`);
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
    while (this.ctx.clock.fireNext(t)) this.settle();
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
    while (this.ctx.clock.fireNext(limit)) {
      this.settle();
      if (done()) return true;
    }
    this.ctx.clock.advanceTo(limit);
    this.settle();
    return done();
  }

  /** When the next timer is due, or undefined when the cluster is idle. */
  nextDue(): number | undefined {
    return this.ctx.clock.nextDue();
  }
}
