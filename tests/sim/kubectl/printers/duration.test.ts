import { describe, expect, it } from 'vitest';
import { age, humanDuration } from '../../../../src/sim/kubectl/printers';
import { ts } from './fixtures';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration', () => {
  it.each([
    [-2500, '<invalid>'],
    [-1500, '0s'],
    [0, '0s'],
    [59 * S + 999, '59s'],
    [119 * S, '119s'],
    [120 * S, '2m'],
    [150 * S, '2m30s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M + 30 * S, '10m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [3 * H + 5 * M, '3h5m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H, '8h'],
    [47 * H, '47h'],
    [48 * H, '2d'],
    [3 * D + 4 * H, '3d4h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D, '8d'],
    [729 * D, '729d'],
    [730 * D, '2y'],
    [745 * D, '2y15d'],
    [8 * 365 * D, '8y'],
  ])('%d ms -> %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('prints <unknown> for a missing timestamp and the time since one that is set', () => {
    expect(age(undefined, 5000)).toBe('<unknown>');
    expect(age(ts(10), 75 * S)).toBe('65s');
  });
});
