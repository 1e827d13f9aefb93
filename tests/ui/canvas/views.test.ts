import { describe, expect, it } from 'vitest';
import type { EventSnapshot } from '../../../src/protocol';
import {
  compareNatural,
  graceSecondsLeft,
  shortAccessModes,
  shortVolumeName,
  splitGeneratedName,
  statefulSetOrdinal,
  statusText,
  warningsFor,
} from '../../../src/ui/canvas/views';

describe('canvas view helpers', () => {
  it.each([
    ['mysql-0', 'mysql', 0],
    ['mysql-12', 'mysql', 12],
    ['mysql-deploy-0', 'mysql', null],
    ['mysql-01', 'mysql', null],
    ['web-1', 'mysql', null],
    ['mysql-', 'mysql', null],
  ])('statefulSetOrdinal(%s, %s) is %s', (pod, set, ordinal) => {
    expect(statefulSetOrdinal(pod, set)).toBe(ordinal);
  });

  it.each([
    ['mysql-deploy-6d9c8b7f5-x4k2p', 'mysql-deploy-6d9c8b7f5', ['mysql-deploy-6d9c8b7f5-', 'x4k2p']],
    ['mysql-deploy-6d9c8b7f5-x4k2p', null, ['mysql-deploy-6d9c8b7f5-', 'x4k2p']],
    ['web-abcde', 'other', ['web-', 'abcde']],
    ['single', null, ['single', '']],
  ] as const)('splitGeneratedName(%s, %s)', (name, generator, parts) => {
    expect(splitGeneratedName(name, generator)).toEqual(parts);
  });

  it.each([
    [null, 0, null],
    [30_000, 0, 30],
    [30_000, 500, 30],
    [30_000, 1_000, 29],
    [30_000, 29_999, 1],
    [30_000, 31_000, 0],
  ])('graceSecondsLeft(%s, %s) is %s', (deletion, now, left) => {
    expect(graceSecondsLeft(deletion, now)).toBe(left);
  });

  it.each([
    [{ status: 'Terminating', graceSecondsLeft: 12 }, 'Terminating 12s'],
    [{ status: 'Terminating', graceSecondsLeft: null }, 'Terminating'],
    [{ status: 'Completed', graceSecondsLeft: 3 }, 'Completed'],
    [{ status: 'Running', graceSecondsLeft: null }, 'Running'],
  ])('statusText(%o) is %s', (view, text) => {
    expect(statusText(view)).toBe(text);
  });

  it.each([
    [['ReadWriteOnce'], 'RWO'],
    [['ReadWriteOnce', 'ReadOnlyMany'], 'RWO,ROX'],
    [['ReadWriteMany'], 'RWX'],
    [['ReadWriteOncePod'], 'RWOP'],
    [[], ''],
  ])('shortAccessModes(%o) is %s', (modes, text) => {
    expect(shortAccessModes(modes)).toBe(text);
  });

  it.each([
    ['pvc-1d21bb8e-fc0e-43c7-b439-2a601b589a01', 'pvc-1d21bb8e…'],
    ['local-pv-1', 'local-pv-1'],
  ])('shortVolumeName(%s) is %s', (name, short) => {
    expect(shortVolumeName(name)).toBe(short);
  });

  it('sorts names naturally, ordinals by number', () => {
    const names = ['mysql-10', 'mysql-2', 'data-mysql-1', 'mysql-deploy-x', 'mysql-1', 'mysql-0'];
    expect([...names].sort(compareNatural)).toEqual([
      'data-mysql-1',
      'mysql-0',
      'mysql-1',
      'mysql-2',
      'mysql-10',
      'mysql-deploy-x',
    ]);
  });

  it('counts the Warning Events of one object and keeps the newest', () => {
    const event = (uid: string, type: string, reason: string, time: number, count = 1): EventSnapshot => ({
      uid: `${reason}-${time}`,
      namespace: 'default',
      type,
      reason,
      message: `${reason} at ${time}`,
      object: 'pod/mysql-3',
      involvedUid: uid,
      source: 'default-scheduler',
      count,
      time,
    });
    const events = [
      event('a', 'Warning', 'FailedScheduling', 1, 3),
      event('a', 'Normal', 'Scheduled', 2),
      event('b', 'Warning', 'BackOff', 3),
      event('a', 'Warning', 'FailedAttachVolume', 4),
    ];
    expect(warningsFor(events, 'a')).toEqual({ count: 4, last: events[3] });
    expect(warningsFor(events, 'c')).toEqual({ count: 0, last: null });
  });
});
