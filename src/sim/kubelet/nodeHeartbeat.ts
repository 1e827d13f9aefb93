// Mirrors pkg/kubelet/nodelease (the node lease controller: a Lease named after the node in kube-node-lease,
// renewed every 10s) and the parts of pkg/kubelet/kubelet_node_status.go and nodestatus/setters.go that run
// when a kubelet comes back: re-registering a deleted Node, posting Ready and the pressure conditions with
// their `Node x status is now: ...` events.
// Simplified: no periodic node status report (nodeStatusReportFrequency, 5m): the Lease is the only heartbeat,
// so conditions' lastHeartbeatTime moves only when the kubelet posts a change; renewals start at a fixed,
// per-node offset instead of a jittered one; no Rebooted event (the simulated node has no boot id).

import type { Node } from '../api/core';
import type { Condition } from '../api/meta';
import type { Lease } from '../api/other';
import type { TimerHandle } from '../runtime/clock';
import { SIM_EPOCH_MS } from '../runtime/clock';
import type { ClusterContext } from '../runtime/controller';

/** The namespace of node leases. */
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
/** leaseDurationSeconds the kubelet writes (--node-lease-duration-seconds). */
export const NODE_LEASE_DURATION_SECONDS = 40;
/** renewInterval: a quarter of the lease duration. */
export const NODE_LEASE_RENEW_INTERVAL_MS = 10_000;

interface Heartbeat {
  timer?: TimerHandle;
  stopped: boolean;
  /** The Node as last seen, to register it again if it was deleted while the kubelet was down. */
  lastNode?: Node;
}

const heartbeats = new WeakMap<ClusterContext, Map<string, Heartbeat>>();

function stateOf(ctx: ClusterContext, nodeName: string): Heartbeat {
  let byNode = heartbeats.get(ctx);
  if (!byNode) heartbeats.set(ctx, (byNode = new Map()));
  let hb = byNode.get(nodeName);
  if (!hb) byNode.set(nodeName, (hb = { stopped: false }));
  return hb;
}

/** A metav1.MicroTime for the current instant: RFC 3339 with microseconds. */
export function microTime(ctx: ClusterContext): string {
  return new Date(SIM_EPOCH_MS + ctx.clock.now()).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** A fixed per-node phase (0-9.999s) so the nodes do not all renew at the same instant. */
function phaseOf(nodeName: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < nodeName.length; i++) h = Math.imul(h ^ nodeName.charCodeAt(i), 0x01000193) >>> 0;
  return h % NODE_LEASE_RENEW_INTERVAL_MS;
}

/** Creates or renews the node's Lease (holderIdentity = node, owner = the Node). */
function renewLease(ctx: ClusterContext, node: Node): void {
  const { api } = ctx;
  const name = node.metadata.name;
  const existing = api.get<Lease>('Lease', NODE_LEASE_NAMESPACE, name);
  if (existing) {
    api.mutate<Lease>('Lease', NODE_LEASE_NAMESPACE, name, (d) => {
      d.spec.renewTime = microTime(ctx);
    });
    return;
  }
  api.create<Lease>({
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name,
      namespace: NODE_LEASE_NAMESPACE,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid }],
    },
    spec: { holderIdentity: name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime: microTime(ctx) },
  });
}

function schedule(ctx: ClusterContext, nodeName: string, delayMs: number): void {
  const hb = stateOf(ctx, nodeName);
  hb.timer?.cancel();
  hb.timer = ctx.clock.after(delayMs, `kubelet lease ${nodeName}`, () => {
    hb.timer = undefined;
    if (hb.stopped) return;
    const node = ctx.api.get<Node>('Node', undefined, nodeName);
    if (!node) return;
    hb.lastNode = node;
    renewLease(ctx, node);
    schedule(ctx, nodeName, NODE_LEASE_RENEW_INTERVAL_MS);
  });
}

/**
 * Starts the lease heartbeat of every node's kubelet, and of nodes added later. A node's first renewal
 * happens at once, the following ones every 10s from a fixed per-node offset.
 */
export function startNodeHeartbeats(ctx: ClusterContext): void {
  const begin = (node: Node) => {
    const hb = stateOf(ctx, node.metadata.name);
    hb.lastNode = node;
    if (hb.stopped || hb.timer) return;
    renewLease(ctx, node);
    schedule(ctx, node.metadata.name, phaseOf(node.metadata.name) || NODE_LEASE_RENEW_INTERVAL_MS);
  };
  ctx.api.watch('Node', (event) => {
    const node = event.object as Node;
    if (event.type === 'ADDED') begin(node);
    else if (event.type === 'MODIFIED') stateOf(ctx, node.metadata.name).lastNode = node;
  });
  for (const node of ctx.api.list<Node>('Node')) begin(node);
}

/** The kubelet on `nodeName` stops: no more lease renewals (the node controller notices after its grace period). */
export function stopNodeHeartbeat(ctx: ClusterContext, nodeName: string): void {
  const hb = stateOf(ctx, nodeName);
  hb.stopped = true;
  hb.timer?.cancel();
  hb.timer = undefined;
}

const KUBELET_CONDITIONS: readonly { type: string; reason: string; message: string; event: string; status: 'True' | 'False' }[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', event: 'NodeHasSufficientMemory' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', event: 'NodeHasNoDiskPressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', event: 'NodeHasSufficientPID' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', event: 'NodeReady' },
];

/**
 * The kubelet on `nodeName` starts again: it registers the Node if it is gone, posts its conditions
 * (recording `Node x status is now: ...` for each that changed), and resumes renewing its Lease.
 */
export function restartNodeHeartbeat(ctx: ClusterContext, nodeName: string): void {
  const { api } = ctx;
  const hb = stateOf(ctx, nodeName);
  hb.stopped = false;
  let node = api.get<Node>('Node', undefined, nodeName);
  if (!node && hb.lastNode) node = registerNode(ctx, hb.lastNode);
  if (!node) return;
  const source = { component: 'kubelet', host: nodeName };
  ctx.recorder.record(node, 'Normal', 'Starting', 'Starting kubelet.', source);
  const now = ctx.clock.timestamp();
  const changed: string[] = [];
  node =
    api.mutate<Node>(
      'Node',
      undefined,
      nodeName,
      (d) => {
        for (const want of KUBELET_CONDITIONS) {
          let c: Condition | undefined = d.status.conditions.find((x) => x.type === want.type);
          if (!c) d.status.conditions.push((c = { type: want.type, status: 'Unknown' }));
          if (c.status !== want.status) {
            c.lastTransitionTime = now;
            changed.push(want.event);
          }
          c.status = want.status;
          c.reason = want.reason;
          c.message = want.message;
          c.lastHeartbeatTime = now;
        }
      },
      { subresource: 'status' },
    ) ?? node;
  for (const event of changed.slice(0, -1)) ctx.recorder.record(node, 'Normal', event, `Node ${nodeName} status is now: ${event}`, source);
  ctx.recorder.record(node, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', source);
  if (changed.includes('NodeReady')) ctx.recorder.record(node, 'Normal', 'NodeReady', `Node ${nodeName} status is now: NodeReady`, source);
  hb.lastNode = node;
  renewLease(ctx, node);
  schedule(ctx, nodeName, NODE_LEASE_RENEW_INTERVAL_MS);
}

/**
 * registerWithAPIServer: the Node the kubelet had, as a fresh object (new uid), keeping only the taints the
 * kubelet registers with (not the node.kubernetes.io/ ones controllers set).
 */
function registerNode(ctx: ClusterContext, last: Node): Node {
  const taints = (last.spec.taints ?? []).filter((t) => !t.key.startsWith('node.kubernetes.io/'));
  const spec: Node['spec'] = { ...last.spec };
  delete spec.unschedulable;
  delete spec.taints;
  if (taints.length) spec.taints = taints;
  const status: Node['status'] = { ...last.status };
  delete status.volumesAttached;
  delete status.volumesInUse;
  return ctx.api.create<Node>({
    ...last,
    metadata: { name: last.metadata.name, uid: '', resourceVersion: '', creationTimestamp: '', labels: last.metadata.labels, annotations: last.metadata.annotations },
    spec,
    status,
  });
}
