/**
 * The dock's geometry and keyboard rules: its height stays between a minimum and most of the window, the
 * separator resizes it by keys (WAI-ARIA window splitter pattern), and tab lists move with the arrow keys.
 */

/** The smallest dock height, in CSS pixels (the tabs and two lines of console). */
export const MIN_DOCK_HEIGHT = 120;
/** Room the header and canvas keep above the dock at its tallest. */
export const KEEP_ABOVE = 160;
/** The height the dock opens with: a third of the window, between 200 and 340 pixels. */
export function defaultDockHeight(viewportHeight: number): number {
  return clampDockHeight(Math.min(340, Math.max(200, viewportHeight / 3)), viewportHeight);
}
/** One arrow key press; Page Up / Page Down move four times as far. */
export const RESIZE_STEP = 24;

/** The tallest the dock may be in a window `viewportHeight` tall. */
export function maxDockHeight(viewportHeight: number): number {
  return Math.max(MIN_DOCK_HEIGHT, viewportHeight - KEEP_ABOVE);
}

/** `height` kept between MIN_DOCK_HEIGHT and maxDockHeight, rounded to whole pixels. */
export function clampDockHeight(height: number, viewportHeight: number): number {
  return Math.round(Math.min(maxDockHeight(viewportHeight), Math.max(MIN_DOCK_HEIGHT, height)));
}

/**
 * The height after a key on the separator, or null when the key does not resize. The separator sits on the
 * dock's top edge: Up makes the dock taller, Down shorter; Home is the tallest, End the shortest.
 */
export function resizeByKey(key: string, height: number, viewportHeight: number): number | null {
  const steps: Record<string, number> = {
    ArrowUp: RESIZE_STEP,
    ArrowDown: -RESIZE_STEP,
    PageUp: 4 * RESIZE_STEP,
    PageDown: -4 * RESIZE_STEP,
  };
  if (key === 'Home') return maxDockHeight(viewportHeight);
  if (key === 'End') return MIN_DOCK_HEIGHT;
  const step = steps[key];
  return step === undefined ? null : clampDockHeight(height + step, viewportHeight);
}

/** The height while dragging: the separator follows the pointer (`startY` where the drag began). */
export function resizeByDrag(startHeight: number, startY: number, y: number, viewportHeight: number): number {
  return clampDockHeight(startHeight + (startY - y), viewportHeight);
}

/**
 * The tab to move to after a key in a horizontal tab list of `count` tabs (Left/Right wrap, Home/End), or
 * null when the key does not move.
 */
export function nextTabIndex(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
