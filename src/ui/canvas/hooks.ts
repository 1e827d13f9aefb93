/** React access to the canvas store: the store in context, and one selector per node. */
import { createContext, useContext } from 'react';
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
  const view = useCanvas((s) => s.views[id]);
  return view?.kind === kind ? (view as Extract<CanvasView, { kind: K }>) : undefined;
}

/** Whether node `id` has left the cluster and is fading out. */
export function useIsExiting(id: string): boolean {
  return useCanvas((s) => s.exiting[id] === true);
}

/** Whether node `id` is highlighted (a hovered DNS name resolves to it). */
export function useIsHighlighted(id: string): boolean {
  return useCanvas((s) => s.highlightedId === id);
}
