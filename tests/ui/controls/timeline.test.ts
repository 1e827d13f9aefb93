import { describe, expect, it } from 'vitest';
import type { SimCommand } from '../../../src/protocol';
import { changesHistory, forksThePast } from '../../../src/protocol';
import { createForkGuard } from '../../../src/ui/controls/forkGuard';
import { stepUntilChange } from '../../../src/worker/step';
import { Timeline, countUntil, planSeek } from '../../../src/worker/timeline';
import type { Span } from '../../../src/worker/timeline';
import type { SimClient } from '../../../src/client/types';

/** A tick to 1000, an instant command at 1000, a tick to 2000, two instant commands at 2000, a tick to 5000. */
const spans: Span[] = [
  { at: 0, end: 1000 },
  { at: 1000, end: 1000 },
  { at: 1000, end: 2000 },
  { at: 2000, end: 2000 },
  { at: 2000, end: 2000 },
  { at: 2000, end: 5000 },
];

describe('countUntil', () => {
  it.each<[number, number]>([
    [0, 0],
    [999, 0],
    // The tick that reached 1000 is in; the command typed at 1000 is not (the state it started from).
    [1000, 1],
    [1001, 2],
    [2000, 3],
    [4999, 5],
    // The latest time is the present: everything.
    [5000, 6],
    [9999, 6],
  ])('at %d: %d entries', (t, n) => {
    expect(countUntil(spans, t)).toBe(n);
  });

  it('includes instant commands at the latest time', () => {
    expect(
      countUntil(
        [
          { at: 0, end: 1000 },
          { at: 1000, end: 1000 },
        ],
        1000,
      ),
    ).toBe(2);
    expect(countUntil([], 0)).toBe(0);
  });
});

describe('planSeek', () => {
  it.each<[number, number, { rebuild: boolean; from: number; to: number }]>([
    [6, 5000, { rebuild: false, from: 6, to: 6 }],
    [6, 1500, { rebuild: true, from: 0, to: 2 }],
    [2, 2500, { rebuild: false, from: 2, to: 5 }],
    [2, 2000, { rebuild: false, from: 2, to: 3 }],
    [3, 500, { rebuild: true, from: 0, to: 0 }],
  ])('from %d applied entries to %d', (applied, t, plan) => {
    expect(planSeek(spans, applied, t)).toEqual(plan);
  });
});

/** A fake run: the commands applied to it, and its clock. */
interface FakeRun {
  id: number;
  applied: number[];
  now: number;
}

function fakeTimeline() {
  let runs = 0;
  const starts: FakeRun[] = [];
  const timeline = new Timeline<FakeRun>(
    {
      start: () => {
        const run = { id: ++runs, applied: [], now: 0 };
        starts.push(run);
        return run;
      },
      apply: (run, command) => {
        if (command.type !== 'tick') throw new Error('fake runs only tick');
        run.applied.push(command.ms);
        run.now += command.ms;
      },
      now: (run) => run.now,
    },
    { id: 0, applied: [], now: 0 },
    0,
  );
  const live = (ms: number) => {
    const run = timeline.run;
    const at = run.now;
    run.applied.push(ms);
    run.now += ms;
    timeline.record({ type: 'tick', ms }, at, run.now);
  };
  return { timeline, live, starts };
}

describe('Timeline', () => {
  it('keeps the present aside while the past is viewed, and returns to it without replaying', () => {
    const { timeline, live, starts } = fakeTimeline();
    [100, 200, 300].forEach(live);
    const present = timeline.run;
    timeline.seek(300);
    expect(timeline.isPast).toBe(true);
    expect(timeline.run.applied).toEqual([100, 200]);
    expect(starts).toHaveLength(1);
    timeline.seek(600);
    expect(timeline.run).toBe(present);
    expect(timeline.isPast).toBe(false);
    expect(timeline.info()).toEqual({ start: 0, latest: 600, isPast: false, commandCount: 3 });
  });

  it('seeks forward within the past by replaying only the entries in between', () => {
    const { timeline, live, starts } = fakeTimeline();
    [100, 200, 300, 400].forEach(live);
    timeline.seek(100);
    const past = timeline.run;
    timeline.seek(600);
    expect(timeline.run).toBe(past);
    expect(past.applied).toEqual([100, 200, 300]);
    expect(starts).toHaveLength(1);
  });

  it('follows the recorded entries one by one and becomes the present at the end', () => {
    const { timeline, live } = fakeTimeline();
    [100, 200].forEach(live);
    const present = timeline.run;
    timeline.seek(0);
    expect(timeline.nextEnd()).toBe(100);
    expect(timeline.followNext()).toBe(true);
    expect(timeline.run.applied).toEqual([100]);
    expect(timeline.followNext()).toBe(true);
    expect(timeline.run).toBe(present);
    expect(timeline.followNext()).toBe(false);
  });

  it('forks: the entries after the viewed state are dropped, and recording goes on from there', () => {
    const { timeline, live } = fakeTimeline();
    [100, 200, 300].forEach(live);
    timeline.seek(300);
    timeline.fork();
    expect(timeline.isPast).toBe(false);
    expect(timeline.info()).toEqual({ start: 0, latest: 300, isPast: false, commandCount: 2 });
    live(50);
    expect(timeline.log().map((e) => [e.at, e.end])).toEqual([
      [0, 100],
      [100, 300],
      [300, 350],
    ]);
  });

  it('refuses to record in the past, counts a running command, and forgets an aborted one', () => {
    const { timeline, live } = fakeTimeline();
    [100, 200].forEach(live);
    timeline.seek(0);
    expect(() => timeline.record({ type: 'tick', ms: 1 }, 0, 1)).toThrow(/fork first/);
    timeline.seek(300);
    timeline.begin({ type: 'tick', ms: 5 }, 300);
    expect(timeline.info().commandCount).toBe(3);
    timeline.abort();
    expect(timeline.info().commandCount).toBe(2);
  });

  it('rebuilds the viewed run from the log', () => {
    const { timeline, live, starts } = fakeTimeline();
    [100, 200].forEach(live);
    timeline.rebuild();
    expect(starts).toHaveLength(1);
    expect(timeline.run.applied).toEqual([100, 200]);
    expect(timeline.isPast).toBe(false);
  });
});

describe('stepUntilChange', () => {
  it('moves until the fingerprint changes', () => {
    const states = ['a', 'a', 'a', 'b', 'c'];
    let i = 0;
    expect(
      stepUntilChange(
        () => ++i < states.length,
        () => states[i]!,
      ),
    ).toBe(3);
    expect(i).toBe(3);
  });

  it('stops when there is nothing more to move to, or at the cap', () => {
    let moves = 0;
    expect(
      stepUntilChange(
        () => ++moves <= 2,
        () => 'same',
      ),
    ).toBe(2);
    expect(
      stepUntilChange(
        () => true,
        () => 'same',
        10,
      ),
    ).toBe(10);
  });
});

describe('which commands are logged and which fork the past', () => {
  it.each<[SimCommand, boolean, boolean]>([
    [{ type: 'kubectl', line: 'kubectl get pods', id: 'a' }, true, true],
    [{ type: 'step' }, true, false],
    [{ type: 'tick', ms: 100 }, true, false],
    [{ type: 'play' }, false, false],
    [{ type: 'pause' }, false, false],
    [{ type: 'setSpeed', speed: 2 }, false, false],
    [{ type: 'seek', time: 0 }, false, false],
    [{ type: 'restart' }, false, false],
    [{ type: 'loadScenario', scenario: 'compare', seed: 1 }, false, false],
    [{ type: 'describe', kind: 'Pod', namespace: 'default', name: 'mysql-0' }, false, false],
    [{ type: 'requestObject', kind: 'Node', namespace: null, name: 'node-1' }, false, false],
  ])('%j: logged %s, forks %s', (command, logged, forks) => {
    expect(changesHistory(command)).toBe(logged);
    expect(forksThePast(command)).toBe(forks);
  });
});

describe('createForkGuard', () => {
  function fakeClient() {
    const sent: SimCommand[] = [];
    const client: SimClient = { send: (c) => sent.push(c), subscribe: () => () => {}, close: () => {} };
    return { client, sent };
  }

  it('passes everything through in the present', () => {
    const { client, sent } = fakeClient();
    const guard = createForkGuard(client, () => false);
    guard.client.send({ type: 'kubectl', line: 'kubectl delete pod mysql-1', id: 'a' });
    expect(sent).toHaveLength(1);
    expect(guard.held()).toEqual([]);
  });

  it('holds forking commands in the past until confirmed, in order; steering passes through', () => {
    const { client, sent } = fakeClient();
    const guard = createForkGuard(client, () => true);
    let changes = 0;
    guard.subscribe(() => changes++);
    const a: SimCommand = { type: 'kubectl', line: 'kubectl delete pod mysql-1', id: 'a' };
    const b: SimCommand = { type: 'kubectl', line: 'kubectl get pods', id: 'b' };
    guard.client.send(a);
    guard.client.send({ type: 'step' });
    guard.client.send({ type: 'describe', kind: 'Pod', namespace: 'default', name: 'mysql-0' });
    guard.client.send(b);
    expect(sent.map((c) => c.type)).toEqual(['step', 'describe']);
    expect(guard.held()).toEqual([a, b]);
    guard.confirm();
    expect(sent.slice(2)).toEqual([a, b]);
    expect(guard.held()).toEqual([]);
    expect(changes).toBe(3);
  });

  it('drops held commands on cancel', () => {
    const { client, sent } = fakeClient();
    const guard = createForkGuard(client, () => true);
    guard.client.send({ type: 'kubectl', line: 'kubectl scale sts mysql --replicas=1', id: 'a' });
    guard.cancel();
    expect(guard.held()).toEqual([]);
    expect(sent).toEqual([]);
  });
});
