/**
 * Mirrors pkg/scheduler/schedule_one.go (scheduleOne, schedulingCycle, bindingCycle, handleSchedulingFailure)
 * and eventhandlers.go: one pod per sync through PreFilter, Filter, Score, selectHost, assume, PreBind
 * (volume binding, which may wait for provisioning) and Bind.
 *
 * Binding goes through the pods/binding subresource (ApiServer.bindPod): spec.nodeName and the
 * PodScheduled condition in one write.
 *
 * Simplified: one profile (`default-scheduler`); no nominated nodes, no preemption of victims
 * (see preemption.ts).
 */
import type { Node, Pod, PodStatus } from '../api/core';
import type { Condition } from '../api/meta';
import type { ClusterContext, Controller } from '../runtime/controller';
import type { TimerHandle } from '../runtime/clock';
import { WorkQueue, keyOf, splitKey } from '../runtime/workqueue';
import { SchedulerCache, controllerUid, occupiesNode, podHostPorts, podRequests } from './cache';
import type { CycleState, FilterPlugin, Status } from './framework';
import { fitErrorMessage } from './framework';
import { nodeAffinity, nodePorts, nodeUnschedulable, taintToleration, effectiveTaints } from './plugins/nodePlugins';
import { nodeResourcesFit } from './plugins/nodeResourcesFit';
import { addVolumeBindingIndexes, bindPodVolumes, podVolumesBound, preFilterVolumeBinding, volumeBinding } from './plugins/volumeBinding';
import { readWriteOncePodConflict, volumeRestrictions, volumeZone } from './plugins/volumeRestrictions';
import { postFilterMessage } from './preemption';
import { SchedulingQueue } from './queue';
import { selectHost, spreadScore } from './score';

/** The scheduler's name: pods with this spec.schedulerName (or none) are ours; events come from it. */
export const DEFAULT_SCHEDULER = 'default-scheduler';
/** VolumeBinding's bindTimeoutSeconds: how long PreBind waits for claims to become Bound. */
export const BIND_TIMEOUT_MS = 600_000;

/** Filter plugins in the default profile's order. */
const FILTERS: readonly FilterPlugin[] = [nodeUnschedulable, taintToleration, nodeAffinity, nodePorts, nodeResourcesFit, volumeRestrictions, volumeBinding, volumeZone];
const POD_FREED_PLUGINS = new Set(['NodeResourcesFit', 'NodePorts', 'VolumeRestrictions']);

interface WaitingPod {
  uid: string;
  node: string;
  timer: TimerHandle;
}

/** True when the default scheduler should place this pod. */
export function needsScheduling(pod: Pod): boolean {
  return (
    !pod.spec.nodeName &&
    !pod.metadata.deletionTimestamp &&
    (pod.spec.schedulerName ?? DEFAULT_SCHEDULER) === DEFAULT_SCHEDULER &&
    pod.status.phase !== 'Succeeded' &&
    pod.status.phase !== 'Failed'
  );
}

/** Starts the scheduler: a controller whose keys are pods waiting for a node. */
export function startScheduler(ctx: ClusterContext): Controller {
  const { api } = ctx;
  const queue = new WorkQueue(ctx.clock, DEFAULT_SCHEDULER);
  const cache = new SchedulerCache();
  const sq = new SchedulingQueue(ctx.clock, queue);
  const waiting = new Map<string, WaitingPod>();
  addVolumeBindingIndexes(api);

  const stopWaiting = (key: string) => {
    const w = waiting.get(key);
    if (!w) return;
    w.timer.cancel();
    waiting.delete(key);
    cache.forget(w.uid);
  };

  for (const pod of api.list<Pod>('Pod')) {
    cache.updatePod(pod.metadata.uid, pod);
    if (needsScheduling(pod)) sq.add(keyOf(pod.metadata));
  }

  api.watch('Pod', ({ type, object, old }) => {
    const pod = object as Pod;
    const key = keyOf(pod.metadata);
    const before = old as Pod | undefined;
    cache.updatePod(pod.metadata.uid, type === 'DELETED' ? undefined : pod);
    if (type === 'DELETED' || !needsScheduling(pod)) {
      if (waiting.get(key)?.uid === pod.metadata.uid && (type === 'DELETED' || !!pod.metadata.deletionTimestamp)) stopWaiting(key);
      if (type === 'DELETED' || pod.spec.nodeName) sq.done(key);
      const freed = (type === 'DELETED' && occupiesNode(pod)) || (before && occupiesNode(before) && !occupiesNode(pod));
      if (freed) sq.moveAllIf((p) => POD_FREED_PLUGINS.has(p));
      return;
    }
    if (sq.isUnschedulable(key)) {
      if (before && JSON.stringify(before.spec) !== JSON.stringify(pod.spec)) sq.move(key);
      return;
    }
    if (!waiting.has(key)) sq.add(key);
  });

  api.watch('Node', ({ type, object, old }) => {
    if (type === 'DELETED') return;
    if (type === 'ADDED' || !old) return sq.moveAllIf(() => true);
    const changed = nodeChangeAffects(old as Node, object as Node);
    if (changed.size) sq.moveAllIf((p) => changed.has(p));
  });
  const onVolumeChange = (plugins: ReadonlySet<string>) => {
    for (const key of waiting.keys()) queue.add(key);
    sq.moveAllIf((p) => plugins.has(p));
  };
  api.watch('PersistentVolumeClaim', () => onVolumeChange(new Set(['VolumeBinding', 'VolumeRestrictions'])));
  api.watch('PersistentVolume', () => onVolumeChange(new Set(['VolumeBinding', 'VolumeZone'])));
  api.watch('StorageClass', () => onVolumeChange(new Set(['VolumeBinding'])));

  function recordFailure(pod: Pod, message: string, reason: 'Unschedulable' | 'SchedulerError'): void {
    ctx.recorder.record(pod, 'Warning', 'FailedScheduling', message, { component: DEFAULT_SCHEDULER });
    setPodScheduledCondition(pod, { type: 'PodScheduled', status: 'False', reason, message });
    ctx.trace.record(DEFAULT_SCHEDULER, keyOf(pod.metadata), 'unschedulable', message);
  }

  function setPodScheduledCondition(pod: Pod, condition: Condition): void {
    api.mutate<Pod>(
      'Pod',
      pod.metadata.namespace,
      pod.metadata.name,
      (draft) => {
        if (draft.metadata.uid !== pod.metadata.uid) return false;
        return upsertCondition(draft.status, condition, ctx.clock.timestamp());
      },
      { subresource: 'status' },
    );
  }

  function bind(pod: Pod, nodeName: string): void {
    const key = keyOf(pod.metadata);
    let bound: Pod;
    try {
      bound = api.bindPod(pod.metadata.namespace ?? 'default', pod.metadata.name, pod.metadata.uid, nodeName) as Pod;
    } catch {
      return;
    }
    ctx.recorder.record(bound, 'Normal', 'Scheduled', `Successfully assigned ${key} to ${nodeName}`, { component: DEFAULT_SCHEDULER });
    ctx.trace.record(DEFAULT_SCHEDULER, key, 'bind', `assigned to ${nodeName}`);
    sq.done(key);
  }

  function failScheduling(pod: Pod, numAllNodes: number, preFilter: Status | undefined, statuses: Map<string, Status>): void {
    const all = preFilter ? Array.from({ length: numAllNodes }, () => preFilter) : [...statuses.values()];
    const post = postFilterMessage(pod, numAllNodes, all, !!preFilter);
    const message = fitErrorMessage(numAllNodes, preFilter ? preFilter.reasons.join(', ') : '', all, post);
    const plugins = new Set(all.map((s) => s.plugin));
    sq.addUnschedulable(keyOf(pod.metadata), pod.metadata.uid, plugins);
    recordFailure(pod, message, 'Unschedulable');
  }

  function scheduleOne(pod: Pod): void {
    const key = keyOf(pod.metadata);
    const nodes = api.list<Node>('Node');
    if (!nodes.length) {
      sq.addUnschedulable(key, pod.metadata.uid, new Set(['NodeAdded']));
      recordFailure(pod, 'no nodes available to schedule pods', 'Unschedulable');
      return;
    }
    const pre = preFilterVolumeBinding(api, pod);
    if ('status' in pre) return failScheduling(pod, nodes.length, pre.status, new Map());
    const req = podRequests(pod);
    const state: CycleState = {
      pod,
      cpuMilli: req.cpuMilli,
      memoryBytes: req.memoryBytes,
      hostPorts: podHostPorts(pod),
      volumes: pre.state,
      readWriteOncePodConflict: readWriteOncePodConflict(api, cache, pod),
    };
    const statuses = new Map<string, Status>();
    const ownerUid = controllerUid(pod);
    const scored: { name: string; score: number }[] = [];
    for (const node of nodes) {
      const info = cache.nodeInfo(node.metadata.name);
      let rejected: Status | null = null;
      for (const plugin of FILTERS) {
        rejected = plugin.filter(state, info, node);
        if (rejected) break;
      }
      if (rejected) statuses.set(node.metadata.name, rejected);
      else scored.push({ name: node.metadata.name, score: spreadScore(info, ownerUid) });
    }
    if (!scored.length) return failScheduling(pod, nodes.length, undefined, statuses);

    const nodeName = selectHost(ctx.random, scored);
    const node = nodes.find((n) => n.metadata.name === nodeName)!;
    cache.assume(pod, nodeName);
    ctx.trace.record(DEFAULT_SCHEDULER, key, 'select', `${nodeName} out of ${scored.length} feasible nodes`);
    const timer = ctx.clock.after(BIND_TIMEOUT_MS, `${DEFAULT_SCHEDULER} bind timeout ${key}`, () => {
      if (waiting.get(key)?.timer !== timer) return;
      stopWaiting(key);
      const current = api.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name);
      if (!current || current.metadata.uid !== pod.metadata.uid) return;
      sq.addBackoff(key, pod.metadata.uid);
      recordFailure(current, 'running PreBind plugin "VolumeBinding": binding volumes: context deadline exceeded', 'SchedulerError');
    });
    waiting.set(key, { uid: pod.metadata.uid, node: nodeName, timer });
    bindPodVolumes(api, state.volumes, node);
    if (waiting.get(key)?.timer === timer && podVolumesBound(api, pod)) {
      timer.cancel();
      waiting.delete(key);
      bind(pod, nodeName);
    }
  }

  return {
    name: DEFAULT_SCHEDULER,
    queue,
    sync(key) {
      const { namespace, name } = splitKey(key);
      const pod = api.get<Pod>('Pod', namespace, name);
      const w = waiting.get(key);
      if (w) {
        if (!pod || pod.metadata.uid !== w.uid || !needsScheduling(pod)) return stopWaiting(key);
        if (!podVolumesBound(api, pod)) return;
        w.timer.cancel();
        waiting.delete(key);
        return bind(pod, w.node);
      }
      if (!pod || !needsScheduling(pod) || sq.isUnschedulable(key)) return;
      scheduleOne(pod);
    },
  };
}

/** The plugins whose earlier rejection a node update may have resolved (the Node queueing hints). */
function nodeChangeAffects(old: Node, node: Node): Set<string> {
  const out = new Set<string>();
  if (!!old.spec.unschedulable !== !!node.spec.unschedulable) out.add('NodeUnschedulable');
  if (JSON.stringify(effectiveTaints(old)) !== JSON.stringify(effectiveTaints(node))) out.add('TaintToleration');
  if (JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(node.metadata.labels ?? {})) {
    for (const p of ['NodeAffinity', 'VolumeBinding', 'VolumeZone']) out.add(p);
  }
  if (JSON.stringify(old.status.allocatable) !== JSON.stringify(node.status.allocatable)) out.add('NodeResourcesFit');
  return out;
}

/** Sets a pod condition the way podutil.UpdatePodCondition does; false when nothing changed. */
function upsertCondition(status: PodStatus, condition: Condition, now: string): boolean {
  const conditions = status.conditions ?? [];
  const i = conditions.findIndex((c) => c.type === condition.type);
  const existing = conditions[i];
  if (existing && existing.status === condition.status && existing.reason === condition.reason && existing.message === condition.message) {
    return false;
  }
  const next: Condition = {
    type: condition.type,
    status: condition.status,
    lastProbeTime: null,
    lastTransitionTime: existing && existing.status === condition.status ? existing.lastTransitionTime : now,
    ...(condition.reason ? { reason: condition.reason } : {}),
    ...(condition.message ? { message: condition.message } : {}),
  };
  if (existing) conditions[i] = next;
  else conditions.push(next);
  status.conditions = conditions;
  return true;
}
