/**
 * The playground's state: a projection of what the simulation worker last said. Written only by
 * `applySimEvent`; the UI reads it through selectors and changes the sim by sending commands.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { CommandType, EventType, PROTOCOL_VERSION } from '../protocol';
import type {
  ClusterSnapshot,
  ErrorCode,
  PodVolumeMountFiles,
  ScenarioInfo,
  SimCommand,
  SimEvent,
  TimelineInfo,
} from '../protocol';
import type { KubeObject } from '../sim/api/meta';
import type { SimClient } from '../client/types';

/** The most console output chunks the store keeps (the oldest are dropped). */
export const OUTPUT_LIMIT = 500;

export interface OutputChunk {
  /** Sequence number of the chunk since the page loaded (a stable React key). */
  seq: number;
  /** The kubectl command's id, or null for output written while time passed. */
  id: string | null;
  text: string;
}

export interface RunState {
  scenario: string;
  seed: number;
  isPlaying: boolean;
  speed: number;
}

/**
 * One object the user selected to inspect. `kind` is the API kind (`Pod`, `Node`, `StatefulSet`, ...) or
 * `Zone` for a topology zone (then `name` is the zone); `namespace` is null for cluster-scoped kinds.
 */
export interface ObjectRef {
  kind: string;
  namespace: string | null;
  name: string;
}

/** A text the worker printed for one object (describe, YAML); `found` is false for kubectl's NotFound text. */
export interface InspectedText {
  found: boolean;
  text: string;
}

/** The files on a pod's volumes, as the worker listed them. */
export interface InspectedPodFiles {
  found: boolean;
  mounts: PodVolumeMountFiles[];
}

export interface PlaygroundState {
  isReady: boolean;
  scenarios: ScenarioInfo[];
  defaultScenario: string | null;
  run: RunState | null;
  snapshot: ClusterSnapshot | null;
  /** Where the snapshot sits on the run's timeline (latest time, viewing the past), from the last snapshot. */
  timeline: TimelineInfo | null;
  output: OutputChunk[];
  outputSeq: number;
  /** The terminal's next prompt. */
  prompt: string;
  /** The newest protocol error; `seq` tells one error from the next with the same words. */
  lastError: { seq: number; code: ErrorCode; message: string } | null;
  /** Objects answered to requestObject, by `kind/namespace/name`. */
  objects: Record<string, KubeObject | null>;
  /** The object the inspector shows (set by `select`), or null. */
  selection: ObjectRef | null;
  /** The newest `kubectl describe` text per object, by objectKey. */
  described: Record<string, InspectedText>;
  /** The newest `kubectl get -o yaml` text per object, by objectKey. */
  yaml: Record<string, InspectedText>;
  /** The newest file listing per pod, by objectKey('Pod', namespace, name). */
  podFiles: Record<string, InspectedPodFiles>;
}

/** What the UI itself may change in the store: the selection (not sim state; the sim is changed by commands). */
export interface PlaygroundActions {
  /** Selects an object for the inspector (the canvas calls it on click / Enter), or clears it with null. */
  select(ref: ObjectRef | null): void;
}

export const initialPlaygroundState: PlaygroundState = {
  isReady: false,
  scenarios: [],
  defaultScenario: null,
  run: null,
  snapshot: null,
  timeline: null,
  output: [],
  outputSeq: 0,
  prompt: '$ ',
  lastError: null,
  objects: {},
  selection: null,
  described: {},
  yaml: {},
  podFiles: {},
};

/** The key of a requested object in `objects`. */
export function objectKey(kind: string, namespace: string | null, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

/** The state after `event`: a pure function, the only writer of the store's sim-derived slices. */
export function applySimEvent<S extends PlaygroundState>(state: S, event: SimEvent): S {
  switch (event.type) {
    case EventType.ready:
      return { ...state, isReady: true, scenarios: event.scenarios, defaultScenario: event.defaultScenario };
    case EventType.snapshot: {
      // Only the clock moved: keep the snapshot's arrays, so nothing subscribed to them redraws.
      const isSameRun = state.run?.scenario === event.scenario && state.run.seed === event.seed;
      const snapshot =
        event.isTimeOnly && isSameRun && state.snapshot
          ? { ...state.snapshot, time: event.snapshot.time }
          : event.snapshot;
      const run = state.run;
      // The same run keeps its object, so what shows the scenario, seed or speed does not redraw per tick.
      const isSameRunState =
        run !== null &&
        run.scenario === event.scenario &&
        run.seed === event.seed &&
        run.isPlaying === event.isPlaying &&
        run.speed === event.speed;
      return {
        ...state,
        run: isSameRunState
          ? run
          : { scenario: event.scenario, seed: event.seed, isPlaying: event.isPlaying, speed: event.speed },
        snapshot,
        timeline: event.timeline ?? null,
      };
    }
    case EventType.output: {
      const seq = state.outputSeq + 1;
      const output = event.text
        ? [...state.output, { seq, id: event.id, text: event.text }].slice(-OUTPUT_LIMIT)
        : state.output;
      return { ...state, output, outputSeq: seq, prompt: event.prompt };
    }
    case EventType.object:
      return {
        ...state,
        objects: { ...state.objects, [objectKey(event.kind, event.namespace, event.name)]: event.object },
      };
    case EventType.error:
      return {
        ...state,
        lastError: { seq: (state.lastError?.seq ?? 0) + 1, code: event.code, message: event.message },
      };
    case EventType.described:
    case EventType.printedYaml: {
      const slice = event.type === EventType.described ? 'described' : 'yaml';
      const key = objectKey(event.kind, event.namespace, event.name);
      return { ...state, [slice]: { ...state[slice], [key]: { found: event.found, text: event.text } } };
    }
    case EventType.manifestChecked:
    case EventType.exportedYaml:
    case EventType.sessionLog:
      // Answers to the YAML editor's own requests: it listens for them on the client.
      return state;
    case EventType.podFilesListed:
      return {
        ...state,
        podFiles: {
          ...state.podFiles,
          [objectKey('Pod', event.namespace, event.name)]: { found: event.found, mounts: event.mounts },
        },
      };
    case EventType.commandLog:
      // Asked for by whoever exports the run (a shared link, the saved session); not kept here.
      return state;
  }
}

export type PlaygroundStore = StoreApi<PlaygroundState & PlaygroundActions>;

export function createPlaygroundStore(): PlaygroundStore {
  return createStore<PlaygroundState & PlaygroundActions>()((set) => ({
    ...initialPlaygroundState,
    select: (ref) => set({ selection: ref }),
  }));
}

/** How a playground starts (usually read from the page's URL). */
export interface StartOptions {
  /** The scenario to load; null, or a name the worker does not know, loads the worker's default. */
  scenario: string | null;
  seed: number;
  /** The play speed to set after loading (the worker's default when absent). */
  speed?: number;
  /** false starts playing after loading; absent or true stays paused. */
  isPaused?: boolean;
  /**
   * Commands to replay after starting the scenario (a shared link, a saved session): sent as one
   * `replayLog`, which ends paused at `time` (the present when absent). Dropped when the scenario is unknown.
   */
  replay?: { commands: SimCommand[]; time?: number };
}

/**
 * Feeds every event from `client` into `store` and says hello; when the worker is ready, loads `scenario`
 * (the worker's default when null or unknown) with `seed`, sets the speed and plays as `start` asks.
 * Returns the function that disconnects.
 */
export function connectStore(store: PlaygroundStore, client: SimClient, start: StartOptions): () => void {
  const unsubscribe = client.subscribe((event) => {
    store.setState((state) => applySimEvent(state, event), true);
    if (event.type === EventType.ready) {
      const isKnown = event.scenarios.some((s) => s.name === start.scenario);
      if (start.replay && start.scenario !== null && isKnown) {
        client.send({
          type: CommandType.replayLog,
          scenario: start.scenario,
          seed: start.seed,
          ...start.replay,
        });
      } else {
        client.send({
          type: CommandType.loadScenario,
          scenario: start.scenario !== null && isKnown ? start.scenario : event.defaultScenario,
          seed: start.seed,
        });
      }
      if (start.speed !== undefined) client.send({ type: CommandType.setSpeed, speed: start.speed });
      if (start.isPaused === false) client.send({ type: CommandType.play });
    }
  });
  client.send({ type: CommandType.hello, protocolVersion: PROTOCOL_VERSION });
  return unsubscribe;
}

/** Named selectors. */
export const selectPods = (s: PlaygroundState) => s.snapshot?.pods;
export const selectTime = (s: PlaygroundState) => s.snapshot?.time;
export const selectRun = (s: PlaygroundState) => s.run;
export const selectOutput = (s: PlaygroundState) => s.output;
export const selectPrompt = (s: PlaygroundState) => s.prompt;
export const selectLastError = (s: PlaygroundState) => s.lastError;
export const selectSelection = (s: PlaygroundState) => s.selection;
export const selectTimeline = (s: PlaygroundState) => s.timeline;
/** The running scenario's title (its name when the catalogue has no title for it). */
export function selectScenarioTitle(s: PlaygroundState): string | undefined {
  const run = s.run;
  if (!run) return undefined;
  return s.scenarios.find((x) => x.name === run.scenario)?.title ?? run.scenario;
}
export const selectSnapshot = (s: PlaygroundState) => s.snapshot;
