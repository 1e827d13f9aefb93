/**
 * A small cluster for the network and shell tests: the API server with its strategies, the bootstrap objects
 * and only the EndpointSlice controller, so pods made Running/Ready by hand are not touched by the other
 * controllers (the kubelet and scheduler are written elsewhere).
 */
import type { Container, Pod, Service, ServicePort, Volume } from '../../../src/sim/api/core';
import { ApiServer } from '../../../src/sim/apiserver/store';
import { registerStrategies } from '../../../src/sim/apiserver/strategies';
import { startEndpointSliceController } from '../../../src/sim/controllers/endpointslice/endpointSliceController';
import { VirtualClock } from '../../../src/sim/runtime/clock';
import type { ClusterContext } from '../../../src/sim/runtime/controller';
import { DEFAULT_TIMINGS } from '../../../src/sim/runtime/controller';
import { EventRecorder } from '../../../src/sim/runtime/events';
import { SeededRandom } from '../../../src/sim/runtime/random';
import { Trace } from '../../../src/sim/runtime/trace';
import { bootstrapCluster, DEFAULT_NODES } from '../../../src/sim/scenarios/bootstrap';
import { VolumeFiles } from '../../../src/sim/storage/files';

const meta = { uid: '', resourceVersion: '', creationTimestamp: '' };

export interface Harness {
  ctx: ClusterContext;
  api: ApiServer;
  /** Runs the EndpointSlice controller until its queue is empty. */
  settle(): void;
}

export function harness(seed = 7): Harness {
  const clock = new VirtualClock();
  const random = new SeededRandom(seed);
  const api = new ApiServer(clock, random, seed);
  registerStrategies(api);
  const ctx: ClusterContext = {
    api,
    clock,
    random,
    recorder: new EventRecorder(api),
    trace: new Trace(clock),
    files: new VolumeFiles(),
    timings: DEFAULT_TIMINGS,
    enqueue: () => undefined,
  };
  bootstrapCluster(ctx, DEFAULT_NODES);
  const controller = startEndpointSliceController(ctx);
  const settle = () => {
    for (let key = controller.queue.pop(); key !== undefined; key = controller.queue.pop())
      controller.sync(key);
  };
  settle();
  return { ctx, api, settle };
}

export interface ServiceOptions {
  clusterIP?: string;
  selector?: Record<string, string> | null;
  ports?: ServicePort[];
  publishNotReadyAddresses?: boolean;
  namespace?: string;
}

export function makeService(h: Harness, name: string, options: ServiceOptions = {}): Service {
  const service = h.api.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { ...meta, name, namespace: options.namespace ?? 'default', labels: { app: name } },
    spec: {
      type: 'ClusterIP',
      clusterIP: options.clusterIP ?? 'None',
      ...(options.selector === null ? {} : { selector: options.selector ?? { app: 'nginx' } }),
      ports: options.ports ?? [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 80 }],
      ...(options.publishNotReadyAddresses ? { publishNotReadyAddresses: true } : {}),
    },
  });
  h.settle();
  return service;
}

export interface PodOptions {
  labels?: Record<string, string>;
  node?: string;
  ip?: string;
  ready?: boolean;
  hostname?: string;
  subdomain?: string;
  image?: string;
  namespace?: string;
  containers?: Container[];
  volumes?: Volume[];
  mounts?: Container['volumeMounts'];
}

/** Creates a pod already scheduled to a node and, with an IP, Running (Ready unless `ready: false`). */
export function makePod(h: Harness, name: string, options: PodOptions = {}): Pod {
  const namespace = options.namespace ?? 'default';
  const containers: Container[] = options.containers ?? [
    {
      name: 'nginx',
      image: options.image ?? 'registry.k8s.io/nginx-slim:0.24',
      ports: [{ name: 'web', containerPort: 80, protocol: 'TCP' }],
      ...(options.mounts ? { volumeMounts: options.mounts } : {}),
    },
  ];
  h.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...meta, name, namespace, labels: options.labels ?? { app: 'nginx' } },
    spec: {
      containers,
      nodeName: options.node ?? 'node-1',
      ...(options.hostname ? { hostname: options.hostname } : {}),
      ...(options.subdomain ? { subdomain: options.subdomain } : {}),
      ...(options.volumes ? { volumes: options.volumes } : {}),
    },
    status: { phase: 'Pending' },
  });
  if (options.ip) setPodStatus(h, name, { ip: options.ip, ready: options.ready ?? true, namespace });
  h.settle();
  return h.api.get<Pod>('Pod', namespace, name)!;
}

/** Marks a pod Running with `ip`, its Ready condition as given (a stand-in for the kubelet). */
export function setPodStatus(
  h: Harness,
  name: string,
  s: { ip: string; ready: boolean; namespace?: string },
): void {
  const t = h.ctx.clock.timestamp();
  h.api.mutate<Pod>(
    'Pod',
    s.namespace ?? 'default',
    name,
    (pod) => {
      pod.status = {
        phase: 'Running',
        podIP: s.ip,
        podIPs: [{ ip: s.ip }],
        hostIP: '172.18.0.2',
        conditions: [
          { type: 'PodScheduled', status: 'True', lastTransitionTime: t },
          { type: 'Ready', status: s.ready ? 'True' : 'False', lastTransitionTime: t },
          { type: 'ContainersReady', status: s.ready ? 'True' : 'False', lastTransitionTime: t },
        ],
        containerStatuses: pod.spec.containers.map((c) => ({
          name: c.name,
          state: { running: { startedAt: t } },
          lastState: {},
          ready: s.ready,
          restartCount: 0,
          image: c.image,
          imageID: '',
          started: true,
        })),
      };
    },
    { subresource: 'status' },
  );
  h.settle();
}

/** Sets only the Ready condition of a pod. */
export function setReady(h: Harness, name: string, ready: boolean): void {
  h.api.mutate<Pod>(
    'Pod',
    'default',
    name,
    (pod) => {
      for (const c of pod.status.conditions ?? [])
        if (c.type === 'Ready' || c.type === 'ContainersReady') c.status = ready ? 'True' : 'False';
    },
    { subresource: 'status' },
  );
  h.settle();
}

/** The web StatefulSet of the StatefulSet Basics tutorial, by hand: headless `nginx`, pods web-0 and web-1. */
export function statefulSetBasics(h: Harness, withService = true): void {
  if (withService) makeService(h, 'nginx', { clusterIP: 'None', selector: { app: 'nginx' } });
  makePod(h, 'web-0', { hostname: 'web-0', subdomain: 'nginx', ip: '10.244.1.6', node: 'node-1' });
  makePod(h, 'web-1', { hostname: 'web-1', subdomain: 'nginx', ip: '10.244.3.6', node: 'node-3' });
}
