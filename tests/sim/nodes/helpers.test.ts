// Pure helpers of taints, tolerations, PDB arithmetic and drain durations.
import { describe, expect, it } from 'vitest';
import { getMinTolerationTime, toleratesTaint } from '../../../src/sim/controllers/tainteviction/taintEvictionController';
import { scaledValue } from '../../../src/sim/controllers/disruption/disruptionController';
import { parseTaint, reorganizeTaints, taintToString } from '../../../src/sim/kubectl/commands/taint';
import { goDuration } from '../../../src/sim/kubectl/drain/drain';

describe('taints', () => {
  it.each([
    ['dedicated=db:NoSchedule', { key: 'dedicated', value: 'db', effect: 'NoSchedule' }],
    ['node.kubernetes.io/out-of-service=nodeshutdown:NoExecute', { key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' }],
    ['bar:NoSchedule', { key: 'bar', value: '', effect: 'NoSchedule' }],
    ['dedicated', { key: 'dedicated', value: '' }],
    ['a=b:Foo', 'invalid taint effect: Foo, unsupported taint effect'],
    ['a=b=c:NoSchedule', 'invalid taint spec: a=b=c:NoSchedule'],
  ])('parseTaint(%s)', (spec, want) => expect(parseTaint(spec)).toEqual(want));

  it.each([
    [{ key: 'k', value: 'v', effect: 'NoExecute' }, 'k=v:NoExecute'],
    [{ key: 'k', effect: 'NoSchedule' }, 'k:NoSchedule'],
    [{ key: 'k' }, 'k'],
  ])('taintToString(%o)', (t, want) => expect(taintToString(t)).toBe(want));

  it('reorganizeTaints: tainted, untainted, modified, not found', () => {
    const old = [{ key: 'a', effect: 'NoSchedule' as const }];
    expect(reorganizeTaints(old, false, [{ key: 'b', effect: 'NoExecute' }], [])).toMatchObject({ operation: 'tainted' });
    expect(reorganizeTaints(old, false, [], [{ key: 'a' }])).toEqual({ operation: 'untainted', taints: [] });
    expect(reorganizeTaints(old, true, [{ key: 'a', value: 'x', effect: 'NoSchedule' }], [])).toMatchObject({ operation: 'modified' });
    expect(reorganizeTaints(old, false, [], [{ key: 'z', effect: 'NoSchedule' }])).toBe('taint "z:NoSchedule" not found');
  });

  it.each([
    [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' as const, effect: 'NoExecute' as const }, true],
    [{ operator: 'Exists' as const }, true],
    [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' as const, effect: 'NoExecute' as const }, false],
    [{ key: 'node.kubernetes.io/unreachable', value: 'x' }, false],
  ])('toleratesTaint(%o, unreachable:NoExecute) = %s', (t, want) => expect(toleratesTaint(t, { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' })).toBe(want));

  it.each([
    [[{ tolerationSeconds: 300 }, { tolerationSeconds: 60 }], 60_000],
    [[{}], -1],
    [[], 0],
    [[{ tolerationSeconds: 0 }], 0],
  ])('getMinTolerationTime(%o) = %s', (ts, want) => expect(getMinTolerationTime(ts)).toBe(want));
});

describe('PDB arithmetic and durations', () => {
  it.each([
    [1, 3, 1],
    ['50%', 3, 2],
    ['34%', 3, 2],
    ['100%', 3, 3],
  ] as const)('scaledValue(%s of %s, round up) = %s', (v, total, want) => expect(scaledValue(v, total, true)).toBe(want));

  it.each([
    [5_000, '5s'],
    [60_000, '1m0s'],
    [150_000, '2m30s'],
    [3_600_000, '1h0m0s'],
    [1_500, '1.5s'],
  ])('goDuration(%s) = %s', (ms, want) => expect(goDuration(ms)).toBe(want));
});
