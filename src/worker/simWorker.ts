/**
 * The Web Worker entry (a Vite module worker): decodes each message, hands it to the session that calls
 * the sim, and posts the events back. The play loop's setInterval lives here, off the main thread.
 */
import { SimSession } from './session';
import type { SimEvent } from '../protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = new SimSession((event: SimEvent) => scope.postMessage(event));

scope.addEventListener('message', (message: MessageEvent<unknown>) => session.receive(message.data));
