// Mirrors pkg/kubelet/kubelet.go SyncPod and pkg/kubelet/kuberuntime (kuberuntime_manager.go SyncPod,
// kuberuntime_container.go startContainer, doBackOff) with images/image_manager.go EnsureImageExists:
// wait for volumes, create the sandbox, then pull, create and start each container in order.
// Simplified: each step is a delay on the virtual clock (kwok-style stages, jittered); no init containers,
// no liveness probes; readiness is one delay after start.

import type { Container, Node, Pod } from '../api/core';
import type { EventType } from '../runtime/events';
import type { ClusterContext } from '../runtime/controller';
import { jittered } from '../runtime/controller';
import { rootfsVolumeId } from '../storage/files';
import {
  containerImageRef,
  defaultPullPolicy,
  goDuration,
  imageSizeFor,
  isUnpullableImage,
  pullErrorMessage,
} from './images';
import type { NodeKubelet, PodWork } from './nodeKubelet';
import { containerProgram } from './program';
import type { ContainerRuntime } from './status';
import { lastTerminationOf } from './status';
import { claimVolumesOf, ensurePodFiles, seedRootfs, setVolumesInUse, unattachedVolumes } from './volumes';

/** What the pod sync needs from the kubelet controller. */
export interface KubeletEnv {
  ctx: ClusterContext;
  enqueue(key: string): void;
  /** Records an event from `kubelet` on `node` about the pod, or one of its containers. */
  event(pod: Pod, node: string, type: EventType, reason: string, message: string, container?: string): void;
}

const HEX = '0123456789abcdef';

/** The time from container start to Ready: the readiness probe's first success, else timings.readyDelayMs. */
export function readinessDelayMs(ctx: ClusterContext, c: Container): number {
  const probe = c.readinessProbe;
  if (!probe) return jittered(ctx, ctx.timings.readyDelayMs);
  const period = probe.periodSeconds ?? 10;
  const initial = probe.initialDelaySeconds ?? 0;
  const firstProbe = Math.ceil(initial / period) * period;
  return (firstProbe + ((probe.successThreshold ?? 1) - 1) * period) * 1000 + ctx.random.int(0, 200);
}

/** Waits for the pod's PVC volumes to be attached, reports them in use, and mounts them. True once mounted. */
function ensureVolumes(env: KubeletEnv, kl: NodeKubelet, work: PodWork, pod: Pod, node: Node): boolean {
  const { ctx } = env;
  if (work.mount === 'mounted') return true;
  if (work.mount === 'mounting') return false;
  const volumes = claimVolumesOf(ctx, pod);
  const unattached = unattachedVolumes(node, volumes);
  // Waiting for attach: since 1.28 a pure timeout of WaitForAttachAndMount records no FailedMount event.
  if (unattached.length > 0) return false;
  work.volumesInUse = volumes.map((v) => v.uniqueName!).sort();
  setVolumesInUse(ctx, kl.nodeName, kl.volumesInUse());
  work.mount = 'mounting';
  const handle = ctx.clock.after(jittered(ctx, ctx.timings.mountMs), `kubelet mount ${work.key}`, () => {
    work.op = undefined;
    work.mount = 'mounted';
    ensurePodFiles(ctx, work.pod);
    env.enqueue(work.key);
  });
  work.op = { kind: 'mount', handle };
  return false;
}

/** Arms the timers of a running container: its process exiting on its own, and its readiness. */
export function armContainerTimers(env: KubeletEnv, work: PodWork, name: string): void {
  const { ctx } = env;
  const c = work.rt.containers.find((x) => x.name === name)!;
  const id = c.containerID;
  const exitAt = work.exitAt.get(name);
  if (exitAt !== undefined) {
    work.timers.push(
      ctx.clock.after(exitAt - ctx.clock.now(), `kubelet exit ${work.key} ${name}`, () => {
        if (c.state !== 'running' || c.containerID !== id) return;
        const program = containerProgram(work.pod.spec.containers.find((s) => s.name === name)!);
        c.state = 'terminated';
        c.exitCode = program.exitCode;
        c.finishedAt = ctx.clock.timestamp();
        c.finishedAtMs = ctx.clock.now();
        c.ready = false;
        work.exitAt.delete(name);
        work.readyAt.delete(name);
        env.enqueue(work.key);
      }),
    );
  }
  const readyAt = work.readyAt.get(name);
  if (readyAt !== undefined) {
    work.timers.push(
      ctx.clock.after(readyAt - ctx.clock.now(), `kubelet ready ${work.key} ${name}`, () => {
        if (c.state !== 'running' || c.containerID !== id) return;
        c.ready = true;
        work.readyAt.delete(name);
        env.enqueue(work.key);
      }),
    );
  }
}

/** Creates and starts a container after the runtime's start delay (events Created, Started). */
function startContainer(env: KubeletEnv, kl: NodeKubelet, work: PodWork, spec: Container, c: ContainerRuntime): void {
  const { ctx } = env;
  const handle = ctx.clock.after(jittered(ctx, ctx.timings.containerStartMs), `kubelet start ${work.key} ${spec.name}`, () => {
    work.op = undefined;
    if (c.state === 'terminated') c.lastTerminated = lastTerminationOf(c);
    if (c.hasRun) {
      c.restartCount++;
      // A restarted container gets a fresh writable layer.
      ctx.files.drop(rootfsVolumeId(work.uid, spec.name));
      seedRootfs(ctx, work.uid, spec.name);
    }
    c.containerID = `containerd://${ctx.random.string(HEX, 64)}`;
    env.event(work.pod, kl.nodeName, 'Normal', 'Created', 'Container created', spec.name);
    env.event(work.pod, kl.nodeName, 'Normal', 'Started', 'Container started', spec.name);
    c.state = 'running';
    c.hasRun = true;
    c.ready = false;
    c.waitingMessage = undefined;
    c.startedAt = ctx.clock.timestamp();
    c.startedAtMs = ctx.clock.now();
    const program = containerProgram(spec);
    if (program.exitsAfterMs !== undefined) work.exitAt.set(spec.name, ctx.clock.now() + program.exitsAfterMs);
    const readyDelay = readinessDelayMs(ctx, spec);
    // A container without a readiness probe is ready as soon as it runs (one status update, as the
    // kubelet's prober manager reports it); a probe or a configured delay makes it wait.
    if (readyDelay === 0 && !spec.readinessProbe) c.ready = true;
    else work.readyAt.set(spec.name, ctx.clock.now() + readyDelay);
    armContainerTimers(env, work, spec.name);
    env.enqueue(work.key);
  });
  work.op = { kind: 'start', container: spec.name, handle };
}

/**
 * EnsureImageExists then start: reports the image present, or pulls it on the node's serial puller, or backs
 * off after a failed pull. Returns true when the pod's sync is now blocked on an operation.
 */
function ensureImageAndStart(env: KubeletEnv, kl: NodeKubelet, work: PodWork, spec: Container, c: ContainerRuntime): boolean {
  const { ctx } = env;
  const pod = work.pod;
  const image = spec.image;
  const ref = containerImageRef(image);
  const policy = spec.imagePullPolicy ?? defaultPullPolicy(image);
  const present = kl.images.has(ref);
  if (policy === 'Never' && !present) {
    const msg = `Container image "${image}" is not present with pull policy of Never`;
    if (c.waitingReason !== 'ErrImageNeverPull') {
      env.event(pod, kl.nodeName, 'Warning', 'ErrImageNeverPull', msg, spec.name);
      env.event(pod, kl.nodeName, 'Warning', 'Failed', 'Error: ErrImageNeverPull', spec.name);
    }
    if (c.state !== 'terminated') {
      c.waitingReason = 'ErrImageNeverPull';
      c.waitingMessage = msg;
    }
    return false;
  }
  if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
    env.event(pod, kl.nodeName, 'Normal', 'Pulled', `Container image "${image}" already present on machine and can be accessed by the pod`, spec.name);
    startContainer(env, kl, work, spec, c);
    return true;
  }
  const backOffKey = `${work.uid}_${image}`;
  const now = ctx.clock.now();
  if (kl.imageBackOff.isInBackOffSinceUpdate(backOffKey, now)) {
    const showingPullError = c.waitingReason === 'ErrImagePull' && now < (c.errImagePullUntilMs ?? 0);
    if (c.waitingReason !== 'ImagePullBackOff' && !showingPullError) {
      env.event(pod, kl.nodeName, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, spec.name);
      env.event(pod, kl.nodeName, 'Warning', 'Failed', 'Error: ImagePullBackOff', spec.name);
      c.waitingReason = 'ImagePullBackOff';
      c.waitingMessage = `Back-off pulling image "${image}": ErrImagePull: ${pullErrorMessage(image)}`;
      const retryAt = kl.imageBackOff.expiresAt(backOffKey) ?? now;
      work.timers.push(ctx.clock.after(retryAt - now, `kubelet image back-off ${work.key}`, () => env.enqueue(work.key)));
    }
    return false;
  }
  env.event(pod, kl.nodeName, 'Normal', 'Pulling', `Pulling image "${image}"`, spec.name);
  const fails = isUnpullableImage(image);
  const begin = Math.max(now, kl.pullerFreeAt);
  // The serial puller runs queued pulls one after another; a queued pull of an image that an earlier pull
  // brings onto the node finds its layers present and only fetches the manifest.
  const layersPresentAt = kl.imageLayersAt.get(ref);
  const layersPresent = present || (layersPresentAt !== undefined && layersPresentAt <= begin);
  const base = fails ? ctx.timings.imagePullMs * 0.4 : layersPresent ? ctx.timings.imagePullMs * 0.15 : ctx.timings.imagePullMs;
  const pullMs = Math.max(1, jittered(ctx, base));
  const end = begin + pullMs;
  kl.pullerFreeAt = end;
  if (!fails && layersPresentAt === undefined) kl.imageLayersAt.set(ref, end);
  const handle = ctx.clock.after(end - now, `kubelet pull ${work.key} ${spec.name}`, () => {
    work.op = undefined;
    if (fails) {
      const err = pullErrorMessage(image);
      env.event(pod, kl.nodeName, 'Warning', 'Failed', `Failed to pull image "${image}": ${err}`, spec.name);
      env.event(pod, kl.nodeName, 'Warning', 'Failed', 'Error: ErrImagePull', spec.name);
      kl.imageBackOff.next(backOffKey, ctx.clock.now());
      c.waitingReason = 'ErrImagePull';
      c.waitingMessage = err;
      // The status update wakes the pod worker again, which then finds the image in back-off.
      const resyncMs = jittered(ctx, 1000);
      c.errImagePullUntilMs = ctx.clock.now() + resyncMs;
      work.timers.push(ctx.clock.after(resyncMs, `kubelet resync ${work.key}`, () => env.enqueue(work.key)));
      env.enqueue(work.key);
      return;
    }
    kl.images.add(ref);
    env.event(pod, kl.nodeName, 'Normal', 'Pulled',
      `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(end - now)} including waiting). Image size: ${imageSizeFor(image)} bytes.`,
      spec.name);
    if (c.state === 'waiting' && c.waitingReason !== 'CrashLoopBackOff') {
      c.waitingReason = 'ContainerCreating';
      c.waitingMessage = undefined;
    }
    startContainer(env, kl, work, spec, c);
  });
  work.op = { kind: 'pull', container: spec.name, handle };
  return true;
}

/** doBackOff: true (with status and event) while a crashed container waits out its restart back-off. */
function crashLoopBackOff(env: KubeletEnv, kl: NodeKubelet, work: PodWork, spec: Container, c: ContainerRuntime): boolean {
  const { ctx } = env;
  const key = `${work.pod.metadata.name}_${work.pod.metadata.namespace}_${work.uid}_${spec.name}`;
  const finished = c.finishedAtMs ?? ctx.clock.now();
  const now = ctx.clock.now();
  const podRef = `${work.pod.metadata.name}_${work.pod.metadata.namespace}(${work.uid})`;
  if (kl.crashBackOff.isInBackOffSince(key, finished, now)) {
    if (c.state === 'terminated') {
      c.lastTerminated = lastTerminationOf(c);
      c.state = 'waiting';
      c.waitingReason = 'CrashLoopBackOff';
      c.waitingMessage = `back-off ${goDuration(kl.crashBackOff.get(key))} restarting failed container=${spec.name} pod=${podRef}`;
      env.event(work.pod, kl.nodeName, 'Warning', 'BackOff', `Back-off restarting failed container ${spec.name} in pod ${podRef}`, spec.name);
      const retryAt = finished + kl.crashBackOff.get(key);
      work.timers.push(ctx.clock.after(retryAt - now, `kubelet crash back-off ${work.key}`, () => env.enqueue(work.key)));
    }
    return true;
  }
  kl.crashBackOff.next(key, finished);
  return false;
}

/** syncPod for a pod that is not terminating: volumes, sandbox, then each container in order. */
export function syncPod(env: KubeletEnv, kl: NodeKubelet, work: PodWork, pod: Pod, node: Node): void {
  if (!ensureVolumes(env, kl, work, pod, node)) return;
  if (!work.rt.sandboxReady) {
    work.rt.podIP = kl.ipam.allocate(work.uid);
    work.rt.sandboxReady = true;
  }
  if (work.op) return;
  const policy = pod.spec.restartPolicy ?? 'Always';
  for (const spec of pod.spec.containers) {
    const c = work.rt.containers.find((x) => x.name === spec.name)!;
    if (c.state === 'running') continue;
    const exited = c.state === 'terminated' || (c.state === 'waiting' && c.waitingReason === 'CrashLoopBackOff');
    if (exited) {
      const code = c.state === 'terminated' ? (c.exitCode ?? 0) : (c.lastTerminated?.exitCode ?? 0);
      if (policy === 'Never' || (policy === 'OnFailure' && code === 0)) continue;
      if (crashLoopBackOff(env, kl, work, spec, c)) continue;
    }
    if (ensureImageAndStart(env, kl, work, spec, c)) return;
  }
  // All containers of a Never / OnFailure pod finished for good: the pod is terminal.
  const finished = work.rt.containers.every((c) => c.state === 'terminated');
  if (finished && policy !== 'Always') {
    const allSucceeded = work.rt.containers.every((c) => (c.exitCode ?? 0) === 0);
    if (policy === 'Never' || allSucceeded) work.rt.terminalPhase = allSucceeded ? 'Succeeded' : 'Failed';
  }
}
