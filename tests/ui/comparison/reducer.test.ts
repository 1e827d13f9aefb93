import { describe, expect, it } from 'vitest';
import { initialHistory, reduceHistory } from '../../../src/ui/history';
import type { History, WorkloadHistory } from '../../../src/ui/history';
import { deployPod, event, rows, snapshot, startPods, stsPod } from './builders';
import type { SnapshotOptions } from './builders';
import type { PodSnapshot } from '../../../src/protocol';

const T0 = 60_000;

function workload(h: History, kind: WorkloadHistory['kind']): WorkloadHistory {
  return h.workloads.find((w) => w.kind === kind)!;
}

/** Each slot's key and the names (and uids) that held it. */
function slotTable(w: WorkloadHistory): [string, string[]][] {
  return w.slots.map((s) => [s.key, s.pods.map((r) => `${r.name}#${r.uid}`)]);
}

function fold(steps: [number, PodSnapshot[], SnapshotOptions?][]): History {
  let h: History | null = null;
  for (const [time, pods, options] of steps) h = reduceHistory(h, snapshot(time, pods, options));
  return h!;
}

const without = (uid: string) => startPods().filter((p) => p.uid !== uid);

describe('reduceHistory', () => {
  it('keeps the object of every slot a change did not touch (the panel skips those by identity)', () => {
    const first = fold([[T0, startPods()]]);
    const scaled = reduceHistory(
      first,
      snapshot(T0 + 1000, [...startPods(), stsPod(3, { uid: 's3', node: 'node-3', createdAt: T0 + 500 })]),
    );
    const before = workload(first, 'StatefulSet').slots;
    const after = workload(scaled, 'StatefulSet').slots;
    expect(after).toHaveLength(4);
    after.slice(0, 3).forEach((slot, i) => expect(slot).toBe(before[i]));
    expect(workload(scaled, 'Deployment')).toBe(workload(first, 'Deployment'));
    // A replaced Deployment pod changes its own slot only.
    const replaced = reduceHistory(
      scaled,
      snapshot(T0 + 2000, [
        ...without('d2'),
        stsPod(3, { uid: 's3', node: 'node-3', createdAt: T0 + 500 }),
        deployPod('zzzzz', { uid: 'd4', node: 'node-2', createdAt: T0 + 1500 }),
      ]),
    );
    const deployBefore = workload(scaled, 'Deployment').slots;
    const deployAfter = workload(replaced, 'Deployment').slots;
    expect(deployAfter[0]).toBe(deployBefore[0]);
    expect(deployAfter[1]).not.toBe(deployBefore[1]);
    expect(deployAfter[2]).toBe(deployBefore[2]);
  });

  it('starts with one slot per pod: StatefulSet by ordinal, Deployment by creation order', () => {
    const h = fold([[T0, startPods()]]);
    expect(slotTable(workload(h, 'StatefulSet'))).toEqual([
      ['ordinal:0', ['mysql-0#s0']],
      ['ordinal:1', ['mysql-1#s1']],
      ['ordinal:2', ['mysql-2#s2']],
    ]);
    expect(slotTable(workload(h, 'Deployment'))).toEqual([
      ['position:0', ['mysql-deploy-6d9c8b7f5-aaaaa#d1']],
      ['position:1', ['mysql-deploy-6d9c8b7f5-bbbbb#d2']],
      ['position:2', ['mysql-deploy-6d9c8b7f5-ccccc#d3']],
    ]);
    expect(workload(h, 'StatefulSet').episode).toBeNull();
    expect(workload(h, 'StatefulSet').slots[1]!.pods[0]).toMatchObject({
      dnsName: 'mysql-1.mysql.default.svc.cluster.local',
      zone: 'zone-a',
      volume: { claimName: 'data-mysql-1', pvName: 'pv-1', pvZone: 'zone-a', volumeId: 'pv:pv-1' },
    });
    expect(workload(h, 'Deployment').slots[0]!.pods[0]!.dnsName).toBeNull();
    expect(workload(h, 'Deployment').service).toEqual({ name: 'mysql-deploy', dnsName: 'mysql-deploy.default.svc.cluster.local', clusterIP: '10.96.4.21' });
  });

  it.each<[string, [number, PodSnapshot[], SnapshotOptions?][], [string, string[]][]]>([
    [
      'a re-created StatefulSet pod keeps its ordinal slot (seen terminating, then gone, then back)',
      [
        [T0, startPods()],
        [T0 + 1000, [...without('s1'), stsPod(1, { uid: 's1', node: 'node-1', ip: '10.244.1.3', createdAt: 5000, deletingAt: T0 + 1000 })]],
        [T0 + 5000, without('s1')],
        [T0 + 6000, [...without('s1'), stsPod(1, { uid: 's1b', node: 'node-2', ip: '10.244.2.7', createdAt: T0 + 5500 })]],
      ],
      [
        ['ordinal:0', ['mysql-0#s0']],
        ['ordinal:1', ['mysql-1#s1', 'mysql-1#s1b']],
        ['ordinal:2', ['mysql-2#s2']],
      ],
    ],
    [
      'a re-created StatefulSet pod keeps its slot when the old one was never seen terminating',
      [
        [T0, startPods()],
        [T0 + 12_000, [...without('s1'), stsPod(1, { uid: 's1b', node: 'node-2', createdAt: T0 + 11_000 })]],
      ],
      [
        ['ordinal:0', ['mysql-0#s0']],
        ['ordinal:1', ['mysql-1#s1', 'mysql-1#s1b']],
        ['ordinal:2', ['mysql-2#s2']],
      ],
    ],
    [
      'scaling up adds slots by ordinal, in order',
      [
        [T0, startPods()],
        [T0 + 1000, [...startPods(), stsPod(4, { uid: 's4', createdAt: T0 + 900 }), stsPod(3, { uid: 's3', createdAt: T0 + 500 })], { stsReplicas: 5 }],
      ],
      [
        ['ordinal:0', ['mysql-0#s0']],
        ['ordinal:1', ['mysql-1#s1']],
        ['ordinal:2', ['mysql-2#s2']],
        ['ordinal:3', ['mysql-3#s3']],
        ['ordinal:4', ['mysql-4#s4']],
      ],
    ],
  ])('%s', (_name, steps, expected) => {
    expect(slotTable(workload(fold(steps), 'StatefulSet'))).toEqual(expected);
  });

  it.each<[string, [number, PodSnapshot[], SnapshotOptions?][], [string, string[]][]]>([
    [
      'a replacement takes the place of the pod it replaced, while that one terminates',
      [
        [T0, startPods()],
        [T0 + 1000, [...without('d2'), deployPod('bbbbb', { uid: 'd2', node: 'node-4', deletingAt: T0 + 1000 }), deployPod('xxxxx', { uid: 'd4', node: 'node-3', createdAt: T0 + 1000 })]],
      ],
      [
        ['position:0', ['mysql-deploy-6d9c8b7f5-aaaaa#d1']],
        ['position:1', ['mysql-deploy-6d9c8b7f5-bbbbb#d2', 'mysql-deploy-6d9c8b7f5-xxxxx#d4']],
        ['position:2', ['mysql-deploy-6d9c8b7f5-ccccc#d3']],
      ],
    ],
    [
      'a replacement takes the place of a pod already gone',
      [
        [T0, startPods()],
        [T0 + 12_000, [...without('d3'), deployPod('xxxxx', { uid: 'd4', createdAt: T0 + 1000 })]],
      ],
      [
        ['position:0', ['mysql-deploy-6d9c8b7f5-aaaaa#d1']],
        ['position:1', ['mysql-deploy-6d9c8b7f5-bbbbb#d2']],
        ['position:2', ['mysql-deploy-6d9c8b7f5-ccccc#d3', 'mysql-deploy-6d9c8b7f5-xxxxx#d4']],
      ],
    ],
    [
      'several replacements fill the places in the order of deletion, new pods in creation order',
      [
        [T0, startPods()],
        [T0 + 1000, [...without('d3'), deployPod('ccccc', { uid: 'd3', deletingAt: T0 + 1000 })]],
        [T0 + 2000, [startPods()[0]!, startPods()[1]!, startPods()[2]!, startPods()[4]!, deployPod('ccccc', { uid: 'd3', deletingAt: T0 + 1000 }), deployPod('aaaaa', { uid: 'd1', deletingAt: T0 + 2000 }), deployPod('zzzzz', { uid: 'd6', createdAt: T0 + 2000 }), deployPod('yyyyy', { uid: 'd5', createdAt: T0 + 1000 })]],
      ],
      [
        ['position:0', ['mysql-deploy-6d9c8b7f5-aaaaa#d1', 'mysql-deploy-6d9c8b7f5-zzzzz#d6']],
        ['position:1', ['mysql-deploy-6d9c8b7f5-bbbbb#d2']],
        ['position:2', ['mysql-deploy-6d9c8b7f5-ccccc#d3', 'mysql-deploy-6d9c8b7f5-yyyyy#d5']],
      ],
    ],
    [
      'a scale-up pod with no place free gets a new slot',
      [
        [T0, startPods()],
        [T0 + 1000, [...startPods(), deployPod('ddddd', { uid: 'd4', createdAt: T0 + 1000 })], { deployReplicas: 4 }],
      ],
      [
        ['position:0', ['mysql-deploy-6d9c8b7f5-aaaaa#d1']],
        ['position:1', ['mysql-deploy-6d9c8b7f5-bbbbb#d2']],
        ['position:2', ['mysql-deploy-6d9c8b7f5-ccccc#d3']],
        ['position:3', ['mysql-deploy-6d9c8b7f5-ddddd#d4']],
      ],
    ],
  ])('Deployment: %s', (_name, steps, expected) => {
    expect(slotTable(workload(fold(steps), 'Deployment'))).toEqual(expected);
  });

  it('records the node and IP of each holder and when it was created, deleted and gone', () => {
    const h = fold([
      [T0, startPods()],
      [T0 + 1000, [...without('s1'), stsPod(1, { uid: 's1', node: 'node-1', ip: '10.244.1.3', createdAt: 5000, deletingAt: T0 + 1000 })]],
      [T0 + 5000, without('s1')],
      [T0 + 6000, [...without('s1'), stsPod(1, { uid: 's1b', node: 'node-2', ip: null, createdAt: T0 + 5500, isReady: false, status: 'ContainerCreating' })]],
      [T0 + 9000, [...without('s1'), stsPod(1, { uid: 's1b', node: 'node-2', ip: '10.244.2.7', createdAt: T0 + 5500, readyAt: T0 + 8000 })]],
    ]);
    const [before, after] = workload(h, 'StatefulSet').slots[1]!.pods;
    expect(before).toMatchObject({ nodeName: 'node-1', ip: '10.244.1.3', terminatingAt: T0 + 1000, gracePeriodSeconds: 10, goneAt: T0 + 5000, deletedBy: 'user' });
    expect(after).toMatchObject({ nodeName: 'node-2', ip: '10.244.2.7', createdAt: T0 + 5500, readyAt: T0 + 8000, goneAt: null, firstSeenAt: T0 + 6000, status: 'Running' });
  });

  it.each<[string, number, number, number]>([
    ['a PVC keeps the rows across the replacement', 3, 3, 3],
    ['rows written after the replacement are seen on the same volume', 3, 5, 5],
  ])('data on a StatefulSet volume: %s', (_name, rowsBefore, rowsAfter, expected) => {
    const h = fold([
      [T0, startPods(), { volumeData: [rows('pv:pv-1', rowsBefore)] }],
      [T0 + 12_000, [...without('s1'), stsPod(1, { uid: 's1b', node: 'node-2', createdAt: T0 + 11_000 })], { volumeData: [rows('pv:pv-1', rowsAfter)] }],
    ]);
    const [before, after] = workload(h, 'StatefulSet').slots[1]!.pods;
    expect(before!.data!.rows).toBe(rowsBefore);
    expect(after!.data!.rows).toBe(expected);
    expect(after!.volume!.pvName).toBe(before!.volume!.pvName);
  });

  it('remembers the rows an emptyDir had once the volume is gone with its pod', () => {
    const h = fold([
      [T0, startPods(), { volumeData: [rows('emptydir:d2/data', 2)] }],
      [T0 + 1000, [...without('d2'), deployPod('bbbbb', { uid: 'd2', deletingAt: T0 + 1000 }), deployPod('xxxxx', { uid: 'd4', createdAt: T0 + 1000 })], { volumeData: [rows('emptydir:d2/data', 2), rows('emptydir:d4/data', 0)] }],
      [T0 + 12_000, [...without('d2'), deployPod('xxxxx', { uid: 'd4', createdAt: T0 + 1000 })], { volumeData: [rows('emptydir:d4/data', 0)] }],
    ]);
    const [before, after] = workload(h, 'Deployment').slots[1]!.pods;
    expect(before).toMatchObject({ data: { rows: 2 }, goneAt: T0 + 12_000, volume: { source: 'emptyDir', volumeId: 'emptydir:d2/data' } });
    expect(after).toMatchObject({ data: { rows: 0 }, volume: { volumeId: 'emptydir:d4/data' } });
  });

  const deleting = (options: SnapshotOptions) =>
    fold([
      [T0, startPods()],
      [T0 + 1000, [...without('s1'), stsPod(1, { uid: 's1', node: 'node-1', createdAt: 5000, deletingAt: T0 + 1000 })], options],
    ]);
  it.each<[string, SnapshotOptions, string]>([
    ['no Event names it: a person', {}, 'user'],
    [
      'its controller reports SuccessfulDelete',
      { events: [event('e1', 'SuccessfulDelete', 'delete Pod mysql-1 in StatefulSet mysql successful', T0 + 1000, { object: 'statefulset/mysql', uid: 'sts-uid' })] },
      'controller',
    ],
    [
      'the taint eviction controller marked it',
      { events: [event('e1', 'TaintManagerEviction', 'Marking for deletion Pod default/mysql-1', T0 + 1000, { object: 'pod/mysql-1', uid: 's1' })], notReady: ['node-1'] },
      'taint',
    ],
    ['its node is cordoned: a drain', { cordoned: ['node-1'] }, 'drain'],
    ['its node is NotReady', { notReady: ['node-1'] }, 'nodeLost'],
  ])('who deleted the pod: %s', (_name, options, cause) => {
    const w = workload(deleting(options), 'StatefulSet');
    expect(w.slots[1]!.pods[0]!.deletedBy).toBe(cause);
    expect(w.episode!.actions).toEqual([{ type: 'deletedPod', time: T0 + 1000, podName: 'mysql-1', uid: 's1', nodeName: 'node-1', cause }]);
  });

  it('an earlier SuccessfulDelete of a pod with the same name does not explain a later deletion', () => {
    const old = event('e0', 'SuccessfulDelete', 'delete Pod mysql-1 in StatefulSet mysql successful', 2000, { object: 'statefulset/mysql', uid: 'sts-uid' });
    expect(workload(deleting({ events: [old] }), 'StatefulSet').slots[1]!.pods[0]!.deletedBy).toBe('user');
  });

  it('a scale starts an episode; the Events that follow join it, each counted once', () => {
    const created = event('e1', 'SuccessfulCreate', 'create Pod mysql-3 in StatefulSet mysql successful', T0 + 1000, { object: 'statefulset/mysql', uid: 'sts-uid' });
    const scheduled = event('e2', 'Scheduled', 'Successfully assigned default/mysql-3 to node-2', T0 + 2000, { object: 'pod/mysql-3', uid: 's3' });
    const other = event('e3', 'Scheduled', 'Successfully assigned default/x to node-2', T0 + 2000, { object: 'pod/x', uid: 'x' });
    const mysql3 = stsPod(3, { uid: 's3', createdAt: T0 + 1000, isReady: false });
    const h = fold([
      [T0, startPods()],
      [T0 + 1000, [...startPods(), mysql3], { stsReplicas: 4, events: [created] }],
      [T0 + 2000, [...startPods(), mysql3], { stsReplicas: 4, events: [created, scheduled, other] }],
      [T0 + 3000, [...startPods(), mysql3], { stsReplicas: 4, events: [created, scheduled, other] }],
    ]);
    const episode = workload(h, 'StatefulSet').episode!;
    expect(episode.actions).toEqual([{ type: 'scaled', time: T0 + 1000, from: 3, to: 4 }]);
    expect(episode.events.map((e) => e.uid)).toEqual(['e1', 'e2']);
    expect(workload(h, 'Deployment').episode).toBeNull();
  });

  it('a new action starts a new episode; the controller finishing its work does not', () => {
    const h1 = fold([
      [T0, startPods()],
      [T0 + 1000, [...startPods(), stsPod(3, { uid: 's3', createdAt: T0 + 1000 })], { stsReplicas: 4 }],
      [T0 + 9000, [...startPods(), stsPod(3, { uid: 's3', createdAt: T0 + 1000, deletingAt: T0 + 9000 })], { stsReplicas: 3, events: [event('e1', 'SuccessfulDelete', 'delete Pod mysql-3 in StatefulSet mysql successful', T0 + 9000, { object: 'statefulset/mysql', uid: 'sts-uid' })] }],
    ]);
    const episode = workload(h1, 'StatefulSet').episode!;
    expect(episode.start).toBe(T0 + 9000);
    expect(episode.actions.map((a) => a.type)).toEqual(['deletedPod', 'scaled']);
  });

  it('a pod of a new ReplicaSet is a new revision of the Deployment', () => {
    const h = fold([
      [T0, startPods()],
      [T0 + 1000, [...startPods(), deployPod('nnnnn', { uid: 'd9', createdAt: T0 + 1000, isReady: false }, '7f8d9c6b5')], { deployReplicas: 3 }],
    ]);
    expect(workload(h, 'Deployment').episode!.actions).toEqual([{ type: 'newRevision', time: T0 + 1000, ownerName: 'mysql-deploy-7f8d9c6b5' }]);
  });

  it('keeps the identity of what did not change', () => {
    const h1 = fold([[T0, startPods()]]);
    const h2 = reduceHistory(h1, snapshot(T0 + 1000, startPods()));
    expect(h2.workloads).toBe(h1.workloads);
    const h3 = reduceHistory(h2, snapshot(T0 + 2000, [...without('d2'), deployPod('bbbbb', { uid: 'd2', node: 'node-4', ip: '10.244.4.2', deletingAt: T0 + 2000 })]));
    expect(workload(h3, 'StatefulSet')).toBe(workload(h2, 'StatefulSet'));
    expect(workload(h3, 'Deployment')).not.toBe(workload(h2, 'Deployment'));
    expect(workload(h3, 'Deployment').slots[0]).toBe(workload(h2, 'Deployment').slots[0]);
  });

  it('starts afresh when time goes backwards, and a reset starts from the snapshot given', () => {
    const h = fold([
      [T0, startPods()],
      [T0 + 12_000, [...without('s1'), stsPod(1, { uid: 's1b', createdAt: T0 + 11_000 })]],
    ]);
    const back = reduceHistory(h, snapshot(T0, startPods()));
    expect(back.startedAt).toBe(T0);
    expect(slotTable(workload(back, 'StatefulSet'))[1]).toEqual(['ordinal:1', ['mysql-1#s1']]);
    const reset = initialHistory(snapshot(T0 + 13_000, [...without('s1'), stsPod(1, { uid: 's1b', createdAt: T0 + 11_000 })]));
    expect(reset.startedAt).toBe(T0 + 13_000);
    expect(slotTable(workload(reset, 'StatefulSet'))[1]).toEqual(['ordinal:1', ['mysql-1#s1b']]);
    expect(workload(reset, 'StatefulSet').episode).toBeNull();
  });
});
