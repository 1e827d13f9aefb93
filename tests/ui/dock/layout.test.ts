import { describe, expect, it } from 'vitest';
import {
  KEEP_ABOVE,
  MIN_DOCK_HEIGHT,
  RESIZE_STEP,
  clampDockHeight,
  defaultDockHeight,
  maxDockHeight,
  nextTabIndex,
  resizeByDrag,
  resizeByKey,
} from '../../../src/ui/dock/layout';

describe('dock height', () => {
  it.each<[number, number, number]>([
    [300, 800, 300],
    [50, 800, 120],
    [2000, 800, 800 - KEEP_ABOVE],
    [300.6, 800, 301],
    [300, 200, MIN_DOCK_HEIGHT],
  ])('clamps %d in a %d px window to %d', (height, viewport, expected) => {
    expect(clampDockHeight(height, viewport)).toBe(expected);
  });

  it.each<[string, number, number | null]>([
    ['ArrowUp', 300, 300 + RESIZE_STEP],
    ['ArrowDown', 300, 300 - RESIZE_STEP],
    ['PageUp', 300, 300 + 4 * RESIZE_STEP],
    ['PageDown', 300, 300 - 4 * RESIZE_STEP],
    ['ArrowDown', MIN_DOCK_HEIGHT, MIN_DOCK_HEIGHT],
    ['Home', 300, maxDockHeight(900)],
    ['End', 300, MIN_DOCK_HEIGHT],
    ['ArrowLeft', 300, null],
    ['a', 300, null],
  ])('%s on the separator at %d px gives %s', (key, height, expected) => {
    expect(resizeByKey(key, height, 900)).toBe(expected);
  });

  it.each<[number, number]>([
    [720, 240],
    [1080, 340],
    [480, 200],
    [300, 300 - KEEP_ABOVE],
  ])('a %d px window opens it at %d px', (viewport, expected) => {
    expect(defaultDockHeight(viewport)).toBe(expected);
  });

  it('follows the pointer: dragging up makes the dock taller', () => {
    expect(resizeByDrag(300, 600, 550, 900)).toBe(350);
    expect(resizeByDrag(300, 600, 700, 900)).toBe(200);
    expect(resizeByDrag(300, 600, 0, 900)).toBe(maxDockHeight(900));
  });
});

describe('nextTabIndex', () => {
  it.each<[string, number, number | null]>([
    ['ArrowRight', 0, 1],
    ['ArrowRight', 2, 0],
    ['ArrowLeft', 0, 2],
    ['ArrowLeft', 1, 0],
    ['Home', 2, 0],
    ['End', 0, 2],
    ['ArrowDown', 1, null],
    ['Enter', 1, null],
  ])('%s from tab %d of 3 goes to %s', (key, index, expected) => {
    expect(nextTabIndex(key, index, 3)).toBe(expected);
  });
});
