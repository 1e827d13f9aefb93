/**
 * The Web Worker entry (a Vite module worker): decodes each message, hands it to the session that calls
 * the sim, and posts the events back. The play loop's setInterval lives here, off the main thread.
 */
import { SimSession, wallClockInterval } from './session';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (event: unknown) => scope.postMessage(event);
// Snapshots go out as patches against the one before where they can (src/protocol/snapshotPatch.ts).
const session = new SimSession(post, wallClockInterval, { sendSnapshot: post });

scope.addEventListener('message', (message: MessageEvent<unknown>) => session.receive(message.data));
