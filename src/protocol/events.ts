/**
 * Events the simulation worker sends to the main thread. One union, `type` as a camelCase literal,
 * payloads plain JSON. The client validates each one with `parseSimEvent` before it reaches the store.
 */
import type { KubeObject } from '../sim/api/meta';
import type { ClusterSnapshot } from '../sim/snapshot';
import type { SimCommand } from './commands';

export type {
  ClusterSnapshot,
  EventSnapshot,
  NodeSnapshot,
  PersistentVolumeClaimSnapshot,
  PersistentVolumeSnapshot,
  PodSnapshot,
  PodVolumeSnapshot,
  ServiceSnapshot,
  VolumeDataSnapshot,
  WorkloadSnapshot,
} from '../sim/snapshot';

export const EventType = {
  ready: 'ready',
  snapshot: 'snapshot',
  output: 'output',
  object: 'object',
  error: 'error',
  described: 'described',
  printedYaml: 'printedYaml',
  podFilesListed: 'podFilesListed',
  manifestChecked: 'manifestChecked',
  exportedYaml: 'exportedYaml',
  sessionLog: 'sessionLog',
  commandLog: 'commandLog',
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];

/** The catalogue of protocol errors (kubectl's own errors arrive as `output` text instead). */
export const ErrorCode = {
  /** A message that is not a valid command or event. */
  badMessage: 'badMessage',
  /** `hello` named another protocol version. */
  versionMismatch: 'versionMismatch',
  /** `loadScenario` named no known scenario. */
  unknownScenario: 'unknownScenario',
  /** A command that needs a cluster arrived before any `loadScenario`. */
  noScenario: 'noScenario',
  /** The simulation threw; the message says where. */
  simFailure: 'simFailure',
  /** The worker itself failed to load or crashed. */
  workerFailure: 'workerFailure',
  /** A `replayLog` command failed part-way; the scenario was started afresh instead. */
  replayFailed: 'replayFailed',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A scenario as the picker lists it. */
export interface ScenarioInfo {
  name: string;
  title: string;
  description: string;
}

/** The answer to `hello`: the worker's protocol version and what it can run. */
export interface ReadyEvent {
  type: typeof EventType.ready;
  protocolVersion: number;
  scenarios: ScenarioInfo[];
  defaultScenario: string;
}

/** The whole drawable state, sent after every change (a command, a step, a tick of the play loop). */
export interface SnapshotEvent {
  type: typeof EventType.snapshot;
  scenario: string;
  seed: number;
  isPlaying: boolean;
  speed: number;
  snapshot: ClusterSnapshot;
  /** Where this snapshot sits on the run's timeline (absent from workers that keep no timeline). */
  timeline?: TimelineInfo;
  /**
   * True when nothing but `snapshot.time` differs from the previous snapshot event's snapshot (a play tick
   * in which nothing happened): the store keeps the snapshot it has and moves only its clock, so nothing
   * that draws the cluster has to redraw.
   */
  isTimeOnly?: boolean;
  /**
   * On the wire only: the event's number, which the next snapshot patch names as its base
   * (src/protocol/snapshotPatch.ts). The client's decoder removes it before listeners see the event.
   */
  seq?: number;
}

/** The run's timeline: what the Timeline control scrubs over. Times are simulated milliseconds. */
export interface TimelineInfo {
  /** When the scenario's start state was reached (after its warm-up). */
  start: number;
  /** The newest time the run has reached; the snapshot's time when in the present. */
  latest: number;
  /** The snapshot shows an earlier state than the latest (after a `seek`); acting now forks the run. */
  isPast: boolean;
  /** The commands recorded since the start (kubectl lines, steps, ticks). */
  commandCount: number;
}

/**
 * Terminal output. `id` is the `kubectl` command's id, or null for output written while time passes
 * (a `kubectl get -w` watch). `prompt` is what the terminal prompts with next (`$ `, `> `, a pod shell's).
 */
export interface OutputEvent {
  type: typeof EventType.output;
  id: string | null;
  text: string;
  prompt: string;
}

/** The answer to `requestObject`: the stored object as plain JSON, or null when it does not exist. */
export interface ObjectEvent {
  type: typeof EventType.object;
  kind: string;
  namespace: string | null;
  name: string;
  object: KubeObject | null;
}

export interface SimErrorEvent {
  type: typeof EventType.error;
  code: ErrorCode;
  message: string;
}

/**
 * The answer to `describe`: what `kubectl describe` prints for the object, or kubectl's NotFound error
 * text when it does not exist (then `found` is false).
 */
export interface DescribedEvent {
  type: typeof EventType.described;
  kind: string;
  namespace: string | null;
  name: string;
  found: boolean;
  text: string;
}

/** The answer to `printYaml`: what `kubectl get -o yaml` prints for the object (or kubectl's NotFound error). */
export interface PrintedYamlEvent {
  type: typeof EventType.printedYaml;
  kind: string;
  namespace: string | null;
  name: string;
  found: boolean;
  text: string;
}

/** One file on a volume, as the inspector previews it. */
export interface VolumeFileInfo {
  /** The path inside the container (`/var/lib/mysql/notes.txt`). */
  path: string;
  /** The file's size in bytes (UTF-8), as `ls -l` shows it. */
  size: number;
  /** The first PREVIEW characters of the content. */
  preview: string;
}

/** One volumeMount of one container of a pod, with the files the volume behind it holds. */
export interface PodVolumeMountFiles {
  container: string;
  mountPath: string;
  readOnly: boolean;
  /** The pod's volume name (`data`). */
  volumeName: string;
  /** What backs the volume: `persistentVolumeClaim`, `emptyDir`, `configMap`, or `other`. */
  source: 'persistentVolumeClaim' | 'emptyDir' | 'configMap' | 'other';
  /** The claim name for a PVC volume (`data-mysql-0`), the ConfigMap name, else null. */
  claimName: string | null;
  /** The bound PersistentVolume (`pvc-...`), or null. */
  persistentVolumeName: string | null;
  files: VolumeFileInfo[];
}

/** The answer to `podFiles`: the files on each mounted volume (`mounts` empty and `found` false when no such pod). */
export interface PodFilesListedEvent {
  type: typeof EventType.podFilesListed;
  namespace: string;
  name: string;
  found: boolean;
  mounts: PodVolumeMountFiles[];
}

export type SimEvent =
  | ReadyEvent
  | SnapshotEvent
  | OutputEvent
  | ObjectEvent
  | SimErrorEvent
  | DescribedEvent
  | PrintedYamlEvent
  | ManifestCheckedEvent
  | ExportedYamlEvent
  | SessionLogEvent
  | PodFilesListedEvent
  | CommandLogEvent;

/** One command of the run's log, with the simulated times it started and ended at. */
export interface CommandLogEntry {
  command: SimCommand;
  at: number;
  end: number;
}

/**
 * The answer to `exportLog`: the scenario, seed and every command that changed the cluster since its start
 * (kubectl lines, steps, each play tick), oldest first. `time` is the simulated time shown now; `isPast`
 * when that is earlier than the latest (a `seek` back).
 */
export interface CommandLogEvent {
  type: typeof EventType.commandLog;
  scenario: string;
  seed: number;
  start: number;
  time: number;
  isPast: boolean;
  entries: CommandLogEntry[];
}

/** One field error of an Invalid answer: the field path and kubectl's line for it (`field: Type: value: detail`). */
export interface ManifestFieldError {
  field: string;
  message: string;
}

/** The dry run of one object of a manifest. */
export interface ManifestObjectResult {
  /** The YAML document it came from (0-based, `---` separated, as the `yaml` package counts them). */
  document: number;
  /** For an item of a `kind: List`, its index in `items`; else null. */
  item: number | null;
  kind: string;
  name: string;
  namespace: string | null;
  /** What `kubectl apply --dry-run=server` would print for it: `statefulset.apps/web created (server dry run)`, or the error. */
  message: string;
  /** True when the API server accepted it. */
  ok: boolean;
  /** The field errors of an Invalid answer (empty otherwise). */
  causes: ManifestFieldError[];
  /** What `kubectl diff` prints for this object (its `diff -u -N` section), '' when applying changes nothing. */
  diff: string;
}

/** The answer to `dryRunManifest`. */
export interface ManifestCheckedEvent {
  type: typeof EventType.manifestChecked;
  id: string;
  /** kubectl's manifest reader refused the text: its message and the 1-based line it points at. */
  parseError: { message: string; line: number } | null;
  objects: ManifestObjectResult[];
}

/** The answer to `exportYaml`: the multi-document YAML (see src/sim/export.ts). */
export interface ExportedYamlEvent {
  type: typeof EventType.exportedYaml;
  id: string;
  text: string;
}

/** One logged command as terminal input (several lines for a multi-line input), or null where time passed. */
export interface SessionLogEntry {
  line: string | null;
  /** Simulated milliseconds when it started and ended. */
  at: number;
  end: number;
}

/** The answer to `exportSession`: how the run started and what was done since. */
export interface SessionLogEvent {
  type: typeof EventType.sessionLog;
  id: string;
  scenario: string;
  seed: number;
  /** The scenario's setup lines, and the simulated time it ran after them before the user took over. */
  setup: string[];
  warmUpMs: number;
  entries: SessionLogEntry[];
}
