import { describe, expect, it } from 'vitest';
import type { ControllerRevision } from '../../../../src/sim/api/apps';
import { Harness, setImage, webSet } from './harness';

const OLD = 'registry.k8s.io/nginx-slim:0.24';
const NEW = 'registry.k8s.io/nginx-slim:0.27';

function image(h: Harness, pod: string): string | undefined {
  return h.pod(pod)?.spec.containers[0]?.image;
}

function revisionOf(h: Harness, pod: string): string | undefined {
  return h.pod(pod)?.metadata.labels?.['controller-revision-hash'];
}

function deletes(h: Harness): string[] {
  return h.events('web').filter((e) => e.includes('SuccessfulDelete')).map((e) => e.split(' ')[4]!);
}

function readySet(overrides: Parameters<typeof webSet>[0] = {}): Harness {
  const h = new Harness();
  h.createSet(webSet({ replicas: 3, ...overrides }));
  h.advanceUntil(() => h.set('web').status?.readyReplicas === 3);
  return h;
}

describe('RollingUpdate', () => {
  it('replaces pods from the highest ordinal down, one at a time, each after its successor is Ready', () => {
    const h = readySet();
    const oldRevision = h.set('web').status!.currentRevision!;
    h.updateSet('web', setImage(NEW));
    const newRevision = h.set('web').status!.updateRevision!;
    expect(newRevision).not.toBe(oldRevision);
    expect(h.set('web').status).toMatchObject({ observedGeneration: 2, currentRevision: oldRevision, updateRevision: newRevision });
    expect(h.pod('web-2')!.metadata.deletionTimestamp).toBeDefined();
    expect(h.pod('web-1')!.metadata.deletionTimestamp).toBeUndefined();
    h.advance(500);
    expect(image(h, 'web-2')).toBe(NEW);
    expect(revisionOf(h, 'web-2')).toBe(newRevision);
    expect(h.pod('web-1')!.metadata.deletionTimestamp).toBeUndefined();
    h.advance(1000);
    expect(h.isReady('web-2')).toBe(true);
    expect(h.pod('web-1')!.metadata.deletionTimestamp).toBeDefined();
    expect(h.set('web').status).toMatchObject({ currentReplicas: 1, updatedReplicas: 1 });
    h.advanceUntil(() => h.set('web').status?.currentRevision === newRevision);
    expect(deletes(h)).toEqual(['web-2', 'web-1', 'web-0']);
    expect(['web-0', 'web-1', 'web-2'].map((p) => image(h, p))).toEqual([NEW, NEW, NEW]);
    expect(h.set('web').status).toEqual({
      observedGeneration: 2,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      currentRevision: newRevision,
      updateRevision: newRevision,
      collisionCount: 0,
      availableReplicas: 3,
    });
  });

  it('with a partition updates only ordinals >= partition; a pod deleted below it comes back at the old revision', () => {
    const h = readySet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    const oldRevision = h.set('web').status!.currentRevision!;
    h.updateSet('web', setImage(NEW));
    h.advance(10_000);
    expect(['web-0', 'web-1', 'web-2'].map((p) => image(h, p))).toEqual([OLD, OLD, NEW]);
    const newRevision = h.set('web').status!.updateRevision!;
    expect(h.set('web').status).toMatchObject({ currentRevision: oldRevision, currentReplicas: 2, updatedReplicas: 1, readyReplicas: 3 });
    h.deletePod('web-0');
    h.advanceUntil(() => h.isReady('web-0'));
    expect(image(h, 'web-0')).toBe(OLD);
    expect(revisionOf(h, 'web-0')).toBe(oldRevision);
    h.updateSet('web', (s) => (s.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }));
    h.advanceUntil(() => h.set('web').status?.currentRevision === newRevision);
    expect(['web-0', 'web-1', 'web-2'].map((p) => image(h, p))).toEqual([NEW, NEW, NEW]);
  });

  it('with maxUnavailable 2 and Parallel replaces two pods at a time', () => {
    const h = new Harness();
    h.createSet(webSet({ replicas: 4, podManagementPolicy: 'Parallel', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 2 } } }));
    h.advanceUntil(() => h.set('web').status?.readyReplicas === 4);
    h.updateSet('web', setImage(NEW));
    expect(['web-0', 'web-1', 'web-2', 'web-3'].map((p) => h.pod(p)!.metadata.deletionTimestamp !== undefined)).toEqual([false, false, true, true]);
    h.advanceUntil(() => h.set('web').status?.updatedReplicas === 4 && h.set('web').status?.readyReplicas === 4);
    expect(deletes(h)).toEqual(['web-3', 'web-2', 'web-1', 'web-0']);
  });

  it('keeps a broken pod until it is deleted by hand, even after the template is reverted (forced rollback)', () => {
    const h = readySet();
    const good = h.set('web').status!.currentRevision!;
    h.updateSet('web', setImage('registry.k8s.io/nginx-slim:broken'));
    h.advance(30_000);
    expect(image(h, 'web-2')).toBe('registry.k8s.io/nginx-slim:broken');
    expect(h.isReady('web-2')).toBe(false);
    expect(deletes(h)).toEqual(['web-2']);
    h.updateSet('web', setImage(OLD));
    expect(h.set('web').status).toMatchObject({ currentRevision: good, updateRevision: good });
    h.advance(30_000);
    expect(image(h, 'web-2')).toBe('registry.k8s.io/nginx-slim:broken');
    expect(h.set('web').status).toMatchObject({ readyReplicas: 2, updatedReplicas: 2 });
    h.deletePod('web-2');
    h.advanceUntil(() => h.isReady('web-2'));
    expect(image(h, 'web-2')).toBe(OLD);
    expect(h.set('web').status).toMatchObject({ readyReplicas: 3, updatedReplicas: 3, currentRevision: good });
  });
});

describe('OnDelete', () => {
  it('changes no pod by itself; a deleted pod comes back at the update revision', () => {
    const h = readySet({ updateStrategy: { type: 'OnDelete' } });
    const oldRevision = h.set('web').status!.currentRevision!;
    h.updateSet('web', setImage(NEW));
    h.advance(30_000);
    expect(deletes(h)).toEqual([]);
    const newRevision = h.set('web').status!.updateRevision!;
    expect(h.set('web').status).toMatchObject({ currentRevision: oldRevision, currentReplicas: 3 });
    // updatedReplicas is omitempty in the API: zero is not written.
    expect(h.set('web').status).not.toHaveProperty('updatedReplicas');
    h.deletePod('web-1');
    h.advanceUntil(() => h.isReady('web-1'));
    expect(image(h, 'web-1')).toBe(NEW);
    expect(revisionOf(h, 'web-1')).toBe(newRevision);
    expect(h.set('web').status).toMatchObject({ currentRevision: oldRevision, currentReplicas: 2, updatedReplicas: 1 });
  });
});

describe('ControllerRevisions', () => {
  it('are named <set>-<hash>, labelled, owned by the set and numbered', () => {
    const h = readySet();
    const [first] = h.revisions();
    const hash = first!.metadata.labels!['controller.kubernetes.io/hash']!;
    expect(first!.metadata.name).toBe(`web-${hash}`);
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(first!.metadata.labels).toEqual({ app: 'nginx', 'controller.kubernetes.io/hash': hash });
    expect(first!.revision).toBe(1);
    expect(first!.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: h.set('web').metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(h.pod('web-0')!.metadata.labels!['controller-revision-hash']).toBe(first!.metadata.name);
    expect((first!.data as { spec: { template: Record<string, unknown> } }).spec.template.$patch).toBe('replace');
  });

  it('a rollback to an earlier template renumbers its revision instead of creating one', () => {
    const h = readySet();
    const first = h.revisions()[0]!.metadata.name;
    h.updateSet('web', setImage(NEW));
    h.advanceUntil(() => h.set('web').status?.currentRevision !== first);
    const second = h.set('web').status!.currentRevision!;
    h.updateSet('web', setImage(OLD));
    const byName = new Map(h.revisions().map((r) => [r.metadata.name, r.revision]));
    expect(byName).toEqual(new Map([[first, 3], [second, 2]]));
    expect(h.set('web').status!.updateRevision).toBe(first);
    h.advanceUntil(() => h.set('web').status?.currentRevision === first);
  });

  it('keeps at most revisionHistoryLimit revisions that no pod uses', () => {
    const h = readySet({ revisionHistoryLimit: 1 });
    const names: string[] = [h.revisions()[0]!.metadata.name];
    for (const tag of ['0.25', '0.26']) {
      h.updateSet('web', setImage(`registry.k8s.io/nginx-slim:${tag}`));
      h.advanceUntil(() => h.set('web').status?.currentRevision === h.set('web').status?.updateRevision);
      names.push(h.set('web').status!.currentRevision!);
    }
    h.updateSet('web', (s) => (s.metadata.labels = { touched: 'yes' }));
    const remaining = h.revisions().sort((a: ControllerRevision, b: ControllerRevision) => a.revision - b.revision);
    expect(remaining.map((r) => r.metadata.name)).toEqual([names[1], names[2]]);
    expect(remaining.map((r) => r.revision)).toEqual([2, 3]);
  });
});
