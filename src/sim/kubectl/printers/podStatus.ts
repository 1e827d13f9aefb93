// Mirrors printPod in pkg/printers/internalversion/printers.go (1.35): the READY, STATUS and RESTARTS cells
// of `kubectl get pods`. Simplified: terminated states carry no signal number, so `Signal:<n>` never shows.
import type { Container, ContainerStatus, Pod } from '../../api/core';
import { fromTimestamp } from '../../runtime/clock';
import { humanDuration } from './duration';

/** The reason the node lifecycle controller sets on pods of an unreachable node (NodeUnreachablePodReason). */
export const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

export interface PodCells {
  ready: string;
  status: string;
  restarts: string;
}

/** podutil.IsRestartableInitContainer: a sidecar (init container with restartPolicy Always). */
function isRestartableInitContainer(container: Container | undefined): boolean {
  return (container as { restartPolicy?: string } | undefined)?.restartPolicy === 'Always';
}

function hasCondition(pod: Pod, type: string): boolean {
  return pod.status.conditions?.some((c) => c.type === type && c.status === 'True') ?? false;
}

/** isPodInitializedConditionTrue: the first Initialized condition decides. */
function isInitialized(pod: Pod): boolean {
  return pod.status.conditions?.find((c) => c.type === 'Initialized')?.status === 'True';
}

function lastTermination(status: ContainerStatus): number | undefined {
  const finished = status.lastState.terminated?.finishedAt;
  return finished ? fromTimestamp(finished) : undefined;
}

function later(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

/** The READY, STATUS and RESTARTS cells of one pod at simulated time `now`. */
export function podCells(pod: Pod, now: number): PodCells {
  const initSpecs = new Map((pod.spec.initContainers ?? []).map((c) => [c.name, c]));
  let total = pod.spec.containers.length;
  for (const c of initSpecs.values()) if (isRestartableInitContainer(c)) total++;

  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  let reason: string = pod.status.reason || pod.status.phase;
  if (pod.status.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  let initializing = false;
  const initStatuses = pod.status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    restarts += c.restartCount;
    lastRestart = later(lastRestart, lastTermination(c));
    const sidecar = isRestartableInitContainer(initSpecs.get(c.name));
    if (sidecar) {
      sidecarRestarts += c.restartCount;
      lastSidecarRestart = later(lastSidecarRestart, lastTermination(c));
    }
    const terminated = c.state.terminated;
    if (terminated && terminated.exitCode === 0) continue;
    if (sidecar && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (terminated) reason = terminated.reason ? `Init:${terminated.reason}` : `Init:ExitCode:${terminated.exitCode}`;
    else if (c.state.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${pod.spec.initContainers?.length ?? 0}`;
    initializing = true;
    break;
  }

  if (!initializing || isInitialized(pod)) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    let errorReason = '';
    const statuses = pod.status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += c.restartCount;
      lastRestart = later(lastRestart, lastTermination(c));
      const terminated = c.state.terminated;
      if (c.state.waiting?.reason) {
        reason = c.state.waiting.reason;
      } else if (terminated) {
        reason = terminated.reason || `ExitCode:${terminated.exitCode}`;
        if (terminated.exitCode !== 0) errorReason = reason;
      } else if (c.ready && c.state.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed') {
      if (hasRunning && hasCondition(pod, 'Ready')) reason = 'Running';
      else if (errorReason) reason = errorReason;
      else if (hasRunning) reason = 'NotReady';
    }
  }

  const terminal = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
  if (pod.metadata.deletionTimestamp && pod.status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating';

  const restartsText = restarts !== 0 && lastRestart !== undefined ? `${restarts} (${humanDuration(now - lastRestart)} ago)` : String(restarts);
  return { ready: `${ready}/${total}`, status: reason, restarts: restartsText };
}
