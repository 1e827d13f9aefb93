/**
 * What every controller shares: the cluster context it runs against, and the shape of a controller as the
 * cluster's run loop drives it (a work queue of keys and a sync function per key, level-triggered).
 */
import type { ApiServer } from '../apiserver/store';
import type { VolumeFiles } from '../storage/files';
import type { VirtualClock } from './clock';
import type { EventRecorder } from './events';
import type { SeededRandom } from './random';
import type { Trace } from './trace';
import type { WorkQueue } from './workqueue';

/** Simulated durations of the things that take time in a cluster, in milliseconds. */
export interface Timings {
  /** Dynamic provisioning of a volume by the CSI driver. */
  provisionMs: number;
  /** Attaching a volume to a node. */
  attachMs: number;
  /** Mounting volumes once attached. */
  mountMs: number;
  /** Pulling an image not yet on the node. */
  imagePullMs: number;
  /** Creating and starting a container. */
  containerStartMs: number;
  /** Time from container start to Ready when the container has no readiness probe (0: ready at once). */
  readyDelayMs: number;
  /** Time an application takes to exit after SIGTERM (capped by the grace period). */
  shutdownMs: number;
  /** Relative jitter applied to each of the above, from the seeded source (0.2 = ±20%). */
  jitter: number;
}

export const DEFAULT_TIMINGS: Timings = {
  provisionMs: 1500,
  attachMs: 1000,
  mountMs: 300,
  imagePullMs: 2500,
  containerStartMs: 600,
  readyDelayMs: 0,
  shutdownMs: 800,
  jitter: 0.25,
};

export interface ClusterContext {
  api: ApiServer;
  clock: VirtualClock;
  random: SeededRandom;
  recorder: EventRecorder;
  trace: Trace;
  files: VolumeFiles;
  timings: Timings;
  /** Queues a key on a named controller (used by watch handlers of other controllers). */
  enqueue(controller: string, key: string): void;
}

/** A level-triggered reconciler: watch handlers queue keys, `sync` re-reads the state and acts. */
export interface Controller {
  readonly name: string;
  readonly queue: WorkQueue;
  sync(key: string): void;
}

/** A jittered duration from the context's timings. */
export function jittered(ctx: ClusterContext, baseMs: number): number {
  return ctx.random.jitter(baseMs, ctx.timings.jitter);
}
