// Builders for the kubelet tests: a cluster, pods already bound to a node, and readers for events and statuses.
import type { Container, Event, Node, Pod, PodSpec } from '../../../src/sim/api/core';
import { Cluster } from '../../../src/sim/cluster';
import type { Timings } from '../../../src/sim/runtime/controller';
import { DEFAULT_NODES } from '../../../src/sim/scenarios/bootstrap';

/** Timings without jitter, so stage instants are exact. */
/** Exact stage timings (no jitter) with a configured 500 ms readiness delay, so each stage shows apart. */
export const EXACT: Partial<Timings> = { jitter: 0, readyDelayMs: 500 };

export function newCluster(timings: Partial<Timings> = EXACT, seed = 7): Cluster {
  return new Cluster({ seed, nodes: DEFAULT_NODES, timings });
}

/** Creates a pod bound to `node` (the scheduler's part is faked: spec.nodeName and PodScheduled=True). */
export function createPod(cluster: Cluster, name: string, node: string, containers: Container[], spec: Partial<PodSpec> = {}): Pod {
  cluster.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
    spec: { containers, nodeName: node, restartPolicy: 'Always', terminationGracePeriodSeconds: 30, ...spec },
    status: { phase: 'Pending' },
  });
  return cluster.api.mutate<Pod>(
    'Pod',
    'default',
    name,
    (draft) => {
      draft.status.conditions = [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: cluster.clock.timestamp() }];
    },
    { subresource: 'status' },
  )!;
}

export const nginx = (extra: Partial<Container> = {}): Container => ({ name: 'nginx', image: 'nginx', ...extra });

export function pod(cluster: Cluster, name: string): Pod | undefined {
  return cluster.api.get<Pod>('Pod', 'default', name);
}

export function node(cluster: Cluster, name: string): Node {
  return cluster.api.get<Node>('Node', undefined, name)!;
}

/** `reason: message` of the kubelet's events about pod `name`, in creation order. */
export function kubeletEvents(cluster: Cluster, name: string): string[] {
  return cluster.api
    .list<Event>('Event', 'default')
    .filter((e) => e.involvedObject.name === name && e.source.component === 'kubelet')
    .sort((a, b) => Number(BigInt('0x' + a.metadata.name.split('.').pop()!) - BigInt('0x' + b.metadata.name.split('.').pop()!)))
    .map((e) => `${e.reason}: ${e.message}`);
}

export function condition(p: Pod | undefined, type: string): string | undefined {
  return p?.status.conditions?.find((c) => c.type === type)?.status;
}

/** Advances until `done` holds; fails the test when it does not within `maxMs`. */
export function until(cluster: Cluster, done: () => boolean, maxMs = 600_000): number {
  if (!cluster.advanceUntil(done, maxMs)) throw new Error(`condition not reached within ${maxMs}ms`);
  return cluster.now();
}
