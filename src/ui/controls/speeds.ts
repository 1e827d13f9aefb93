/** The play speeds the Speed control offers: simulated seconds per wall-clock second. */

/** Every speed offered, slowest first: halving and doubling from 1x. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const;
export type Speed = (typeof SPEEDS)[number];

export const DEFAULT_SPEED: Speed = 1;

/** True when `value` is one of SPEEDS. */
export function isSpeed(value: number): value is Speed {
  return (SPEEDS as readonly number[]).includes(value);
}

/** `0.25x`, `1x`, `64x`. */
export function formatSpeed(speed: number): string {
  return `${speed}x`;
}

/**
 * The offered speed closest to `speed` on a doubling scale (a worker may run at a speed the menu does not
 * list, e.g. 10x from a test; the menu then shows the nearest).
 */
export function nearestSpeed(speed: number): Speed {
  if (!Number.isFinite(speed) || speed <= 0) return DEFAULT_SPEED;
  let best: Speed = SPEEDS[0];
  for (const s of SPEEDS) {
    if (Math.abs(Math.log2(s / speed)) < Math.abs(Math.log2(best / speed))) best = s;
  }
  return best;
}

/** The next offered speed up (`direction` 1) or down (-1) from `speed`, clamped at the ends. */
export function shiftSpeed(speed: number, direction: 1 | -1): Speed {
  const i = SPEEDS.indexOf(nearestSpeed(speed));
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, i + direction))]!;
}
