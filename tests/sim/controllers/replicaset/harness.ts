/**
 * A small cluster for controller tests: the API server with its strategies, the bootstrap objects, and only
 * the garbage collector, the ReplicaSet and the Deployment controllers, plus a fake kubelet that binds pods to
 * nodes round-robin, marks them Running then Ready, and removes them some time after they start terminating.
 * The real scheduler and kubelet are left out on purpose, so these tests pin the controllers alone.
 */
import type { Pod } from '../../../../src/sim/api/core';
import { ApiServer } from '../../../../src/sim/apiserver/store';
import { registerStrategies } from '../../../../src/sim/apiserver/strategies';
import { startDeploymentController } from '../../../../src/sim/controllers/deployment/deploymentController';
import { startGarbageCollector } from '../../../../src/sim/controllers/garbagecollector/garbageCollector';
import { startReplicaSetController } from '../../../../src/sim/controllers/replicaset/replicaSet';
import { VirtualClock } from '../../../../src/sim/runtime/clock';
import { type ClusterContext, type Controller, DEFAULT_TIMINGS } from '../../../../src/sim/runtime/controller';
import { EventRecorder } from '../../../../src/sim/runtime/events';
import { SeededRandom } from '../../../../src/sim/runtime/random';
import { Trace } from '../../../../src/sim/runtime/trace';
import { DEFAULT_NODES, bootstrapCluster } from '../../../../src/sim/scenarios/bootstrap';
import { VolumeFiles } from '../../../../src/sim/storage/files';
import type { Event } from '../../../../src/sim/api/core';

export interface FakeKubeletOptions {
  /** Delay from creation to binding and Running. */
  startMs: number;
  /** Delay from Running to Ready. */
  readyMs: number;
  /** Delay from deletionTimestamp to removal. */
  terminateMs: number;
  /** Pods for which this returns false stay not Ready. */
  readyGate: (pod: Pod) => boolean;
}

export class Harness {
  readonly ctx: ClusterContext;
  readonly controllers: Controller[];
  readonly kubelet: FakeKubeletOptions;
  private nextNode = 0;

  constructor(options: { seed?: number; kubelet?: Partial<FakeKubeletOptions> | false } = {}) {
    const seed = options.seed ?? 7;
    const clock = new VirtualClock();
    const random = new SeededRandom(seed);
    const api = new ApiServer(clock, random, seed);
    registerStrategies(api);
    this.ctx = {
      api,
      clock,
      random,
      recorder: new EventRecorder(api),
      trace: new Trace(clock),
      files: new VolumeFiles(),
      timings: DEFAULT_TIMINGS,
      enqueue: (name, key) => this.controllers.find((c) => c.name === name)?.queue.add(key),
    };
    bootstrapCluster(this.ctx, DEFAULT_NODES);
    this.kubelet = { startMs: 1000, readyMs: 1000, terminateMs: 2000, readyGate: () => true, ...(options.kubelet || {}) };
    if (options.kubelet !== false) this.startFakeKubelet();
    this.controllers = [startGarbageCollector(this.ctx), startReplicaSetController(this.ctx), startDeploymentController(this.ctx)];
    this.settle();
  }

  get api(): ApiServer {
    return this.ctx.api;
  }

  now(): number {
    return this.ctx.clock.now();
  }

  settle(): void {
    for (let syncs = 0; ; ) {
      let progressed = false;
      for (const c of this.controllers) {
        const key = c.queue.pop();
        if (key === undefined) continue;
        progressed = true;
        c.sync(key);
        if (++syncs > 100_000) throw new Error(`no settle: ${c.name} ${key}`);
      }
      if (!progressed) return;
    }
  }

  /** Advances time, settling after every timer; `check` runs after each settle. */
  advance(ms: number, check?: () => void): void {
    const limit = this.now() + ms;
    this.settle();
    check?.();
    while (this.ctx.clock.fireNext(limit)) {
      this.settle();
      check?.();
    }
    this.ctx.clock.advanceTo(limit);
    this.settle();
    check?.();
  }

  pods(namespace = 'default'): Pod[] {
    return this.api.list<Pod>('Pod', namespace);
  }

  /** Messages of the Events about `name` from `component`, oldest first. */
  events(kind: string, name: string, component?: string): string[] {
    return this.api
      .list<Event>('Event')
      .filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name && (!component || e.source.component === component))
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
      .map((e) => `${e.reason}: ${e.message}`);
  }

  /** Marks a pod Ready now (for pods the gate held back). */
  makeReady(name: string, namespace = 'default'): void {
    const now = this.ctx.clock.timestamp();
    this.api.mutate<Pod>('Pod', namespace, name, (p) => {
      p.status.conditions = [
        ...(p.status.conditions ?? []).filter((c) => c.type !== 'Ready'),
        { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: now },
      ];
    }, { subresource: 'status' });
  }

  private startFakeKubelet(): void {
    const { api, clock } = this.ctx;
    const nodes = DEFAULT_NODES.map((n) => n.name);
    api.watch('Pod', (event) => {
      const pod = event.object as Pod;
      const { namespace, name, uid } = pod.metadata;
      if (event.type === 'ADDED' && !pod.spec.nodeName && !pod.metadata.deletionTimestamp) {
        clock.after(this.kubelet.startMs, `fake kubelet start ${name}`, () => {
          const node = nodes[this.nextNode++ % nodes.length]!;
          const bound = api.mutate<Pod>('Pod', namespace, name, (p) => {
            if (p.metadata.uid !== uid || p.metadata.deletionTimestamp) return false;
            p.spec.nodeName = node;
          });
          if (!bound) return;
          const t = clock.timestamp();
          api.mutate<Pod>('Pod', namespace, name, (p) => {
            p.status = {
              phase: 'Running',
              conditions: [
                { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: t },
                { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: t },
              ],
              containerStatuses: p.spec.containers.map((c) => ({ name: c.name, state: { running: { startedAt: t } }, lastState: {}, ready: false, restartCount: 0, image: c.image, imageID: '' })),
            };
          }, { subresource: 'status' });
          clock.after(this.kubelet.readyMs, `fake kubelet ready ${name}`, () => {
            const cur = api.get<Pod>('Pod', namespace, name);
            if (!cur || cur.metadata.uid !== uid || cur.metadata.deletionTimestamp || !this.kubelet.readyGate(cur)) return;
            this.makeReady(name, namespace);
          });
        });
      }
      if (event.type === 'MODIFIED' && pod.metadata.deletionTimestamp && !event.old?.metadata.deletionTimestamp) {
        clock.after(this.kubelet.terminateMs, `fake kubelet remove ${name}`, () => {
          try {
            api.delete('Pod', namespace, name, { gracePeriodSeconds: 0, uid });
          } catch {
            // Already gone.
          }
        });
      }
    });
  }
}
