/** The main-thread client: starts the simulation worker and speaks the protocol with it. */
import { ErrorCode, EventType } from '../protocol';
import type { SimCommand } from '../protocol';
import { createEventHub } from './eventHub';
import type { SimClient } from './types';

export function createWorkerClient(): SimClient {
  const worker = new Worker(new URL('../worker/simWorker.ts', import.meta.url), {
    type: 'module',
    name: 'simulation',
  });
  const hub = createEventHub();
  worker.addEventListener('message', (message: MessageEvent<unknown>) => hub.deliver(message.data));
  worker.addEventListener('messageerror', () =>
    hub.emit({
      type: EventType.error,
      code: ErrorCode.badMessage,
      message: 'a message from the simulation worker could not be decoded',
    }),
  );
  worker.addEventListener('error', (error: ErrorEvent) =>
    hub.emit({
      type: EventType.error,
      code: ErrorCode.workerFailure,
      message: error.message || 'the simulation worker failed to start',
    }),
  );
  return {
    send: (command: SimCommand) => worker.postMessage(command),
    subscribe: hub.subscribe,
    close: () => worker.terminate(),
  };
}
