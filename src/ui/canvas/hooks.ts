/** React access to the canvas store: the store in context, and one selector per node. */
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { CanvasActions, CanvasState, CanvasStore } from './canvasStore';
import type { CanvasView } from './model';

export const CanvasStoreContext = createContext<CanvasStore | null>(null);

function useCanvasStore(): CanvasStore {
  const store = useContext(CanvasStoreContext);
  if (!store) throw new Error('canvas components must be rendered inside a CanvasStoreContext provider');
  return store;
}

/** Reads one slice of the canvas state; re-renders only when that slice changes. */
export function useCanvas<T>(selector: (state: CanvasState & CanvasActions) => T): T {
  return useStore(useCanvasStore(), selector);
}

/**
 * The view of node `id` when it is of `kind`: each node component subscribes to its own view only, so a
 * snapshot that changes one pod re-renders one card.
 */
export function useCanvasView<K extends CanvasView['kind']>(
  id: string,
  kind: K,
): Extract<CanvasView, { kind: K }> | undefined {
  const view = useNodeState(id, (s) => s.views[id]);
  return view?.kind === kind ? (view as Extract<CanvasView, { kind: K }>) : undefined;
}

/** Whether node `id` has left the cluster and is fading out. */
export function useIsExiting(id: string): boolean {
  return useNodeState(id, (s) => s.exiting[id] === true);
}

/** Whether node `id` is highlighted (a hovered DNS name resolves to it). */
export function useIsHighlighted(id: string): boolean {
  return useNodeState(id, (s) => s.highlightedId === id);
}

/**
 * Reads something of node `id` from the canvas state, re-rendering only when a change to that node is
 * announced (`subscribeNode`): with hundreds of cards, a snapshot does not run every card's selector.
 * `read` must depend on node `id`'s view, exiting flag or highlight only.
 */
function useNodeState<T>(id: string, read: (state: CanvasState) => T): T {
  const store = useCanvasStore();
  const subscribe = useCallback((listener: () => void) => store.getState().subscribeNode(id, listener), [store, id]);
  return useSyncExternalStore(subscribe, () => read(store.getState()));
}
