/**
 * Keeps the saved session (savedSession.ts) up to date: whenever the run changes (another command in
 * the log, another scenario, a seek), it asks the worker for the log, at most once per `intervalMs`, and
 * writes what comes back. Every `commandLog` the worker sends (a Copy link too) is saved.
 */
import { CommandType, EventType } from '../protocol';
import type { SimClient } from '../client/types';
import { runFromLog } from './link';
import { writeSession } from './savedSession';
import type { SessionStorage } from './savedSession';

export interface SaverOptions {
  /** The shortest wall-clock time between two exports. */
  intervalMs?: number;
  /** Runs `fn` after `ms` (setTimeout; tests pass their own). */
  schedule?: (fn: () => void, ms: number) => void;
}

/** Starts saving; returns the function that stops. */
export function startSessionSaver(
  client: SimClient,
  storage: SessionStorage | null,
  options: SaverOptions = {},
): () => void {
  const intervalMs = options.intervalMs ?? 1500;
  const schedule = options.schedule ?? ((fn, ms) => void setTimeout(fn, ms));
  let savedKey = '';
  let latestKey = '';
  let isScheduled = false;
  let isStopped = false;
  const unsubscribe = client.subscribe((event) => {
    if (event.type === EventType.commandLog) {
      writeSession(storage, runFromLog(event));
      return;
    }
    if (event.type !== EventType.snapshot) return;
    const t = event.timeline;
    latestKey = `${event.scenario}/${event.seed}/${t?.commandCount ?? 0}/${t?.isPast ? event.snapshot.time : '-'}`;
    if (latestKey === savedKey || isScheduled) return;
    isScheduled = true;
    schedule(() => {
      isScheduled = false;
      if (isStopped || latestKey === savedKey) return;
      savedKey = latestKey;
      client.send({ type: CommandType.exportLog });
    }, intervalMs);
  });
  return () => {
    isStopped = true;
    unsubscribe();
  };
}
