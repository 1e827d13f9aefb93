import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../src/sim/api/core';
import { fromTimestamp } from '../../../../src/sim/runtime/clock';
import { Harness, webSet } from './harness';

function scale(h: Harness, replicas: number) {
  h.updateSet('web', (s) => (s.spec.replicas = replicas));
}

function readyTransition(pod: Pod | undefined): number {
  const ts = pod?.status.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime;
  if (!ts) throw new Error(`${pod?.metadata.name} was never Ready`);
  return fromTimestamp(ts);
}

describe('OrderedReady creation', () => {
  it('creates web-1 only once web-0 is Running and Ready, and so on', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 3 }));
    expect(h.podNames()).toEqual(['web-0']);
    h.advance(999);
    expect(h.podNames()).toEqual(['web-0']);
    expect(h.pod('web-0')!.status.phase).toBe('Pending');
    h.advance(1);
    expect(h.isReady('web-0')).toBe(true);
    expect(h.podNames()).toEqual(['web-0', 'web-1']);
    h.advanceUntil(() => h.isReady('web-2'));
    for (const [prev, next] of [['web-0', 'web-1'], ['web-1', 'web-2']] as const) {
      expect(fromTimestamp(h.pod(next)!.metadata.creationTimestamp)).toBeGreaterThanOrEqual(readyTransition(h.pod(prev)));
    }
    expect(h.events('web')).toEqual([
      'Normal SuccessfulCreate: create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'Normal SuccessfulCreate: create Pod web-0 in StatefulSet web successful',
      'Normal SuccessfulCreate: create Claim www-web-1 Pod web-1 in StatefulSet web success',
      'Normal SuccessfulCreate: create Pod web-1 in StatefulSet web successful',
      'Normal SuccessfulCreate: create Claim www-web-2 Pod web-2 in StatefulSet web success',
      'Normal SuccessfulCreate: create Pod web-2 in StatefulSet web successful',
    ]);
  });

  it('reports the status fields as upstream computes them', () => {
    const h = new Harness();
    const created = h.createSet(webSet({ replicas: 3 }));
    const revision = h.revisions()[0]!.metadata.name;
    expect(h.set('web').status).toEqual({
      observedGeneration: 1,
      replicas: 1,
      currentReplicas: 1,
      updatedReplicas: 1,
      currentRevision: revision,
      updateRevision: revision,
      collisionCount: 0,
      availableReplicas: 0,
    });
    h.advanceUntil(() => h.set('web').status?.readyReplicas === 3);
    expect(h.set('web').status).toEqual({
      observedGeneration: 1,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      currentRevision: revision,
      updateRevision: revision,
      collisionCount: 0,
      availableReplicas: 3,
    });
    expect(created.metadata.generation).toBe(1);
  });

  it('stops at a pod that never becomes Ready: later ordinals are not created', () => {
    const h = new Harness({ neverReady: (pod) => pod.metadata.name === 'web-1' });
    h.createSet(webSet({ replicas: 4 }));
    h.advance(60_000);
    expect(h.podNames()).toEqual(['web-0', 'web-1']);
    expect(h.pod('web-1')!.status.phase).toBe('Running');
    expect(h.set('web').status).toMatchObject({ replicas: 2, readyReplicas: 1, availableReplicas: 1 });
    const waits = h.ctx.trace.all().filter((r) => r.detail === 'StatefulSet is waiting for Pod web-1 to be Running and Ready');
    expect(waits.length).toBeGreaterThan(0);
  });

  it('waits minReadySeconds of readiness before creating the next pod', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 2, minReadySeconds: 10 }));
    h.advance(1000);
    expect(h.isReady('web-0')).toBe(true);
    expect(h.set('web').status).toMatchObject({ readyReplicas: 1, availableReplicas: 0 });
    h.advance(10_000);
    expect(h.podNames()).toEqual(['web-0']);
    h.advanceUntil(() => h.pod('web-1') !== undefined, 20_000);
    const created = fromTimestamp(h.pod('web-1')!.metadata.creationTimestamp);
    expect(created).toBeGreaterThan(readyTransition(h.pod('web-0')) + 10_000);
    expect(h.set('web').status).toMatchObject({ readyReplicas: 1, availableReplicas: 1 });
    h.advanceUntil(() => h.set('web').status?.availableReplicas === 2, 30_000);
  });

  it('names pods from spec.ordinals.start', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 2, ordinals: { start: 5 } }));
    h.advanceUntil(() => h.isReady('web-6'));
    expect(h.podNames()).toEqual(['web-5', 'web-6']);
    expect(h.pod('web-5')!.metadata.labels).toMatchObject({ 'apps.kubernetes.io/pod-index': '5', 'statefulset.kubernetes.io/pod-name': 'web-5' });
    expect(h.pvc('www-web-5')).toBeDefined();
    expect(h.pvc('www-web-0')).toBeUndefined();
    scale(h, 1);
    h.advanceUntil(() => h.pod('web-6') === undefined);
    expect(h.podNames()).toEqual(['web-5']);
  });
});

describe('Parallel creation', () => {
  it('creates every pod at once without waiting for readiness', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 3, podManagementPolicy: 'Parallel' }));
    expect(h.podNames()).toEqual(['web-0', 'web-1', 'web-2']);
    expect(h.now()).toBe(0);
    expect(h.pvc('www-web-2')).toBeDefined();
  });

  it('does not wait for a pod that never becomes Ready', () => {
    const h = new Harness({ neverReady: (pod) => pod.metadata.name === 'web-0' });
    h.createSet(webSet({ replicas: 3, podManagementPolicy: 'Parallel' }));
    h.advance(5000);
    expect(h.set('web').status).toMatchObject({ replicas: 3, readyReplicas: 2 });
  });
});

describe('scale down', () => {
  it('OrderedReady removes the highest ordinal first, one at a time', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 3 }));
    h.advanceUntil(() => h.isReady('web-2'));
    scale(h, 1);
    expect(h.pod('web-2')!.metadata.deletionTimestamp).toBeDefined();
    expect(h.pod('web-1')!.metadata.deletionTimestamp).toBeUndefined();
    h.advance(499);
    expect(h.pod('web-1')!.metadata.deletionTimestamp).toBeUndefined();
    h.advance(1);
    expect(h.pod('web-2')).toBeUndefined();
    expect(h.pod('web-1')!.metadata.deletionTimestamp).toBeDefined();
    h.advanceUntil(() => h.podNames().length === 1);
    expect(h.podNames()).toEqual(['web-0']);
    expect(h.events('web').filter((e) => e.includes('SuccessfulDelete'))).toEqual([
      'Normal SuccessfulDelete: delete Pod web-2 in StatefulSet web successful',
      'Normal SuccessfulDelete: delete Pod web-1 in StatefulSet web successful',
    ]);
    expect(h.set('web').status).toMatchObject({ replicas: 1, readyReplicas: 1, currentReplicas: 1 });
  });

  it('OrderedReady counts terminating pods in status.replicas until they are gone', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 2 }));
    h.advanceUntil(() => h.isReady('web-1'));
    scale(h, 1);
    expect(h.set('web').status).toMatchObject({ replicas: 2, readyReplicas: 1, currentReplicas: 1 });
    h.advance(500);
    expect(h.set('web').status).toMatchObject({ replicas: 1, readyReplicas: 1 });
  });

  it('OrderedReady does not scale down while a remaining pod is not Ready', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 3 }));
    h.advanceUntil(() => h.isReady('web-2'));
    h.disrupted = true;
    h.kubelet.setReady(h.pod('web-0')!, false);
    scale(h, 2);
    h.advance(5000);
    expect(h.podNames()).toEqual(['web-0', 'web-1', 'web-2']);
    expect(h.pod('web-2')!.metadata.deletionTimestamp).toBeUndefined();
    h.kubelet.setReady(h.pod('web-0')!, true);
    h.settle();
    expect(h.pod('web-2')!.metadata.deletionTimestamp).toBeDefined();
  });

  it('Parallel removes every condemned pod at once, highest first', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 3, podManagementPolicy: 'Parallel' }));
    h.advance(1000);
    scale(h, 0);
    expect(h.api.list<Pod>('Pod').every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(h.events('web').filter((e) => e.includes('SuccessfulDelete'))).toEqual([
      'Normal SuccessfulDelete: delete Pod web-2 in StatefulSet web successful',
      'Normal SuccessfulDelete: delete Pod web-1 in StatefulSet web successful',
      'Normal SuccessfulDelete: delete Pod web-0 in StatefulSet web successful',
    ]);
    h.advance(500);
    expect(h.podNames()).toEqual([]);
    expect(h.set('web').status).toMatchObject({ replicas: 0, availableReplicas: 0 });
  });
});

describe('failed pods', () => {
  it('deletes a Failed pod and creates a new one with the same name', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 3 }));
    h.advanceUntil(() => h.isReady('web-2'));
    const oldUid = h.pod('web-1')!.metadata.uid;
    h.failPod('web-1');
    const fresh = h.pod('web-1')!;
    expect(fresh.metadata.uid).not.toBe(oldUid);
    expect(fresh.status.phase).toBe('Pending');
    expect(h.events('web')).toContain('Normal SuccessfulDelete: delete Pod web-1 in StatefulSet web successful');
    // The recorder aggregates the repeated creation event, as `kubectl get events` shows with a count.
    expect(h.eventCount('create Pod web-1 in StatefulSet web successful')).toBe(2);
    expect(h.eventCount('create Claim www-web-1 Pod web-1 in StatefulSet web success')).toBe(1);
    h.advanceUntil(() => h.isReady('web-1'));
    expect(h.pvc('www-web-1')!.metadata.uid).toBeDefined();
  });

  it('never creates a pod while a pod of that name still exists', () => {
    const h = new Harness({ shutdownMs: 5000 });
    h.createSet(webSet({ replicas: 2 }));
    h.advanceUntil(() => h.isReady('web-1'));
    const uid = h.pod('web-0')!.metadata.uid;
    h.deletePod('web-0');
    h.advance(4999);
    expect(h.pod('web-0')!.metadata.uid).toBe(uid);
    expect(h.pod('web-0')!.metadata.deletionTimestamp).toBeDefined();
    h.advance(1);
    expect(h.pod('web-0')!.metadata.uid).not.toBe(uid);
    expect(h.pod('web-0')!.metadata.deletionTimestamp).toBeUndefined();
  });
});
