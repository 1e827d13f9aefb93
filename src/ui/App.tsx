/**
 * The playground page: scenario and clock on top, the cluster canvas in the centre with its legend, and
 * the kubectl console docked at the bottom.
 */
import { useMemo } from 'react';
import type { SimClient } from '../client/types';
import type { PlaygroundStore } from '../store/playgroundStore';
import { PlaygroundContext } from '../store/usePlayground';
import { ErrorBanner } from './controls/ErrorBanner';
import { ForkDialog } from './controls/ForkDialog';
import { StartNotice } from './controls/StartNotice';
import { TimeControls } from './controls/TimeControls';
import { createForkGuard } from './controls/forkGuard';
import { Canvas } from './canvas/Canvas';
import { Legend } from './canvas/Legend';
import { ComparisonPanel } from './panels/comparison/ComparisonPanel';
import { Dock } from './dock/Dock';
import { LessonsHost } from './lessons/LessonsHost';
import { ShareControls } from './share/ShareControls';
import { ShareNotice } from './share/ShareNotice';

export function App({ store, client }: { store: PlaygroundStore; client: SimClient }) {
  // Commands sent while the past is shown wait for the fork confirmation (ForkDialog).
  const guard = useMemo(
    () => createForkGuard(client, () => store.getState().timeline?.isPast ?? false),
    [store, client],
  );
  const context = useMemo(() => ({ store, client: guard.client }), [store, guard]);
  return (
    <PlaygroundContext.Provider value={context}>
      <div className="app">
        <header className="app-header">
          <h1>StatefulSet Playground</h1>
          <TimeControls />
          <ShareControls />
        </header>
        <div className="app-body">
          <main className="workspace">
            <ErrorBanner />
            <StartNotice />
            <ShareNotice />
            <section className="canvas-pane" aria-label="Cluster">
              <Canvas />
            </section>
            <Legend />
          </main>
          <ComparisonPanel />
          <LessonsHost />
        </div>
        <Dock />
      </div>
      <ForkDialog guard={guard} />
    </PlaygroundContext.Provider>
  );
}
