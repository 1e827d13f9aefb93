import { describe, expect, it } from 'vitest';
import { throttle } from '../../src/ui/throttle';

/** A manual clock: `advance` runs the timers that fall due. */
function manualClock() {
  let now = 0;
  let timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    schedule: (fn: () => void, ms: number) => {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
  };
}

describe('throttle', () => {
  it('runs the first call at once and folds calls inside the interval into one at its end', () => {
    const clock = manualClock();
    const runs: number[] = [];
    const t = throttle(() => runs.push(clock.now()), 250, clock);
    t.call();
    expect(runs).toEqual([0]);
    clock.advance(100);
    t.call();
    clock.advance(50);
    t.call();
    expect(runs).toEqual([0]);
    clock.advance(100);
    expect(runs).toEqual([0, 250]);
    // Quiet for longer than the interval: the next call runs at once again.
    clock.advance(400);
    t.call();
    expect(runs).toEqual([0, 250, 650]);
  });

  it('never runs more than once an interval however often it is called', () => {
    const clock = manualClock();
    const runs: number[] = [];
    const t = throttle(() => runs.push(clock.now()), 250, clock);
    for (let i = 0; i < 100; i++) {
      t.call();
      clock.advance(10);
    }
    clock.advance(250);
    expect(runs.length).toBe(5);
    runs.slice(1).forEach((at, i) => expect(at - runs[i]!).toBeGreaterThanOrEqual(250));
  });

  it('drops a pending run when cancelled', () => {
    const clock = manualClock();
    const runs: number[] = [];
    const t = throttle(() => runs.push(clock.now()), 250, clock);
    t.call();
    t.call();
    t.cancel();
    clock.advance(1000);
    expect(runs).toEqual([0]);
  });
});
