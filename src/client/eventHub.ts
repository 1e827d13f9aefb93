/**
 * The receiving half both clients share: validates each raw message and hands listeners either the event
 * or a `badMessage` error event describing what was wrong with it. Snapshot patches are rebuilt into whole
 * snapshots here (src/protocol/snapshotPatch.ts), so listeners only ever see `snapshot` events.
 */
import { ErrorCode, EventType, SNAPSHOT_PATCH, createSnapshotDecoder, parseWireEvent } from '../protocol';
import type { SimEvent } from '../protocol';
import type { SimEventListener } from './types';

export interface EventHub {
  subscribe(listener: SimEventListener): () => void;
  /** Validates raw data from the sim and dispatches it. */
  deliver(data: unknown): void;
  /** Dispatches an event the client itself raises (a worker that failed to load). */
  emit(event: SimEvent): void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<SimEventListener>();
  const emit = (event: SimEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  const decoder = createSnapshotDecoder();
  const badMessage = (message: string) => emit({ type: EventType.error, code: ErrorCode.badMessage, message });
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    deliver(data) {
      const parsed = parseWireEvent(data);
      if (!parsed.ok) {
        badMessage(parsed.error);
        return;
      }
      const event = parsed.value;
      if (event.type === SNAPSHOT_PATCH) {
        const decoded = decoder.patch(event);
        // A patch on a snapshot that never arrived: the next whole snapshot puts the decoder right.
        if (decoded.ok === 'skip') return;
        if (decoded.ok) emit(decoded.event);
        else badMessage(decoded.error);
        return;
      }
      emit(event.type === EventType.snapshot ? decoder.full(event) : event);
    },
    emit,
  };
}
