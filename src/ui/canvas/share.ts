/**
 * Structural sharing between two flows: objects that did not change keep their identity, so React Flow
 * (which compares nodes and edges by identity) and the per-node selectors re-render only what changed.
 */
import type { Node } from '@xyflow/react';
import type { ClusterSnapshot } from '../../protocol';
import { onlyTimeMoved } from '../snapshotChange';
import type { CanvasEdge, CanvasNode, CanvasView, EdgeView } from './model';

/** Shallow equality of two view models (arrays compared element by element). */
export function sameView(a: CanvasView | EdgeView, b: CanvasView | EdgeView): boolean {
  if (a === b) return true;
  const ka = Object.keys(a) as (keyof typeof a)[];
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const x: unknown = a[k];
    const y: unknown = (b as typeof a)[k];
    if (x === y) continue;
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((v, i) => !sameValue(v, y[i]))) return false;
      continue;
    }
    if (!sameValue(x, y)) return false;
  }
  return true;
}

function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (x && y && typeof x === 'object' && typeof y === 'object') {
    const kx = Object.keys(x);
    if (kx.length !== Object.keys(y).length) return false;
    return kx.every((k) => (x as Record<string, unknown>)[k] === (y as Record<string, unknown>)[k]);
  }
  return false;
}

/** Whether two nodes have the same layout (everything but `data`). */
export function sameNodeLayout<N extends Node>(a: N, b: N): boolean {
  return (
    a.id === b.id &&
    a.type === b.type &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.width === b.width &&
    a.height === b.height &&
    a.parentId === b.parentId &&
    a.ariaLabel === b.ariaLabel &&
    a.ariaRole === b.ariaRole &&
    a.zIndex === b.zIndex &&
    a.focusable === b.focusable &&
    a.selectable === b.selectable &&
    (a.selected ?? false) === (b.selected ?? false) &&
    a.className === b.className
  );
}

export function sameEdge(a: CanvasEdge, b: CanvasEdge): boolean {
  return (
    a.id === b.id &&
    a.type === b.type &&
    a.source === b.source &&
    a.target === b.target &&
    a.ariaLabel === b.ariaLabel &&
    a.zIndex === b.zIndex &&
    (a.data === b.data || (!!a.data && !!b.data && sameView(a.data, b.data)))
  );
}

/**
 * `next` with every element equal (by `same`) to the element of `previous` with its id replaced by that
 * element; `previous` itself when nothing changed at all.
 */
export function shareById<T extends { id: string }>(
  previous: readonly T[],
  next: readonly T[],
  same: (a: T, b: T) => boolean,
): T[] {
  const byId = new Map(previous.map((item) => [item.id, item]));
  let changed = previous.length !== next.length;
  const shared = next.map((item, i) => {
    const old = byId.get(item.id);
    const keep = old !== undefined && (old === item || same(old, item)) ? old : item;
    if (keep !== previous[i]) changed = true;
    return keep;
  });
  return changed ? shared : (previous as T[]);
}

/**
 * The views of `next` keyed by id, keeping the previous view object wherever the view is equal.
 * `kept` (optional) remembers which earlier view each new-but-equal view was replaced by, so a view
 * object seen again is matched without comparing its fields.
 */
export function shareViews(
  previous: Readonly<Record<string, CanvasView>>,
  next: readonly CanvasNode[],
  kept?: WeakMap<CanvasView, CanvasView>,
): Record<string, CanvasView> {
  const views: Record<string, CanvasView> = {};
  for (const node of next) {
    const old = previous[node.id];
    const view = node.data;
    if (old === undefined || old === view || kept?.get(view) === old) {
      views[node.id] = old ?? view;
      continue;
    }
    if (sameView(old, view)) {
      kept?.set(view, old);
      views[node.id] = old;
    } else views[node.id] = view;
  }
  return views;
}

/**
 * Whether `next` draws exactly what `previous` drew: every part but the clock is the same object (the
 * store keeps them when the worker says only the time moved), and no pod is counting down a grace period.
 */
export function isSameDrawing(previous: ClusterSnapshot, next: ClusterSnapshot): boolean {
  if (!onlyTimeMoved(previous, next)) return false;
  return next.time === previous.time || !next.pods.some((p) => p.isTerminating);
}
