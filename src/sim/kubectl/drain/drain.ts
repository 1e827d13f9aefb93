/**
 * Mirrors staging/src/k8s.io/kubectl/pkg/drain/drain.go (Helper): list the node's pods, filter them, then
 * evict them (policy/v1 Eviction, retrying refusals every 5s) or delete them, and wait for each to be gone,
 * polling every second, within the global --timeout.
 * Simplified: the per-pod goroutines run as one loop on the virtual clock (each pod keeps its own schedule,
 * so output interleaves as it would); with no --timeout, the simulated kubectl stops waiting after
 * NO_TIMEOUT_LIMIT_MS, as if interrupted (real kubectl waits until Ctrl-C).
 */
import type { Pod } from '../../api/core';
import type { LabelSelector } from '../../api/meta';
import { matchesSelector } from '../../api/selectors';
import { ApiError } from '../../apiserver/errors';
import { evictPod } from '../../apiserver/eviction';
import type { KubectlContext } from '../context';
import { deleteListErrors, deleteListWarnings, filterPods } from './filters';
import type { PodDeleteStatus } from './filters';

/** EvictErrorRetryDelay. */
export const EVICT_ERROR_RETRY_DELAY_MS = 5_000;
/** waitForDelete's poll interval. */
const POLL_INTERVAL_MS = 1_000;
/** How long the simulated kubectl waits when no --timeout is given. */
export const NO_TIMEOUT_LIMIT_MS = 10 * 60_000;

export interface DrainOptions {
  force: boolean;
  ignoreAllDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  /** -1: each pod's own terminationGracePeriodSeconds. */
  gracePeriodSeconds: number;
  /** 0: no timeout. */
  timeoutMs: number;
  podSelector?: LabelSelector;
  disableEviction: boolean;
  dryRun: 'none' | 'client' | 'server';
}

/** The outcome of deleting or evicting: error messages (empty on success), or interrupted. */
export interface DrainResult {
  errors: string[];
  interrupted: boolean;
}

/** Go's time.Duration String for whole milliseconds: `5s`, `1m0s`, `1h2m3s`, `1.5s`. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const sec = `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`;
  if (h) return `${h}h${m}m${sec}`;
  if (m) return `${m}m${sec}`;
  return sec;
}

/** GetPodsForDeletion: the node's pods (sorted as the API lists them) with their delete status. */
export function getPodsForDeletion(ctx: KubectlContext, nodeName: string, o: DrainOptions): { list: { pod: Pod; status: PodDeleteStatus }[]; errors: string[] } {
  const pods = ctx.api.list<Pod>('Pod').filter((p) => p.spec.nodeName === nodeName && (!o.podSelector || matchesSelector(o.podSelector, p.metadata.labels)));
  const list = filterPods(pods, { force: o.force, ignoreAllDaemonSets: o.ignoreAllDaemonSets, deleteEmptyDirData: o.deleteEmptyDirData });
  return { list, errors: deleteListErrors(list) };
}

export { deleteListWarnings };

function isGone(ctx: KubectlContext, pod: Pod): boolean {
  const live = ctx.api.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name);
  return !live || live.metadata.uid !== pod.metadata.uid;
}

interface Worker {
  pod: Pod;
  phase: 'evict' | 'wait' | 'done';
  at: number;
}

/** DeleteOrEvictPods: evicts (or, with --disable-eviction, deletes) the pods and waits for them to go. */
export function deleteOrEvictPods(ctx: KubectlContext, pods: Pod[], o: DrainOptions, onFinished: (pod: Pod, usingEviction: boolean) => void): DrainResult {
  if (pods.length === 0) return { errors: [], interrupted: false };
  return o.disableEviction ? deletePods(ctx, pods, o, onFinished) : evictPods(ctx, pods, o, onFinished);
}

function evictPods(ctx: KubectlContext, pods: Pod[], o: DrainOptions, onFinished: (pod: Pod, usingEviction: boolean) => void): DrainResult {
  const { cluster } = ctx;
  const start = cluster.now();
  const deadline = o.timeoutMs > 0 ? start + o.timeoutMs : Infinity;
  const giveUp = o.timeoutMs > 0 ? Infinity : start + NO_TIMEOUT_LIMIT_MS;
  const errors: string[] = [];
  const workers: Worker[] = pods.map((pod) => ({ pod, phase: 'evict', at: start }));
  const grace = o.gracePeriodSeconds >= 0 ? { gracePeriodSeconds: o.gracePeriodSeconds } : {};
  const finish = (w: Worker, error?: string) => {
    w.phase = 'done';
    if (error) errors.push(error);
  };
  for (;;) {
    const now = cluster.now();
    for (const w of workers) {
      if (w.phase === 'done' || w.at > now) continue;
      const { namespace = 'default', name } = w.pod.metadata;
      if (w.phase === 'evict') {
        ctx.io.stdout(`evicting pod ${namespace}/${name}${o.dryRun === 'server' ? ' (server dry run)' : ''}\n`);
        if (now >= deadline) {
          finish(w, `error when evicting pods/"${name}" -n "${namespace}": global timeout reached: ${goDuration(o.timeoutMs)}`);
          continue;
        }
        try {
          evictPod(ctx.api, namespace, name, { ...grace, dryRun: o.dryRun === 'server' });
          cluster.settle();
          if (o.dryRun === 'server') finish(w);
          else {
            w.phase = 'wait';
            w.at = now;
          }
        } catch (e) {
          if (e instanceof ApiError && e.reason === 'NotFound') finish(w);
          else if (e instanceof ApiError && e.reason === 'TooManyRequests') {
            ctx.io.stderr(`error when evicting pods/"${name}" -n "${namespace}" (will retry after ${goDuration(EVICT_ERROR_RETRY_DELAY_MS)}): ${e.message}\n`);
            w.at = now + EVICT_ERROR_RETRY_DELAY_MS;
            const fresh = ctx.api.get<Pod>('Pod', namespace, name);
            if (fresh) w.pod = fresh;
          } else finish(w, `error when evicting pods/"${name}" -n "${namespace}": ${e instanceof Error ? e.message : String(e)}`);
          continue;
        }
      }
      if (w.phase === 'wait') {
        if (isGone(ctx, w.pod)) {
          onFinished(w.pod, true);
          finish(w);
        } else if (now >= deadline) {
          finish(w, `error when waiting for pod "${name}" in namespace "${namespace}" to terminate: context deadline exceeded`);
        } else w.at = Math.min(now + POLL_INTERVAL_MS, deadline);
      }
    }
    const pending = workers.filter((w) => w.phase !== 'done');
    if (!pending.length) return { errors, interrupted: false };
    const next = Math.min(...pending.map((w) => w.at));
    if (next >= giveUp) {
      cluster.advanceTo(giveUp);
      return { errors, interrupted: true };
    }
    cluster.advanceTo(next);
  }
}

function deletePods(ctx: KubectlContext, pods: Pod[], o: DrainOptions, onFinished: (pod: Pod, usingEviction: boolean) => void): DrainResult {
  const { cluster } = ctx;
  for (const pod of pods) {
    try {
      ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, o.gracePeriodSeconds >= 0 ? { gracePeriodSeconds: o.gracePeriodSeconds } : {});
    } catch (e) {
      if (!(e instanceof ApiError && e.reason === 'NotFound')) return { errors: [e instanceof Error ? e.message : String(e)], interrupted: false };
    }
  }
  const start = cluster.now();
  const limit = o.timeoutMs > 0 ? o.timeoutMs : NO_TIMEOUT_LIMIT_MS;
  let pending = [...pods];
  for (let t = start; ; t += POLL_INTERVAL_MS) {
    cluster.advanceTo(t);
    pending = pending.filter((pod) => {
      if (!isGone(ctx, pod)) return true;
      onFinished(pod, false);
      return false;
    });
    if (!pending.length) return { errors: [], interrupted: false };
    if (t + POLL_INTERVAL_MS > start + limit) {
      cluster.advanceTo(start + limit);
      return o.timeoutMs > 0 ? { errors: ['context deadline exceeded'], interrupted: false } : { errors: [], interrupted: true };
    }
  }
}
