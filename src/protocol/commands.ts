/**
 * Commands the main thread sends to the simulation worker. One union, `type` as a camelCase literal,
 * payloads plain JSON. The worker validates each one with `parseSimCommand` before acting on it.
 */

/** Bumped on every incompatible change to a command or event shape. */
export const PROTOCOL_VERSION = 1;

export const CommandType = {
  hello: 'hello',
  loadScenario: 'loadScenario',
  kubectl: 'kubectl',
  play: 'play',
  pause: 'pause',
  step: 'step',
  setSpeed: 'setSpeed',
  tick: 'tick',
  requestObject: 'requestObject',
  describe: 'describe',
  printYaml: 'printYaml',
  podFiles: 'podFiles',
  seek: 'seek',
  restart: 'restart',
  dryRunManifest: 'dryRunManifest',
  exportYaml: 'exportYaml',
  exportSession: 'exportSession',
  exportLog: 'exportLog',
  replayLog: 'replayLog',
} as const;
export type CommandType = (typeof CommandType)[keyof typeof CommandType];

/** The slowest and fastest play speeds (simulated seconds per wall-clock second). */
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;
/** The longest single `tick`, in simulated milliseconds (one day). */
export const MAX_TICK_MS = 86_400_000;

/** Opens the conversation; the worker answers `ready`, or `error` when the versions differ. */
export interface HelloCommand {
  type: typeof CommandType.hello;
  protocolVersion: number;
}

/** Replaces the running cluster with a fresh start of `scenario` with `seed`. */
export interface LoadScenarioCommand {
  type: typeof CommandType.loadScenario;
  scenario: string;
  seed: number;
}

/** Feeds one terminal line (usually a kubectl command); the worker answers `output` with the same `id`. */
export interface KubectlCommand {
  type: typeof CommandType.kubectl;
  line: string;
  id: string;
  /**
   * When true, the output starts with each line echoed after the prompt it was typed at (`$ `, `> `, a pod
   * shell's), exactly as the transcript runner prints it. The console sends every line this way.
   */
  echo?: boolean;
}

/** Starts advancing simulated time at the current speed. */
export interface PlayCommand {
  type: typeof CommandType.play;
}

export interface PauseCommand {
  type: typeof CommandType.pause;
}

/**
 * Advances simulated time to the next change: timer by timer until the snapshot (what the playground
 * draws) differs, at most STEP_MAX_MS ahead. In the past it moves along the recorded run instead.
 */
export interface StepCommand {
  type: typeof CommandType.step;
}

/** Sets the play speed: simulated seconds per wall-clock second, MIN_SPEED to MAX_SPEED. */
export interface SetSpeedCommand {
  type: typeof CommandType.setSpeed;
  speed: number;
}

/** Advances simulated time by `ms` (0 to MAX_TICK_MS) at once. */
export interface TickCommand {
  type: typeof CommandType.tick;
  ms: number;
}

/** Asks for one object as the API server stores it; the worker answers `object`. */
export interface RequestObjectCommand {
  type: typeof CommandType.requestObject;
  kind: string;
  /** null for cluster-scoped kinds (Node, PersistentVolume, ...). */
  namespace: string | null;
  name: string;
}

/** Names one object: `describe`, `printYaml` and `podFiles` take it. */
export interface ObjectRefFields {
  kind: string;
  /** null for cluster-scoped kinds (Node, PersistentVolume, ...). */
  namespace: string | null;
  name: string;
}

/** Asks for what `kubectl describe KIND NAME` prints; the worker answers `described`. */
export interface DescribeCommand extends ObjectRefFields {
  type: typeof CommandType.describe;
}

/** Asks for what `kubectl get KIND NAME -o yaml` prints; the worker answers `printedYaml`. */
export interface PrintYamlCommand extends ObjectRefFields {
  type: typeof CommandType.printYaml;
}

/** Asks for the files on a pod's mounted volumes; the worker answers `podFilesListed`. */
export interface PodFilesCommand {
  type: typeof CommandType.podFiles;
  namespace: string;
  name: string;
}

export type SimCommand =
  | HelloCommand
  | LoadScenarioCommand
  | KubectlCommand
  | PlayCommand
  | PauseCommand
  | StepCommand
  | SetSpeedCommand
  | TickCommand
  | RequestObjectCommand
  | DescribeCommand
  | PrintYamlCommand
  | PodFilesCommand
  | SeekCommand
  | DryRunManifestCommand
  | ExportYamlCommand
  | ExportSessionCommand
  | RestartCommand
  | ExportLogCommand
  | ReplayLogCommand;

/**
 * Shows the run as it was at simulated time `time`: the last state the playground showed at or before it
 * (the worker rebuilds it from the scenario start and the command log). Pauses play. Seeking to the
 * latest time (or later) returns to the present. A command that changes the cluster, sent while in the
 * past, forks the run: the log after that point is dropped.
 */
export interface SeekCommand {
  type: typeof CommandType.seek;
  time: number;
}

/** Rebuilds the run from the scenario start and its command log (after a simulation error). */
export interface RestartCommand {
  type: typeof CommandType.restart;
}

/**
 * Checks a manifest as `kubectl apply --dry-run=server -f -` would, without changing anything: kubectl's
 * manifest reader, then the API server's defaulting, validation and admission per object. The worker answers
 * `manifestChecked` with the same `id`.
 */
export interface DryRunManifestCommand {
  type: typeof CommandType.dryRunManifest;
  id: string;
  text: string;
}

/** Asks for the current user-level objects as YAML a real cluster accepts; answered by `exportedYaml`. */
export interface ExportYamlCommand {
  type: typeof CommandType.exportYaml;
  id: string;
}

/** Asks for the scenario's setup and the command log as terminal lines (a shell script); answered by `sessionLog`. */
export interface ExportSessionCommand {
  type: typeof CommandType.exportSession;
  id: string;
}

/** Asks for the run's command log (what a shared link or a saved session replays); the worker answers `commandLog`. */
export interface ExportLogCommand {
  type: typeof CommandType.exportLog;
}

/** The most commands one `replayLog` may carry. */
export const MAX_REPLAY_COMMANDS = 500_000;

/**
 * Starts `scenario` with `seed` afresh and replays `commands` (each one that changes the cluster, as
 * `commandLog` listed them) silently, then shows the run at `time` when given (else the present), paused.
 * Opening a shared link or restoring a saved session sends it. If a command fails, the scenario starts
 * afresh and an error (`replayFailed`) says so.
 */
export interface ReplayLogCommand {
  type: typeof CommandType.replayLog;
  scenario: string;
  seed: number;
  commands: SimCommand[];
  time?: number;
}

/**
 * Commands that only read or steer (play, speed, seek, queries): they never enter the command log and
 * never fork the run. Every other command changes the cluster and does both, so a new command is logged
 * unless it is added here.
 */
const STEERING_OR_READING: ReadonlySet<CommandType> = new Set<CommandType>([
  CommandType.hello,
  CommandType.loadScenario,
  CommandType.play,
  CommandType.pause,
  CommandType.setSpeed,
  CommandType.requestObject,
  CommandType.describe,
  CommandType.printYaml,
  CommandType.podFiles,
  CommandType.seek,
  CommandType.restart,
  CommandType.dryRunManifest,
  CommandType.exportYaml,
  CommandType.exportSession,
  CommandType.exportLog,
  CommandType.replayLog,
]);

/** True when `command` changes the cluster: it is logged for replay (and may fork the run, see below). */
export function changesHistory(command: SimCommand): boolean {
  return !STEERING_OR_READING.has(command.type);
}

/**
 * True when `command`, sent while the past is viewed, forks the run (the UI asks first). `step` and
 * `tick` do not: in the past they move along the recorded run.
 */
export function forksThePast(command: SimCommand): boolean {
  return changesHistory(command) && command.type !== CommandType.step && command.type !== CommandType.tick;
}
