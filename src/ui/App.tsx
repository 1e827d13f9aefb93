/** The placeholder playground page: scenario and clock, the pods as text, and a kubectl console. */
import { useMemo, useState } from 'react';
import type { SimClient } from '../client/types';
import { selectLastError } from '../store/playgroundStore';
import type { PlaygroundStore } from '../store/playgroundStore';
import { PlaygroundContext, usePlayground } from '../store/usePlayground';
import { ClockBar } from './ClockBar';
import { KubectlConsole } from './KubectlConsole';
import { PodList } from './PodList';

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
      <header className="app-header">
        <h1>StatefulSet Playground</h1>
        <ClockBar />
      </header>
      <main className="app-main">
        <ErrorBanner />
        <section aria-labelledby="pods-heading">
          <h2 id="pods-heading">Pods</h2>
          <PodList />
        </section>
        <section aria-labelledby="console-heading">
          <h2 id="console-heading">Console</h2>
          <KubectlConsole />
        </section>
      </main>
    </PlaygroundContext.Provider>
  );
}
