import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../../src/client/inProcessClient';
import type { SimClient } from '../../../src/client/types';
import type { SimCommand, SimEvent, SnapshotEvent } from '../../../src/protocol';
import { startScenario } from '../../../src/sim/scenarios';
import { SimSession } from '../../../src/worker/session';
import { STEP_MAX_MS } from '../../../src/worker/step';

/** An Interval the test fires by hand. */
function manualInterval() {
  const running = new Set<() => void>();
  return {
    interval: (fn: () => void) => {
      running.add(fn);
      return () => running.delete(fn);
    },
    fire: (times = 1) => {
      for (let i = 0; i < times; i++) [...running].forEach((fn) => fn());
    },
  };
}

let client: SimClient | undefined;
afterEach(() => client?.close());

/** Sends commands and collects every event until the session has answered them all. */
async function exchange(c: SimClient, ...commands: SimCommand[]): Promise<SimEvent[]> {
  const events: SimEvent[] = [];
  const unsubscribe = c.subscribe((e) => events.push(e));
  for (const command of commands) c.send(command);
  for (let i = 0; i < 5; i++) await Promise.resolve();
  unsubscribe();
  return events;
}

function lastSnapshot(events: SimEvent[]): SnapshotEvent {
  const snapshot = events.filter((e): e is SnapshotEvent => e.type === 'snapshot').at(-1);
  if (!snapshot) throw new Error(`no snapshot among ${events.map((e) => e.type).join(', ')}`);
  return snapshot;
}

/** What the canvas would draw, without the clock: a short hash, so a mismatch prints in one line. */
function drawn(event: SnapshotEvent): string {
  const text = JSON.stringify({ ...event.snapshot, time: 0 });
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  const pods = event.snapshot.pods.map((p) => `${p.name}:${p.status}`).join(' ');
  return `${hash.toString(16)} ${pods}`;
}

const mysqlPods = (event: SnapshotEvent) =>
  event.snapshot.pods.filter((p) => p.workloadName === 'mysql').map((p) => p.name);

/** Plays `ticks` ticks of the play loop at `speed`, collecting the snapshots they post. */
async function play(c: SimClient, timer: ReturnType<typeof manualInterval>, ticks: number, speed = 8) {
  await exchange(c, { type: 'setSpeed', speed }, { type: 'play' });
  const seen: SnapshotEvent[] = [];
  const unsubscribe = c.subscribe((e) => e.type === 'snapshot' && seen.push(e));
  timer.fire(ticks);
  for (let i = 0; i < 5; i++) await Promise.resolve();
  unsubscribe();
  await exchange(c, { type: 'pause' });
  return seen;
}

describe('time travel in the worker', () => {
  it('records the run, seeks back to exactly what was shown, and returns to the present', async () => {
    const timer = manualInterval();
    const c = (client = createInProcessClient({ interval: timer.interval }));
    const loaded = lastSnapshot(await exchange(c, { type: 'loadScenario', scenario: 'compare', seed: 3 }));
    expect(loaded.timeline).toEqual({
      start: loaded.snapshot.time,
      latest: loaded.snapshot.time,
      isPast: false,
      commandCount: 0,
    });

    await exchange(c, { type: 'kubectl', line: 'kubectl scale sts mysql --replicas=5', id: 'a' });
    const shown = await play(c, timer, 40);
    const present = shown.at(-1)!;
    expect(mysqlPods(present)).toEqual(['mysql-0', 'mysql-1', 'mysql-2', 'mysql-3', 'mysql-4']);
    expect(present.timeline).toMatchObject({
      isPast: false,
      latest: present.snapshot.time,
      commandCount: 41,
    });

    // Every state shown while playing comes back identical, whatever order the seeks come in.
    for (const i of [20, 5, 6, 33, 0]) {
      const back = lastSnapshot(await exchange(c, { type: 'seek', time: shown[i]!.snapshot.time }));
      expect(back.snapshot.time).toBe(shown[i]!.snapshot.time);
      expect(drawn(back)).toBe(drawn(shown[i]!));
      expect(back.timeline).toMatchObject({ isPast: true, latest: present.snapshot.time });
    }

    // Before the scale command: the three pods the scenario starts with.
    const before = lastSnapshot(await exchange(c, { type: 'seek', time: loaded.snapshot.time }));
    expect(mysqlPods(before)).toEqual(['mysql-0', 'mysql-1', 'mysql-2']);
    expect(before.timeline?.isPast).toBe(true);

    const again = lastSnapshot(await exchange(c, { type: 'seek', time: present.snapshot.time }));
    expect(again.timeline?.isPast).toBe(false);
    expect(drawn(again)).toBe(drawn(present));
  });

  it('lands on the last shown state at or before the time asked for, and pauses', async () => {
    const timer = manualInterval();
    const c = (client = createInProcessClient({ interval: timer.interval }));
    await exchange(c, { type: 'loadScenario', scenario: 'empty', seed: 1 });
    const shown = await play(c, timer, 5, 10);
    await exchange(c, { type: 'play' });
    const between = (shown[1]!.snapshot.time + shown[2]!.snapshot.time) / 2;
    const back = lastSnapshot(await exchange(c, { type: 'seek', time: between }));
    expect(back.snapshot.time).toBe(shown[1]!.snapshot.time);
    expect(back.isPlaying).toBe(false);
  });

  it('plays the recorded run forward from the past, then carries on live', async () => {
    const timer = manualInterval();
    const c = (client = createInProcessClient({ interval: timer.interval }));
    await exchange(c, { type: 'loadScenario', scenario: 'compare', seed: 1 });
    await exchange(c, { type: 'kubectl', line: 'kubectl delete pod mysql-1', id: 'a' });
    const shown = await play(c, timer, 10, 4);
    await exchange(c, { type: 'seek', time: shown[2]!.snapshot.time });

    const replayed = await play(c, timer, 6, 4);
    expect(replayed.map(drawn)).toEqual(shown.slice(3, 9).map(drawn));
    expect(replayed.map((e) => e.timeline?.isPast)).toEqual([true, true, true, true, true, true]);

    // The recorded end is the present again; from there time moves on live and is recorded.
    const onward = await play(c, timer, 4, 4);
    expect(drawn(onward[0]!)).toBe(drawn(shown[9]!));
    expect(onward.map((e) => e.timeline?.isPast)).toEqual([false, false, false, false]);
    expect(onward.map((e) => e.snapshot.time - shown[9]!.snapshot.time)).toEqual([0, 400, 800, 1200]);
    expect(onward.at(-1)!.timeline?.commandCount).toBe(1 + 10 + 3);
  });

  it('steps through the recorded run in the past, stopping at the present', async () => {
    const c = (client = createInProcessClient());
    const loaded = lastSnapshot(await exchange(c, { type: 'loadScenario', scenario: 'compare', seed: 2 }));
    await exchange(c, { type: 'kubectl', line: 'kubectl scale sts mysql --replicas=4', id: 'a' });
    const live = [];
    for (let i = 0; i < 4; i++) live.push(lastSnapshot(await exchange(c, { type: 'step' })));
    await exchange(c, { type: 'seek', time: loaded.snapshot.time });
    await exchange(c, { type: 'step' }); // the scale command: mysql-3 appears
    for (let i = 0; i < 4; i++) {
      const stepped = lastSnapshot(await exchange(c, { type: 'step' }));
      expect(drawn(stepped)).toBe(drawn(live[i]!));
      expect(stepped.snapshot.time).toBe(live[i]!.snapshot.time);
    }
    const end = lastSnapshot(await exchange(c, { type: 'step' }));
    expect(end.timeline?.isPast).toBe(false);
  });

  it('forks when a command arrives in the past: the later log is dropped', async () => {
    const c = (client = createInProcessClient());
    const loaded = lastSnapshot(await exchange(c, { type: 'loadScenario', scenario: 'compare', seed: 1 }));
    await exchange(c, { type: 'tick', ms: 10_000 });
    await exchange(c, { type: 'kubectl', line: 'kubectl scale sts mysql --replicas=5', id: 'a' });
    await exchange(c, { type: 'tick', ms: 60_000 });
    await exchange(c, { type: 'seek', time: loaded.snapshot.time + 10_000 });

    const events = await exchange(c, {
      type: 'kubectl',
      line: 'kubectl scale sts mysql --replicas=1',
      id: 'b',
    });
    expect(events.find((e) => e.type === 'output')).toMatchObject({
      text: 'statefulset.apps/mysql scaled\n',
    });
    const forked = lastSnapshot(events);
    expect(forked.timeline).toEqual({
      start: loaded.snapshot.time,
      latest: loaded.snapshot.time + 10_000,
      isPast: false,
      commandCount: 2,
    });
    const later = lastSnapshot(await exchange(c, { type: 'tick', ms: 30_000 }));
    expect(mysqlPods(later)).toEqual(['mysql-0']);
  });

  it('answers queries about the past from the past, without forking', async () => {
    const c = (client = createInProcessClient());
    const loaded = lastSnapshot(await exchange(c, { type: 'loadScenario', scenario: 'compare', seed: 1 }));
    await exchange(
      c,
      { type: 'kubectl', line: 'kubectl delete sts mysql', id: 'a' },
      { type: 'tick', ms: 30_000 },
    );
    await exchange(c, { type: 'seek', time: loaded.snapshot.time });
    const events = await exchange(c, {
      type: 'requestObject',
      kind: 'StatefulSet',
      namespace: 'default',
      name: 'mysql',
    });
    expect(events[0]).toMatchObject({ type: 'object', object: { metadata: { name: 'mysql' } } });
    const after = lastSnapshot(await exchange(c, { type: 'seek', time: Number.MAX_SAFE_INTEGER }));
    expect(after.timeline).toMatchObject({ isPast: false, commandCount: 2 });
    expect(mysqlPods(after)).toEqual([]);
  });

  it('does not print replayed output again', async () => {
    const c = (client = createInProcessClient());
    const loaded = lastSnapshot(await exchange(c, { type: 'loadScenario', scenario: 'compare', seed: 1 }));
    await exchange(
      c,
      { type: 'kubectl', line: 'kubectl get pods -w', id: 'w' },
      { type: 'kubectl', line: 'kubectl delete pod mysql-0 --wait=false', id: 'd' },
    );
    await exchange(c, { type: 'tick', ms: 20_000 });
    const seekEvents = await exchange(
      c,
      { type: 'seek', time: loaded.snapshot.time + 5_000 },
      { type: 'seek', time: 0 },
    );
    expect(seekEvents.map((e) => e.type)).toEqual(['snapshot', 'snapshot']);
  });
});

describe('restart from the last good state', () => {
  it('rebuilds the run from the log after the simulation failed, keeping every command that succeeded', () => {
    const events: SimEvent[] = [];
    let builds = 0;
    const session = new SimSession(
      (e) => events.push(e),
      () => () => {},
      {
        startScenario: (name, seed) => {
          const run = startScenario(name, seed);
          // The first build fails 20 s in; rebuilds do not.
          if (builds++ === 0)
            run.cluster.clock.after(20_000, 'test failure', () => {
              throw new Error('injected failure');
            });
          return run;
        },
      },
    );
    session.receive({ type: 'loadScenario', scenario: 'compare', seed: 1 });
    session.receive({ type: 'kubectl', line: 'kubectl scale sts mysql --replicas=4', id: 'a' });
    session.receive({ type: 'tick', ms: 5_000 });
    const good = lastSnapshot(events);
    session.receive({ type: 'tick', ms: 30_000 });
    expect(events.at(-1)).toEqual({ type: 'error', code: 'simFailure', message: 'injected failure' });

    session.receive({ type: 'restart' });
    const restarted = lastSnapshot(events);
    expect(restarted.snapshot.time).toBe(good.snapshot.time);
    expect(drawn(restarted)).toBe(drawn(good));
    expect(restarted.timeline).toMatchObject({ isPast: false, commandCount: 2 });

    session.receive({ type: 'tick', ms: 30_000 });
    expect(lastSnapshot(events).snapshot.pods.map((p) => p.name)).toContain('mysql-3');
    expect(builds).toBe(2);
  });
});

describe('step', () => {
  it('stops at the next visible change, or goes STEP_MAX_MS on an idle cluster', async () => {
    const c = (client = createInProcessClient());
    const loaded = lastSnapshot(await exchange(c, { type: 'loadScenario', scenario: 'compare', seed: 1 }));
    const idle = lastSnapshot(await exchange(c, { type: 'step' }));
    expect(idle.snapshot.time - loaded.snapshot.time).toBe(STEP_MAX_MS);

    await exchange(c, { type: 'kubectl', line: 'kubectl delete pod mysql-1 --wait=false', id: 'a' });
    const before = lastSnapshot(await exchange(c, { type: 'tick', ms: 0 }));
    const next = lastSnapshot(await exchange(c, { type: 'step' }));
    expect(next.snapshot.time).toBeGreaterThan(before.snapshot.time);
    expect(next.snapshot.time - before.snapshot.time).toBeLessThan(STEP_MAX_MS);
    expect(drawn(next)).not.toBe(drawn(before));
  });
});
