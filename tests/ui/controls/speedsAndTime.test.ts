import { describe, expect, it } from 'vitest';
import type { TimelineInfo } from '../../../src/protocol';
import { SPEEDS, formatSpeed, isSpeed, nearestSpeed, shiftSpeed } from '../../../src/ui/controls/speeds';
import { behindLatest, formatSimTime, timelineRange, timelineValueText } from '../../../src/ui/controls/time';

describe('speeds', () => {
  it('offers 0.25x to 64x, doubling', () => {
    expect(SPEEDS).toEqual([0.25, 0.5, 1, 2, 4, 8, 16, 32, 64]);
    expect(SPEEDS.map(formatSpeed)).toEqual(['0.25x', '0.5x', '1x', '2x', '4x', '8x', '16x', '32x', '64x']);
  });

  it.each<[number, boolean]>([
    [1, true],
    [0.25, true],
    [64, true],
    [3, false],
    [128, false],
    [0, false],
    [Number.NaN, false],
  ])('isSpeed(%d) is %s', (speed, expected) => {
    expect(isSpeed(speed)).toBe(expected);
  });

  it.each<[number, number]>([
    [1, 1],
    [10, 8],
    [12, 16],
    [0.1, 0.25],
    [100, 64],
    [5, 4],
    [0, 1],
    [-2, 1],
    [Number.POSITIVE_INFINITY, 1],
  ])('nearestSpeed(%d) is %d', (speed, expected) => {
    expect(nearestSpeed(speed)).toBe(expected);
  });

  it.each<[number, 1 | -1, number]>([
    [1, 1, 2],
    [1, -1, 0.5],
    [64, 1, 64],
    [0.25, -1, 0.25],
    [10, 1, 16],
  ])('shiftSpeed(%d, %d) is %d', (speed, direction, expected) => {
    expect(shiftSpeed(speed, direction)).toBe(expected);
  });
});

describe('time', () => {
  it.each<[number, string]>([
    [0, '00:00:00'],
    [59_999, '00:00:59'],
    [60_000, '00:01:00'],
    [3_723_000, '01:02:03'],
    [90_000_000, '25:00:00'],
  ])('formatSimTime(%d) is %s', (ms, text) => {
    expect(formatSimTime(ms)).toBe(text);
  });

  const timeline = (start: number, latest: number, isPast = false): TimelineInfo => ({
    start,
    latest,
    isPast,
    commandCount: 0,
  });

  it.each<[TimelineInfo | null, number | undefined, { min: number; max: number; value: number }]>([
    [null, undefined, { min: 0, max: 0, value: 0 }],
    [null, 5_000, { min: 5_000, max: 5_000, value: 5_000 }],
    [timeline(60_000, 90_000), 90_000, { min: 60_000, max: 90_000, value: 90_000 }],
    [timeline(60_000, 90_000, true), 70_000, { min: 60_000, max: 90_000, value: 70_000 }],
    // A snapshot newer than the timeline it came with still fits the range.
    [timeline(60_000, 90_000), 95_000, { min: 60_000, max: 95_000, value: 95_000 }],
  ])('timelineRange(%j, %s)', (info, time, expected) => {
    expect(timelineRange(info, time)).toEqual(expected);
  });

  it.each<[{ min: number; max: number; value: number }, string]>([
    [{ min: 0, max: 300_000, value: 83_000 }, '00:01:23 of 00:05:00'],
    [{ min: 0, max: 300_000, value: 300_000 }, '00:05:00 of 00:05:00 (latest)'],
  ])('timelineValueText(%j) is %s', (range, text) => {
    expect(timelineValueText(range)).toBe(text);
  });

  it.each<[number, number, string]>([
    [0, 0, '0 s earlier'],
    [55_000, 60_000, '5 s earlier'],
    [0, 125_000, '2 min 5 s earlier'],
    [0, 120_000, '2 min earlier'],
    [0, 3_660_000, '1 h 1 min earlier'],
  ])('behindLatest(%d, %d) is %s', (time, latest, text) => {
    expect(behindLatest(time, latest)).toBe(text);
  });
});
