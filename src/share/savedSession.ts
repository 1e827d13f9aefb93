/**
 * The session kept in the browser so it survives a reload: the scenario, seed, command log and time shown,
 * stored under one localStorage key as `{ schema, run }` where `run` is a link payload (see link.ts).
 * Reading validates everything and migrates older schemas step by step; anything unreadable is dropped
 * (the playground then starts clean), never thrown.
 */
import { decodeRun, encodeRun } from './link';
import type { SharedRun } from './link';

/** The localStorage key. */
export const SESSION_KEY = 'statefulset-playground.session';
/** The schema this code writes. */
export const SESSION_SCHEMA = 1;
/** The longest value written; a longer run is not saved (and an older save is removed). */
export const MAX_SAVED_LENGTH = 2_000_000;

/** The part of Storage used here (localStorage, or a fake in tests). */
export interface SessionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Turns a saved value of schema `n` into one of schema `n + 1`. */
export type Migration = (value: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations by the schema they read. Schema 1 is the first; when the stored shape changes, bump
 * SESSION_SCHEMA and add the step from the old schema here, so saves from earlier visits still load.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type ReadResult = { ok: true; run: SharedRun } | { ok: false; error: string | null };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Brings a parsed value up to `schema` through `migrations`, or says why it cannot. A value from a newer
 * schema (a later version of the site, then an older one loaded) is not guessed at.
 */
export function migrate(
  value: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  schema: number = SESSION_SCHEMA,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  if (!isRecord(value) || !Number.isSafeInteger(value.schema))
    return { ok: false, error: 'the saved session has no schema version' };
  let current = value;
  for (let n = current.schema as number; n < schema; n++) {
    const step = migrations[n];
    if (!step) return { ok: false, error: `the saved session's schema ${n} can no longer be read` };
    try {
      current = { ...step(current), schema: n + 1 };
    } catch {
      return { ok: false, error: `the saved session could not be migrated from schema ${n}` };
    }
    if (!isRecord(current)) return { ok: false, error: 'the saved session could not be migrated' };
  }
  if (current.schema !== schema)
    return {
      ok: false,
      error: `the saved session has schema ${String(current.schema)}, newer than this page`,
    };
  return { ok: true, value: current };
}

/** Reads the saved session (null error when nothing is saved). Never throws. */
export function readSession(storage: SessionStorage | null): ReadResult {
  let text: string | null;
  try {
    text = storage?.getItem(SESSION_KEY) ?? null;
  } catch {
    return { ok: false, error: 'the browser refused to read the saved session' };
  }
  if (text === null) return { ok: false, error: null };
  if (text.length > MAX_SAVED_LENGTH) return { ok: false, error: 'the saved session is too large' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'the saved session is not readable' };
  }
  const migrated = migrate(data);
  if (!migrated.ok) return migrated;
  if (typeof migrated.value.run !== 'string') return { ok: false, error: 'the saved session holds no run' };
  const decoded = decodeRun(migrated.value.run);
  return decoded.ok ? decoded : { ok: false, error: `the saved session is damaged: ${decoded.error}` };
}

/** Saves `run`; returns false when it could not (too large, storage full or refused). Never throws. */
export function writeSession(storage: SessionStorage | null, run: SharedRun): boolean {
  if (!storage) return false;
  try {
    const text = JSON.stringify({ schema: SESSION_SCHEMA, run: encodeRun(run) });
    if (text.length > MAX_SAVED_LENGTH) {
      storage.removeItem(SESSION_KEY);
      return false;
    }
    storage.setItem(SESSION_KEY, text);
    return true;
  } catch {
    return false;
  }
}

/** Forgets the saved session. Never throws. */
export function clearSession(storage: SessionStorage | null): void {
  try {
    storage?.removeItem(SESSION_KEY);
  } catch {
    // Storage refused: nothing was saved that could be read back either.
  }
}

/** localStorage, or null where the browser refuses it (private modes, sandboxed frames). */
export function browserStorage(): SessionStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
