/** The interface every simulation client offers, whether the sim runs in a worker or in-process. */
import type { SimCommand, SimEvent } from '../protocol';

export type SimEventListener = (event: SimEvent) => void;

export interface SimClient {
  /** Sends one command; answers arrive later as events. */
  send(command: SimCommand): void;
  /** Calls `listener` with every validated event, in order; returns the function that unsubscribes. */
  subscribe(listener: SimEventListener): () => void;
  /** Stops the simulation; no events arrive afterwards. */
  close(): void;
}
