// Mirrors pkg/kubelet/kubelet_pods.go (generateAPIPodStatus, getPhase, convertToAPIContainerStatuses) and
// pkg/kubelet/status/generate.go (GeneratePodReadyCondition and friends): the pod status the kubelet reports.
// Simplified: no init containers, no readiness gates, no startup probes; QoS from requests/limits only.

import type { Container, ContainerState, ContainerStatus, Node, Pod, PodPhase, PodStatus } from '../api/core';
import type { Condition } from '../api/meta';
import { containerImageRef, imageIdFor } from './images';

/** Why a container that is not running waits, as containerStatuses[].state.waiting.reason spells it. */
export type WaitingReason = 'ContainerCreating' | 'ErrImagePull' | 'ImagePullBackOff' | 'ErrImageNeverPull' | 'CrashLoopBackOff';

/** The runtime's view of one container of a pod (what the CRI reports to the kubelet). */
export interface ContainerRuntime {
  name: string;
  state: 'waiting' | 'running' | 'terminated';
  waitingReason: WaitingReason;
  waitingMessage?: string;
  containerID?: string;
  startedAt?: string;
  startedAtMs?: number;
  finishedAt?: string;
  finishedAtMs?: number;
  exitCode?: number;
  lastTerminated?: NonNullable<ContainerState['terminated']>;
  ready: boolean;
  restartCount: number;
  /** True once a container of this name has been created (the status then reports the runtime's image). */
  hasRun: boolean;
  /** After a failed pull, ErrImagePull shows until the next pod sync (simulated ms). */
  errImagePullUntilMs?: number;
}

/** What the kubelet knows about one pod on its node. */
export interface PodRuntime {
  key: string;
  uid: string;
  startTime: string;
  podIP?: string;
  sandboxReady: boolean;
  containers: ContainerRuntime[];
  /** Set once the pod reached Succeeded or Failed; the kubelet never leaves a terminal phase. */
  terminalPhase?: 'Succeeded' | 'Failed';
}

/** True when the pod's Ready condition is True. */
export function podIsReady(pod: Pod): boolean {
  return pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady'];

function terminatedState(c: ContainerRuntime): NonNullable<ContainerState['terminated']> {
  return {
    containerID: c.containerID,
    exitCode: c.exitCode ?? 0,
    finishedAt: c.finishedAt,
    reason: (c.exitCode ?? 0) === 0 ? 'Completed' : 'Error',
    startedAt: c.startedAt,
  };
}

/** getPhase: the pod phase from its containers and restart policy. */
export function getPhase(pod: Pod, containers: readonly ContainerRuntime[], podIsTerminal: boolean): PodPhase {
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of containers) {
    if (c.state === 'running') running++;
    else if (c.state === 'terminated') {
      stopped++;
      if ((c.exitCode ?? 0) === 0) succeeded++;
    } else if (c.lastTerminated) stopped++;
    else waiting++;
  }
  if (waiting > 0 && !podIsTerminal) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (podIsTerminal) return stopped === succeeded && waiting === 0 ? 'Succeeded' : 'Failed';
    const policy = pod.spec.restartPolicy ?? 'Always';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'OnFailure') return 'Running';
    return 'Failed';
  }
  return podIsTerminal ? 'Failed' : 'Pending';
}

function containerStatus(spec: Container, c: ContainerRuntime): ContainerStatus {
  let state: ContainerState;
  if (c.state === 'running') state = { running: { startedAt: c.startedAt } };
  else if (c.state === 'terminated') state = { terminated: terminatedState(c) };
  else state = { waiting: c.waitingMessage ? { message: c.waitingMessage, reason: c.waitingReason } : { reason: c.waitingReason } };
  const status: ContainerStatus = {
    ...(c.containerID ? { containerID: c.containerID } : {}),
    image: c.hasRun ? containerImageRef(spec.image) : spec.image,
    imageID: c.hasRun ? imageIdFor(spec.image) : '',
    lastState: c.lastTerminated ? { terminated: c.lastTerminated } : {},
    name: c.name,
    ready: c.ready,
    ...(c.hasRun ? { resources: {} } : {}),
    restartCount: c.restartCount,
    started: c.state === 'running',
    state,
  };
  if (spec.volumeMounts?.length) {
    status.volumeMounts = spec.volumeMounts.map((m) => ({
      mountPath: m.mountPath,
      name: m.name,
      ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
    }));
  }
  return status;
}

/** GetPodQOS: BestEffort without requests or limits, Guaranteed when limits equal requests for cpu and memory. */
export function podQOSClass(pod: Pod): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const resources = pod.spec.containers.map((c) => c.resources ?? {});
  const any = resources.some((r) => Object.keys(r.requests ?? {}).length || Object.keys(r.limits ?? {}).length);
  if (!any) return 'BestEffort';
  const guaranteed = resources.every((r) =>
    ['cpu', 'memory'].every((k) => r.limits?.[k] !== undefined && (r.requests?.[k] ?? r.limits[k]) === r.limits[k]),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/**
 * generateAPIPodStatus: the status to write for `pod` given the runtime's view `rt`, keeping transition times of
 * conditions that did not change and the conditions other components own (PodScheduled, DisruptionTarget).
 */
export function generateAPIPodStatus(pod: Pod, rt: PodRuntime, node: Node | undefined, now: string): PodStatus {
  const old = pod.status;
  const podIsTerminal = rt.terminalPhase !== undefined;
  const phase = rt.terminalPhase ?? getPhase(pod, rt.containers, false);
  const generation = pod.metadata.generation;
  const cond = (type: string, ok: boolean, reason?: string, message?: string): Condition => {
    const status = ok ? 'True' : 'False';
    const previous = old.conditions?.find((c) => c.type === type);
    return {
      lastProbeTime: null,
      lastTransitionTime: previous && previous.status === status ? previous.lastTransitionTime : now,
      ...(message ? { message } : {}),
      ...(generation !== undefined ? { observedGeneration: generation } : {}),
      ...(reason ? { reason } : {}),
      status,
      type,
    };
  };
  const unready = rt.containers.filter((c) => !c.ready).map((c) => c.name);
  const readyReason = podIsTerminal || phase === 'Succeeded' ? 'PodCompleted' : 'ContainersNotReady';
  const readyMessage = readyReason === 'ContainersNotReady' ? `containers with unready status: [${unready.join(' ')}]` : undefined;
  const allReady = unready.length === 0 && !podIsTerminal;
  const conditions: Condition[] = [
    cond('PodReadyToStartContainers', rt.sandboxReady),
    cond('Initialized', true),
    cond('Ready', allReady, allReady ? undefined : readyReason, allReady ? undefined : readyMessage),
    cond('ContainersReady', allReady, allReady ? undefined : readyReason, allReady ? undefined : readyMessage),
    ...(old.conditions ?? []).filter((c) => !KUBELET_CONDITIONS.includes(c.type)),
  ];
  const hostIP = node?.status.addresses.find((a) => a.type === 'InternalIP')?.address;
  const byName = new Map(rt.containers.map((c) => [c.name, c]));
  return {
    conditions,
    containerStatuses: pod.spec.containers.map((spec) => containerStatus(spec, byName.get(spec.name)!)),
    ...(hostIP ? { hostIP, hostIPs: [{ ip: hostIP }] } : {}),
    ...(generation !== undefined ? { observedGeneration: generation } : {}),
    phase,
    ...(rt.podIP ? { podIP: rt.podIP, podIPs: [{ ip: rt.podIP }] } : {}),
    qosClass: old.qosClass ?? podQOSClass(pod),
    startTime: rt.startTime,
  };
}

/** A fresh runtime record for a container that has not been created yet. */
export function newContainerRuntime(name: string): ContainerRuntime {
  return { name, state: 'waiting', waitingReason: 'ContainerCreating', ready: false, restartCount: 0, hasRun: false };
}

/** The `terminated` state a container's last run left, for lastState after a restart. */
export function lastTerminationOf(c: ContainerRuntime): NonNullable<ContainerState['terminated']> {
  return terminatedState(c);
}
