/**
 * The receiving half both clients share: validates each raw message and hands listeners either the event
 * or a `badMessage` error event describing what was wrong with it.
 */
import { ErrorCode, EventType, parseSimEvent } from '../protocol';
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
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    deliver(data) {
      const parsed = parseSimEvent(data);
      emit(
        parsed.ok
          ? parsed.value
          : { type: EventType.error, code: ErrorCode.badMessage, message: parsed.error },
      );
    },
    emit,
  };
}
