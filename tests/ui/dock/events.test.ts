import { describe, expect, it } from 'vitest';
import type { EventSnapshot } from '../../../src/protocol';
import {
  eventInvolves,
  eventMatches,
  eventRows,
  objectWord,
  spansNamespaces,
} from '../../../src/ui/dock/events';

function event(uid: string, time: number, fields: Partial<EventSnapshot> = {}): EventSnapshot {
  return {
    uid,
    namespace: 'default',
    type: 'Normal',
    reason: 'Scheduled',
    message: `Successfully assigned default/${uid} to node-1`,
    object: `pod/${uid}`,
    involvedUid: null,
    source: 'default-scheduler',
    count: 1,
    time,
    ...fields,
  };
}

const events: EventSnapshot[] = [
  event('mysql-0', 1_000),
  event('mysql-1', 5_000),
  event('node-1', 3_000, {
    object: 'node/node-1',
    reason: 'NodeNotReady',
    message: 'Node node-1 status is now: NodeNotReady',
  }),
  event('mysql-2', 5_000, {
    type: 'Warning',
    reason: 'FailedAttachVolume',
    message: 'Multi-Attach error for volume "pvc-1" Volume is already used by pod(s) mysql-1 ',
  }),
  event('other-ns', 2_000, { namespace: 'team-b', object: 'pod/mysql-0', message: 'in team-b' }),
];

const all = { text: '', objects: null };

describe('eventRows', () => {
  it('prints LAST SEEN, TYPE, REASON, OBJECT, MESSAGE as kubectl does, newest first', () => {
    expect(eventRows(events, 125_000, all).map((r) => [r.lastSeen, r.type, r.reason, r.object])).toEqual([
      ['2m', 'Warning', 'FailedAttachVolume', 'pod/mysql-2'],
      ['2m', 'Normal', 'Scheduled', 'pod/mysql-1'],
      ['2m2s', 'Normal', 'NodeNotReady', 'node/node-1'],
      ['2m3s', 'Normal', 'Scheduled', 'pod/mysql-0'],
      ['2m4s', 'Normal', 'Scheduled', 'pod/mysql-0'],
    ]);
  });

  it('orders oldest first on request, keeping the snapshot order for equal times', () => {
    expect(eventRows(events, 10_000, all, 'oldestFirst').map((r) => r.key)).toEqual([
      'mysql-0',
      'other-ns',
      'node-1',
      'mysql-1',
      'mysql-2',
    ]);
  });

  it('marks Warning rows and trims the message as kubectl does', () => {
    const warning = eventRows(events, 10_000, all).find((r) => r.isWarning);
    expect(warning?.message).toBe(
      'Multi-Attach error for volume "pvc-1" Volume is already used by pod(s) mysql-1',
    );
    expect(eventRows(events, 10_000, all).filter((r) => r.isWarning)).toHaveLength(1);
  });

  it.each<[string, string[]]>([
    ['', ['mysql-2', 'mysql-1', 'node-1', 'other-ns', 'mysql-0']],
    ['warning', ['mysql-2']],
    ['NODENOTREADY', ['node-1']],
    ['mysql-1', ['mysql-2', 'mysql-1']],
    ['team-b', ['other-ns']],
    ['nothing like this', []],
  ])('the text filter %j keeps %j', (text, keys) => {
    expect(eventRows(events, 10_000, { text, objects: null }).map((r) => r.key)).toEqual(keys);
  });

  it('keeps only the events of the given objects, by namespace for namespaced kinds', () => {
    const pod = { kind: 'Pod', namespace: 'default', name: 'mysql-0' };
    const node = { kind: 'Node', namespace: null, name: 'node-1' };
    expect(eventRows(events, 10_000, { text: '', objects: [pod] }).map((r) => r.key)).toEqual(['mysql-0']);
    expect(eventRows(events, 10_000, { text: '', objects: [pod, node] }).map((r) => r.key)).toEqual([
      'node-1',
      'mysql-0',
    ]);
    expect(eventRows(events, 10_000, { text: 'scheduled', objects: [node] })).toEqual([]);
  });
});

describe('spansNamespaces', () => {
  it('adds the NAMESPACE column only when the rows come from several namespaces', () => {
    expect(spansNamespaces(eventRows(events, 0, all))).toBe(true);
    expect(spansNamespaces(eventRows(events, 0, { text: 'mysql-1', objects: null }))).toBe(false);
    expect(spansNamespaces([])).toBe(false);
  });
});

describe('objects and events', () => {
  it.each<[string, string]>([
    ['Pod', 'pod/mysql-0'],
    ['StatefulSet', 'statefulset/mysql-0'],
    ['PersistentVolumeClaim', 'persistentvolumeclaim/mysql-0'],
  ])('a %s is %s in the OBJECT column', (kind, word) => {
    expect(objectWord({ kind, namespace: 'default', name: 'mysql-0' })).toBe(word);
  });

  it('matches cluster-scoped objects whatever namespace their events were recorded in', () => {
    const nodeEvent = event('n', 0, { object: 'node/node-1', namespace: 'default' });
    expect(eventInvolves(nodeEvent, { kind: 'Node', namespace: null, name: 'node-1' })).toBe(true);
    expect(eventInvolves(nodeEvent, { kind: 'Node', namespace: null, name: 'node-2' })).toBe(false);
    expect(eventMatches(nodeEvent, { text: 'node-1', objects: null })).toBe(true);
  });
});
