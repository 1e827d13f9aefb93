/**
 * A small cluster for StatefulSet controller tests: the real API server, strategies, garbage collector and
 * StatefulSet controller, with FakeKubelet standing in for the scheduler and kubelet. It runs the same loop
 * as src/sim/cluster.ts and checks the StatefulSet invariants after every controller sync and every timer.
 */
import type { StatefulSet } from '../../../../src/sim/api/apps';
import type { ControllerRevision } from '../../../../src/sim/api/apps';
import type { Event, PersistentVolumeClaim, Pod } from '../../../../src/sim/api/core';
import { ApiServer } from '../../../../src/sim/apiserver/store';
import type { DeleteOptions } from '../../../../src/sim/apiserver/store';
import { registerStrategies } from '../../../../src/sim/apiserver/strategies';
import { startGarbageCollector } from '../../../../src/sim/controllers/garbagecollector/garbageCollector';
import { startStatefulSetController } from '../../../../src/sim/controllers/statefulset/statefulSet';
import { VirtualClock } from '../../../../src/sim/runtime/clock';
import type { ClusterContext, Controller } from '../../../../src/sim/runtime/controller';
import { DEFAULT_TIMINGS } from '../../../../src/sim/runtime/controller';
import { EventRecorder } from '../../../../src/sim/runtime/events';
import { SeededRandom } from '../../../../src/sim/runtime/random';
import { Trace } from '../../../../src/sim/runtime/trace';
import { bootstrapCluster, DEFAULT_NODES } from '../../../../src/sim/scenarios/bootstrap';
import { VolumeFiles } from '../../../../src/sim/storage/files';
import { FakeKubelet } from './fakeKubelet';
import type { FakeKubeletOptions } from './fakeKubelet';
import { checkInvariants } from './invariants';

export class Harness {
  readonly ctx: ClusterContext;
  readonly kubelet: FakeKubelet;
  private readonly controllers: Controller[];
  /** Set when a test deletes or fails a pod by hand: the OrderedReady readiness invariant no longer applies. */
  disrupted = false;

  constructor(options: Partial<FakeKubeletOptions> & { seed?: number } = {}) {
    const clock = new VirtualClock();
    const random = new SeededRandom(options.seed ?? 1);
    const api = new ApiServer(clock, random, options.seed ?? 1);
    registerStrategies(api);
    const byName = new Map<string, Controller>();
    this.ctx = {
      api,
      clock,
      random,
      recorder: new EventRecorder(api),
      trace: new Trace(clock),
      files: new VolumeFiles(),
      timings: { ...DEFAULT_TIMINGS },
      enqueue: (controller, key) => byName.get(controller)?.queue.add(key),
    };
    bootstrapCluster(this.ctx, DEFAULT_NODES);
    this.kubelet = new FakeKubelet(this.ctx, {
      readyDelayMs: options.readyDelayMs ?? 1000,
      shutdownMs: options.shutdownMs ?? 500,
      neverReady: options.neverReady ?? ((pod) => pod.spec.containers.some((c) => c.image.endsWith(':broken'))),
    });
    this.controllers = [startGarbageCollector(this.ctx), startStatefulSetController(this.ctx), this.kubelet];
    for (const c of this.controllers) byName.set(c.name, c);
    this.settle();
  }

  get api(): ApiServer {
    return this.ctx.api;
  }

  now(): number {
    return this.ctx.clock.now();
  }

  /** Drains every queue at the current instant, checking the invariants after each sync. */
  settle(): void {
    for (let syncs = 0; ; ) {
      let progressed = false;
      for (const controller of this.controllers) {
        const key = controller.queue.pop();
        if (key === undefined) continue;
        progressed = true;
        controller.sync(key);
        checkInvariants(this);
        if (++syncs > 100_000) throw new Error(`no settle: last ${controller.name} ${key}`);
      }
      if (!progressed) return;
    }
  }

  advance(ms: number): void {
    const limit = this.now() + ms;
    this.settle();
    while (this.ctx.clock.fireNext(limit)) {
      checkInvariants(this);
      this.settle();
    }
    this.ctx.clock.advanceTo(limit);
    this.settle();
  }

  /** Advances until `done()` holds (checked after every timer); fails the test after `maxMs`. */
  advanceUntil(done: () => boolean, maxMs = 120_000): void {
    const limit = this.now() + maxMs;
    this.settle();
    while (!done()) {
      if (!this.ctx.clock.fireNext(limit)) throw new Error(`condition not reached within ${maxMs}ms`);
      checkInvariants(this);
      this.settle();
    }
  }

  createSet(set: StatefulSet): StatefulSet {
    const created = this.api.create(set);
    this.settle();
    return created;
  }

  /** Changes the set's spec (as `kubectl apply` / `kubectl scale` would) and settles. */
  updateSet(name: string, change: (set: StatefulSet) => void, namespace = 'default'): void {
    this.api.mutate<StatefulSet>('StatefulSet', namespace, name, (draft) => {
      change(draft);
    });
    this.settle();
  }

  set(name: string, namespace = 'default'): StatefulSet {
    const set = this.api.get<StatefulSet>('StatefulSet', namespace, name);
    if (!set) throw new Error(`no StatefulSet ${name}`);
    return set;
  }

  pod(name: string, namespace = 'default'): Pod | undefined {
    return this.api.get<Pod>('Pod', namespace, name);
  }

  /** Pod names in the namespace, in name order. */
  podNames(namespace = 'default'): string[] {
    return this.api.list<Pod>('Pod', namespace).map((p) => p.metadata.name);
  }

  pvc(name: string, namespace = 'default'): PersistentVolumeClaim | undefined {
    return this.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
  }

  revisions(namespace = 'default'): ControllerRevision[] {
    return this.api.list<ControllerRevision>('ControllerRevision', namespace);
  }

  /** `reason: message` of the events about the object, oldest first. */
  events(name: string, kind = 'StatefulSet', namespace = 'default'): string[] {
    return this.api
      .list<Event>('Event', namespace)
      .filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name)
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
      .map((e) => `${e.type} ${e.reason}: ${e.message}`);
  }

  /** How many times an event with this message was recorded about the object (repeats are aggregated). */
  eventCount(message: string, name = 'web', namespace = 'default'): number {
    return this.api
      .list<Event>('Event', namespace)
      .filter((e) => e.involvedObject.name === name && e.message === message)
      .reduce((n, e) => n + e.count, 0);
  }

  /** Deletes a pod by hand (`kubectl delete pod`). */
  deletePod(name: string, options: DeleteOptions = {}, namespace = 'default'): void {
    this.disrupted = true;
    this.api.delete('Pod', namespace, name, options);
    this.settle();
  }

  /** Makes a pod's container fail by hand. */
  failPod(name: string, namespace = 'default'): void {
    this.disrupted = true;
    this.kubelet.fail(namespace, name);
    this.settle();
  }

  isReady(name: string): boolean {
    const pod = this.pod(name);
    return pod?.status.phase === 'Running' && (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
  }
}

/** The `web` StatefulSet of the StatefulSet Basics tutorial, with overrides. */
export function webSet(overrides: Partial<StatefulSet['spec']> = {}, name = 'web'): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
    spec: {
      serviceName: 'nginx',
      replicas: 2,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'registry.k8s.io/nginx-slim:0.24',
              ports: [{ containerPort: 80, name: 'web' }],
              volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }],
            },
          ],
        },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'www' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      ],
      ...overrides,
    },
  };
}

/** Sets the image of the first container (a template change: a new revision). */
export function setImage(image: string): (set: StatefulSet) => void {
  return (set) => {
    set.spec.template.spec.containers[0]!.image = image;
  };
}
