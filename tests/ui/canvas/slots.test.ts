import fc from 'fast-check';
import { initialLayoutState } from '../../../src/ui/canvas/model';
import { runScript, scripts } from '../scriptedRun';
import { describe, expect, it } from 'vitest';
import type { PodSnapshot, WorkloadSnapshot } from '../../../src/protocol';
import type { LayoutState } from '../../../src/ui/canvas/model';
import { assignSlots, slotKey } from '../../../src/ui/canvas/slots';

function pod(
  name: string,
  nodeName: string | null,
  uid = `uid-${name}`,
  created = '2026-01-01T09:00:00Z',
): PodSnapshot {
  const isSts = /^mysql-\d+$/.test(name);
  return {
    name,
    namespace: 'default',
    uid,
    nodeName,
    phase: 'Running',
    status: 'Running',
    ready: '1/1',
    restarts: '0',
    isReady: true,
    isTerminating: false,
    deletionTime: null,
    deletionGracePeriodSeconds: null,
    ip: null,
    ownerKind: isSts ? 'StatefulSet' : 'ReplicaSet',
    ownerName: isSts ? 'mysql' : 'web-5d4f',
    workloadKind: isSts ? 'StatefulSet' : 'Deployment',
    workloadName: isSts ? 'mysql' : 'web',
    claimNames: [],
    creationTimestamp: created,
  };
}

const sts = (replicas: number): WorkloadSnapshot => ({
  kind: 'StatefulSet',
  name: 'mysql',
  namespace: 'default',
  uid: 'sts',
  replicas,
  readyReplicas: replicas,
});

const NODES = ['node-1', 'node-2'];
const empty: LayoutState = { slots: {} };

describe('assignSlots', () => {
  it('keys StatefulSet pods by identity and other pods by uid', () => {
    expect(slotKey(pod('mysql-3', 'node-1', 'u1'))).toBe('sts:default/mysql/3');
    expect(slotKey(pod('web-5d4f-abcde', 'node-1', 'u2'))).toBe('uid:u2');
  });

  it('fills each node from slot 0, StatefulSet pods first, then by creation time', () => {
    const { layout, slotOf } = assignSlots(
      empty,
      [
        pod('web-5d4f-aaaaa', 'node-1', 'w1', '2026-01-01T09:00:00Z'),
        pod('mysql-1', 'node-1'),
        pod('web-5d4f-bbbbb', 'node-1', 'w2', '2026-01-01T09:00:01Z'),
        pod('mysql-0', 'node-2'),
        pod('mysql-2', null),
      ],
      NODES,
      [sts(3)],
    );
    expect(layout.slots).toEqual({
      'node-1': ['sts:default/mysql/1', 'uid:w1', 'uid:w2'],
      'node-2': ['sts:default/mysql/0'],
    });
    expect([
      slotOf.get('uid-mysql-1'),
      slotOf.get('w1'),
      slotOf.get('w2'),
      slotOf.get('uid-mysql-2'),
    ]).toEqual([0, 1, 2, undefined]);
  });

  it("holds a StatefulSet identity's slot while its pod is re-created, even when it is briefly unscheduled", () => {
    const first = assignSlots(
      empty,
      [pod('mysql-1', 'node-1', 'old'), pod('web-5d4f-aaaaa', 'node-1', 'w1')],
      NODES,
      [sts(3)],
    );
    // mysql-1 is gone; a new Deployment pod arrives on node-1 and must not take mysql-1's slot.
    const gone = assignSlots(
      first.layout,
      [pod('web-5d4f-aaaaa', 'node-1', 'w1'), pod('web-5d4f-ccccc', 'node-1', 'w3')],
      NODES,
      [sts(3)],
    );
    expect(gone.layout.slots['node-1']).toEqual(['sts:default/mysql/1', 'uid:w1', 'uid:w3']);
    const pending = assignSlots(
      gone.layout,
      [pod('mysql-1', null, 'new'), pod('web-5d4f-aaaaa', 'node-1', 'w1')],
      NODES,
      [sts(3)],
    );
    expect(pending.layout.slots['node-1']).toEqual(['sts:default/mysql/1', 'uid:w1']);
    const back = assignSlots(
      pending.layout,
      [pod('mysql-1', 'node-1', 'new'), pod('web-5d4f-aaaaa', 'node-1', 'w1')],
      NODES,
      [sts(3)],
    );
    expect(back.slotOf.get('new')).toBe(0);
  });

  it('frees an identity slot when the pod lands on another node, or the set no longer wants the ordinal', () => {
    const first = assignSlots(empty, [pod('mysql-1', 'node-1'), pod('mysql-4', 'node-1')], NODES, [sts(5)]);
    const moved = assignSlots(first.layout, [pod('mysql-1', 'node-2'), pod('mysql-4', 'node-1')], NODES, [
      sts(5),
    ]);
    expect(moved.layout.slots).toEqual({
      'node-1': ['', 'sts:default/mysql/4'],
      'node-2': ['sts:default/mysql/1'],
    });
    const scaledDown = assignSlots(moved.layout, [pod('mysql-1', 'node-2')], NODES, [sts(2)]);
    expect(scaledDown.layout.slots).toEqual({ 'node-1': [], 'node-2': ['sts:default/mysql/1'] });
  });

  it("frees a Deployment pod's slot when it is gone, for the next pod to take", () => {
    const first = assignSlots(
      empty,
      [pod('web-5d4f-aaaaa', 'node-1', 'w1'), pod('web-5d4f-bbbbb', 'node-1', 'w2')],
      NODES,
      [],
    );
    const next = assignSlots(
      first.layout,
      [pod('web-5d4f-ccccc', 'node-1', 'w3'), pod('web-5d4f-bbbbb', 'node-1', 'w2')],
      NODES,
      [],
    );
    expect(next.layout.slots['node-1']).toEqual(['uid:w3', 'uid:w2']);
  });

  it('forgets nodes that left the cluster', () => {
    const first = assignSlots(empty, [pod('mysql-0', 'node-2')], NODES, [sts(1)]);
    expect(assignSlots(first.layout, [], ['node-1'], [sts(1)]).layout.slots).toEqual({ 'node-1': [] });
  });
});

describe('assignSlots, answering again from its last answer', () => {
  it('answers afresh when the remembered slots differ, even for the very same pods', () => {
    const pods = [
      pod('web-a', 'node-1'),
      pod('web-c', 'node-1'),
      pod('web-d', 'node-1', undefined, '2026-01-01T09:05:00Z'),
    ];
    const withHole: LayoutState = { slots: { 'node-1': ['uid:uid-web-a', '', 'uid:uid-web-c'] } };
    const first = assignSlots(withHole, pods, ['node-1'], []);
    expect(first.slotOf.get('uid-web-d')).toBe(1);
    const fromStart = assignSlots(initialLayoutState, pods, ['node-1'], []);
    expect(fromStart.slotOf.get('uid-web-d')).toBe(2);
  });

  it('gives what a fresh assignment gives, snapshot after snapshot of random runs', () => {
    fc.assert(
      fc.property(scripts, (script) => {
        let layout: LayoutState = initialLayoutState;
        runScript(script, (snapshot) => {
          const nodes = snapshot.nodes.map((n) => n.name);
          const fresh = assignSlots(structuredClone(layout), snapshot.pods, nodes, snapshot.workloads);
          const reused = assignSlots(layout, snapshot.pods, nodes, snapshot.workloads);
          expect(reused.layout).toEqual(fresh.layout);
          expect([...reused.slotOf]).toEqual([...fresh.slotOf]);
          // The same input once more: last time's answer, which must still be the right one.
          const again = assignSlots(reused.layout, snapshot.pods, nodes, snapshot.workloads);
          expect(again.layout).toEqual(
            assignSlots(structuredClone(reused.layout), snapshot.pods, nodes, snapshot.workloads).layout,
          );
          // The same pods with other remembered slots: not last time's answer.
          const fromStart = assignSlots(initialLayoutState, snapshot.pods, nodes, snapshot.workloads);
          expect(fromStart.layout).toEqual(
            assignSlots(structuredClone(initialLayoutState), snapshot.pods, nodes, snapshot.workloads).layout,
          );
          layout = reused.layout;
        });
      }),
      { numRuns: 10 },
    );
  }, 60_000);
});
