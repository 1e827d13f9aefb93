import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../src/sim/api/core';
import { fitErrorMessage, sortedReasonsHistogram } from '../../../src/sim/scheduler';
import type { Status } from '../../../src/sim/scheduler';
import { postFilterMessage, preemptionMessage } from '../../../src/sim/scheduler/preemption';

const s = (code: Status['code'], ...reasons: string[]): Status => ({ code, reasons, plugin: 'X' });
const pod = { spec: { containers: [] } } as unknown as Pod;

describe('FitError message', () => {
  it.each([
    [[s('UnschedulableAndUnresolvable', 'node(s) were unschedulable')], ['1 node(s) were unschedulable']],
    [
      [s('Unschedulable', 'Too many pods', 'Insufficient cpu'), s('Unschedulable', 'Insufficient cpu')],
      ['1 Too many pods', '2 Insufficient cpu'].sort(),
    ],
    // Go's sort.Strings is byte-wise: "10 ..." sorts before "2 ...".
    [[...Array(10).fill(s('Unschedulable', 'b')), s('Unschedulable', 'a'), s('Unschedulable', 'a')], ['10 b', '2 a']],
  ])('histogram %#', (statuses, expected) => {
    expect(sortedReasonsHistogram(statuses)).toEqual(expected);
  });

  it('formats filter failures with the DynamicResources and preemption PostFilter messages', () => {
    const statuses = [
      s('UnschedulableAndUnresolvable', 'node(s) were unschedulable'),
      s('UnschedulableAndUnresolvable', "node(s) didn't match PersistentVolume's node affinity"),
      s('UnschedulableAndUnresolvable', "node(s) didn't match PersistentVolume's node affinity"),
      s('UnschedulableAndUnresolvable', "node(s) didn't match PersistentVolume's node affinity"),
    ];
    expect(fitErrorMessage(4, '', statuses, postFilterMessage(pod, 4, statuses, false))).toBe(
      "0/4 nodes are available: 1 node(s) were unschedulable, 3 node(s) didn't match PersistentVolume's node affinity. no new claims to deallocate, preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    );
  });

  it('formats PreFilter failures without a histogram and without the DynamicResources reason', () => {
    const st = s('UnschedulableAndUnresolvable', 'persistentvolumeclaim "www-web-0" not found');
    const all = [st, st, st, st];
    expect(fitErrorMessage(4, st.reasons[0]!, all, postFilterMessage(pod, 4, all, true))).toBe(
      '0/4 nodes are available: persistentvolumeclaim "www-web-0" not found. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
  });

  it.each([
    [[s('Unschedulable', 'Too many pods'), s('UnschedulableAndUnresolvable', 'x')], 'preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.'],
    [[s('Unschedulable', 'Too many pods')], 'preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.'],
  ])('preemption %#', (statuses, expected) => {
    expect(preemptionMessage(pod, statuses.length, statuses)).toBe(expected);
  });

  it('reports preemptionPolicy=Never', () => {
    const never = { spec: { containers: [], preemptionPolicy: 'Never' } } as unknown as Pod;
    expect(preemptionMessage(never, 1, [s('Unschedulable', 'Too many pods')])).toBe('preemption: not eligible due to preemptionPolicy=Never.');
  });
});
