// Mirrors pkg/controller/nodelifecycle/node_lifecycle_controller.go: monitorNodeHealth every
// node-monitor-period (5s) marks a node whose kubelet stopped renewing its Lease for node-monitor-grace-period
// (50s) Unknown (`NodeStatusUnknown`, `Kubelet stopped posting node status.`), records NodeNotReady and marks its
// pods not Ready; doNoScheduleTaintingPass keeps the condition and unschedulable NoSchedule taints in step with
// the Node; doNoExecuteTaintingPass adds the unreachable / not-ready NoExecute taints, paced per zone
// (0.1 nodes/s) and stopped when every zone is fully disrupted (handleDisruption).
// Simplified: no node-startup grace period (nodes start Ready), no label reconciliation, the NoExecute
// tainting pass runs when a token is available instead of polling every 100ms, large-cluster thresholds
// are kept but never reached in the playground's clusters.

import type { Lease } from '../../api/other';
import type { Node, Pod, Taint } from '../../api/core';
import type { Condition } from '../../api/meta';
import type { ClusterContext, Controller } from '../../runtime/controller';
import { WorkQueue, splitKey } from '../../runtime/workqueue';
import {
  NODE_CONDITION_TO_TAINT_KEY,
  NOT_READY_TAINT_TEMPLATE,
  TAINT_KEY_TO_NODE_CONDITION,
  TAINT_NODE_UNSCHEDULABLE,
  UNREACHABLE_TAINT_TEMPLATE,
  getNodeCondition,
  getZoneKey,
  markPodsNotReady,
  matchTaint,
  recordNodeEvent,
  recordNodeStatusChange,
  swapNodeControllerTaint,
  taintExists,
} from './controllerUtils';
import { RateLimitedTimedQueue } from './rateLimitedQueue';

const NAME = 'node-lifecycle-controller';
/** --node-monitor-period. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/** --node-monitor-grace-period (50s since 1.32). */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
/** --node-eviction-rate: nodes NoExecute-tainted per second in a healthy zone. */
export const EVICTION_LIMITER_QPS = 0.1;
/** --secondary-node-eviction-rate, --large-cluster-size-threshold, --unhealthy-zone-threshold. */
const SECONDARY_EVICTION_LIMITER_QPS = 0.01;
const LARGE_CLUSTER_THRESHOLD = 50;
const UNHEALTHY_ZONE_THRESHOLD = 0.55;
const EXCLUDE_DISRUPTION_LABEL = 'node.kubernetes.io/exclude-disruption';

const MONITOR_KEY = ':monitorNodeHealth';
const TAINT_PASS_KEY = ':doNoExecuteTaintingPass';

type ZoneState = 'Initial' | 'Normal' | 'FullDisruption' | 'PartialDisruption';

interface NodeHealthData {
  probeTimestamp: number;
  readyTransitionTimestamp: number;
  /** The Ready condition as last observed (a copy). */
  ready?: Condition;
  leaseRenewTime?: string;
}

const NODE_INDEX = 'nodelifecycle.nodeName';

/** Starts the node lifecycle controller (keys: node names, plus its two periodic passes). */
export function startNodeLifecycleController(ctx: ClusterContext): Controller {
  const { api, clock } = ctx;
  const queue = new WorkQueue(clock, NAME);
  const knownNodes = new Map<string, Node>();
  const nodeHealth = new Map<string, NodeHealthData>();
  const zoneStates = new Map<string, ZoneState>();
  const zoneTainters = new Map<string, RateLimitedTimedQueue>();
  let taintPassTimer: { at: number; cancel(): void } | undefined;

  api.addIndex('Pod', NODE_INDEX, (o) => ((o as Pod).spec.nodeName ? [(o as Pod).spec.nodeName!] : []));
  api.watch('Node', (e) => {
    if (e.type !== 'DELETED') queue.add(e.object.metadata.name);
  });
  api.watch('Pod', (e) => {
    const pod = e.object as Pod;
    const old = e.old as Pod | undefined;
    if (e.type !== 'DELETED' && pod.spec.nodeName && pod.spec.nodeName !== old?.spec.nodeName) queue.add(`${pod.metadata.namespace}/${pod.metadata.name}`);
  });
  for (const node of api.list<Node>('Node')) queue.add(node.metadata.name);
  const tick = () => {
    queue.add(MONITOR_KEY);
    clock.after(NODE_MONITOR_PERIOD_MS, `${NAME} monitorNodeHealth`, tick);
  };
  tick();

  /** Runs the tainting pass now, or when the next token of a waiting zone is due. */
  function armTaintPass(): void {
    let at: number | undefined;
    for (const q of zoneTainters.values()) {
      const next = q.nextTryAt(clock.now());
      if (next !== undefined && (at === undefined || next < at)) at = next;
    }
    if (at === undefined) return;
    if (at <= clock.now()) {
      queue.add(TAINT_PASS_KEY);
      return;
    }
    if (taintPassTimer && taintPassTimer.at <= at) return;
    taintPassTimer?.cancel();
    const handle = clock.after(at - clock.now(), `${NAME} doNoExecuteTaintingPass`, () => {
      taintPassTimer = undefined;
      queue.add(TAINT_PASS_KEY);
    });
    taintPassTimer = { at, cancel: () => handle.cancel() };
  }

  function tainterFor(node: Node): RateLimitedTimedQueue {
    const zone = getZoneKey(node);
    let q = zoneTainters.get(zone);
    if (!q) {
      zoneTainters.set(zone, (q = new RateLimitedTimedQueue(EVICTION_LIMITER_QPS, clock.now())));
      zoneStates.set(zone, 'Initial');
    }
    return q;
  }

  /** doNoScheduleTaintingPass: NoSchedule taints mirror the conditions and spec.unschedulable. */
  function doNoScheduleTaintingPass(nodeName: string): void {
    const node = api.get<Node>('Node', undefined, nodeName);
    if (!node) return;
    const wanted: Taint[] = [];
    for (const c of node.status.conditions) {
      const key = NODE_CONDITION_TO_TAINT_KEY[c.type]?.[c.status];
      if (key) wanted.push({ key, effect: 'NoSchedule' });
    }
    if (node.spec.unschedulable) wanted.push({ key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' });
    const current = (node.spec.taints ?? []).filter((t) => t.effect === 'NoSchedule' && (t.key === TAINT_NODE_UNSCHEDULABLE || t.key in TAINT_KEY_TO_NODE_CONDITION));
    const toAdd = wanted.filter((w) => !current.some((c) => matchTaint(c, w)));
    const toDel = current.filter((c) => !wanted.some((w) => matchTaint(c, w)));
    if (toAdd.length || toDel.length) {
      swapNodeControllerTaint(ctx, nodeName, toAdd, toDel);
      ctx.trace.record(NAME, nodeName, 'taint', `NoSchedule +[${toAdd.map((t) => t.key).join(' ')}] -[${toDel.map((t) => t.key).join(' ')}]`);
    }
  }

  /** processPod: a pod newly bound to a node that is not Ready is marked not Ready at once. */
  function processPod(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = api.get<Pod>('Pod', namespace, name);
    if (!pod?.spec.nodeName) return;
    const health = nodeHealth.get(pod.spec.nodeName);
    if (!health?.ready || !api.get<Node>('Node', undefined, pod.spec.nodeName)) return;
    if (health.ready.status !== 'True') markPodsNotReady(ctx, [pod], pod.spec.nodeName);
  }

  /** tryUpdateNodeHealth: returns the Ready condition observed before and after this pass. */
  function tryUpdateNodeHealth(node: Node): { observed: Condition; current: Condition | undefined; node: Node } {
    const now = clock.now();
    const currentReady = getNodeCondition(node, 'Ready');
    const observed: Condition = currentReady
      ? { ...currentReady }
      : { type: 'Ready', status: 'Unknown', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: node.metadata.creationTimestamp };
    let health = nodeHealth.get(node.metadata.name);
    if (!health || (!health.ready && currentReady)) {
      health = { probeTimestamp: now, readyTransitionTimestamp: now, ...(currentReady ? { ready: { ...currentReady } } : {}) };
    } else if (health.ready && currentReady && health.ready.lastHeartbeatTime !== currentReady.lastHeartbeatTime) {
      const transition = health.ready.lastTransitionTime !== currentReady.lastTransitionTime ? now : health.readyTransitionTimestamp;
      health = { probeTimestamp: now, readyTransitionTimestamp: transition, ready: { ...currentReady }, ...(health.leaseRenewTime ? { leaseRenewTime: health.leaseRenewTime } : {}) };
    }
    const lease = api.get<Lease>('Lease', 'kube-node-lease', node.metadata.name);
    const renew = lease?.spec.renewTime;
    if (renew && (!health.leaseRenewTime || health.leaseRenewTime < renew)) {
      health.leaseRenewTime = renew;
      health.probeTimestamp = now;
    }
    nodeHealth.set(node.metadata.name, health);
    let current = currentReady;
    let result = node;
    if (now > health.probeTimestamp + NODE_MONITOR_GRACE_PERIOD_MS && currentReady?.status !== 'Unknown') {
      const stamp = clock.timestamp();
      const updated = api.mutate<Node>(
        'Node',
        undefined,
        node.metadata.name,
        (d) => {
          for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
            const c = d.status.conditions.find((x) => x.type === type);
            if (!c) {
              d.status.conditions.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: d.metadata.creationTimestamp, lastTransitionTime: stamp });
            } else if (c.status !== 'Unknown') {
              c.status = 'Unknown';
              c.reason = 'NodeStatusUnknown';
              c.message = 'Kubelet stopped posting node status.';
              c.lastTransitionTime = stamp;
            }
          }
        },
        { subresource: 'status' },
      );
      if (updated) {
        result = updated;
        current = getNodeCondition(updated, 'Ready');
        nodeHealth.set(node.metadata.name, { ...health, ready: current ? { ...current } : undefined, readyTransitionTimestamp: now });
        ctx.trace.record(NAME, node.metadata.name, 'unknown', `no heartbeat for ${Math.round((now - health.probeTimestamp) / 1000)}s`);
      }
    }
    return { observed, current, node: result };
  }

  /** processTaintBaseEviction: queue the NoExecute taint, or swap it, or remove it once Ready again. */
  function processTaintBaseEviction(node: Node, observed: Condition): void {
    const taints = node.spec.taints;
    if (observed.status === 'False' || observed.status === 'Unknown') {
      const [add, opposite] = observed.status === 'False' ? [NOT_READY_TAINT_TEMPLATE, UNREACHABLE_TAINT_TEMPLATE] : [UNREACHABLE_TAINT_TEMPLATE, NOT_READY_TAINT_TEMPLATE];
      if (taintExists(taints, opposite)) {
        swapNodeControllerTaint(ctx, node.metadata.name, [add], [opposite]);
        return;
      }
      const q = tainterFor(node);
      if (!taintExists(taints, add)) q.remove(node.metadata.name);
      if (q.add(node.metadata.name, node.metadata.uid)) armTaintPass();
      return;
    }
    markNodeAsReachable(node);
  }

  /** markNodeAsReachable: removes both NoExecute taints and drops the node from its zone's queue. */
  function markNodeAsReachable(node: Node): void {
    if (taintExists(node.spec.taints, UNREACHABLE_TAINT_TEMPLATE) || taintExists(node.spec.taints, NOT_READY_TAINT_TEMPLATE)) {
      swapNodeControllerTaint(ctx, node.metadata.name, [], [UNREACHABLE_TAINT_TEMPLATE, NOT_READY_TAINT_TEMPLATE]);
    }
    zoneTainters.get(getZoneKey(node))?.remove(node.metadata.name);
  }

  /** doNoExecuteTaintingPass: taint queued nodes as their zone's rate allows. */
  function doNoExecuteTaintingPass(): void {
    for (const zone of [...zoneTainters.keys()].sort()) {
      zoneTainters.get(zone)!.try(clock.now(), (nodeName) => {
        const node = api.get<Node>('Node', undefined, nodeName);
        const ready = node && getNodeCondition(node, 'Ready');
        if (!ready || ready.status === 'True') return;
        const [add, opposite] = ready.status === 'False' ? [NOT_READY_TAINT_TEMPLATE, UNREACHABLE_TAINT_TEMPLATE] : [UNREACHABLE_TAINT_TEMPLATE, NOT_READY_TAINT_TEMPLATE];
        swapNodeControllerTaint(ctx, nodeName, [add], [opposite]);
        ctx.trace.record(NAME, nodeName, 'taint', `${add.key}:NoExecute`);
      });
    }
    armTaintPass();
  }

  function computeZoneState(conditions: (Condition | undefined)[]): ZoneState {
    let ready = 0;
    let notReady = 0;
    for (const c of conditions) {
      if (c?.status === 'True') ready++;
      else notReady++;
    }
    if (ready === 0 && notReady > 0) return 'FullDisruption';
    if (notReady > 2 && notReady / (notReady + ready) >= UNHEALTHY_ZONE_THRESHOLD) return 'PartialDisruption';
    return 'Normal';
  }

  function limiterFor(state: ZoneState, zoneSize: number): number {
    if (state === 'PartialDisruption') return zoneSize > LARGE_CLUSTER_THRESHOLD ? SECONDARY_EVICTION_LIMITER_QPS : 0;
    return EVICTION_LIMITER_QPS;
  }

  /** handleDisruption: zone states decide the tainting rate; all zones down stops NoExecute tainting. */
  function handleDisruption(zoneConditions: Map<string, (Condition | undefined)[]>, nodes: Node[]): void {
    const now = clock.now();
    const newStates = new Map<string, ZoneState>();
    let allAreFullyDisrupted = true;
    for (const [zone, conditions] of zoneConditions) {
      const state = computeZoneState(conditions);
      if (state !== 'FullDisruption') allAreFullyDisrupted = false;
      newStates.set(zone, state);
      if (!zoneStates.has(zone)) zoneStates.set(zone, 'Initial');
    }
    let allWasFullyDisrupted = true;
    for (const [zone, state] of [...zoneStates]) {
      if (!zoneConditions.has(zone)) {
        zoneStates.delete(zone);
        continue;
      }
      if (state !== 'FullDisruption') {
        allWasFullyDisrupted = false;
        break;
      }
    }
    if (allAreFullyDisrupted && allWasFullyDisrupted) return;
    if (allAreFullyDisrupted) {
      for (const node of nodes) markNodeAsReachable(api.get<Node>('Node', undefined, node.metadata.name) ?? node);
      for (const zone of zoneStates.keys()) {
        zoneTainters.get(zone)?.swapLimiter(0, now);
        zoneStates.set(zone, 'FullDisruption');
      }
      ctx.trace.record(NAME, '', 'disruption', 'all nodes are not Ready: master disruption mode, no NoExecute taints');
      return;
    }
    if (allWasFullyDisrupted) {
      for (const node of nodes) {
        const h = nodeHealth.get(node.metadata.name);
        if (h) nodeHealth.set(node.metadata.name, { ...h, probeTimestamp: now, readyTransitionTimestamp: now });
      }
    }
    for (const [zone, state] of zoneStates) {
      const next = newStates.get(zone)!;
      if (state === next && !allWasFullyDisrupted) continue;
      zoneTainters.get(zone)?.swapLimiter(limiterFor(next, zoneConditions.get(zone)?.length ?? 0), now);
      zoneStates.set(zone, next);
    }
    armTaintPass();
  }

  /** monitorNodeHealth: one pass over all nodes. */
  function monitorNodeHealth(): void {
    const nodes = api.list<Node>('Node');
    const names = new Set(nodes.map((n) => n.metadata.name));
    for (const node of nodes) {
      if (!knownNodes.has(node.metadata.name)) {
        recordNodeEvent(ctx, node, 'Normal', 'RegisteredNode', `Registered Node ${node.metadata.name} in Controller`);
        knownNodes.set(node.metadata.name, node);
        tainterFor(node);
        markNodeAsReachable(node);
      }
    }
    for (const [name, node] of [...knownNodes]) {
      if (names.has(name)) continue;
      recordNodeEvent(ctx, node, 'Normal', 'RemovingNode', `Removing Node ${name} from Controller`);
      knownNodes.delete(name);
      nodeHealth.delete(name);
    }
    const zoneConditions = new Map<string, (Condition | undefined)[]>();
    for (const listed of nodes) {
      const { observed, current, node } = tryUpdateNodeHealth(api.get<Node>('Node', undefined, listed.metadata.name) ?? listed);
      if (!(EXCLUDE_DISRUPTION_LABEL in (node.metadata.labels ?? {}))) {
        const zone = getZoneKey(node);
        zoneConditions.set(zone, [...(zoneConditions.get(zone) ?? []), current]);
      }
      if (!current) continue;
      processTaintBaseEviction(node, observed);
      if (current.status !== 'True' && observed.status === 'True') {
        recordNodeStatusChange(ctx, node, 'NodeNotReady');
        markPodsNotReady(ctx, api.byIndex<Pod>('Pod', NODE_INDEX, node.metadata.name), node.metadata.name);
      }
    }
    handleDisruption(zoneConditions, nodes);
  }

  function sync(key: string): void {
    if (key === MONITOR_KEY) monitorNodeHealth();
    else if (key === TAINT_PASS_KEY) doNoExecuteTaintingPass();
    else if (key.includes('/')) processPod(key);
    else doNoScheduleTaintingPass(key);
  }

  return { name: NAME, queue, sync };
}
