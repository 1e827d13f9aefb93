/**
 * One simulation session behind the protocol: takes raw messages, validates them, runs them against the
 * sim core, and posts events. The worker hosts it; the in-process client runs the same code on the main
 * thread (tests). Wall-clock time enters only through the injected `Interval` that drives play.
 */
import { CommandType, ErrorCode, EventType, PROTOCOL_VERSION, parseSimCommand } from '../protocol';
import type { ErrorCode as ErrorCodeValue, SimCommand, SimEvent } from '../protocol';
import type { Cluster } from '../sim/cluster';
import { DEFAULT_SCENARIO, SCENARIOS, findScenario, startScenario } from '../sim/scenarios';
import { buildSnapshot } from '../sim/snapshot';
import { Terminal } from '../sim/terminal/terminal';
import { describeText, podVolumeFiles, yamlText } from './inspect';

/** Wall-clock milliseconds between two advances of the play loop. */
export const PLAY_INTERVAL_MS = 100;
/** Simulated milliseconds one `step` advances. */
export const STEP_MS = 1_000;

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

export class SimSession {
  private run: Run | undefined;
  private isPlaying = false;
  private speed = 1;
  private stopInterval: (() => void) | undefined;
  /** Terminal output not yet posted. */
  private pendingOutput = '';

  constructor(
    private readonly post: (event: SimEvent) => void,
    private readonly interval: Interval = wallClockInterval,
  ) {}

  /** Handles one raw message. Never throws: every failure is posted as an `error` event. */
  receive(data: unknown): void {
    const parsed = parseSimCommand(data);
    if (!parsed.ok) {
      this.postError(ErrorCode.badMessage, parsed.error);
      return;
    }
    try {
      this.handle(parsed.value);
    } catch (e) {
      if (e instanceof SessionError) this.postError(e.code, e.message);
      else this.postError(ErrorCode.simFailure, e instanceof Error ? e.message : String(e));
    }
  }

  /** Stops the play loop. */
  dispose(): void {
    this.setPlaying(false);
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
      case CommandType.step:
        this.advance(STEP_MS);
        return;
      case CommandType.tick:
        this.advance(command.ms);
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

  private load(name: string, seed: number): void {
    if (!findScenario(name)) {
      throw new SessionError(
        ErrorCode.unknownScenario,
        `unknown scenario "${name}"; known scenarios: ${SCENARIOS.map((s) => s.name).join(', ')}`,
      );
    }
    const { cluster } = startScenario(name, seed);
    this.pendingOutput = '';
    const terminal = new Terminal(cluster, (text) => (this.pendingOutput += text));
    this.run = { cluster, terminal, scenario: name, seed };
    this.postSnapshot(this.run);
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
      this.advance(PLAY_INTERVAL_MS * this.speed);
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
    this.post({
      type: EventType.snapshot,
      scenario: run.scenario,
      seed: run.seed,
      isPlaying: this.isPlaying,
      speed: this.speed,
      snapshot: buildSnapshot(run.cluster),
    });
  }

  private postError(code: ErrorCodeValue, message: string): void {
    this.post({ type: EventType.error, code, message });
  }
}
