/**
 * Mirrors pkg/scheduler/backend/cache (cache.go) and framework.NodeInfo: what the scheduler knows about
 * each node's pods, kept incrementally from pod watch events plus the pods it has assumed onto a node
 * while their volumes bind.
 *
 * Simplified: no snapshot generation numbers; the cache is read directly during a cycle.
 */
import type { Pod } from '../api/core';
import { podClaimNames, parseQuantity } from '../controllers/persistentvolume/util';

/** Aggregates of the pods on one node. */
export interface NodeInfo {
  name: string;
  podCount: number;
  cpuMilli: number;
  memoryBytes: number;
  /** Pods per controller owner uid (the spreading score). */
  ownerCounts: Map<string, number>;
  /** hostPort use counts, keyed `TCP/8080`. */
  usedPorts: Map<string, number>;
}

interface PodEntry {
  node: string;
  ownerUid: string;
  cpuMilli: number;
  memoryBytes: number;
  ports: string[];
  claims: string[];
  assumed: boolean;
}

/** Summed container requests of a pod (max with init containers, as the scheduler computes them). */
export function podRequests(pod: Pod): { cpuMilli: number; memoryBytes: number } {
  let cpu = 0;
  let mem = 0;
  for (const c of pod.spec.containers) {
    cpu += parseQuantity(c.resources?.requests?.cpu) * 1000;
    mem += parseQuantity(c.resources?.requests?.memory);
  }
  for (const c of pod.spec.initContainers ?? []) {
    cpu = Math.max(cpu, parseQuantity(c.resources?.requests?.cpu) * 1000);
    mem = Math.max(mem, parseQuantity(c.resources?.requests?.memory));
  }
  return { cpuMilli: Math.round(cpu), memoryBytes: mem };
}

/** The hostPorts a pod asks for, keyed `TCP/8080`. */
export function podHostPorts(pod: Pod): string[] {
  const out: string[] = [];
  for (const c of pod.spec.containers) for (const p of c.ports ?? []) if (p.hostPort) out.push(`${p.protocol ?? 'TCP'}/${p.hostPort}`);
  return out;
}

/** The uid of the pod's controller owner, or '' for a bare pod. */
export function controllerUid(pod: Pod): string {
  return pod.metadata.ownerReferences?.find((r) => r.controller)?.uid ?? '';
}

/** True when the pod still occupies its node: scheduled and not Succeeded/Failed. */
export function occupiesNode(pod: Pod): boolean {
  return !!pod.spec.nodeName && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
}

export class SchedulerCache {
  private readonly nodes = new Map<string, NodeInfo>();
  private readonly pods = new Map<string, PodEntry>();
  /** Scheduled (or assumed) pods per `namespace/claim`. */
  private readonly claimUsers = new Map<string, number>();

  /** The node's aggregates (an empty one for a node with no pods). */
  nodeInfo(name: string): NodeInfo {
    let info = this.nodes.get(name);
    if (!info) {
      info = { name, podCount: 0, cpuMilli: 0, memoryBytes: 0, ownerCounts: new Map(), usedPorts: new Map() };
      this.nodes.set(name, info);
    }
    return info;
  }

  /** Number of scheduled or assumed pods using the claim `namespace/name`. */
  claimUserCount(claimKey: string): number {
    return this.claimUsers.get(claimKey) ?? 0;
  }

  isAssumed(uid: string): boolean {
    return this.pods.get(uid)?.assumed ?? false;
  }

  /** Counts a pod on `node` before it is bound (AssumePod). */
  assume(pod: Pod, node: string): void {
    this.add(pod, node, true);
  }

  /** Forgets an assumed pod (ForgetPod), e.g. when its volumes never bound. */
  forget(uid: string): void {
    if (this.pods.get(uid)?.assumed) this.remove(uid);
  }

  /** Applies a pod as the API server now has it (undefined: deleted). */
  updatePod(uid: string, pod: Pod | undefined): void {
    const entry = this.pods.get(uid);
    if (!pod || !occupiesNode(pod)) {
      if (entry && !(entry.assumed && pod && !pod.spec.nodeName && !isTerminal(pod))) this.remove(uid);
      return;
    }
    if (entry && entry.node === pod.spec.nodeName) {
      entry.assumed = false;
      return;
    }
    if (entry) this.remove(uid);
    this.add(pod, pod.spec.nodeName!, false);
  }

  private add(pod: Pod, node: string, assumed: boolean): void {
    const req = podRequests(pod);
    const entry: PodEntry = {
      node,
      ownerUid: controllerUid(pod),
      cpuMilli: req.cpuMilli,
      memoryBytes: req.memoryBytes,
      ports: podHostPorts(pod),
      claims: podClaimNames(pod).map((c) => `${pod.metadata.namespace ?? 'default'}/${c}`),
      assumed,
    };
    this.pods.set(pod.metadata.uid, entry);
    this.apply(entry, 1);
  }

  private remove(uid: string): void {
    const entry = this.pods.get(uid);
    if (!entry) return;
    this.pods.delete(uid);
    this.apply(entry, -1);
  }

  private apply(e: PodEntry, sign: 1 | -1): void {
    const info = this.nodeInfo(e.node);
    info.podCount += sign;
    info.cpuMilli += sign * e.cpuMilli;
    info.memoryBytes += sign * e.memoryBytes;
    bump(info.ownerCounts, e.ownerUid, sign);
    for (const p of e.ports) bump(info.usedPorts, p, sign);
    for (const c of e.claims) bump(this.claimUsers, c, sign);
  }
}

function isTerminal(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n <= 0) map.delete(key);
  else map.set(key, n);
}
