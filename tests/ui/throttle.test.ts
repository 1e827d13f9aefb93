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
    /** Moves the clock on by `ms`, running each timer at its own time. */
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const next = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        timers = timers.filter((t) => t !== next);
        now = next.at;
        next.fn();
      }
      now = end;
    },
  };
}

describe('throttle', () => {
  it('runs the first call at once and folds calls inside the interval into one at its end', () => {
    const clock = manualClock();
    const runs: number[] = [];
    const t = throttle(() => runs.push(clock.now()), 250, { clock });
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
    const t = throttle(() => runs.push(clock.now()), 250, { clock });
    for (let i = 0; i < 100; i++) {
      t.call();
      clock.advance(10);
    }
    clock.advance(250);
    expect(runs.length).toBe(5);
    runs.slice(1).forEach((at, i) => expect(at - runs[i]!).toBeGreaterThanOrEqual(250));
  });

  it('with a grace period, runs on the first call after the interval rather than on a timer', () => {
    const clock = manualClock();
    const runs: number[] = [];
    const t = throttle(() => runs.push(clock.now()), 250, { graceMs: 150, clock });
    // Called every 100 ms, as snapshots arrive: runs at 0, then on the call at 300 (not at 250).
    for (let i = 0; i < 6; i++) {
      t.call();
      clock.advance(100);
    }
    expect(runs).toEqual([0, 300]);
    // The calls stopped (the last at 500) while a run was pending: the timer runs it 150 ms after the
    // interval ended.
    clock.advance(1000);
    expect(runs).toEqual([0, 300, 700]);
  });

  it('flush runs at once and drops the pending run', () => {
    const clock = manualClock();
    const runs: number[] = [];
    const t = throttle(() => runs.push(clock.now()), 250, { clock });
    t.call();
    clock.advance(50);
    t.call();
    t.flush();
    expect(runs).toEqual([0, 50]);
    clock.advance(1000);
    expect(runs).toEqual([0, 50]);
  });

  it('drops a pending run when cancelled', () => {
    const clock = manualClock();
    const runs: number[] = [];
    const t = throttle(() => runs.push(clock.now()), 250, { clock });
    t.call();
    t.call();
    t.cancel();
    clock.advance(1000);
    expect(runs).toEqual([0]);
  });
});
