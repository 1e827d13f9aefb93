import { describe, expect, it } from 'vitest';
import { humanDuration as simHumanDuration } from '../../../src/sim/kubectl/printers/duration';
import { formatAge, humanDuration } from '../../../src/ui/dock/duration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration', () => {
  it.each<[number, string]>([
    [0, '0s'],
    [999, '0s'],
    [-500, '0s'],
    [-1500, '0s'],
    [-2500, '<invalid>'],
    [59 * S, '59s'],
    [119 * S, '119s'],
    [2 * M, '2m'],
    [2 * M + 30 * S, '2m30s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M + 30 * S, '10m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [3 * H + 5 * M, '3h5m'],
    [8 * H + 5 * M, '8h'],
    [47 * H, '47h'],
    [2 * D, '2d'],
    [3 * D + 4 * H, '3d4h'],
    [8 * D + 4 * H, '8d'],
    [729 * D, '729d'],
    [2 * 365 * D + 10 * D, '2y10d'],
    [9 * 365 * D, '9y'],
  ])('%d ms is %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('prints what the simulator kubectl prints, for every second of a day and beyond', () => {
    const samples: number[] = [];
    for (let s = -3; s < 2 * 24 * 3600; s += 7) samples.push(s * S + (s % 3) * 123);
    for (let d = 2; d < 3000; d += 13) samples.push(d * D + (d % 24) * H);
    for (const ms of samples) expect(humanDuration(ms), String(ms)).toBe(simHumanDuration(ms));
  });

  it('formats an age from two simulated times', () => {
    expect(formatAge(125 * S, 5 * S)).toBe('2m');
  });
});
