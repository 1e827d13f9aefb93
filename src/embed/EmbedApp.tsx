/**
 * The playground as an embed (`?embed=1` or embed.html): the canvas first and filling the frame, a slim bar
 * with play / step / speed, the clock and the script's "Next step", and on request the comparison panel
 * (`panel=1`) and the console (`console=1`). Each embed runs its own worker, so several on one page are
 * independent.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { SimClient } from '../client/types';
import type { PlaygroundStore } from '../store/playgroundStore';
import { PlaygroundContext, usePlayground } from '../store/usePlayground';
import { Canvas } from '../ui/canvas/Canvas';
import { ErrorBanner } from '../ui/controls/ErrorBanner';
import { ForkDialog } from '../ui/controls/ForkDialog';
import { PlayControls } from '../ui/controls/PlayControls';
import { SimClock } from '../ui/controls/SimClock';
import { StartNotice } from '../ui/controls/StartNotice';
import { createForkGuard } from '../ui/controls/forkGuard';
import { Console } from '../ui/dock/Console';
import { ComparisonPanel } from '../ui/panels/comparison/ComparisonPanel';
import { ShareNotice } from '../ui/share/ShareNotice';
import '../ui/controls/controls.css';
import '../ui/dock/dock.css';
import './embed.css';
import type { EmbedParams } from './params';
import type { ScriptRunner } from './script';

function ScriptControls({ runner }: { runner: ScriptRunner }) {
  const state = useSyncExternalStore(runner.subscribe, runner.state);
  const isReady = usePlayground((s) => s.run !== null);
  const total = state.lines.length;
  const nextLine = state.lines[state.sent];
  const lastLine = state.lines[state.sent - 1];
  return (
    <div className="embed-script" role="group" aria-label="Script">
      <button
        type="button"
        className="embed-next"
        disabled={!isReady || state.isRunning || state.sent >= total}
        onClick={() => runner.next()}
        title={nextLine ? `Runs: ${nextLine}` : 'The script is done'}
      >
        Next step
      </button>
      <span className="embed-script-progress" aria-live="polite">
        {state.sent === 0 ? `Step 0 of ${total}` : `Step ${state.sent} of ${total}`}
      </span>
      <span className="embed-script-line" title={lastLine ?? nextLine}>
        {lastLine !== undefined ? `$ ${lastLine}` : nextLine !== undefined ? `next: ${nextLine}` : ''}
      </span>
    </div>
  );
}

function OpenFull() {
  const run = usePlayground((s) => s.run);
  if (!run) return null;
  const href = `./?scenario=${encodeURIComponent(run.scenario)}&seed=${run.seed}&paused=1`;
  return (
    <a className="embed-open" href={href} target="_blank" rel="noopener">
      Full playground<span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}

export interface EmbedAppProps {
  store: PlaygroundStore;
  client: SimClient;
  params: EmbedParams;
  /** The script runner when the URL has a `script=`. */
  runner: ScriptRunner | null;
}

export function EmbedApp({ store, client, params, runner }: EmbedAppProps) {
  const guard = useMemo(
    () => createForkGuard(client, () => store.getState().timeline?.isPast ?? false),
    [store, client],
  );
  const context = useMemo(() => ({ store, client: guard.client }), [store, guard]);
  const [problems, setProblems] = useState(params.problems);
  useEffect(() => {
    document.documentElement.classList.add('embed');
  }, []);
  return (
    <PlaygroundContext.Provider value={context}>
      <div className="embed">
        <div className="embed-bar">
          <div className="time-controls">
            <PlayControls />
            <SimClock />
          </div>
          {runner && <ScriptControls runner={runner} />}
          <OpenFull />
        </div>
        <ErrorBanner />
        <StartNotice />
        <ShareNotice />
        {problems.length > 0 && (
          <div className="start-notice" role="status" aria-label="Embed notice">
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
            <button type="button" onClick={() => setProblems([])}>
              Dismiss
            </button>
          </div>
        )}
        <div className="embed-body">
          <section className="canvas-pane" aria-label="Cluster">
            <Canvas />
          </section>
          {params.showPanel && <ComparisonPanel />}
        </div>
        {params.showConsole && (
          <section className="embed-console" aria-label="Console">
            <Console />
          </section>
        )}
      </div>
      <ForkDialog guard={guard} />
    </PlaygroundContext.Provider>
  );
}
