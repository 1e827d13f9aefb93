import { describe, expect, it } from 'vitest';
import type { Event, Node, Pod } from '../../../src/sim/api/core';
import { DEFAULT_NODES } from '../../../src/sim/scenarios/bootstrap';
import { cordon, createClaim, createPod, createVolume, lastMessage, newCluster, pod } from './helpers';

const PREEMPT4 = 'no new claims to deallocate, preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.';

describe('filters and FailedScheduling', () => {
  it('skips cordoned nodes and binds with a Scheduled event', () => {
    const c = newCluster(3);
    for (const n of ['node-1', 'node-2', 'node-3']) cordon(c, n);
    createPod(c, 'p');
    c.settle();
    expect(pod(c, 'p')?.spec.nodeName).toBe('node-4');
    expect(lastMessage(c, 'Pod', 'p', 'Scheduled')).toBe('Successfully assigned default/p to node-4');
    const cond = pod(c, 'p')?.status.conditions?.find((x) => x.type === 'PodScheduled');
    expect(cond?.status).toBe('True');
  });

  it.each([
    ['all cordoned', (c: ReturnType<typeof newCluster>) => DEFAULT_NODES.forEach((n) => cordon(c, n.name)), {}, `0/4 nodes are available: 4 node(s) were unschedulable. ${PREEMPT4}`],
    [
      'untolerated taint on two, selector misses two',
      (c: ReturnType<typeof newCluster>) =>
        ['node-1', 'node-2'].forEach((n) => c.api.mutate<Node>('Node', undefined, n, (d) => void (d.spec.taints = [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]))),
      { nodeSelector: { 'topology.kubernetes.io/zone': 'zone-a' } },
      `0/4 nodes are available: 2 node(s) didn't match Pod's node affinity/selector, 2 node(s) had untolerated taint(s). ${PREEMPT4}`,
    ],
    [
      'node not Ready is tainted not-ready',
      (c: ReturnType<typeof newCluster>) =>
        DEFAULT_NODES.forEach((n) => c.api.mutate<Node>('Node', undefined, n.name, (d) => void (d.status.conditions.find((x) => x.type === 'Ready')!.status = 'Unknown'), { subresource: 'status' })),
      {},
      `0/4 nodes are available: 4 node(s) had untolerated taint(s). ${PREEMPT4}`,
    ],
  ])('%s', (_name, setup, spec, message) => {
    const c = newCluster(5);
    setup(c);
    createPod(c, 'p', { spec });
    c.settle();
    expect(pod(c, 'p')?.spec.nodeName).toBeUndefined();
    expect(lastMessage(c, 'Pod', 'p', 'FailedScheduling')).toBe(message);
    const cond = pod(c, 'p')?.status.conditions?.find((x) => x.type === 'PodScheduled');
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable', message });
  });

  it('tolerations let a pod onto a tainted node', () => {
    const c = newCluster(5);
    DEFAULT_NODES.forEach((n) => c.api.mutate<Node>('Node', undefined, n.name, (d) => void (d.spec.taints = [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }])));
    createPod(c, 'p', { spec: { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }] } });
    c.settle();
    expect(pod(c, 'p')?.spec.nodeName).toBeDefined();
  });

  it('reports Too many pods with no preemption victims, and retries when a pod goes away', () => {
    const c = newCluster(9, [{ name: 'node-1', zone: 'zone-a', maxPods: 1 }]);
    createPod(c, 'a');
    c.settle();
    createPod(c, 'b');
    c.settle();
    expect(lastMessage(c, 'Pod', 'b', 'FailedScheduling')).toBe(
      '0/1 nodes are available: 1 Too many pods. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
    c.api.delete('Pod', 'default', 'a', { gracePeriodSeconds: 0 });
    c.advance(2000);
    expect(pod(c, 'b')?.spec.nodeName).toBe('node-1');
  });

  it('retries a pod rejected by a cordon once the node is uncordoned, and after 5 minutes at the latest', () => {
    const c = newCluster(5);
    DEFAULT_NODES.forEach((n) => cordon(c, n.name));
    createPod(c, 'p');
    c.advance(299_000);
    const failures = () => c.api.list<Event>('Event', 'default').filter((e) => e.reason === 'FailedScheduling').map((e) => e.count);
    expect(failures()).toEqual([1]);
    c.advance(2_000);
    expect(failures()).toEqual([2]);
    c.api.mutate<Node>('Node', undefined, 'node-2', (d) => void (d.spec.unschedulable = false));
    c.advance(11_000);
    expect(pod(c, 'p')?.spec.nodeName).toBe('node-2');
  });

  it('a PV in zone-a makes a pod unschedulable in zone-b with volume node affinity conflict', () => {
    const c = newCluster(2);
    createVolume(c, 'pv-a', {
      storageClassName: 'manual',
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-a'] }] }] } },
    });
    createClaim(c, 'data', { storageClassName: 'manual' });
    c.settle();
    cordon(c, 'node-1');
    createPod(c, 'p', { claims: ['data'], spec: { nodeSelector: { 'kubernetes.io/hostname': 'node-1' } } });
    c.settle();
    expect(lastMessage(c, 'Pod', 'p', 'FailedScheduling')).toBe(`0/4 nodes are available: 1 node(s) were unschedulable, 3 node(s) didn't match Pod's node affinity/selector. ${PREEMPT4}`);
    c.api.delete('Pod', 'default', 'p');
    createPod(c, 'q', { claims: ['data'] });
    cordon(c, 'node-2');
    c.settle();
    expect(lastMessage(c, 'Pod', 'q', 'FailedScheduling')).toBe(`0/4 nodes are available: 2 node(s) didn't match PersistentVolume's node affinity, 2 node(s) were unschedulable. ${PREEMPT4}`);
  });

  it('reports a missing claim at PreFilter', () => {
    const c = newCluster(2);
    createPod(c, 'p', { claims: ['www-web-0'] });
    c.settle();
    expect(lastMessage(c, 'Pod', 'p', 'FailedScheduling')).toBe(
      '0/4 nodes are available: persistentvolumeclaim "www-web-0" not found. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
    createClaim(c, 'www-web-0');
    c.advance(5000);
    expect(pod(c, 'p')?.spec.nodeName).toBeDefined();
  });
});

describe('spreading and determinism', () => {
  /** A controller owner that exists (so the garbage collector keeps its pods) and that no controller acts on. */
  function ownerIn(c: ReturnType<typeof newCluster>) {
    const cm = c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' } });
    return { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: cm.metadata.uid, controller: true };
  }

  function placements(seed: number): string[] {
    const c = newCluster(seed);
    const owner = ownerIn(c);
    for (let i = 0; i < 12; i++) createPod(c, `p-${i}`, { owner });
    c.settle();
    return Array.from({ length: 12 }, (_, i) => pod(c, `p-${i}`)!.spec.nodeName!);
  }

  it('spreads pods of one owner evenly over the nodes', () => {
    const nodes = placements(11);
    for (const n of ['node-1', 'node-2', 'node-3', 'node-4']) expect(nodes.filter((x) => x === n)).toHaveLength(3);
  });

  it('breaks ties from the seed: same seed, same placements', () => {
    expect(placements(11)).toEqual(placements(11));
    const seeds = [1, 2, 3, 4, 5, 6].map((s) => placements(s).join());
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  // Speed is measured by `npm run bench`, not asserted here: this checks that a large batch all binds.
  it('binds 2,000 pods on 50 nodes in one pass of its queue', () => {
    const nodes = Array.from({ length: 50 }, (_, i) => ({ name: `n-${i}`, zone: i % 2 ? 'zone-a' : 'zone-b' }));
    const c = newCluster(1, nodes);
    const owner = ownerIn(c);
    for (let i = 0; i < 2000; i++) {
      c.api.create<Pod>({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `p-${i}`, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '', ownerReferences: [owner] },
        spec: { containers: [{ name: 'c', image: 'busybox' }], schedulerName: 'default-scheduler' },
        status: { phase: 'Pending' },
      });
    }
    const sched = c.controller('default-scheduler')!;
    for (let key = sched.queue.pop(); key !== undefined; key = sched.queue.pop()) sched.sync(key);
    const bound = c.api.list<Pod>('Pod').filter((p) => p.spec.nodeName).length;
    expect(bound).toBe(2000);
  });
});
