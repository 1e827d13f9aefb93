/** Builders shared by the scheduler and storage tests: a cluster, pods, claims, volumes, and event lookups. */
import type { Event, Node, PersistentVolume, PersistentVolumeClaim, Pod, PodSpec } from '../../../src/sim/api/core';
import type { OwnerReference } from '../../../src/sim/api/meta';
import { Cluster } from '../../../src/sim/cluster';
import type { NodeDefinition } from '../../../src/sim/scenarios/types';
import { DEFAULT_NODES } from '../../../src/sim/scenarios/bootstrap';

const meta = { uid: '', resourceVersion: '', creationTimestamp: '' };

export function newCluster(seed = 1, nodes: NodeDefinition[] = DEFAULT_NODES): Cluster {
  return new Cluster({ seed, nodes });
}

export interface PodOptions {
  claims?: string[];
  spec?: Partial<PodSpec>;
  owner?: OwnerReference;
  labels?: Record<string, string>;
}

export function createPod(c: Cluster, name: string, opts: PodOptions = {}): Pod {
  return c.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...meta, name, namespace: 'default', labels: opts.labels, ...(opts.owner ? { ownerReferences: [opts.owner] } : {}) },
    spec: {
      containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.21' }],
      ...(opts.claims?.length ? { volumes: opts.claims.map((claimName, i) => ({ name: `vol-${i}`, persistentVolumeClaim: { claimName } })) } : {}),
      ...opts.spec,
    },
    status: { phase: 'Pending' },
  });
}

export function createClaim(c: Cluster, name: string, spec: Partial<PersistentVolumeClaim['spec']> = {}): PersistentVolumeClaim {
  return c.api.create<PersistentVolumeClaim>({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { ...meta, name, namespace: 'default' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
    status: {},
  });
}

export function createVolume(c: Cluster, name: string, spec: Partial<PersistentVolume['spec']> = {}): PersistentVolume {
  return c.api.create<PersistentVolume>({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { ...meta, name },
    spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/data/${name}` }, ...spec },
    status: {},
  });
}

export function pod(c: Cluster, name: string): Pod | undefined {
  return c.api.get<Pod>('Pod', 'default', name);
}

export function claim(c: Cluster, name: string): PersistentVolumeClaim | undefined {
  return c.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', name);
}

export function node(c: Cluster, name: string): Node {
  return c.api.get<Node>('Node', undefined, name)!;
}

/** Events about one object, oldest first, as `Reason: message`. */
export function eventsFor(c: Cluster, kind: string, name: string, namespace: string | undefined = 'default'): Event[] {
  return c.api
    .list<Event>('Event', namespace ?? 'default')
    .filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name)
    .sort((a, b) => (a.firstTimestamp < b.firstTimestamp ? -1 : a.firstTimestamp > b.firstTimestamp ? 1 : a.metadata.name < b.metadata.name ? -1 : 1));
}

export function reasons(c: Cluster, kind: string, name: string): string[] {
  return eventsFor(c, kind, name).map((e) => e.reason);
}

export function lastMessage(c: Cluster, kind: string, name: string, reason: string): string | undefined {
  return eventsFor(c, kind, name).filter((e) => e.reason === reason).at(-1)?.message;
}

/** Cordons a node (kubectl cordon). */
export function cordon(c: Cluster, name: string): void {
  c.api.mutate<Node>('Node', undefined, name, (n) => {
    n.spec.unschedulable = true;
  });
}
