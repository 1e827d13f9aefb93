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

export type SimEvent = ReadyEvent | SnapshotEvent | OutputEvent | ObjectEvent | SimErrorEvent;
