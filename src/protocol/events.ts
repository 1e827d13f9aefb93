/**
 * Events the simulation worker sends to the main thread. One union, `type` as a camelCase literal,
 * payloads plain JSON. The client validates each one with `parseSimEvent` before it reaches the store.
 */
import type { KubeObject } from '../sim/api/meta';
import type { ClusterSnapshot } from '../sim/snapshot';

export type {
  ClusterSnapshot,
  EventSnapshot,
  NodeSnapshot,
  PersistentVolumeClaimSnapshot,
  PersistentVolumeSnapshot,
  PodSnapshot,
  ServiceSnapshot,
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
  | PodFilesListedEvent;
