import { describe, expect, it } from 'vitest';
import { CommandType, ErrorCode, EventType, parseSimEvent } from '../../../src/protocol';
import type { CommandLogEvent, SimCommand, SimEvent, SnapshotEvent } from '../../../src/protocol';
import { startScenario } from '../../../src/sim/scenarios';
import { decodeRun, encodeRun, runFromLog } from '../../../src/share/link';
import { SimSession } from '../../../src/worker/session';
import type { Interval } from '../../../src/worker/session';

const noInterval: Interval = () => () => {};

function session(options = {}) {
  const events: SimEvent[] = [];
  const s = new SimSession((e) => events.push(structuredClone(e)), noInterval, options);
  const send = (command: SimCommand) => s.receive(structuredClone(command));
  const last = <T extends SimEvent['type']>(type: T) =>
    events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type).at(-1);
  return { s, events, send, last };
}

const live: SimCommand[] = [
  { type: CommandType.tick, ms: 100 },
  { type: CommandType.tick, ms: 100 },
  { type: CommandType.kubectl, line: 'kubectl delete pod mysql-1 --wait=false', id: 'a', echo: true },
  { type: CommandType.step },
  { type: CommandType.tick, ms: 800 },
  { type: CommandType.kubectl, line: 'kubectl scale statefulset mysql --replicas=4', id: 'b' },
  ...Array.from({ length: 50 }, () => ({ type: CommandType.tick, ms: 400 }) as SimCommand),
  { type: CommandType.step },
];

function drawn(e: SnapshotEvent | undefined) {
  return e && { scenario: e.scenario, seed: e.seed, snapshot: e.snapshot, timeline: e.timeline };
}

describe('exportLog and replayLog', () => {
  it('a run exported, sent through a link and replayed is the same state, byte for byte', () => {
    const a = session();
    a.send({ type: CommandType.loadScenario, scenario: 'compare', seed: 11 });
    for (const c of live) a.send(c);
    a.send({ type: CommandType.exportLog });
    const log = a.last(EventType.commandLog)!;
    expect(parseSimEvent(log).ok).toBe(true);
    expect(log.entries).toHaveLength(live.length);
    expect(log).toMatchObject({ scenario: 'compare', seed: 11, isPast: false });

    const decoded = decodeRun(encodeRun(runFromLog(log)));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const b = session();
    b.send({ type: CommandType.replayLog, scenario: 'compare', seed: 11, commands: decoded.run.commands });
    // Quiet while replaying: one snapshot at the end, no output.
    expect(b.events.map((e) => e.type)).toEqual([EventType.snapshot]);
    expect(drawn(b.last(EventType.snapshot))).toEqual(drawn(a.last(EventType.snapshot)));
    expect(b.last(EventType.snapshot)!.isPlaying).toBe(false);

    // The replayed log is the log: exporting again gives the same entries.
    b.send({ type: CommandType.exportLog });
    expect(b.last(EventType.commandLog)!.entries.map((e) => [e.at, e.end])).toEqual(
      log.entries.map((e) => [e.at, e.end]),
    );
  });

  it('a link made while the past is shown opens at that time, and can still go forward', () => {
    const a = session();
    a.send({ type: CommandType.loadScenario, scenario: 'compare', seed: 2 });
    for (const c of live) a.send(c);
    const latest = a.last(EventType.snapshot)!;
    a.send({ type: CommandType.seek, time: 63_000 });
    const past = a.last(EventType.snapshot)!;
    expect(past.timeline?.isPast).toBe(true);
    a.send({ type: CommandType.exportLog });
    const run = runFromLog(a.last(EventType.commandLog)!);
    expect(run.time).toBe(past.snapshot.time);

    const b = session();
    b.send({
      type: CommandType.replayLog,
      scenario: 'compare',
      seed: 2,
      commands: run.commands,
      time: run.time,
    });
    expect(drawn(b.last(EventType.snapshot))).toEqual(drawn(past));
    b.send({ type: CommandType.seek, time: latest.snapshot.time });
    expect(drawn(b.last(EventType.snapshot))).toEqual(drawn(latest));
  });

  it('a command that fails part-way starts the scenario afresh and says which command', () => {
    let failAfter = Infinity;
    const failing: typeof startScenario = (name, seed) => {
      const started = startScenario(name, seed);
      const advance = started.cluster.advance.bind(started.cluster);
      started.cluster.advance = (ms: number) => {
        if (--failAfter < 0) throw new Error('boom');
        return advance(ms);
      };
      return started;
    };
    const b = session({ startScenario: failing });
    failAfter = 2;
    b.send({
      type: CommandType.replayLog,
      scenario: 'empty',
      seed: 1,
      commands: [1, 2, 3, 4].map(() => ({ type: CommandType.tick, ms: 100 })),
    });
    const error = b.last(EventType.error)!;
    expect(error.code).toBe(ErrorCode.replayFailed);
    expect(error.message).toBe(
      'The shared run could not be replayed (command 3 of 4 failed: boom). Started empty afresh instead.',
    );
    const snapshot = b.last(EventType.snapshot)!;
    expect(snapshot.timeline).toMatchObject({ commandCount: 0 });
    expect(snapshot.scenario).toBe('empty');
  });

  it('rejects a replayLog whose commands are not loggable, and an unknown scenario', () => {
    const b = session();
    b.s.receive({ type: 'replayLog', scenario: 'empty', seed: 1, commands: [{ type: 'seek', time: 5 }] });
    expect(b.last(EventType.error)!.code).toBe(ErrorCode.badMessage);
    b.send({ type: CommandType.replayLog, scenario: 'nope', seed: 1, commands: [] });
    expect(b.last(EventType.error)!.code).toBe(ErrorCode.unknownScenario);
    b.send({ type: CommandType.exportLog });
    expect(b.last(EventType.error)!.code).toBe(ErrorCode.noScenario);
    expect(b.events.some((e) => e.type === EventType.commandLog)).toBe(false);
  });

  it('exports the log entries with their times', () => {
    const a = session();
    a.send({ type: CommandType.loadScenario, scenario: 'empty', seed: 1 });
    a.send({ type: CommandType.tick, ms: 500 });
    a.send({ type: CommandType.kubectl, line: 'kubectl get pods', id: 'x' });
    a.send({ type: CommandType.exportLog });
    const log = a.last(EventType.commandLog) as CommandLogEvent;
    expect(log.entries).toEqual([
      { command: { type: 'tick', ms: 500 }, at: 0, end: 500 },
      { command: { type: 'kubectl', line: 'kubectl get pods', id: 'x' }, at: 500, end: 500 },
    ]);
    expect(log).toMatchObject({ start: 0, time: 500, isPast: false });
  });
});
