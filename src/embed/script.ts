/**
 * Plays an embed's `script=`: terminal lines run one at a time, either on their own (autoplay: each line
 * waits for the previous one's answer and then `delayMs` of wall-clock time) or one per click of
 * "Next step". The UI reads `state()` and subscribes for changes.
 */
import { CommandType, EventType } from '../protocol';
import type { SimClient } from '../client/types';

export interface ScriptState {
  lines: readonly string[];
  /** How many lines have been sent. */
  sent: number;
  /** A line was sent and its answer has not come back yet. */
  isRunning: boolean;
}

export interface ScriptRunner {
  state(): ScriptState;
  subscribe(listener: () => void): () => void;
  /** Sends the next line (no-op while one runs or when all were sent). */
  next(): void;
  /** Stops listening (and autoplaying). */
  dispose(): void;
}

export interface ScriptOptions {
  autoplay: boolean;
  /** Wall-clock milliseconds between one line's answer and the next line (autoplay). */
  delayMs?: number;
  schedule?: (fn: () => void, ms: number) => void;
}

/** Runs `lines` through `client` once the first scenario is loaded. */
export function createScriptRunner(
  client: SimClient,
  lines: readonly string[],
  options: ScriptOptions,
): ScriptRunner {
  const delayMs = options.delayMs ?? 2000;
  const schedule = options.schedule ?? ((fn, ms) => void setTimeout(fn, ms));
  const listeners = new Set<() => void>();
  let state: ScriptState = { lines, sent: 0, isRunning: false };
  let hasRun = false;
  let isDisposed = false;
  const set = (next: Partial<ScriptState>) => {
    state = { ...state, ...next };
    for (const listener of [...listeners]) listener();
  };
  const idOf = (n: number) => `script-${n}`;
  const next = () => {
    if (isDisposed || !hasRun || state.isRunning || state.sent >= lines.length) return;
    const n = state.sent;
    set({ sent: n + 1, isRunning: true });
    client.send({ type: CommandType.kubectl, line: lines[n]!, id: idOf(n), echo: true });
  };
  const unsubscribe = client.subscribe((event) => {
    if (event.type === EventType.snapshot && !hasRun) {
      hasRun = true;
      if (options.autoplay) schedule(next, delayMs / 2);
      return;
    }
    const isAnswer = event.type === EventType.output && event.id === idOf(state.sent - 1);
    const failed = event.type === EventType.error && state.isRunning;
    if (!isAnswer && !failed) return;
    set({ isRunning: false });
    if (options.autoplay && !failed) schedule(next, delayMs);
  });
  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    next,
    dispose() {
      isDisposed = true;
      unsubscribe();
    },
  };
}
