/**
 * The baseline for `npm run bench:ui`: a bare React Flow page with `nodes` plain default nodes that
 * updates every `interval` ms, giving `rate` nodes a second a new label (query parameters; a fractional
 * share per update carries over to the next). Built only by bench/vite.bare.config.ts,
 * never into the product's dist.
 */
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import type { Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const params = new URLSearchParams(location.search);
const COUNT = Number(params.get('nodes') ?? 300);
const INTERVAL_MS = Number(params.get('interval') ?? 100);
const RATE = Number(params.get('rate') ?? 30);
const COLUMNS = 20;
const STATES = ['Pending', 'ContainerCreating', 'Running', 'Terminating'];

/** A node's label at its `revision`-th relabelling: each relabelling shows a different state. */
function label(i: number, revision: number): string {
  return `load-${i} ${STATES[revision % STATES.length]}`;
}

function initialNodes(): Node[] {
  return Array.from({ length: COUNT }, (_, i) => ({
    id: `n${i}`,
    position: { x: (i % COLUMNS) * 170, y: Math.floor(i / COLUMNS) * 60 },
    data: { label: label(i, 0) },
    ariaLabel: `Pod load-${i}`,
  }));
}

function BareFlow() {
  const [nodes, setNodes] = useState(initialNodes);
  useEffect(() => {
    // Counted per node: a node relabelled every 4th tick (or any multiple) would otherwise get
    // the label it already has, and React would change nothing in the DOM.
    const revisions = new Array<number>(COUNT).fill(0);
    let next = 0;
    let carry = 0;
    const handle = setInterval(() => {
      carry += (RATE * INTERVAL_MS) / 1000;
      const count = Math.min(Math.floor(carry), COUNT);
      carry -= count;
      const changed = new Set<number>();
      for (let k = 0; k < count; k++) {
        const i = (next + k) % COUNT;
        changed.add(i);
        revisions[i]!++;
      }
      next = (next + count) % COUNT;
      setNodes((current) =>
        current.map((n, i) => (changed.has(i) ? { ...n, data: { label: label(i, revisions[i]!) } } : n)),
      );
    }, INTERVAL_MS);
    return () => clearInterval(handle);
  }, []);
  return <ReactFlow nodes={nodes} fitView nodesDraggable={false} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ReactFlowProvider>
      <BareFlow />
    </ReactFlowProvider>
  </StrictMode>,
);
