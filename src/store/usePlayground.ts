/** React access to the one store of a <Playground>: a context for the store and a selector hook. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SimClient } from '../client/types';
import type { PlaygroundActions, PlaygroundState, PlaygroundStore } from './playgroundStore';

export interface PlaygroundContextValue {
  store: PlaygroundStore;
  client: SimClient;
}

export const PlaygroundContext = createContext<PlaygroundContextValue | null>(null);

function usePlaygroundContext(): PlaygroundContextValue {
  const value = useContext(PlaygroundContext);
  if (!value) throw new Error('usePlayground must be used inside a PlaygroundContext provider');
  return value;
}

/** Reads one slice of the playground state; re-renders only when that slice changes. */
export function usePlayground<T>(selector: (state: PlaygroundState & PlaygroundActions) => T): T {
  return useStore(usePlaygroundContext().store, selector);
}

/** The client that commands go to. */
export function useSimClient(): SimClient {
  return usePlaygroundContext().client;
}

/** The store itself, for code that derives its own state from it (the canvas). */
export function usePlaygroundStore(): PlaygroundStore {
  return usePlaygroundContext().store;
}
