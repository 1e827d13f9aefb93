import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from '../../../../src/sim/api/apps';
import type { Pod } from '../../../../src/sim/api/core';
import { toTimestamp } from '../../../../src/sim/runtime/clock';
import { Harness } from './harness';

const meta = { uid: '', resourceVersion: '', creationTimestamp: '' };

function replicaSet(name: string, replicas: number, extra: Partial<ReplicaSet['spec']> = {}): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { ...meta, name, namespace: 'default', labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name, tier: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
      ...extra,
    },
  };
}

function rsOf(h: Harness, name: string): ReplicaSet {
  return h.api.get<ReplicaSet>('ReplicaSet', 'default', name)!;
}

function activeNames(h: Harness): string[] {
  return h.pods().filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name);
}

describe('ReplicaSet controller', () => {
  it('creates the missing pods from the template, owned by the ReplicaSet, with events', () => {
    const h = new Harness();
    h.api.create(replicaSet('frontend', 3));
    h.settle();
    const pods = h.pods();
    expect(pods).toHaveLength(3);
    const rs = rsOf(h, 'frontend');
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(/^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(pod.metadata.generateName).toBe('frontend-');
      expect(pod.metadata.labels).toEqual({ app: 'frontend', tier: 'web' });
      expect(pod.metadata.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'frontend', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
      expect(pod.spec.containers[0]!.image).toBe('nginx:1.27');
    }
    expect(h.events('ReplicaSet', 'frontend', 'replicaset-controller').sort()).toEqual(pods.map((p) => `SuccessfulCreate: Created pod: ${p.metadata.name}`).sort());
    expect(rs.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, terminatingReplicas: 0, observedGeneration: 1 });

    h.advance(2000);
    expect(rsOf(h, 'frontend').status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, terminatingReplicas: 0, observedGeneration: 1 });
  });

  it('creates at most 500 pods per sync, in slow-start batches', () => {
    const h = new Harness({ kubelet: false });
    h.api.create(replicaSet('big', 600));
    h.settle();
    expect(h.pods()).toHaveLength(600);
    const creates = h.ctx.trace.all().filter((r) => r.controller === 'replicaset-controller' && r.action === 'create').map((r) => r.detail);
    expect(creates).toEqual(['too few replicas: 0 active, need 600, creating 500', 'too few replicas: 500 active, need 600, creating 100']);
  });

  it('replaces a pod the moment it starts terminating, and reports it as terminating', () => {
    const h = new Harness({ kubelet: { terminateMs: 30_000 } });
    h.api.create(replicaSet('web', 3));
    h.advance(3000);
    const victim = h.pods()[0]!.metadata.name;
    h.api.delete('Pod', 'default', victim);
    h.settle();
    const pods = h.pods();
    expect(pods).toHaveLength(4);
    expect(pods.find((p) => p.metadata.name === victim)!.metadata.deletionTimestamp).toBeDefined();
    expect(activeNames(h)).toHaveLength(3);
    expect(rsOf(h, 'web').status).toMatchObject({ replicas: 3, terminatingReplicas: 1, readyReplicas: 2 });
    h.advance(30_000);
    expect(h.pods()).toHaveLength(3);
    expect(rsOf(h, 'web').status).toMatchObject({ replicas: 3, readyReplicas: 3, terminatingReplicas: 0 });
  });

  it('does not count Succeeded or Failed pods and replaces them', () => {
    const h = new Harness();
    h.api.create(replicaSet('jobby', 2));
    h.advance(3000);
    const done = h.pods()[0]!.metadata.name;
    h.api.mutate<Pod>('Pod', 'default', done, (p) => {
      p.status.phase = 'Failed';
    }, { subresource: 'status' });
    h.settle();
    expect(h.pods()).toHaveLength(3);
    expect(rsOf(h, 'jobby').status).toMatchObject({ replicas: 2, terminatingReplicas: 0 });
  });

  it('adopts matching orphans and deletes the surplus in ranking order', () => {
    const h = new Harness({ kubelet: false });
    const mk = (name: string, node: string | undefined, phase: Pod['status']['phase'], readyAt?: number, cost?: string) => {
      h.api.create<Pod>({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { ...meta, name, namespace: 'default', labels: { app: 'shop' }, ...(cost ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': cost } } : {}) },
        spec: { containers: [{ name: 'c', image: 'nginx' }], ...(node ? { nodeName: node } : {}) },
        status: { phase: 'Pending' },
      });
      // The API server resets status on create; set it the way a kubelet would.
      h.api.mutate<Pod>('Pod', 'default', name, (p) => {
        p.status = { phase, conditions: readyAt !== undefined ? [{ type: 'Ready', status: 'True', lastTransitionTime: toTimestamp(readyAt) }] : [] };
      }, { subresource: 'status' });
    };
    mk('unscheduled', undefined, 'Pending');
    mk('pending', 'node-1', 'Pending');
    mk('starting', 'node-1', 'Running');
    mk('precious', 'node-2', 'Running', 0, '100');
    mk('ready-early', 'node-2', 'Running', 0);
    h.advance(100_000);
    mk('ready-late', 'node-3', 'Running', 100_000);
    h.advance(100_000);
    h.api.create(replicaSet('shop', 2));
    h.settle();
    const rs = rsOf(h, 'shop');
    expect(activeNames(h)).toEqual(['precious', 'ready-early']);
    for (const pod of h.pods()) expect(pod.metadata.ownerReferences?.[0]?.uid).toBe(rs.metadata.uid);
    expect(h.events('ReplicaSet', 'shop')).toEqual([
      'SuccessfulDelete: Deleted pod: unscheduled',
      'SuccessfulDelete: Deleted pod: pending',
      'SuccessfulDelete: Deleted pod: starting',
      'SuccessfulDelete: Deleted pod: ready-late',
    ]);
    // The unscheduled pod is removed at once; the others terminate gracefully and no longer count.
    expect(h.api.get('Pod', 'default', 'unscheduled')).toBeUndefined();
    expect(rs.status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2, terminatingReplicas: 3 });
  });

  it('releases a pod whose labels stop matching, and replaces it', () => {
    const h = new Harness();
    h.api.create(replicaSet('api', 2));
    h.advance(3000);
    const name = h.pods()[0]!.metadata.name;
    h.api.mutate<Pod>('Pod', 'default', name, (p) => {
      p.metadata.labels = { app: 'debug' };
    });
    h.settle();
    expect(h.api.get<Pod>('Pod', 'default', name)!.metadata.ownerReferences).toBeUndefined();
    expect(h.pods().filter((p) => p.metadata.labels?.app === 'api')).toHaveLength(2);
  });

  it('counts a pod available only after minReadySeconds', () => {
    const h = new Harness();
    h.api.create(replicaSet('slow', 1, { minReadySeconds: 10 }));
    h.advance(2000);
    expect(rsOf(h, 'slow').status).toMatchObject({ readyReplicas: 1 });
    expect(rsOf(h, 'slow').status?.availableReplicas).toBeUndefined();
    h.advance(12_000);
    expect(rsOf(h, 'slow').status).toMatchObject({ readyReplicas: 1, availableReplicas: 1 });
  });

  it('scales down to zero', () => {
    const h = new Harness({ kubelet: { terminateMs: 0 } });
    h.api.create(replicaSet('zero', 2));
    h.advance(3000);
    h.api.mutate<ReplicaSet>('ReplicaSet', 'default', 'zero', (rs) => {
      rs.spec.replicas = 0;
    });
    h.advance(10);
    expect(h.pods()).toHaveLength(0);
    expect(rsOf(h, 'zero').status).toEqual({ replicas: 0, terminatingReplicas: 0, observedGeneration: 2 });
  });
});
