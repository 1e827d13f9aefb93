import { describe, expect, it } from 'vitest';
import { formatSimTime, podStatusTone } from '../../src/ui/format';
import type { StatusTone } from '../../src/ui/format';
import { transcript } from '../../src/ui/transcript';

describe('formatSimTime', () => {
  it.each<[number, string]>([
    [0, '00:00:00'],
    [999, '00:00:00'],
    [60_000, '00:01:00'],
    [3_723_000, '01:02:03'],
    [90_000_000, '25:00:00'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatSimTime(ms)).toBe(text);
  });
});

describe('podStatusTone', () => {
  it.each<[string, boolean, StatusTone]>([
    ['Pending', false, 'pending'],
    ['ContainerCreating', false, 'creating'],
    ['Init:0/1', false, 'creating'],
    ['Running', true, 'ready'],
    ['Running', false, 'running'],
    ['Terminating', false, 'terminating'],
    ['Unknown', false, 'terminating'],
    ['CrashLoopBackOff', false, 'failed'],
    ['ErrImagePull', false, 'failed'],
  ])('%s (ready %s) is %s', (status, isReady, tone) => {
    expect(podStatusTone(status, isReady)).toBe(tone);
  });
});

describe('transcript', () => {
  it('puts each echoed line after the output that came before it', () => {
    const output = [
      { seq: 1, id: null, text: 'watch row\n' },
      { seq: 2, id: 'cmd-1', text: 'NAME STATUS\n' },
    ];
    const echoes = [
      { id: 'cmd-1', text: '$ kubectl get nodes', afterSeq: 1 },
      { id: 'cmd-2', text: '$ kubectl get pods', afterSeq: 2 },
    ];
    expect(transcript(echoes, output).map((e) => e.text)).toEqual([
      'watch row\n',
      '$ kubectl get nodes\n',
      'NAME STATUS\n',
      '$ kubectl get pods\n',
    ]);
  });
});
