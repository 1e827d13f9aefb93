/**
 * Runtime guards for both directions. Messages cross a thread boundary, so nothing is trusted: each is
 * checked field by field against its shape, and a bad one yields a reason instead of a value. Known
 * fields are copied out, so a parsed message carries exactly its declared fields.
 */
import {
  CommandType,
  MAX_REPLAY_COMMANDS,
  MAX_SPEED,
  MAX_TICK_MS,
  MIN_SPEED,
  changesHistory,
} from './commands';
import type { SimCommand } from './commands';
import { ErrorCode, EventType } from './events';
import type { SimEvent } from './events';
import { SNAPSHOT_ARRAYS, SNAPSHOT_PATCH } from './snapshotPatch';
import type { SnapshotPatchEvent } from './snapshotPatch';

/** A parsed message, or why it is not one. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** The longest terminal line a `kubectl` command may carry. */
export const MAX_LINE_LENGTH = 65_536;

interface FieldRule {
  check: (value: unknown) => boolean;
  /** What the value must be, for the error message ("a string"). */
  expected: string;
}

type Shape = Record<string, FieldRule>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const string: FieldRule = { check: (v) => typeof v === 'string', expected: 'a string' };
const name: FieldRule = {
  check: (v) => typeof v === 'string' && v.length > 0 && v.length <= 253,
  expected: 'a non-empty string',
};
const nullableName: FieldRule = {
  check: (v) => v === null || name.check(v),
  expected: 'a non-empty string or null',
};
const integer: FieldRule = { check: (v) => Number.isSafeInteger(v), expected: 'an integer' };
const boolean: FieldRule = { check: (v) => typeof v === 'boolean', expected: 'a boolean' };
const optionalBoolean: FieldRule = {
  check: (v) => v === undefined || typeof v === 'boolean',
  expected: 'a boolean when present',
};
const line: FieldRule = {
  check: (v) => typeof v === 'string' && v.length <= MAX_LINE_LENGTH,
  expected: `a string of at most ${MAX_LINE_LENGTH} characters`,
};

function between(min: number, max: number): FieldRule {
  return {
    check: (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max,
    expected: `a number from ${min} to ${max}`,
  };
}

function oneOf(values: readonly string[]): FieldRule {
  return {
    check: (v) => typeof v === 'string' && values.includes(v),
    expected: `one of ${values.join(', ')}`,
  };
}

function arrayOf(item: (value: unknown) => boolean, what: string): FieldRule {
  return { check: (v) => Array.isArray(v) && v.every(item), expected: `an array of ${what}` };
}

function record(shape: Shape, what: string): FieldRule {
  return {
    check: (v) => isRecord(v) && Object.entries(shape).every(([k, rule]) => rule.check(v[k])),
    expected: what,
  };
}

const commandShapes: Record<CommandType, Shape> = {
  hello: { protocolVersion: integer },
  loadScenario: { scenario: name, seed: integer },
  kubectl: { line, id: name, echo: optionalBoolean },
  play: {},
  pause: {},
  step: {},
  setSpeed: { speed: between(MIN_SPEED, MAX_SPEED) },
  tick: { ms: between(0, MAX_TICK_MS) },
  requestObject: { kind: name, namespace: nullableName, name },
  describe: { kind: name, namespace: nullableName, name },
  printYaml: { kind: name, namespace: nullableName, name },
  podFiles: { namespace: name, name },
  seek: { time: between(0, Number.MAX_SAFE_INTEGER) },
  restart: {},
  dryRunManifest: { id: name, text: line },
  exportYaml: { id: name },
  exportSession: { id: name },
  exportLog: {},
  replayLog: {
    scenario: name,
    seed: integer,
    commands: {
      check: (v) => Array.isArray(v) && v.length <= MAX_REPLAY_COMMANDS && v.every(isLoggableCommand),
      expected: `an array of at most ${MAX_REPLAY_COMMANDS} commands that change the cluster`,
    },
    time: {
      check: (v) => v === undefined || between(0, Number.MAX_SAFE_INTEGER).check(v),
      expected: 'a time in milliseconds when present',
    },
  },
};

/** A command a log may hold: valid, and one that changes the cluster (no nested replays, no queries). */
function isLoggableCommand(v: unknown): boolean {
  const parsed = parseSimCommand(v);
  return parsed.ok && changesHistory(parsed.value);
}

const optionalCount: FieldRule = {
  check: (v) => v === undefined || between(0, Number.MAX_SAFE_INTEGER).check(v),
  expected: 'a whole number when present',
};
const count: FieldRule = { check: (v) => Number.isSafeInteger(v) && (v as number) >= 0, expected: 'a whole number' };
const patchedArray = (v: unknown) =>
  Array.isArray(v) && v.every((e) => isRecord(e) || (Number.isSafeInteger(e) && (e as number) >= 0));
const snapshotChanges: FieldRule = {
  check: (v) =>
    isRecord(v) &&
    Object.entries(v).every(
      ([k, a]) => (SNAPSHOT_ARRAYS as readonly string[]).includes(k) && patchedArray(a),
    ),
  expected: `an object of arrays (${SNAPSHOT_ARRAYS.join(', ')}) of objects and element numbers`,
};

const scenarioInfo = record({ name, title: string, description: string }, 'a scenario');
const snapshotArrays = ['nodes', 'pods', 'pvcs', 'pvs', 'services', 'workloads', 'events'] as const;
const clusterSnapshot: FieldRule = {
  check: (v) =>
    isRecord(v) &&
    between(0, Number.MAX_SAFE_INTEGER).check(v.time) &&
    snapshotArrays.every((k) => arrayOf(isRecord, 'objects').check(v[k])),
  expected: 'a cluster snapshot',
};
const timelineInfo = record(
  {
    start: between(0, Number.MAX_SAFE_INTEGER),
    latest: between(0, Number.MAX_SAFE_INTEGER),
    isPast: boolean,
    commandCount: integer,
  },
  'a timeline',
);
const optionalTimeline: FieldRule = {
  check: (v) => v === undefined || timelineInfo.check(v),
  expected: 'a timeline when present',
};
const kubeObjectOrNull: FieldRule = {
  check: (v) => v === null || (isRecord(v) && typeof v.kind === 'string' && isRecord(v.metadata)),
  expected: 'an object or null',
};

const volumeFileInfo = record({ path: string, size: integer, preview: string }, 'a file');
const podVolumeMountFiles = record(
  {
    container: string,
    mountPath: string,
    readOnly: boolean,
    volumeName: string,
    source: oneOf(['persistentVolumeClaim', 'emptyDir', 'configMap', 'other']),
    claimName: { check: (v) => v === null || typeof v === 'string', expected: 'a string or null' },
    persistentVolumeName: { check: (v) => v === null || typeof v === 'string', expected: 'a string or null' },
    files: arrayOf(volumeFileInfo.check, 'files'),
  },
  'a volume mount',
);

const manifestObjectResult = record(
  {
    document: integer,
    item: { check: (v) => v === null || Number.isSafeInteger(v), expected: 'an integer or null' },
    kind: string,
    name: string,
    namespace: { check: (v) => v === null || typeof v === 'string', expected: 'a string or null' },
    message: string,
    ok: boolean,
    causes: arrayOf(record({ field: string, message: string }, 'a field error').check, 'field errors'),
    diff: string,
  },
  'an object result',
);
const sessionLogEntry = record(
  {
    line: { check: (v) => v === null || typeof v === 'string', expected: 'a string or null' },
    at: between(0, Number.MAX_SAFE_INTEGER),
    end: between(0, Number.MAX_SAFE_INTEGER),
  },
  'a log entry',
);
const parseErrorOrNull: FieldRule = {
  check: (v) => v === null || record({ message: string, line: integer }, 'a parse error').check(v),
  expected: 'a parse error or null',
};

const eventShapes: Record<EventType, Shape> = {
  ready: {
    protocolVersion: integer,
    scenarios: arrayOf(scenarioInfo.check, 'scenarios'),
    defaultScenario: name,
  },
  snapshot: {
    scenario: name,
    seed: integer,
    isPlaying: boolean,
    speed: between(MIN_SPEED, MAX_SPEED),
    snapshot: clusterSnapshot,
    timeline: optionalTimeline,
    isTimeOnly: optionalBoolean,
    seq: optionalCount,
  },
  output: { id: nullableName, text: string, prompt: string },
  object: { kind: name, namespace: nullableName, name, object: kubeObjectOrNull },
  error: { code: oneOf(Object.values(ErrorCode)), message: string },
  described: { kind: name, namespace: nullableName, name, found: boolean, text: string },
  printedYaml: { kind: name, namespace: nullableName, name, found: boolean, text: string },
  podFilesListed: {
    namespace: name,
    name,
    found: boolean,
    mounts: arrayOf(podVolumeMountFiles.check, 'volume mounts'),
  },
  manifestChecked: { id: name, parseError: parseErrorOrNull, objects: arrayOf(manifestObjectResult.check, 'object results') },
  exportedYaml: { id: name, text: string },
  sessionLog: {
    id: name,
    scenario: name,
    seed: integer,
    setup: arrayOf((v) => typeof v === 'string', 'strings'),
    warmUpMs: between(0, Number.MAX_SAFE_INTEGER),
    entries: arrayOf(sessionLogEntry.check, 'log entries'),
  },
  commandLog: {
    scenario: name,
    seed: integer,
    start: between(0, Number.MAX_SAFE_INTEGER),
    time: between(0, Number.MAX_SAFE_INTEGER),
    isPast: boolean,
    entries: arrayOf(
      (v) =>
        isRecord(v) &&
        isLoggableCommand(v.command) &&
        between(0, Number.MAX_SAFE_INTEGER).check(v.at) &&
        between(0, Number.MAX_SAFE_INTEGER).check(v.end),
      'log entries',
    ),
  },
};

function parseShaped<T>(data: unknown, shapes: Record<string, Shape>, what: string): ParseResult<T> {
  if (!isRecord(data)) return { ok: false, error: `invalid ${what}: expected an object` };
  const type = data.type;
  if (typeof type !== 'string' || !Object.hasOwn(shapes, type)) {
    return { ok: false, error: `invalid ${what}: unknown type ${JSON.stringify(type) ?? 'undefined'}` };
  }
  const value: Record<string, unknown> = { type };
  for (const [field, rule] of Object.entries(shapes[type]!)) {
    if (!rule.check(data[field]))
      return { ok: false, error: `invalid ${what} "${type}": "${field}" must be ${rule.expected}` };
    // Optional fields that are absent stay absent.
    if (data[field] !== undefined) value[field] = data[field];
  }
  return { ok: true, value: value as T };
}

/** Validates a message sent to the worker. */
export function parseSimCommand(data: unknown): ParseResult<SimCommand> {
  return parseShaped<SimCommand>(data, commandShapes, 'command');
}

const snapshotPatchShape: Shape = {
  scenario: name,
  seed: integer,
  isPlaying: boolean,
  speed: between(MIN_SPEED, MAX_SPEED),
  timeline: optionalTimeline,
  isTimeOnly: optionalBoolean,
  base: count,
  seq: count,
  time: between(0, Number.MAX_SAFE_INTEGER),
  changes: snapshotChanges,
};

/** Validates a message the worker posts: an event, or a snapshot patch (src/protocol/snapshotPatch.ts). */
export function parseWireEvent(data: unknown): ParseResult<SimEvent | SnapshotPatchEvent> {
  if (isRecord(data) && data.type === SNAPSHOT_PATCH)
    return parseShaped<SnapshotPatchEvent>(data, { [SNAPSHOT_PATCH]: snapshotPatchShape }, 'event');
  return parseSimEvent(data);
}

/** Validates a message sent by the worker. */
export function parseSimEvent(data: unknown): ParseResult<SimEvent> {
  return parseShaped<SimEvent>(data, eventShapes, 'event');
}

export function isSimCommand(data: unknown): data is SimCommand {
  return parseSimCommand(data).ok;
}

export function isSimEvent(data: unknown): data is SimEvent {
  return parseSimEvent(data).ok;
}

/** Every command type, for exhaustive tests and UIs. */
export const COMMAND_TYPES: readonly CommandType[] = Object.values(CommandType);
/** Every event type. */
export const EVENT_TYPES: readonly EventType[] = Object.values(EventType);
