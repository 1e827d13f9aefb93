/**
 * The cluster canvas: React Flow drawing the canvas store's layout. The flow component subscribes to the
 * list of nodes and edges (which change only when something moves); every card subscribes to its own
 * view. Tab walks the objects in reading order, arrow keys move to the nearest object in that direction,
 * Enter selects and moves focus into the inspector (see ../inspectFocus.ts), Escape clears.
 */
import {
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore as useFlowStore,
  useStoreApi as useFlowStoreApi,
} from '@xyflow/react';
import type { NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { KeyboardEvent } from 'react';
import { selectSnapshot } from '../../store/playgroundStore';
import { usePlayground, usePlaygroundStore } from '../../store/usePlayground';
import { EXIT_MS, createCanvasStore } from './canvasStore';
import type { CanvasStore, LayoutNode } from './canvasStore';
import { FLOW_ID } from './describe';
import { CanvasStoreContext, useCanvas } from './hooks';
import { arrowDirection, focusTargets, nextInDirection } from './keyboard';
import { CanvasMotion, TRANSITION_S, useFirstPictureDrawn } from './motion';
import { idOfRef, refOfView } from './selection';
import { requestInspectorFocus } from '../inspectFocus';
import { edgeTypes, nodeTypes } from './nodeTypes';
import './canvas.css';

const ARIA_LABELS = {
  'node.a11yDescription.default':
    'Press Enter to inspect: the inspector opens with its actions, and Escape there comes back here. Arrow keys move to the nearest object in that direction. Escape clears the selection.',
};

/** Fit the whole drawing, leaving the right edge to the zoom controls so they never cover a card. */
const FIT_OPTIONS = {
  padding: { top: '12px', bottom: '12px', left: '14px', right: '58px' },
  maxZoom: 1.25,
} as const;

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Refits the view when the drawing's size or the pane's size changes. */
function FitOnResize() {
  const { fitView } = useReactFlow();
  const bounds = useCanvas((s) => s.bounds);
  const isCompact = useCanvas((s) => s.layout.isCompact ?? false);
  const pane = useFlowStore((s) => `${Math.round(s.width)}x${Math.round(s.height)}`);
  useEffect(() => {
    if (bounds.width === 0) return;
    // Wait one frame so React Flow has taken the new nodes in before measuring them. A compact drawing
    // (hundreds of pods) refits at once: a zoom animation would repaint every chip for each frame.
    const frame = requestAnimationFrame(() => {
      const isInstant = isCompact || prefersReducedMotion();
      void fitView({ ...FIT_OPTIONS, duration: isInstant ? 0 : TRANSITION_S * 1000 });
    });
    return () => cancelAnimationFrame(frame);
  }, [bounds, pane, fitView, isCompact]);
  return null;
}

function selectionFrom(changes: NodeChange<LayoutNode>[], current: string | null): string | null | undefined {
  let next: string | null | undefined;
  for (const change of changes) {
    if (change.type !== 'select') continue;
    if (change.selected) next = change.id;
    else if (change.id === current && next === undefined) next = null;
  }
  return next;
}

function Flow({
  store,
  onSelect,
  onInspect,
}: {
  store: CanvasStore;
  onSelect: (id: string | null) => void;
  /** Enter on an object: the inspector takes focus (React Flow has selected the object already). */
  onInspect: (from: HTMLElement) => void;
}) {
  const nodes = useCanvas((s) => s.nodes);
  const edges = useCanvas((s) => s.edges);
  const { getViewport, setCenter } = useReactFlow();
  const flowStore = useFlowStoreApi();

  const onNodesChange = (changes: NodeChange<LayoutNode>[]) => {
    const next = selectionFrom(changes, store.getState().selectedId);
    if (next !== undefined) onSelect(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const direction = arrowDirection(event.key);
    const element = event.target instanceof HTMLElement ? event.target.closest('.react-flow__node') : null;
    const fromId = element?.getAttribute('data-id');
    if (event.key === 'Enter' && fromId && element instanceof HTMLElement) {
      const view = store.getState().views[fromId];
      if (view && refOfView(view) && !store.getState().exiting[fromId]) onInspect(element);
      return;
    }
    // Space on an object selects it (React Flow); it must not also play or pause the simulation.
    if (event.key === ' ' && fromId) {
      event.preventDefault();
      return;
    }
    if (!direction || !fromId) return;
    event.preventDefault();
    const targets = focusTargets(store.getState().nodes);
    const nextId = nextInDirection(targets, fromId, direction);
    if (!nextId) return;
    const next = event.currentTarget.querySelector<HTMLElement>(
      `.react-flow__node[data-id="${CSS.escape(nextId)}"]`,
    );
    next?.focus();
    // Bring the object into view when it is off screen.
    const r = targets.get(nextId)!;
    const { x, y, zoom } = getViewport();
    const paneSize = flowStore.getState();
    const left = r.x * zoom + x;
    const top = r.y * zoom + y;
    const isVisible =
      left >= 0 &&
      top >= 0 &&
      left + r.width * zoom <= paneSize.width &&
      top + r.height * zoom <= paneSize.height;
    if (!isVisible) void setCenter(r.x + r.width / 2, r.y + r.height / 2, { zoom, duration: 0 });
  };

  return (
    <ReactFlow
      id={FLOW_ID}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onPaneClick={() => onSelect(null)}
      onKeyDown={onKeyDown}
      zIndexMode="manual"
      nodesDraggable={false}
      nodesConnectable={false}
      edgesFocusable={false}
      elementsSelectable
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      autoPanOnNodeFocus={false}
      fitView
      fitViewOptions={FIT_OPTIONS}
      minZoom={0.05}
      maxZoom={2}
      colorMode="system"
      ariaLabelConfig={ARIA_LABELS}
      aria-label="Cluster canvas"
    >
      <Controls showInteractive={false} position="bottom-right" fitViewOptions={FIT_OPTIONS} />
      <FitOnResize />
    </ReactFlow>
  );
}

/** Says which object is selected, for screen readers. */
function SelectionAnnouncer() {
  const label = useCanvas((s) =>
    s.selectedId ? (s.nodes.find((n) => n.id === s.selectedId)?.ariaLabel ?? null) : null,
  );
  return (
    <p className="visually-hidden" aria-live="polite">
      {label ? `Selected ${label}` : ''}
    </p>
  );
}

function CanvasStatus() {
  const snapshot = usePlayground(selectSnapshot);
  if (!snapshot) return <p className="canvas-status">Starting the cluster…</p>;
  if (snapshot.pods.length === 0) return <p className="canvas-status">No pods yet.</p>;
  return null;
}

/** The canvas of the playground's cluster, redrawn from each snapshot. */
export function Canvas() {
  const playground = usePlaygroundStore();
  const [store] = useState(() => createCanvasStore({ exitMs: prefersReducedMotion() ? 0 : EXIT_MS }));

  // Snapshots redraw the canvas; the playground's selection (shared with the inspector) picks the card.
  useEffect(() => {
    const follow = () => {
      const { views, exiting } = store.getState();
      store.getState().select(idOfRef(views, exiting, playground.getState().selection));
    };
    const snapshot = playground.getState().snapshot;
    if (snapshot) store.getState().update(snapshot);
    follow();
    return playground.subscribe((state, previous) => {
      if (state.snapshot && state.snapshot !== previous.snapshot) store.getState().update(state.snapshot);
      if (state.snapshot !== previous.snapshot || state.selection !== previous.selection) follow();
    });
  }, [playground, store]);

  const hasObjects = useStore(store, (s) => s.nodes.length > 0);
  const isFirstPictureDrawn = useFirstPictureDrawn(hasObjects);

  const onSelect = (id: string | null) => {
    const view = id ? store.getState().views[id] : undefined;
    playground.getState().select(view ? refOfView(view) : null);
    store.getState().select(id);
  };

  return (
    <CanvasStoreContext.Provider value={store}>
      <CanvasMotion isFirstPictureDrawn={isFirstPictureDrawn}>
        <div className="canvas" aria-busy={!isFirstPictureDrawn}>
          <ReactFlowProvider>
            <Flow
              store={store}
              onSelect={onSelect}
              onInspect={(from) => requestInspectorFocus(playground, from)}
            />
          </ReactFlowProvider>
          <CanvasStatus />
          <SelectionAnnouncer />
        </div>
      </CanvasMotion>
    </CanvasStoreContext.Provider>
  );
}
