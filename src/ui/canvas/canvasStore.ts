/**
 * The canvas's own store, derived from the playground store's snapshots: the layout (React Flow nodes
 * with no data, which change only when something moves), the edges, and one view per node id that each
 * node component selects for itself. Also what the canvas alone decides: the selection, and pods that
 * just left, kept a moment so they can fade out.
 */
import type { Node } from '@xyflow/react';
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { ClusterSnapshot } from '../../protocol';
import { CanvasKind, initialLayoutState } from './model';
import type { CanvasEdge, CanvasNode, CanvasView, LayoutState } from './model';
import { isSameDrawing, sameEdge, sameNodeLayout, shareById, shareViews } from './share';
import { ARRIVAL_BEAT_MS, podsCreatedByReadiness, withoutHeld } from './orderedArrival';
import type { HeldPod } from './orderedArrival';
import { snapshotToFlow } from './snapshotToFlow';

/** How long a removed object stays on the canvas while it fades out. */
export const EXIT_MS = 220;

/** A React Flow node without data: its view lives in `views`. */
export type LayoutNode = Node<Record<string, never>, CanvasKind>;

const NO_DATA: Record<string, never> = {};
const GHOST_ATTRIBUTES = { 'aria-hidden': true } as const;

/** Kinds that fade out when they leave (boxes and columns simply go). */
const EXIT_KINDS: ReadonlySet<string> = new Set([
  CanvasKind.pod,
  CanvasKind.pvc,
  CanvasKind.pv,
  CanvasKind.service,
]);

export interface CanvasState {
  nodes: LayoutNode[];
  edges: CanvasEdge[];
  views: Record<string, CanvasView>;
  /** Ids of objects that left and are fading out. */
  exiting: Record<string, true>;
  selectedId: string | null;
  /** The pod a hovered DNS name resolves to, drawn highlighted. */
  highlightedId: string | null;
  /** Width and height of the whole drawing, to refit the view when it grows or shrinks. */
  bounds: { width: number; height: number };
  layout: LayoutState;
}

export interface CanvasActions {
  /** Draws a new snapshot. */
  update(snapshot: ClusterSnapshot): void;
  /** Selects one object by node id, or none. */
  select(id: string | null): void;
  /** Highlights one object by node id (a hovered DNS name's pod), or none. */
  highlight(id: string | null): void;
  /**
   * Calls `listener` whenever node `id`'s view, exiting flag or highlight changes (and for no other
   * node's change): hundreds of cards listen, so each hears only about itself. Returns the unsubscribe.
   */
  subscribeNode(id: string, listener: () => void): () => void;
}

export type CanvasStore = StoreApi<CanvasState & CanvasActions>;

interface Ghost {
  node: CanvasNode;
  until: number;
}

/**
 * Creates the canvas store. `exitMs` is how long removed objects fade (0 under reduced motion);
 * `now` and `schedule` are the wall clock and timer, injectable for tests.
 */
export function createCanvasStore(
  options: {
    exitMs?: number;
    now?: () => number;
    schedule?: (fn: () => void, ms: number) => void;
  } = {},
): CanvasStore {
  const exitMs = options.exitMs ?? EXIT_MS;
  const now = options.now ?? (() => performance.now());
  const schedule = options.schedule ?? ((fn, ms) => void setTimeout(fn, ms));
  let drawn: CanvasNode[] = [];
  /** The drawn nodes by id: snapshotToFlow hands back the same object for a node drawn as before. */
  let drawnById = new Map<string, CanvasNode>();
  /** The layout node made from each drawn node, so an unchanged node gives the same layout node. */
  const layoutOf = new WeakMap<CanvasNode, { node: LayoutNode; selected: boolean; isGhost: boolean }>();
  /** New views found equal to the view already published for their node, and that view. */
  const keptViews = new WeakMap<CanvasView, CanvasView>();
  let lastSnapshot: ClusterSnapshot | null = null;
  const ghosts = new Map<string, Ghost>();
  const held = new Map<string, HeldPod & { until: number }>();

  const nodeListeners = new Map<string, Set<() => void>>();
  const subscribeNode = (id: string, listener: () => void) => {
    let set = nodeListeners.get(id);
    if (!set) nodeListeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) nodeListeners.delete(id);
    };
  };

  const store = createStore<CanvasState & CanvasActions>()((set, get) => {
    /** Publishes `drawn` plus the live ghosts, sharing every unchanged object with the current state. */
    const publish = (edges: CanvasEdge[], layout: LayoutState) => {
      const t = now();
      for (const [id, ghost] of ghosts) if (ghost.until <= t) ghosts.delete(id);
      const ids = new Set(drawn.map((n) => n.id));
      const visible = [
        ...drawn,
        ...[...ghosts.values()]
          .map((g) => g.node)
          .filter((n) => !ids.has(n.id) && (!n.parentId || ids.has(n.parentId))),
      ];
      const state = get();
      const layoutNodes: LayoutNode[] = visible.map((n) => {
        // A leaving object is only a picture: no focus, no selection, hidden from assistive technology.
        const isGhost = ghosts.has(n.id) && !ids.has(n.id);
        const selected = n.id === state.selectedId;
        const known = layoutOf.get(n);
        if (known && known.selected === selected && known.isGhost === isGhost) return known.node;
        const node: LayoutNode = {
          ...n,
          data: NO_DATA,
          selected,
          focusable: isGhost ? false : n.focusable,
          selectable: isGhost ? false : n.selectable,
          domAttributes: isGhost ? GHOST_ATTRIBUTES : n.domAttributes,
        };
        layoutOf.set(n, { node, selected, isGhost });
        return node;
      });
      const exiting: Record<string, true> = {};
      for (const n of visible) if (!ids.has(n.id)) exiting[n.id] = true;
      const columns = drawn.filter((n) => !n.parentId);
      const nodes = shareById(
        state.nodes,
        layoutNodes,
        sameNodeLayout as (a: LayoutNode, b: LayoutNode) => boolean,
      );
      // Where an equal earlier node was kept, the drawn node maps to it from now on.
      visible.forEach((n, i) => {
        if (nodes[i] !== layoutNodes[i]) layoutOf.get(n)!.node = nodes[i]!;
      });
      set({
        nodes,
        edges: shareById(state.edges, edges, sameEdge),
        views: shareViews(state.views, visible, keptViews),
        exiting:
          Object.keys(exiting).length === 0 && Object.keys(state.exiting).length === 0
            ? state.exiting
            : exiting,
        bounds: sameBounds(state.bounds, columns) ?? boundsOf(columns),
        layout,
      });
    };

    /**
     * Lays out `snapshot` and publishes it, leaving out the pods still waiting for their beat (and their
     * claims); exiting objects become ghosts that fade.
     */
    const draw = (snapshot: ClusterSnapshot) => {
      const t = now();
      for (const [uid, h] of held) if (h.until <= t) held.delete(uid);
      const flow = snapshotToFlow(withoutHeld(snapshot, [...held.values()]), get().layout, drawnById);
      // Compact chips (hundreds of pods) leave at once: no per-pod motion.
      if (exitMs > 0 && !flow.layout.isCompact) {
        const next = new Set(flow.nodes.map((n) => n.id));
        for (const old of drawn) {
          if (!next.has(old.id) && EXIT_KINDS.has(old.type ?? '') && !ghosts.has(old.id)) {
            ghosts.set(old.id, { node: old, until: now() + exitMs });
            schedule(() => {
              if (lastSnapshot) publish(get().edges, get().layout);
            }, exitMs + 10);
          }
        }
        for (const id of next) ghosts.delete(id);
      }
      drawn = flow.nodes;
      drawnById = new Map(flow.nodes.map((n) => [n.id, n]));
      const selectedId = get().selectedId;
      if (selectedId && !hasNode(flow.nodes, selectedId)) set({ selectedId: null });
      publish(flow.edges, flow.layout);
    };

    return {
      nodes: [],
      edges: [],
      views: {},
      exiting: {},
      selectedId: null,
      highlightedId: null,
      bounds: { width: 0, height: 0 },
      layout: initialLayoutState,

      update(snapshot) {
        const previous = lastSnapshot;
        lastSnapshot = snapshot;
        // Pods created because their predecessor just turned Ready wait a beat (orderedArrival.ts); compact
        // chips (hundreds of pods) have no per-pod motion and no beat either.
        const t = now();
        const arrivals = get().layout.isCompact ? [] : podsCreatedByReadiness(previous, snapshot);
        for (const pod of arrivals) {
          if (held.has(pod.uid)) continue;
          held.set(pod.uid, { ...pod, until: t + ARRIVAL_BEAT_MS });
          schedule(() => {
            if (lastSnapshot) draw(lastSnapshot);
          }, ARRIVAL_BEAT_MS + 10);
        }
        // A play tick in which only the clock moved: nothing to lay out again.
        if (previous && isSameDrawing(previous, snapshot)) return;
        draw(snapshot);
      },

      highlight(id) {
        if (get().highlightedId !== id) set({ highlightedId: id });
      },

      select(id) {
        if (get().selectedId === id) return;
        set({ selectedId: id });
        publish(get().edges, get().layout);
      },

      subscribeNode,
    };
  });

  // One listener on the whole store tells each node's listeners about that node's changes only.
  store.subscribe((state, previous) => {
    if (nodeListeners.size === 0) return;
    const changed = new Set<string>();
    if (state.views !== previous.views) {
      for (const id of nodeListeners.keys())
        if (state.views[id] !== previous.views[id]) changed.add(id);
    }
    if (state.exiting !== previous.exiting) {
      for (const id of Object.keys(state.exiting)) if (!previous.exiting[id]) changed.add(id);
      for (const id of Object.keys(previous.exiting)) if (!state.exiting[id]) changed.add(id);
    }
    if (state.highlightedId !== previous.highlightedId) {
      if (state.highlightedId) changed.add(state.highlightedId);
      if (previous.highlightedId) changed.add(previous.highlightedId);
    }
    for (const id of changed) for (const listener of nodeListeners.get(id) ?? []) listener();
  });
  return store;
}

function hasNode(nodes: readonly CanvasNode[], id: string): boolean {
  return nodes.some((n) => n.id === id);
}

function boundsOf(columns: readonly CanvasNode[]): { width: number; height: number } {
  let width = 0;
  let height = 0;
  for (const n of columns) {
    width = Math.max(width, n.position.x + (n.width ?? 0));
    height = Math.max(height, n.position.y + (n.height ?? 0));
  }
  return { width, height };
}

function sameBounds(
  current: { width: number; height: number },
  columns: readonly CanvasNode[],
): { width: number; height: number } | null {
  const b = boundsOf(columns);
  return b.width === current.width && b.height === current.height ? current : null;
}
