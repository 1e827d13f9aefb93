/**
 * Calls `listener` at most once every `intervalMs`: the first call after a quiet interval runs at once,
 * calls inside the interval are folded into one run at its end, so the last change is never dropped.
 * `now` and `schedule` are the clock and timer, injectable for tests. `cancel` drops a pending run.
 */
export function throttle(
  listener: () => void,
  intervalMs: number,
  clock: { now: () => number; schedule: (fn: () => void, ms: number) => () => void } = {
    now: () => performance.now(),
    schedule: (fn, ms) => {
      const handle = setTimeout(fn, ms);
      return () => clearTimeout(handle);
    },
  },
): { call: () => void; cancel: () => void } {
  let lastRun = -Infinity;
  let cancelPending: (() => void) | null = null;
  const run = () => {
    cancelPending = null;
    lastRun = clock.now();
    listener();
  };
  return {
    call: () => {
      if (cancelPending) return;
      const wait = lastRun + intervalMs - clock.now();
      if (wait <= 0) run();
      else cancelPending = clock.schedule(run, wait);
    },
    cancel: () => {
      cancelPending?.();
      cancelPending = null;
    },
  };
}
