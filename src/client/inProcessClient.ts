/**
 * A client that runs the session on the calling thread, for tests and Node tools. It keeps the worker's
 * semantics: messages are structured-cloned and delivered asynchronously (as microtasks), both ways, and
 * snapshots travel as patches where they can.
 */
import type { SimCommand } from '../protocol';
import { SimSession, wallClockInterval } from '../worker/session';
import type { Interval } from '../worker/session';
import { createEventHub } from './eventHub';
import type { SimClient } from './types';

export interface InProcessClientOptions {
  /** Drives the play loop; defaults to setInterval. Tests pass a manual one. */
  interval?: Interval;
}

export function createInProcessClient(options: InProcessClientOptions = {}): SimClient {
  const hub = createEventHub();
  let isClosed = false;
  const deliver = (event: unknown) => {
    const copy = structuredClone(event);
    queueMicrotask(() => {
      if (!isClosed) hub.deliver(copy);
    });
  };
  const session = new SimSession(deliver, options.interval ?? wallClockInterval, { sendSnapshot: deliver });
  return {
    send(command: SimCommand) {
      const copy: unknown = structuredClone(command);
      queueMicrotask(() => {
        if (!isClosed) session.receive(copy);
      });
    },
    subscribe: hub.subscribe,
    close() {
      isClosed = true;
      session.dispose();
    },
  };
}
