/**
 * The Web Worker entry (a Vite module worker): decodes each message, hands it to the session that calls
 * the sim, and posts the events back. The play loop's setInterval lives here, off the main thread.
 */
import { SimSession } from './session';
import { createSnapshotEncoder } from '../protocol';
import type { SimEvent } from '../protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Snapshots go out as patches against the one before where they can (src/protocol/snapshotPatch.ts).
const encode = createSnapshotEncoder();
const session = new SimSession((event: SimEvent) => scope.postMessage(encode(event)));

scope.addEventListener('message', (message: MessageEvent<unknown>) => session.receive(message.data));
