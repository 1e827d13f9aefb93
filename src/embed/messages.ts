/**
 * The embed's postMessage API, as data: what a host page may send in (checked field by field) and what
 * the embed sends out. docs/embedding.md documents it. Every message is a plain object whose `type` starts
 * with `playground.`; a message in may carry an `id` (a string), echoed as `requestId` in the answers.
 */
import { MAX_LINE_LENGTH } from '../protocol';
import type { ClusterSnapshot, EventSnapshot, PodSnapshot } from '../protocol';

/** The version of this message API, sent in `playground.ready`. */
export const EMBED_API_VERSION = 1;

/** Messages a host page sends to the embed. */
export type EmbedRequest =
  | { type: 'playground.command'; line: string; id?: string }
  | { type: 'playground.play'; id?: string }
  | { type: 'playground.pause'; id?: string }
  | { type: 'playground.step'; id?: string }
  | { type: 'playground.seek'; time: number; id?: string }
  | { type: 'playground.loadScenario'; scenario: string; seed?: number; id?: string }
  | { type: 'playground.getState'; id?: string };

/** A pod as `playground.state` lists it: what `kubectl get pods -o wide` shows. */
export interface PodSummary {
  name: string;
  namespace: string;
  /** The STATUS column (Running, Pending, ContainerCreating, Terminating, ...). */
  status: string;
  /** The Ready condition is True. */
  ready: boolean;
  node: string | null;
  ip: string | null;
  /** The workload a person thinks of (`StatefulSet/mysql`, `Deployment/mysql-deploy`), or null. */
  workload: string | null;
}

/** Messages the embed sends to the host page. */
export type EmbedMessage =
  | { type: 'playground.ready'; embedId: string | null; apiVersion: number; scenarios: string[] }
  | {
      type: 'playground.state';
      embedId: string | null;
      scenario: string;
      seed: number;
      /** Simulated milliseconds since the cluster started. */
      time: number;
      isPlaying: boolean;
      /** An earlier moment of the run is shown (after a seek back). */
      isPast: boolean;
      pods: PodSummary[];
    }
  | { type: 'playground.output'; embedId: string | null; requestId: string | null; text: string }
  | {
      type: 'playground.event';
      embedId: string | null;
      event: { type: string; reason: string; object: string; message: string; count: number; time: number };
    }
  | {
      type: 'playground.error';
      embedId: string | null;
      requestId: string | null;
      code: 'badMessage' | 'unknownType' | 'simFailure';
      message: string;
    };

export type RequestParse =
  | { ok: true; request: EmbedRequest }
  | { ok: false; requestId: string | null; code: 'badMessage' | 'unknownType'; message: string };

const SCENARIO_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_SEED = 2 ** 31 - 1;
export const REQUEST_TYPES = [
  'playground.command',
  'playground.play',
  'playground.pause',
  'playground.step',
  'playground.seek',
  'playground.loadScenario',
  'playground.getState',
] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one message from a host page. Never throws. */
export function parseEmbedRequest(data: unknown): RequestParse {
  if (!isRecord(data))
    return {
      ok: false,
      requestId: null,
      code: 'badMessage',
      message: 'a message must be an object with a "type"',
    };
  const rawId = data.id;
  const idOk = rawId === undefined || (typeof rawId === 'string' && rawId.length <= 128);
  const requestId = typeof rawId === 'string' && rawId.length <= 128 ? rawId : null;
  const bad = (message: string): RequestParse => ({ ok: false, requestId, code: 'badMessage', message });
  const type = data.type;
  if (typeof type !== 'string') return bad('a message must have a string "type"');
  if (!(REQUEST_TYPES as readonly string[]).includes(type))
    return {
      ok: false,
      requestId,
      code: 'unknownType',
      message: `unknown message type ${JSON.stringify(type.slice(0, 60))}; known types: ${REQUEST_TYPES.join(', ')}`,
    };
  if (!idOk) return bad('"id" must be a string of at most 128 characters');
  const id = requestId !== null ? { id: requestId } : {};
  switch (type) {
    case 'playground.command': {
      const line = data.line;
      if (typeof line !== 'string' || line.trim() === '' || line.length > MAX_LINE_LENGTH)
        return bad(`"line" must be a non-empty string of at most ${MAX_LINE_LENGTH} characters`);
      return { ok: true, request: { type, line, ...id } };
    }
    case 'playground.seek': {
      const time = data.time;
      if (typeof time !== 'number' || !Number.isFinite(time) || time < 0 || time > Number.MAX_SAFE_INTEGER)
        return bad('"time" must be a number of simulated milliseconds, 0 or more');
      return { ok: true, request: { type, time, ...id } };
    }
    case 'playground.loadScenario': {
      const { scenario, seed } = data;
      if (typeof scenario !== 'string' || !SCENARIO_NAME.test(scenario))
        return bad('"scenario" must be a scenario name');
      if (seed !== undefined && (!Number.isSafeInteger(seed) || Math.abs(seed as number) > MAX_SEED))
        return bad(`"seed" must be a whole number from -${MAX_SEED} to ${MAX_SEED}`);
      return {
        ok: true,
        request: { type, scenario, ...(seed !== undefined ? { seed: seed as number } : {}), ...id },
      };
    }
    case 'playground.play':
    case 'playground.pause':
    case 'playground.step':
    case 'playground.getState':
      return { ok: true, request: { type, ...id } as EmbedRequest };
  }
  return bad('unreachable');
}

function summarizePod(pod: PodSnapshot): PodSummary {
  return {
    name: pod.name,
    namespace: pod.namespace,
    status: pod.status,
    ready: pod.isReady,
    node: pod.nodeName,
    ip: pod.ip,
    workload: pod.workloadKind && pod.workloadName ? `${pod.workloadKind}/${pod.workloadName}` : null,
  };
}

/** The pods of a snapshot as `playground.state` lists them. */
export function podSummaries(snapshot: ClusterSnapshot): PodSummary[] {
  return snapshot.pods.map(summarizePod);
}

/** The part of an Event that `playground.event` carries. */
export function eventSummary(event: EventSnapshot) {
  const { type, reason, object, message, count, time } = event;
  return { type, reason, object, message, count, time };
}

/**
 * Tracks which Kubernetes Events were already sent out: `fresh` returns the events of a snapshot not seen
 * before (a repeat of an Event with a higher count is new), remembering at most `limit` of them.
 */
export function createEventTracker(limit = 2000) {
  const seen = new Set<string>();
  return {
    fresh(events: readonly EventSnapshot[]): EventSnapshot[] {
      const out: EventSnapshot[] = [];
      for (const e of events) {
        const key = `${e.uid}#${e.count}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(e);
      }
      while (seen.size > limit) seen.delete(seen.values().next().value as string);
      return out;
    },
  };
}
