/** Asks the worker for the run's command log and turns the answer into a SharedRun (for links and saves). */
import { CommandType, EventType } from '../protocol';
import type { CommandLogEvent } from '../protocol';
import type { SimClient } from '../client/types';
import { runFromLog } from './link';
import type { SharedRun } from './link';

/** How long to wait for the worker's answer before giving up (wall-clock milliseconds). */
export const EXPORT_TIMEOUT_MS = 15_000;

/** Sends `exportLog` and resolves with the next `commandLog`; rejects on a worker error or a timeout. */
export function requestLog(client: SimClient, timeoutMs = EXPORT_TIMEOUT_MS): Promise<CommandLogEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('the simulation did not answer in time'));
    }, timeoutMs);
    const unsubscribe = client.subscribe((event) => {
      if (event.type === EventType.commandLog) {
        clearTimeout(timer);
        unsubscribe();
        resolve(event);
      } else if (event.type === EventType.error) {
        clearTimeout(timer);
        unsubscribe();
        reject(new Error(event.message));
      }
    });
    client.send({ type: CommandType.exportLog });
  });
}

/** The run as a link or a save carries it. */
export async function requestRun(client: SimClient, timeoutMs?: number): Promise<SharedRun> {
  return runFromLog(await requestLog(client, timeoutMs));
}
