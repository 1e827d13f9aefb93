/**
 * Calls `listener` at most once every `intervalMs`: the first call after a quiet interval runs at once;
 * calls inside the interval are folded into one later run, so the last change is never dropped.
 *
 * That later run waits for the next call after the interval ends, up to `graceMs` more: a listener
 * called on every snapshot then runs in the same task as a snapshot, and the page paints both changes
 * in one frame instead of two. When no call comes in that time, a timer runs it.
 * `now` and `schedule` are the clock and timer, injectable for tests. `cancel` drops a pending run;
 * `flush` runs at once (dropping a pending run), for a change that should not wait.
 */
export interface ThrottleClock {
  now: () => number;
  /** Runs `fn` after `ms`; returns the function that cancels it. */
  schedule: (fn: () => void, ms: number) => () => void;
}

const WALL_CLOCK: ThrottleClock = {
  now: () => performance.now(),
  schedule: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};

export function throttle(
  listener: () => void,
  intervalMs: number,
  options: { graceMs?: number; clock?: ThrottleClock } = {},
): { call: () => void; flush: () => void; cancel: () => void } {
  const clock = options.clock ?? WALL_CLOCK;
  const graceMs = options.graceMs ?? 0;
  let lastRun = -Infinity;
  let cancelTimer: (() => void) | null = null;
  const run = () => {
    cancelTimer?.();
    cancelTimer = null;
    lastRun = clock.now();
    listener();
  };
  return {
    call: () => {
      const wait = lastRun + intervalMs - clock.now();
      if (wait <= 0) run();
      else cancelTimer ??= clock.schedule(run, wait + graceMs);
    },
    flush: run,
    cancel: () => {
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}
