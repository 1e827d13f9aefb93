/**
 * Shared links: a run (scenario, seed, the commands that changed the cluster, the time shown) packed into
 * the URL's fragment as `#v=1&run=<payload>`, where the payload is lz-string's URI-safe compression of a
 * compact JSON form. Opening the link replays the commands (the simulator is deterministic), so the page
 * shows exactly the same state.
 *
 * Decoding trusts nothing: every step (size, version, decompression, JSON, each field, each command) is
 * checked and a failure becomes a reason in words, never an exception. The fragment is used rather than the
 * query so long runs never reach (or get refused by) the static host.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { CommandType, MAX_REPLAY_COMMANDS, MAX_TICK_MS, changesHistory, parseSimCommand } from '../protocol';
import type { CommandLogEntry, SimCommand } from '../protocol';

/** The link format this code writes and reads (`v=1`). */
export const LINK_VERSION = 1;
/** The longest payload accepted (characters of the compressed form). */
export const MAX_PAYLOAD_LENGTH = 2_000_000;
/** The longest decompressed JSON accepted. */
export const MAX_JSON_LENGTH = 20_000_000;
/** The largest seed accepted (the seeded random source takes 32-bit integers). */
export const MAX_LINK_SEED = 2 ** 31 - 1;
const SCENARIO_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** A run as a link carries it. `time` is where to show it, when earlier than the end of the log. */
export interface SharedRun {
  scenario: string;
  seed: number;
  commands: SimCommand[];
  time?: number;
}

export type DecodeResult = { ok: true; run: SharedRun } | { ok: false; error: string };

/**
 * One item of the compact form: `["k", line]` a terminal line, `["t", ms, n?]` n play ticks of `ms`,
 * `["s", n?]` n steps, `["c", command]` any other command, as JSON.
 */
type Item = ['k', string] | ['t', number, number?] | ['s', number?] | ['c', SimCommand];

interface Payload {
  v: number;
  s: string;
  seed: number;
  c: Item[];
  t?: number;
}

/** The run a `commandLog` describes: its commands, and its time when the past is shown. */
export function runFromLog(log: {
  scenario: string;
  seed: number;
  time: number;
  isPast: boolean;
  entries: readonly CommandLogEntry[];
}): SharedRun {
  return {
    scenario: log.scenario,
    seed: log.seed,
    commands: log.entries.map((e) => e.command),
    ...(log.isPast ? { time: log.time } : {}),
  };
}

function compact(commands: readonly SimCommand[]): Item[] {
  const items: Item[] = [];
  for (const command of commands) {
    const last = items.at(-1);
    if (command.type === CommandType.kubectl) items.push(['k', command.line]);
    else if (command.type === CommandType.tick) {
      if (last?.[0] === 't' && last[1] === command.ms) last[2] = (last[2] ?? 1) + 1;
      else items.push(['t', command.ms]);
    } else if (command.type === CommandType.step) {
      if (last?.[0] === 's') last[1] = (last[1] ?? 1) + 1;
      else items.push(['s']);
    } else items.push(['c', command]);
  }
  return items;
}

/** The payload of a link (the part after `run=`) for `run`. */
export function encodeRun(run: SharedRun): string {
  const payload: Payload = { v: LINK_VERSION, s: run.scenario, seed: run.seed, c: compact(run.commands) };
  if (run.time !== undefined) payload.t = run.time;
  return compressToEncodedURIComponent(JSON.stringify(payload));
}

/** `base` (a page URL) with the fragment that carries `run`. */
export function linkFor(base: string, run: SharedRun): string {
  const url = new URL(base);
  url.hash = `v=${LINK_VERSION}&run=${encodeRun(run)}`;
  return url.toString();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isCount = (n: unknown): n is number | undefined =>
  n === undefined || (Number.isSafeInteger(n) && (n as number) >= 1 && (n as number) <= MAX_REPLAY_COMMANDS);

/** Expands the compact items into commands, or says what is wrong with the first bad one. */
function expand(items: unknown[]): { commands: SimCommand[] } | { error: string } {
  const commands: SimCommand[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const bad = (why: string) => ({ error: `command ${i + 1} ${why}` });
    if (!Array.isArray(item) || typeof item[0] !== 'string') return bad('is not a command');
    let add: SimCommand[];
    if (item[0] === 'k' && item.length === 2) {
      const parsed = parseSimCommand({ type: CommandType.kubectl, line: item[1], id: `link-${i + 1}` });
      if (!parsed.ok) return bad('is not a valid terminal line');
      add = [parsed.value];
    } else if (item[0] === 't' && item.length <= 3) {
      const [, ms, n] = item as unknown[];
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_TICK_MS || !isCount(n))
        return bad('is not a valid advance of the clock');
      add = Array.from({ length: Math.min(n ?? 1, MAX_REPLAY_COMMANDS - commands.length + 1) }, () => ({
        type: CommandType.tick,
        ms,
      }));
    } else if (item[0] === 's' && item.length <= 2) {
      const n: unknown = item[1];
      if (!isCount(n)) return bad('is not a valid number of steps');
      add = Array.from({ length: Math.min(n ?? 1, MAX_REPLAY_COMMANDS - commands.length + 1) }, () => ({
        type: CommandType.step,
      }));
    } else if (item[0] === 'c' && item.length === 2) {
      const parsed = parseSimCommand(item[1]);
      if (!parsed.ok || !changesHistory(parsed.value))
        return bad('is not a command that changes the cluster');
      add = [parsed.value];
    } else return bad(`has an unknown form ${JSON.stringify(String(item[0]).slice(0, 20))}`);
    for (const command of add) commands.push(command);
    if (commands.length > MAX_REPLAY_COMMANDS)
      return { error: `the link holds more than ${MAX_REPLAY_COMMANDS} commands` };
  }
  return { commands };
}

/** Reads a payload written by `encodeRun`. Never throws. */
export function decodeRun(text: string): DecodeResult {
  const fail = (error: string): DecodeResult => ({ ok: false, error });
  if (text.length === 0) return fail('the link carries no run');
  if (text.length > MAX_PAYLOAD_LENGTH) return fail('the link is too long to be one this playground made');
  if (!/^[A-Za-z0-9+\-$]*$/.test(text))
    return fail('the link is damaged (it has characters a link never has)');
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(text);
  } catch {
    json = null;
  }
  if (!json) return fail('the link is damaged (it does not decompress)');
  if (json.length > MAX_JSON_LENGTH) return fail('the link is too long to be one this playground made');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail('the link is damaged (its contents are not readable)');
  }
  if (!isRecord(data)) return fail('the link is damaged (its contents are not a run)');
  if (data.v !== LINK_VERSION)
    return fail(
      typeof data.v === 'number' && data.v > LINK_VERSION
        ? `the link was made by a newer version of the playground (format ${data.v})`
        : 'the link is damaged (it names no format version)',
    );
  if (typeof data.s !== 'string' || !SCENARIO_NAME.test(data.s))
    return fail('the link names no valid scenario');
  const seed = data.seed;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || Math.abs(seed) > MAX_LINK_SEED)
    return fail('the link has no valid seed');
  if (!Array.isArray(data.c)) return fail('the link has no list of commands');
  const t = data.t;
  if (
    t !== undefined &&
    (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > Number.MAX_SAFE_INTEGER)
  )
    return fail('the link has no valid time');
  const expanded = expand(data.c);
  if ('error' in expanded) return fail(`the link is damaged (${expanded.error})`);
  return {
    ok: true,
    run: { scenario: data.s, seed, commands: expanded.commands, ...(t !== undefined ? { time: t } : {}) },
  };
}

/** What a URL fragment says: no link at all, a run, or why the link in it cannot be opened. */
export type LinkInFragment =
  { kind: 'none' } | { kind: 'run'; run: SharedRun } | { kind: 'bad'; error: string };

/** Reads `#v=1&run=...` from a URL fragment (`location.hash`). Never throws. */
export function readLinkFragment(hash: string): LinkInFragment {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!/(^|&)(v|run)=/.test(text)) return { kind: 'none' };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return { kind: 'bad', error: 'the link is damaged' };
  }
  const v = params.get('v');
  if (v !== String(LINK_VERSION)) {
    return {
      kind: 'bad',
      error:
        v !== null && /^\d+$/.test(v) && Number(v) > LINK_VERSION
          ? `the link was made by a newer version of the playground (v=${v.slice(0, 10)})`
          : 'the link names no format version this playground reads (v=1)',
    };
  }
  const payload = params.get('run');
  if (payload === null) return { kind: 'bad', error: 'the link carries no run' };
  // URLSearchParams turns '+' into a space; lz-string's URI alphabet uses '+'.
  const decoded = decodeRun(payload.replaceAll(' ', '+'));
  return decoded.ok ? { kind: 'run', run: decoded.run } : { kind: 'bad', error: decoded.error };
}
