import { describe, expect, it } from 'vitest';
import type { PersistentVolumeClaim } from '../../../../src/sim/api/core';
import { StatefulPodControl } from '../../../../src/sim/controllers/statefulset/statefulPodControl';
import { newStatefulSetPod } from '../../../../src/sim/controllers/statefulset/statefulSetUtils';
import { Harness, webSet } from './harness';

function scale(h: Harness, replicas: number) {
  h.updateSet('web', (s) => (s.spec.replicas = replicas));
}

/** True when the garbage collector has deleted the claim (it may wait on the pvc-protection finalizer). */
function deleted(h: Harness, claim: string): boolean {
  const pvc = h.pvc(claim);
  return pvc === undefined || pvc.metadata.deletionTimestamp !== undefined;
}

function owners(h: Harness, claim: string) {
  return (h.pvc(claim)?.metadata.ownerReferences ?? []).map((r) => `${r.kind}/${r.name} controller=${r.controller} block=${r.blockOwnerDeletion}`);
}

describe('PersistentVolumeClaims from volumeClaimTemplates', () => {
  it('creates one claim per ordinal, before its pod, and keeps it on scale down', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 3 }));
    h.advanceUntil(() => h.isReady('web-2'));
    for (const i of [0, 1, 2]) {
      const claim = h.pvc(`www-web-${i}`)!;
      expect(claim.metadata.labels).toEqual({ app: 'nginx' });
      expect(claim.spec).toMatchObject({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } });
      expect(claim.metadata.ownerReferences).toBeUndefined();
      expect(h.pod(`web-${i}`)!.spec.volumes).toContainEqual({ name: 'www', persistentVolumeClaim: { claimName: `www-web-${i}` } });
    }
    const uids = [0, 1, 2].map((i) => h.pvc(`www-web-${i}`)!.metadata.uid);
    scale(h, 1);
    h.advanceUntil(() => h.podNames().length === 1);
    expect(h.api.list<PersistentVolumeClaim>('PersistentVolumeClaim').map((c) => c.metadata.name)).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
    scale(h, 3);
    h.advanceUntil(() => h.isReady('web-2'));
    expect([0, 1, 2].map((i) => h.pvc(`www-web-${i}`)!.metadata.uid)).toEqual(uids);
    expect(h.eventCount('create Claim www-web-2 Pod web-2 in StatefulSet web success')).toBe(1);
  });

  it('reports a claim that is being deleted as FailedCreate and retries', () => {
    const h = new Harness();
    h.api.create<PersistentVolumeClaim>({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'www-web-0', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '', finalizers: ['kubernetes.io/pvc-protection'] },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      status: { phase: 'Pending' },
    });
    h.api.delete('PersistentVolumeClaim', 'default', 'www-web-0');
    h.createSet(webSet({ replicas: 1 }));
    expect(h.podNames()).toEqual([]);
    expect(h.events('web')).toEqual(['Warning FailedCreate: create Pod web-0 in StatefulSet web failed error: pvc www-web-0 is being deleted']);
    h.api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'www-web-0', (c) => {
      delete c.metadata.finalizers;
    });
    h.advance(1000);
    expect(h.podNames()).toEqual(['web-0']);
    expect(h.pvc('www-web-0')!.metadata.deletionTimestamp).toBeUndefined();
  });
});

describe('persistentVolumeClaimRetentionPolicy', () => {
  it('whenScaled=Delete: a condemned pod becomes the controller of its claim, which goes with it', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 3, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' } }));
    h.advanceUntil(() => h.isReady('web-2'));
    expect(owners(h, 'www-web-2')).toEqual([]);
    scale(h, 1);
    expect(owners(h, 'www-web-2')).toEqual(['Pod/web-2 controller=true block=true']);
    expect(owners(h, 'www-web-1')).toEqual(['Pod/web-1 controller=true block=true']);
    expect(h.pvc('www-web-2')!.metadata.ownerReferences![0]!.uid).toBe(h.pod('web-2')!.metadata.uid);
    h.advance(500);
    expect(h.pod('web-2')).toBeUndefined();
    expect(deleted(h, 'www-web-2')).toBe(true);
    expect(deleted(h, 'www-web-1')).toBe(false);
    h.advanceUntil(() => h.podNames().length === 1);
    expect(deleted(h, 'www-web-1')).toBe(true);
    expect(deleted(h, 'www-web-0')).toBe(false);
    expect(owners(h, 'www-web-0')).toEqual([]);
    // Let the claims go (the pvc-protection controller is not part of this harness).
    for (const name of ['www-web-1', 'www-web-2']) {
      h.api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', name, (c) => {
        delete c.metadata.finalizers;
      });
    }
    scale(h, 2);
    h.advanceUntil(() => h.isReady('web-1'));
    expect(h.eventCount('create Claim www-web-1 Pod web-1 in StatefulSet web success')).toBe(2);
  });

  it('whenDeleted=Delete: the set is the controller of every claim, and deleting the set deletes them', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 2, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' } }));
    h.advanceUntil(() => h.isReady('web-1'));
    expect(owners(h, 'www-web-0')).toEqual(['StatefulSet/web controller=true block=true']);
    scale(h, 1);
    h.advanceUntil(() => h.podNames().length === 1);
    expect(owners(h, 'www-web-1')).toEqual(['StatefulSet/web controller=true block=true']);
    h.api.delete('StatefulSet', 'default', 'web');
    h.advance(1000);
    expect(h.podNames()).toEqual([]);
    expect(deleted(h, 'www-web-0')).toBe(true);
    expect(deleted(h, 'www-web-1')).toBe(true);
  });

  it('Delete/Delete: the set owns claims in range, the pod owns the claim once condemned', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 2, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Delete' } }));
    h.advanceUntil(() => h.isReady('web-1'));
    expect(owners(h, 'www-web-1')).toEqual(['StatefulSet/web controller=true block=true']);
    scale(h, 1);
    expect(owners(h, 'www-web-1')).toEqual(['Pod/web-1 controller=true block=true']);
    expect(owners(h, 'www-web-0')).toEqual(['StatefulSet/web controller=true block=true']);
  });

  it('Retain/Retain: deleting the set keeps the claims', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 2 }));
    h.advanceUntil(() => h.isReady('web-1'));
    h.api.delete('StatefulSet', 'default', 'web');
    h.advance(1000);
    expect(h.podNames()).toEqual([]);
    expect(h.api.list<PersistentVolumeClaim>('PersistentVolumeClaim').map((c) => c.metadata.name)).toEqual(['www-web-0', 'www-web-1']);
    expect(deleted(h, 'www-web-0') || deleted(h, 'www-web-1')).toBe(false);
  });

  it('treats a claim still owned by an earlier pod of the same name as stale (whenScaled=Delete)', () => {
    const h = new Harness();
    const set = h.api.create(webSet({ replicas: 1, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' } }));
    h.api.create<PersistentVolumeClaim>({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: 'www-web-0',
        namespace: 'default',
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'web-0', uid: 'earlier-pod', controller: true, blockOwnerDeletion: true }],
      },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      status: { phase: 'Pending' },
    });
    const control = new StatefulPodControl(h.ctx);
    expect(control.podClaimIsStale(set, newStatefulSetPod(set, 0))).toBe(true);
    expect(control.podClaimIsStale({ ...set, spec: { ...set.spec, persistentVolumeClaimRetentionPolicy: undefined } }, newStatefulSetPod(set, 0))).toBe(false);
  });
});
