import { describe, expect, it } from 'vitest';
import type { ControllerRevision, StatefulSet } from '../../../../src/sim/api/apps';
import type { Event, Pod } from '../../../../src/sim/api/core';
import { Cluster } from '../../../../src/sim/cluster';
import { DEFAULT_NODES } from '../../../../src/sim/scenarios/bootstrap';
import { Harness, webSet } from './harness';
import { InvariantViolation, checkInvariants } from './invariants';

function uids(h: Harness): Record<string, string> {
  return Object.fromEntries(h.api.list<Pod>('Pod').map((p) => [p.metadata.name, p.metadata.uid]));
}

describe('adoption and release', () => {
  it('a new set adopts the pods and revisions orphaned by `--cascade=orphan`, and scales them to its replicas', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 3 }));
    h.advanceUntil(() => h.set('web').status?.readyReplicas === 3);
    const before = uids(h);
    h.api.delete('StatefulSet', 'default', 'web', { propagationPolicy: 'Orphan' });
    h.settle();
    expect(h.api.get('StatefulSet', 'default', 'web')).toBeUndefined();
    expect(h.api.list<Pod>('Pod').map((p) => p.metadata.ownerReferences)).toEqual([undefined, undefined, undefined]);

    const adopter = h.createSet(webSet({ replicas: 2 }));
    const owner = (p: Pod | ControllerRevision | undefined) => p?.metadata.ownerReferences?.find((r) => r.controller)?.uid;
    expect(owner(h.pod('web-0'))).toBe(adopter.metadata.uid);
    expect(owner(h.pod('web-1'))).toBe(adopter.metadata.uid);
    expect(h.revisions().map((r) => owner(r))).toEqual([adopter.metadata.uid]);
    expect(h.pod('web-2')!.metadata.deletionTimestamp).toBeDefined();
    h.advance(1000);
    expect(uids(h)).toEqual({ 'web-0': before['web-0'], 'web-1': before['web-1'] });
    expect(h.set('web').status).toMatchObject({ replicas: 2, readyReplicas: 2, currentReplicas: 2 });
  });

  it('releases a pod whose labels stop matching, and does not create a second pod of that name', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 2 }));
    h.advanceUntil(() => h.isReady('web-1'));
    h.disrupted = true;
    h.api.mutate<Pod>('Pod', 'default', 'web-1', (p) => {
      p.metadata.labels = { ...p.metadata.labels, app: 'debug' };
    });
    h.advance(2000);
    expect(h.pod('web-1')!.metadata.ownerReferences).toBeUndefined();
    expect(h.podNames()).toEqual(['web-0', 'web-1']);
    const errors = h.ctx.trace.all().filter((r) => r.controller === 'statefulset-controller' && r.action === 'error');
    expect(errors[0]?.detail).toBe('error syncing StatefulSet default/web, requeuing: pods "web-1" already exists');
    h.api.delete('Pod', 'default', 'web-1');
    h.advanceUntil(() => h.pod('web-1')?.metadata.ownerReferences !== undefined, 5000);
    expect(h.pod('web-1')!.metadata.labels!.app).toBe('nginx');
  });
});

describe('a StatefulSet being deleted', () => {
  it('only has its status updated: pods removed by the garbage collector are not re-created', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 3 }));
    h.advanceUntil(() => h.set('web').status?.readyReplicas === 3);
    const creates = h.events('web').filter((e) => e.includes('create Pod')).length;
    h.api.delete('StatefulSet', 'default', 'web', { propagationPolicy: 'Foreground' });
    h.settle();
    expect(h.set('web').metadata.deletionTimestamp).toBeDefined();
    expect(h.api.list<Pod>('Pod').every((p) => p.metadata.deletionTimestamp)).toBe(true);
    h.advance(250);
    expect(h.set('web').status).toMatchObject({ replicas: 3, availableReplicas: 0 });
    expect(h.set('web').status?.readyReplicas ?? 0).toBe(0);
    h.advance(1000);
    expect(h.podNames()).toEqual([]);
    expect(h.api.get<StatefulSet>('StatefulSet', 'default', 'web')).toBeUndefined();
    expect(h.events('web').filter((e) => e.includes('create Pod')).length).toBe(creates);
  });
});

describe('invariants', () => {
  it('the checker catches a Ready pod whose predecessor is not Ready', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 2 }));
    h.advanceUntil(() => h.isReady('web-1'));
    h.api.mutate<Pod>('Pod', 'default', 'web-0', (p) => {
      p.status.conditions = [{ type: 'Ready', status: 'False' }];
    }, { subresource: 'status' });
    expect(() => checkInvariants(h)).toThrow(InvariantViolation);
    h.disrupted = true;
    expect(() => checkInvariants(h)).not.toThrow();
  });
});

describe('determinism', () => {
  function run(seed: number) {
    const h = new Harness({ seed });
    h.createSet(webSet({ replicas: 3, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Delete' } }));
    h.advance(5000);
    h.updateSet('web', (s) => (s.spec.template.spec.containers[0]!.image = 'registry.k8s.io/nginx-slim:0.27'));
    h.advance(3000);
    h.updateSet('web', (s) => (s.spec.replicas = 1));
    h.advance(10_000);
    return JSON.stringify(h.api.dump());
  }
  it('gives the same objects for the same seed and steps', () => {
    expect(run(7)).toBe(run(7));
  });
});

describe('in the Cluster', () => {
  it('is registered: a StatefulSet gets web-0 and an event from statefulset-controller', () => {
    const cluster = new Cluster({ seed: 1, nodes: DEFAULT_NODES });
    cluster.api.create(webSet({ replicas: 2 }));
    cluster.settle();
    const pod = cluster.api.get<Pod>('Pod', 'default', 'web-0');
    expect(pod?.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', controller: true });
    const event = cluster.api.list<Event>('Event', 'default').find((e) => e.message === 'create Pod web-0 in StatefulSet web successful');
    expect(event).toMatchObject({ reason: 'SuccessfulCreate', type: 'Normal', source: { component: 'statefulset-controller' } });
    expect(event?.involvedObject).toMatchObject({ kind: 'StatefulSet', name: 'web' });
  });
});
