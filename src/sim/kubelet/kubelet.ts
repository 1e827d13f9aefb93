// Mirrors pkg/kubelet/kubelet.go (SyncPod, SyncTerminatingPod, SyncTerminatedPod, HandlePodRemoves),
// pkg/kubelet/pod_workers.go (one worker per pod uid) and pkg/kubelet/status/status_manager.go (status writes,
// deleting the pod object once its resources are reclaimed), for every node, as one controller.
// Simplified: a single controller keyed by pod keys serves all nodes; per-node state lives in NodeKubelet
// objects; node lease heartbeats live in nodeHeartbeat.ts; no static pods.

import type { Node, Pod } from '../api/core';
import type { ClusterContext, Controller } from '../runtime/controller';
import { jittered } from '../runtime/controller';
import { WorkQueue, keyOf, splitKey } from '../runtime/workqueue';
import { cancelTimers, NodeKubelet } from './nodeKubelet';
import type { PodWork } from './nodeKubelet';
import { armContainerTimers, syncPod } from './podSync';
import type { KubeletEnv } from './podSync';
import { containerProgram } from './program';
import { generateAPIPodStatus, getPhase, newContainerRuntime } from './status';
import { dropPodFiles, setVolumesInUse } from './volumes';
import { restartNodeHeartbeat, startNodeHeartbeats, stopNodeHeartbeat } from './nodeHeartbeat';

const NAME = 'kubelet';
const NODE_INDEX = 'spec.nodeName';

interface Registry {
  env: KubeletEnv;
  nodes: Map<string, NodeKubelet>;
}

const registries = new WeakMap<ClusterContext, Registry>();

function registryOf(ctx: ClusterContext): Registry {
  const reg = registries.get(ctx);
  if (!reg) throw new Error('the kubelet controller is not started for this cluster');
  return reg;
}

function kubeletFor(reg: Registry, nodeName: string): NodeKubelet {
  let kl = reg.nodes.get(nodeName);
  if (!kl) reg.nodes.set(nodeName, (kl = new NodeKubelet(reg.env.ctx, nodeName)));
  return kl;
}

/** Starts the kubelets of all nodes as one controller named `kubelet`, keyed by `namespace/name` of pods. */
export function startKubelet(ctx: ClusterContext): Controller {
  const { api } = ctx;
  const queue = new WorkQueue(ctx.clock, NAME);
  const env: KubeletEnv = {
    ctx,
    enqueue: (key) => queue.add(key),
    event: (pod, node, type, reason, message, container) =>
      ctx.recorder.record(pod, type, reason, message, {
        component: 'kubelet',
        host: node,
        ...(container ? { fieldPath: `spec.containers{${container}}` } : {}),
      }),
  };
  const reg: Registry = { env, nodes: new Map() };
  registries.set(ctx, reg);
  api.addIndex('Pod', NODE_INDEX, (o) => ((o as Pod).spec.nodeName ? [(o as Pod).spec.nodeName!] : []));

  api.watch('Pod', (event) => {
    const pod = event.object as Pod;
    const old = event.old as Pod | undefined;
    if (pod.spec.nodeName || old?.spec.nodeName || event.type === 'DELETED') queue.add(keyOf(pod.metadata));
  });
  api.watch('Node', (event) => {
    const node = event.object as Node;
    const old = event.old as Node | undefined;
    if (event.type !== 'MODIFIED' || JSON.stringify(node.status.volumesAttached) === JSON.stringify(old?.status.volumesAttached)) return;
    for (const pod of api.byIndex<Pod>('Pod', NODE_INDEX, node.metadata.name)) queue.add(keyOf(pod.metadata));
  });
  for (const pod of api.list<Pod>('Pod')) if (pod.spec.nodeName) queue.add(keyOf(pod.metadata));
  startNodeHeartbeats(ctx);

  return { name: NAME, queue, sync: (key) => syncKey(reg, key) };
}

function newWork(pod: Pod, now: string): PodWork {
  return {
    key: keyOf(pod.metadata),
    uid: pod.metadata.uid,
    pod,
    rt: { key: keyOf(pod.metadata), uid: pod.metadata.uid, startTime: now, sandboxReady: false, containers: pod.spec.containers.map((c) => newContainerRuntime(c.name)) },
    mount: 'none',
    volumesInUse: [],
    exitAt: new Map(),
    readyAt: new Map(),
    timers: [],
    removing: false,
  };
}

function syncKey(reg: Registry, key: string): void {
  const { ctx } = reg.env;
  const { namespace, name } = splitKey(key);
  const pod = ctx.api.get<Pod>('Pod', namespace, name);
  for (const nodeName of [...reg.nodes.keys()].sort()) {
    const kl = reg.nodes.get(nodeName)!;
    if (kl.stopped) continue;
    for (const w of kl.worksFor(key)) {
      if (!w.removing && (!pod || pod.metadata.uid !== w.uid || pod.spec.nodeName !== nodeName)) podRemoved(reg.env, kl, w);
    }
  }
  if (!pod?.spec.nodeName) return;
  const node = ctx.api.get<Node>('Node', undefined, pod.spec.nodeName);
  if (!node) return;
  const kl = kubeletFor(reg, pod.spec.nodeName);
  if (kl.stopped) return;
  let work = kl.works.get(pod.metadata.uid);
  if (!work) {
    if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return;
    work = newWork(pod, ctx.clock.timestamp());
    kl.works.set(pod.metadata.uid, work);
    ctx.trace.record(NAME, key, 'admit', `pod admitted on ${kl.nodeName}`);
  }
  if (work.removing) return;
  work.pod = pod;
  if (pod.metadata.deletionTimestamp) {
    syncTerminatingPod(reg.env, kl, work, pod, node);
    return;
  }
  if (!work.rt.terminalPhase) syncPod(reg.env, kl, work, pod, node);
  if (work.rt.terminalPhase) syncTerminatedPod(reg.env, kl, work);
  writeStatus(reg.env, work, node);
}

/** The status manager: writes the generated status through the status subresource when it changed. */
function writeStatus(env: KubeletEnv, work: PodWork, node: Node): void {
  const { ctx } = env;
  const { namespace, name } = splitKey(work.key);
  const current = ctx.api.get<Pod>('Pod', namespace, name);
  if (!current || current.metadata.uid !== work.uid) return;
  // The status manager writes a freshly generated status: the store takes it as it is (no copy of the pod).
  const status = generateAPIPodStatus(current, work.rt, node, ctx.clock.timestamp());
  ctx.api.update<Pod>({ ...current, status }, { subresource: 'status', handOver: true });
}

/** SyncTerminatingPod: stop every running container within the grace period, then reclaim and delete. */
function syncTerminatingPod(env: KubeletEnv, kl: NodeKubelet, work: PodWork, pod: Pod, node: Node): void {
  const { ctx } = env;
  if (!work.killing) {
    cancelTimers(work);
    if (work.mount === 'mounting') work.mount = 'mounted';
    work.killing = new Map();
    const graceMs = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    for (const spec of pod.spec.containers) {
      const c = work.rt.containers.find((x) => x.name === spec.name)!;
      c.ready = false;
      if (c.state !== 'running') continue;
      env.event(pod, kl.nodeName, 'Normal', 'Killing', `Stopping container ${spec.name}`, spec.name);
      const shutdown = jittered(ctx, ctx.timings.shutdownMs);
      const clean = containerProgram(spec).handlesSigterm && shutdown < graceMs;
      work.killing.set(spec.name, { at: ctx.clock.now() + (clean ? shutdown : graceMs), exitCode: clean ? 0 : 137 });
    }
    armKillTimers(env, work);
    ctx.trace.record(NAME, work.key, 'kill', `stopping ${work.killing.size} container(s), grace ${graceMs / 1000}s`);
  }
  if (work.killing.size > 0) {
    writeStatus(env, work, node);
    return;
  }
  work.rt.terminalPhase ??= getPhase(pod, work.rt.containers, true) === 'Succeeded' ? 'Succeeded' : 'Failed';
  work.rt.sandboxReady = false;
  writeStatus(env, work, node);
  work.removing = true;
  work.timers.push(
    ctx.clock.after(jittered(ctx, ctx.timings.mountMs), `kubelet teardown ${work.key}`, () => {
      teardown(env, kl, work);
      try {
        ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0, uid: work.uid });
        ctx.trace.record(NAME, work.key, 'delete', 'volumes unmounted; pod object deleted');
      } catch {
        // Already gone (force-deleted meanwhile).
      }
    }),
  );
}

function armKillTimers(env: KubeletEnv, work: PodWork): void {
  const { ctx } = env;
  for (const [name, kill] of work.killing ?? []) {
    work.timers.push(
      ctx.clock.after(kill.at - ctx.clock.now(), `kubelet stopped ${work.key} ${name}`, () => {
        const c = work.rt.containers.find((x) => x.name === name)!;
        if (c.state === 'running') {
          c.state = 'terminated';
          c.exitCode = kill.exitCode;
          c.finishedAt = ctx.clock.timestamp();
          c.finishedAtMs = ctx.clock.now();
        }
        work.killing?.delete(name);
        env.enqueue(work.key);
      }),
    );
  }
}

/** SyncTerminatedPod for a pod that finished on its own: tear down the sandbox and unmount its volumes. */
function syncTerminatedPod(env: KubeletEnv, kl: NodeKubelet, work: PodWork): void {
  if (work.rt.sandboxReady) {
    work.rt.sandboxReady = false;
    kl.ipam.release(work.uid);
  }
  if (work.mount !== 'unmounted') {
    cancelTimers(work);
    work.mount = 'unmounted';
    work.volumesInUse = [];
    setVolumesInUse(env.ctx, kl.nodeName, kl.volumesInUse());
  }
}

/** HandlePodRemoves: the pod object is gone (or replaced): kill what runs and reclaim its resources. */
function podRemoved(env: KubeletEnv, kl: NodeKubelet, work: PodWork): void {
  const { ctx } = env;
  cancelTimers(work);
  work.removing = true;
  for (const c of work.rt.containers) {
    if (c.state === 'running' && work.killing === undefined) {
      env.event(work.pod, kl.nodeName, 'Normal', 'Killing', `Stopping container ${c.name}`, c.name);
    }
  }
  work.timers.push(ctx.clock.after(jittered(ctx, ctx.timings.shutdownMs), `kubelet teardown ${work.key}`, () => teardown(env, kl, work)));
  ctx.trace.record(NAME, work.key, 'remove', 'pod object removed; reclaiming its resources');
}

/** Unmounts the pod's volumes (node volumesInUse), drops its emptyDir and root filesystems, frees its IP. */
function teardown(env: KubeletEnv, kl: NodeKubelet, work: PodWork): void {
  cancelTimers(work);
  work.volumesInUse = [];
  kl.works.delete(work.uid);
  setVolumesInUse(env.ctx, kl.nodeName, kl.volumesInUse());
  dropPodFiles(env.ctx, work.pod);
  kl.ipam.release(work.uid);
}

/** Stops the kubelet on `nodeName`: it does nothing until started again, and its pods stay as they are. */
export function stopKubeletOn(ctx: ClusterContext, nodeName: string): void {
  const kl = kubeletFor(registryOf(ctx), nodeName);
  if (kl.stopped) return;
  kl.stopped = true;
  stopNodeHeartbeat(ctx, nodeName);
  for (const work of kl.works.values()) cancelTimers(work);
  ctx.trace.record(NAME, nodeName, 'stop', 'kubelet stopped');
}

/** Starts the kubelet on `nodeName` again: it resumes every pod where it left off (containers kept running). */
export function startKubeletOn(ctx: ClusterContext, nodeName: string): void {
  const reg = registryOf(ctx);
  const kl = kubeletFor(reg, nodeName);
  if (!kl.stopped) return;
  kl.stopped = false;
  restartNodeHeartbeat(ctx, nodeName);
  kl.pullerFreeAt = ctx.clock.now();
  for (const work of kl.works.values()) {
    if (work.mount === 'mounting') work.mount = 'none';
    work.removing = false;
    work.killing = undefined;
    for (const c of work.rt.containers) if (c.state === 'running') armContainerTimers(reg.env, work, c.name);
    reg.env.enqueue(work.key);
  }
  for (const pod of ctx.api.byIndex<Pod>('Pod', NODE_INDEX, nodeName)) reg.env.enqueue(keyOf(pod.metadata));
  ctx.trace.record(NAME, nodeName, 'start', 'kubelet started');
}

/** True when the kubelet on `nodeName` is stopped. */
export function isKubeletStopped(ctx: ClusterContext, nodeName: string): boolean {
  return registries.get(ctx)?.nodes.get(nodeName)?.stopped ?? false;
}

/** Images the node's runtime has pulled, sorted (normalised references). */
export function nodeImages(ctx: ClusterContext, nodeName: string): string[] {
  return [...(registries.get(ctx)?.nodes.get(nodeName)?.images ?? [])].sort();
}

/** Pod IPs currently allocated on the node, sorted. */
export function nodePodIPs(ctx: ClusterContext, nodeName: string): string[] {
  const kl = registries.get(ctx)?.nodes.get(nodeName);
  return kl ? kl.ipam.allocated() : [];
}
