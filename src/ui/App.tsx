/**
 * The playground page: scenario and clock on top, the cluster canvas in the centre with its legend, and
 * the kubectl console docked at the bottom.
 */
import { useMemo, useState } from 'react';
import type { SimClient } from '../client/types';
import { selectLastError } from '../store/playgroundStore';
import type { PlaygroundStore } from '../store/playgroundStore';
import { PlaygroundContext, usePlayground } from '../store/usePlayground';
import { ClockBar } from './ClockBar';
import { Canvas } from './canvas/Canvas';
import { Legend } from './canvas/Legend';
import { Dock } from './dock/Dock';

function ErrorBanner() {
  const error = usePlayground(selectLastError);
  const [dismissedSeq, setDismissedSeq] = useState(0);
  if (!error || error.seq <= dismissedSeq) return null;
  return (
    <div className="error" role="alert">
      <p>{error.message}</p>
      <button type="button" onClick={() => setDismissedSeq(error.seq)}>
        Dismiss
      </button>
    </div>
  );
}

export function App({ store, client }: { store: PlaygroundStore; client: SimClient }) {
  const context = useMemo(() => ({ store, client }), [store, client]);
  return (
    <PlaygroundContext.Provider value={context}>
      <div className="app">
        <header className="app-header">
          <h1>StatefulSet Playground</h1>
          <ClockBar />
        </header>
        <main className="workspace">
          <ErrorBanner />
          <section className="canvas-pane" aria-label="Cluster">
            <Canvas />
          </section>
          <Legend />
        </main>
        <Dock />
      </div>
    </PlaygroundContext.Provider>
  );
}
