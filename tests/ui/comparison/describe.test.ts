import { describe, expect, it } from 'vitest';
import { reduceHistory } from '../../../src/ui/history';
import type { History, WorkloadHistory } from '../../../src/ui/history';
import { MOMENT_ENTRIES, pairToCompare, pattern, scorecard, slotViews, timeline } from '../../../src/ui/panels/comparison/describe';
import { duration, listWords, plural, podSuffix, sentence } from '../../../src/ui/panels/comparison/words';
import { deployPod, rows, snapshot, startPods, stsPod } from './builders';
import type { PodSnapshot } from '../../../src/protocol';
import type { SnapshotOptions } from './builders';

const T0 = 60_000;
const without = (uid: string) => startPods().filter((p) => p.uid !== uid);

function fold(steps: [number, PodSnapshot[], SnapshotOptions?][]): History {
  let h: History | null = null;
  for (const [time, pods, options] of steps) h = reduceHistory(h, snapshot(time, pods, options));
  return h!;
}

const kind = (h: History, k: WorkloadHistory['kind']) => h.workloads.find((w) => w.kind === k)!;

describe('words', () => {
  it.each<[string[], string]>([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a and b'],
    [['a', 'b', 'c'], 'a, b and c'],
    [['1', '2', '3', '4', '5', '6', '7', '8'], '1, 2, 3, 4, 5, 6, 7 and 8'],
    [['1', '2', '3', '4', '5', '6', '7', '8', '9'], '1, 2, 3, 4, 5, 6, 7 and 2 more'],
    [Array.from({ length: 150 }, (_, i) => `load-${i}`), 'load-0, load-1, load-2, load-3, load-4, load-5, load-6 and 143 more'],
  ])('listWords(%j) = %j', (items, expected) => expect(listWords(items)).toBe(expected));

  it.each<[number, string]>([
    [0, '0 rows'],
    [1, '1 row'],
    [3, '3 rows'],
  ])('plural(%d)', (n, expected) => expect(plural(n, 'row')).toBe(expected));

  it.each<[number, string]>([
    [400, '0s'],
    [12_400, '12s'],
    [125_000, '2m 5s'],
  ])('duration(%d)', (ms, expected) => expect(duration(ms)).toBe(expected));

  it.each<[number[], string | null]>([
    [[1000], null],
    [[1000, 1500, 1999], 'all at once'],
    [[1000, 5000, 9000], 'one after another'],
  ])('pattern(%j)', (times, expected) => expect(pattern(times)).toBe(expected));

  it('pattern at a finer resolution tells snapshots apart', () => {
    expect(pattern([1000, 1100], 1)).toBe('one after another');
    expect(pattern([1100, 1100], 1)).toBe('all at once');
  });

  it('keeps names as Kubernetes spells them and ends with a full stop', () => {
    expect(sentence('mysql-1 is Running')).toBe('mysql-1 is Running.');
    expect(sentence('Done.')).toBe('Done.');
    expect(podSuffix('mysql-deploy-6d9c8b7f5-x4k2p')).toBe('x4k2p');
  });
});

describe('slot history in plain words', () => {
  it('a re-created StatefulSet pod: new node and IP, same name, DNS name and volume, rows intact', () => {
    const h = fold([
      [T0, startPods(), { volumeData: [rows('pv:pv-1', 3)] }],
      [T0 + 12_000, [...without('s1'), stsPod(1, { uid: 's1b', node: 'node-2', ip: '10.244.2.7', createdAt: T0 + 11_000 })], { volumeData: [rows('pv:pv-1', 3)] }],
    ]);
    const views = slotViews(kind(h, 'StatefulSet'));
    expect(views.map((v) => v.history)).toEqual([
      'mysql-0: no change since the start',
      'mysql-1: node-1 -> node-2, IP 10.244.1.3 -> 10.244.2.7, same name, same DNS name, data-mysql-1 re-attached, 3 rows intact',
      'mysql-2: no change since the start',
    ]);
    expect(views[1]).toMatchObject({ label: 'mysql-1', volume: 'PVC data-mysql-1 -> PV pv-1', data: '3 rows in 1 table', incarnations: 2 });
  });

  it('a replaced Deployment pod: new name, new IP, emptyDir data lost', () => {
    const h = fold([
      [T0, startPods(), { volumeData: [rows('emptydir:d1/data', 2)] }],
      [T0 + 12_000, [...without('d1'), deployPod('q8z2m', { uid: 'd4', node: 'node-3', ip: '10.244.3.4', createdAt: T0 + 1000 })]],
    ]);
    const views = slotViews(kind(h, 'Deployment'));
    expect(views[0]!.history).toBe(
      'mysql-deploy-6d9c8b7f5-aaaaa replaced by mysql-deploy-6d9c8b7f5-q8z2m, new name, node-1 -> node-3, new IP (10.244.1.2 -> 10.244.3.4), emptyDir data lost (2 rows)',
    );
    expect(views[0]).toMatchObject({ label: 'slot 1', volume: 'emptyDir data', data: 'unknown' });
  });

  it('a slot whose pod was deleted and not replaced says what happened to its data', () => {
    const h = fold([
      [T0, [...startPods(), stsPod(3, { uid: 's3', createdAt: 1000 })], { stsReplicas: 4, volumeData: [rows('pv:pv-3', 4)] }],
      [T0 + 12_000, startPods(), { stsReplicas: 3, volumeData: [rows('pv:pv-3', 4)] }],
    ]);
    expect(slotViews(kind(h, 'StatefulSet'))[3]).toMatchObject({
      label: 'mysql-3',
      pod: null,
      history: 'mysql-3: deleted by you, not replaced; data-mysql-3 kept (4 rows)',
    });
  });
});

describe('scorecard and timeline', () => {
  const h = fold([
    [T0, startPods(), { volumeData: [rows('pv:pv-1', 3), rows('emptydir:d1/data', 2)] }],
    [T0 + 1000, [...without('s1'), ...[stsPod(1, { uid: 's1', createdAt: 5000, deletingAt: T0 + 1000 })]].filter((p) => p.uid !== 'd1').concat([deployPod('aaaaa', { uid: 'd1', deletingAt: T0 + 1000 }), deployPod('q8z2m', { uid: 'd4', node: 'node-3', ip: '10.244.3.4', createdAt: T0 + 1000 })]), { volumeData: [rows('pv:pv-1', 3), rows('emptydir:d1/data', 2)] }],
    [T0 + 12_000, [...without('s1'), stsPod(1, { uid: 's1b', node: 'node-2', ip: '10.244.2.7', createdAt: T0 + 11_000 })].filter((p) => p.uid !== 'd1').concat([deployPod('q8z2m', { uid: 'd4', node: 'node-3', ip: '10.244.3.4', createdAt: T0 + 1000 })]), { volumeData: [rows('pv:pv-1', 3)] }],
  ]);

  it.each<[WorkloadHistory['kind'], object]>([
    ['StatefulSet', { replacements: 1, namesChanged: 0, ipsChanged: 1, stableDnsNames: 3, slotsWithPods: 3, volumesReattached: 1, rowsKept: 3, rowsLost: 0, dataKept: 1, dataLost: 0 }],
    ['Deployment', { replacements: 1, namesChanged: 1, ipsChanged: 1, stableDnsNames: 0, slotsWithPods: 3, volumesReattached: 0, rowsKept: 0, rowsLost: 2, dataKept: 0, dataLost: 1 }],
  ])('%s', (k, expected) => {
    expect(scorecard(kind(h, k))).toEqual(expected);
  });

  it.each<[WorkloadHistory['kind'], string[]]>([
    ['StatefulSet', ['0: +0', '5: +1', '9: +2', '61: -1', '71: +1']],
    ['Deployment', ['0: +aaaaa +bbbbb +ccccc', '61: -aaaaa +q8z2m']],
  ])('timeline of the %s: ordinals one after another vs all at once', (k, expected) => {
    const moments = timeline(kind(h, k)).map(
      (m) => `${m.time / 1000}: ${m.entries.map((e) => (e.change === 'created' ? '+' : '-') + e.label).join(' ')}`,
    );
    expect(moments).toEqual(expected);
  });

  it(`lists at most ${MOMENT_ENTRIES} pods of a moment and counts the rest`, () => {
    const many = Array.from({ length: 30 }, (_, i) => stsPod(i, { uid: `m${i}`, createdAt: 2000 }));
    const big = fold([[T0, many, { stsReplicas: 30 }]]);
    const [moment] = timeline(kind(big, 'StatefulSet'));
    expect(moment!.entries.map((e) => e.label)).toEqual(Array.from({ length: MOMENT_ENTRIES }, (_, i) => String(i)));
    expect(moment!.more).toBe(30 - MOMENT_ENTRIES);
    expect(timeline(kind(h, 'StatefulSet')).every((m) => m.more === 0)).toBe(true);
  });

  it('compares the first Deployment with the first StatefulSet, Deployment first', () => {
    expect(pairToCompare(h.workloads).map((w) => w.kind)).toEqual(['Deployment', 'StatefulSet']);
    expect(pairToCompare(h.workloads.filter((w) => w.kind === 'StatefulSet')).map((w) => w.name)).toEqual(['mysql']);
  });
});
