/**
 * One simulation session behind the protocol: takes raw messages, validates them, runs them against the
 * sim core, and posts events. The worker hosts it; the in-process client runs the same code on the main
 * thread (tests). Wall-clock time enters only through the injected `Interval` that drives play.
 */
import {
  CommandType,
  ErrorCode,
  EventType,
  PROTOCOL_VERSION,
  changesHistory,
  createSnapshotCodec,
  parseSimCommand,
} from '../protocol';
import type {
  EncodedSnapshotEvent,
  ErrorCode as ErrorCodeValue,
  SimCommand,
  SimEvent,
  SnapshotEvent,
} from '../protocol';
import type { Cluster } from '../sim/cluster';
import { DEFAULT_SCENARIO, SCENARIOS, findScenario, startScenario } from '../sim/scenarios';
import { buildSnapshot } from '../sim/snapshot';
import { Terminal } from '../sim/terminal/terminal';
import { describeText, podVolumeFiles, yamlText } from './inspect';
import { STEP_MAX_MS, drawnFingerprint, stepToNextChange, stepUntilChange } from './step';
import { exportYaml } from '../sim/export';
import { checkManifest } from './manifestCheck';
import { Timeline } from './timeline';
import type { Replayer } from './timeline';

/** Wall-clock milliseconds between two advances of the play loop. */
export const PLAY_INTERVAL_MS = 100;

/** Calls `fn` every `ms` wall-clock milliseconds until the returned function is called. */
export type Interval = (fn: () => void, ms: number) => () => void;

/** The default Interval: setInterval. */
export const wallClockInterval: Interval = (fn, ms) => {
  const handle = setInterval(fn, ms);
  return () => clearInterval(handle);
};

interface Run {
  cluster: Cluster;
  terminal: Terminal;
  scenario: string;
  seed: number;
}

class SessionError extends Error {
  constructor(
    readonly code: ErrorCodeValue,
    message: string,
  ) {
    super(message);
  }
}

export interface SimSessionOptions {
  /** How scenarios are started (tests inject a failing cluster). */
  startScenario?: typeof startScenario;
  /**
   * Where snapshot events go, numbered and as patches on the one before where they can be
   * (src/protocol/snapshotPatch.ts): the worker and the in-process client pass it. Without it snapshots
   * go to `send` whole, as tests that read them expect.
   */
  sendSnapshot?: (event: EncodedSnapshotEvent) => void;
}

export class SimSession {
  private run: Run | undefined;
  /** The command log and the run it is viewed at (see timeline.ts); `run` is always `timeline.run`. */
  private timeline: Timeline<Run> | undefined;
  /** True while the log is replayed: nothing is posted and nothing is recorded. */
  private isReplaying = false;
  /** True while a `replayLog` runs: nothing is posted, but commands are recorded as if sent live. */
  private isQuiet = false;
  private readonly startScenario: typeof startScenario;
  private isPlaying = false;
  private speed = 1;
  private stopInterval: (() => void) | undefined;
  /** Terminal output not yet posted. */
  private pendingOutput = '';
  /** The run and the drawn state (the snapshot without its clock) of the last snapshot event posted. */
  private lastDrawnRun = '';
  /** Encodes every posted snapshot against the one before (patches, and whether only the clock moved). */
  private readonly encodeSnapshot = createSnapshotCodec();
  private readonly sendSnapshot: ((event: EncodedSnapshotEvent) => void) | undefined;

  constructor(
    private readonly send: (event: SimEvent) => void,
    private readonly interval: Interval = wallClockInterval,
    options: SimSessionOptions = {},
  ) {
    this.startScenario = options.startScenario ?? startScenario;
    this.sendSnapshot = options.sendSnapshot;
  }

  /** Posts an event, except while the log is replayed (a replay is silent). */
  private readonly post = (event: SimEvent): void => {
    if (!this.isReplaying && !this.isQuiet) this.send(event);
  };

  /** Handles one raw message. Never throws: every failure is posted as an `error` event. */
  receive(data: unknown): void {
    const parsed = parseSimCommand(data);
    if (!parsed.ok) {
      this.postError(ErrorCode.badMessage, parsed.error);
      return;
    }
    try {
      this.dispatch(parsed.value);
    } catch (e) {
      if (e instanceof SessionError) this.postError(e.code, e.message);
      else this.postError(ErrorCode.simFailure, e instanceof Error ? e.message : String(e));
    }
  }

  /** Stops the play loop. */
  dispose(): void {
    this.setPlaying(false);
  }

  /**
   * Routes a command through the timeline. One that changes the cluster (see `changesHistory`) forks the
   * run when the past is viewed, runs, and is logged with its start and end times; `step` and `tick` in
   * the past move along the recorded run instead of forking it.
   */
  private dispatch(command: SimCommand): void {
    const timeline = this.timeline;
    if (!timeline || this.isReplaying || !changesHistory(command)) {
      this.handle(command);
      return;
    }
    if (timeline.isPast && command.type === CommandType.step) {
      this.followStep(timeline);
      return;
    }
    if (timeline.isPast && command.type === CommandType.tick) {
      this.followTo(timeline, timeline.run.cluster.now() + command.ms);
      return;
    }
    timeline.fork();
    this.run = timeline.run;
    timeline.begin(command, timeline.run.cluster.now());
    try {
      this.handle(command);
    } catch (e) {
      timeline.abort();
      throw e;
    }
    timeline.commit(timeline.run.cluster.now());
  }

  private handle(command: SimCommand): void {
    switch (command.type) {
      case CommandType.hello:
        if (command.protocolVersion !== PROTOCOL_VERSION) {
          throw new SessionError(
            ErrorCode.versionMismatch,
            `protocol version ${command.protocolVersion} is not supported; this worker speaks version ${PROTOCOL_VERSION}`,
          );
        }
        this.post({
          type: EventType.ready,
          protocolVersion: PROTOCOL_VERSION,
          scenarios: SCENARIOS.map(({ name, title, description }) => ({ name, title, description })),
          defaultScenario: DEFAULT_SCENARIO,
        });
        return;
      case CommandType.loadScenario:
        this.load(command.scenario, command.seed);
        return;
      case CommandType.kubectl:
        this.kubectl(command.line, command.id, command.echo === true);
        return;
      case CommandType.play:
      case CommandType.pause:
        this.setPlaying(command.type === CommandType.play);
        this.postSnapshotIfLoaded();
        return;
      case CommandType.setSpeed:
        this.speed = command.speed;
        this.postSnapshotIfLoaded();
        return;
      case CommandType.step: {
        const run = this.requireRun();
        stepToNextChange(run.cluster);
        this.flushOutput(run, null);
        this.postSnapshot(run);
        return;
      }
      case CommandType.seek:
        this.seek(command.time);
        return;
      case CommandType.restart:
        this.restart();
        return;
      case CommandType.tick:
        this.advance(command.ms);
        return;
      case CommandType.dryRunManifest:
        this.post({
          type: EventType.manifestChecked,
          id: command.id,
          ...checkManifest(this.requireRun().cluster, command.text),
        });
        return;
      case CommandType.exportYaml:
        this.post({
          type: EventType.exportedYaml,
          id: command.id,
          text: exportYaml(this.requireRun().cluster.api.dump().objects),
        });
        return;
      case CommandType.exportSession:
        this.post({ type: EventType.sessionLog, id: command.id, ...this.sessionLog(this.requireTimeline()) });
        return;
      case CommandType.exportLog:
        this.exportLog();
        return;
      case CommandType.replayLog:
        this.replayLog(command.scenario, command.seed, command.commands, command.time);
        return;
      case CommandType.requestObject: {
        const object = this.requireRun().cluster.api.get(
          command.kind,
          command.namespace ?? undefined,
          command.name,
        );
        this.post({ ...command, type: EventType.object, object: object ? structuredClone(object) : null });
        return;
      }
      case CommandType.describe:
      case CommandType.printYaml: {
        const { kind, namespace, name } = command;
        const inspect = command.type === CommandType.describe ? describeText : yamlText;
        const { found, text } = inspect(this.requireRun().cluster, kind, namespace, name);
        const type = command.type === CommandType.describe ? EventType.described : EventType.printedYaml;
        this.post({ type, kind, namespace, name, found, text });
        return;
      }
      case CommandType.podFiles: {
        const mounts = podVolumeFiles(this.requireRun().cluster, command.namespace, command.name);
        this.post({
          type: EventType.podFilesListed,
          namespace: command.namespace,
          name: command.name,
          found: mounts !== null,
          mounts: mounts ?? [],
        });
        return;
      }
    }
  }

  private load(name: string, seed: number, post = true): void {
    if (!findScenario(name)) {
      throw new SessionError(
        ErrorCode.unknownScenario,
        `unknown scenario "${name}"; known scenarios: ${SCENARIOS.map((s) => s.name).join(', ')}`,
      );
    }
    const run = this.startRun(name, seed);
    this.pendingOutput = '';
    this.run = run;
    const replayer: Replayer<Run> = {
      start: () => this.startRun(name, seed),
      apply: (target, command) => this.replay(target, command),
      now: (target) => target.cluster.now(),
    };
    this.timeline = new Timeline(replayer, run, run.cluster.now());
    if (post) this.postSnapshot(this.run);
  }

  private startRun(name: string, seed: number): Run {
    const { cluster } = this.startScenario(name, seed);
    const terminal = new Terminal(cluster, (text) => (this.pendingOutput += text));
    return { cluster, terminal, scenario: name, seed };
  }

  /** Runs one logged command on `run` silently (no output, no snapshot, no recording). */
  private replay(run: Run, command: SimCommand): void {
    const saved = this.run;
    const wasReplaying = this.isReplaying;
    this.run = run;
    this.isReplaying = true;
    try {
      this.handle(command);
    } finally {
      this.run = saved;
      this.isReplaying = wasReplaying;
      this.pendingOutput = '';
    }
  }

  /** Posts the command log of the run (every recorded command with its times) and the time shown. */
  private exportLog(): void {
    const timeline = this.requireTimeline();
    const run = timeline.run;
    this.post({
      type: EventType.commandLog,
      scenario: run.scenario,
      seed: run.seed,
      start: timeline.start,
      time: run.cluster.now(),
      isPast: timeline.isPast,
      entries: timeline.log().map((e) => ({ command: structuredClone(e.command), at: e.at, end: e.end })),
    });
  }

  /**
   * Starts `name` with `seed` and runs `commands` as if they had been sent (recorded, nothing posted),
   * then seeks to `time` when given; paused. When a command fails, the scenario starts afresh instead and
   * a `replayFailed` error says which command failed.
   */
  private replayLog(name: string, seed: number, commands: readonly SimCommand[], time?: number): void {
    this.setPlaying(false);
    this.load(name, seed, false);
    let index = 0;
    this.isQuiet = true;
    try {
      for (; index < commands.length; index++) {
        const parsed = parseSimCommand(commands[index]);
        if (!parsed.ok || !changesHistory(parsed.value))
          throw new Error(parsed.ok ? 'not a logged command' : parsed.error);
        this.dispatch(parsed.value);
      }
      if (time !== undefined) this.seek(time);
    } catch (e) {
      this.isQuiet = false;
      this.load(name, seed);
      const reason = e instanceof Error ? e.message : String(e);
      throw new SessionError(
        ErrorCode.replayFailed,
        `The shared run could not be replayed (command ${index + 1} of ${commands.length} failed: ${reason}). Started ${name} afresh instead.`,
      );
    } finally {
      this.isQuiet = false;
      this.pendingOutput = '';
    }
    this.postSnapshot(this.requireRun());
  }

  private requireTimeline(): Timeline<Run> {
    this.requireRun();
    return this.timeline!;
  }

  /** Shows the last recorded state at or before `time` (the present from the latest time on). Pauses. */
  private seek(time: number): void {
    const timeline = this.requireTimeline();
    this.setPlaying(false);
    timeline.seek(time);
    this.run = timeline.run;
    this.postSnapshot(timeline.run);
  }

  /** Rebuilds the viewed run from the scenario start and the log: the last good state. Pauses. */
  private restart(): void {
    const timeline = this.requireTimeline();
    this.setPlaying(false);
    timeline.rebuild();
    this.run = timeline.run;
    this.pendingOutput = '';
    this.postSnapshot(timeline.run);
  }

  /**
   * Moves along the recorded run to `target` (at least one entry, so play never stalls on a long one);
   * once the present is reached, time moves on live (and that is logged).
   */
  private followTo(timeline: Timeline<Run>, target: number): void {
    do timeline.followNext();
    while (timeline.isPast && timeline.nextEnd()! <= target);
    this.run = timeline.run;
    const now = timeline.run.cluster.now();
    if (!timeline.isPast && now < target) this.dispatch({ type: CommandType.tick, ms: target - now });
    else this.postSnapshot(timeline.run);
  }

  /** Step in the past: along the recorded run to the next change, stopping at the present. */
  private followStep(timeline: Timeline<Run>): void {
    const limit = timeline.run.cluster.now() + STEP_MAX_MS;
    stepUntilChange(
      () => timeline.followNext() && timeline.run.cluster.now() < limit,
      () => drawnFingerprint(timeline.run.cluster),
    );
    this.run = timeline.run;
    this.postSnapshot(timeline.run);
  }

  /**
   * Feeds each line of `input` to the terminal; answers with everything it printed and the next prompt.
   * With `echo`, each line is first written after the prompt it was typed at, as the transcript runner does.
   * `^C` is Ctrl+C: it stops watches, leaves a pod shell, or abandons an unfinished here-document.
   */
  private kubectl(input: string, id: string, echo: boolean): void {
    const run = this.requireRun();
    this.flushOutput(run, null);
    for (const line of input.split('\n')) {
      const prompt = run.terminal.prompt();
      if (echo) this.pendingOutput += `${prompt}${line}\n`;
      if (line.trim() === '^C' && prompt === '> ') run.terminal.interrupt();
      else run.terminal.feed(line);
    }
    this.flushOutput(run, id, true);
    this.postSnapshot(run);
  }

  /** The scenario's setup and the log as terminal lines, up to the state shown now (for a shell script). */
  private sessionLog(timeline: Timeline<Run>) {
    const run = timeline.run;
    const scenario = findScenario(run.scenario);
    const shown = timeline.log().slice(0, timeline.appliedCount);
    return {
      scenario: run.scenario,
      seed: run.seed,
      setup: scenario?.setup ?? [],
      warmUpMs: scenario?.warmUpMs ?? 0,
      entries: shown.map((e) => ({
        line: e.command.type === CommandType.kubectl ? e.command.line : null,
        at: e.at,
        end: e.end,
      })),
    };
  }

  private advance(ms: number): void {
    const run = this.requireRun();
    run.cluster.advance(ms);
    this.flushOutput(run, null);
    this.postSnapshot(run);
  }

  private setPlaying(isPlaying: boolean): void {
    this.isPlaying = isPlaying;
    if (isPlaying && !this.stopInterval) {
      this.stopInterval = this.interval(() => this.playTick(), PLAY_INTERVAL_MS);
    } else if (!isPlaying && this.stopInterval) {
      this.stopInterval();
      this.stopInterval = undefined;
    }
  }

  private playTick(): void {
    if (!this.run) return;
    try {
      this.dispatch({ type: CommandType.tick, ms: PLAY_INTERVAL_MS * this.speed });
    } catch (e) {
      this.setPlaying(false);
      this.postError(ErrorCode.simFailure, e instanceof Error ? e.message : String(e));
    }
  }

  private requireRun(): Run {
    if (!this.run)
      throw new SessionError(ErrorCode.noScenario, 'no scenario is loaded: send loadScenario first');
    return this.run;
  }

  /** Posts pending terminal output; `always` posts even when empty (every kubectl command gets an answer). */
  private flushOutput(run: Run, id: string | null, always = false): void {
    if (!this.pendingOutput && !always) return;
    const text = this.pendingOutput;
    this.pendingOutput = '';
    this.post({ type: EventType.output, id, text, prompt: run.terminal.prompt() });
  }

  private postSnapshotIfLoaded(): void {
    if (this.run) this.postSnapshot(this.run);
  }

  private postSnapshot(run: Run): void {
    // A replay posts nothing, so there is nothing to build or compare either.
    if (this.isReplaying || this.isQuiet) return;
    const event: SnapshotEvent = {
      type: EventType.snapshot,
      scenario: run.scenario,
      seed: run.seed,
      isPlaying: this.isPlaying,
      speed: this.speed,
      snapshot: buildSnapshot(run.cluster),
      ...(this.timeline ? { timeline: this.timeline.info() } : {}),
    };
    // A play tick in which nothing happened says so (isTimeOnly), so the page redraws nothing but its
    // clock. The encoder compares each part with the last snapshot posted (here, off the main thread).
    const { wire, isUnchanged } = this.encodeSnapshot(event);
    const runKey = `${run.scenario}/${run.seed}`;
    const isTimeOnly = isUnchanged && runKey === this.lastDrawnRun;
    this.lastDrawnRun = runKey;
    if (this.sendSnapshot) this.sendSnapshot(isTimeOnly ? { ...wire, isTimeOnly } : wire);
    else this.send(isTimeOnly ? { ...event, isTimeOnly } : event);
  }

  private postError(code: ErrorCodeValue, message: string): void {
    this.post({ type: EventType.error, code, message });
  }
}
