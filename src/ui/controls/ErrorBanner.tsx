/**
 * The newest worker error, in words. When the simulation itself failed, "Restart from last good state"
 * rebuilds the run from the scenario start and the command log (every command that succeeded is kept);
 * when the worker is gone, reloading the page is the way back.
 */
import { useState } from 'react';
import { CommandType } from '../../protocol';
import { selectLastError } from '../../store/playgroundStore';
import { usePlayground, useSimClient } from '../../store/usePlayground';
import { errorRemedy } from './errorRemedy';

export function ErrorBanner() {
  const client = useSimClient();
  const error = usePlayground(selectLastError);
  const hasRun = usePlayground((s) => s.run !== null);
  const [dismissedSeq, setDismissedSeq] = useState(0);
  if (!error || error.seq <= dismissedSeq) return null;
  const remedy = errorRemedy(error.code);
  const dismiss = () => setDismissedSeq(error.seq);
  return (
    <div className="error" role="alert">
      <p>
        {remedy === 'restart' && <strong>The simulation failed: </strong>}
        {remedy === 'reload' && <strong>The simulation stopped: </strong>}
        {error.message}
      </p>
      <div className="error-actions">
        {remedy === 'restart' && hasRun && (
          <button
            type="button"
            onClick={() => {
              client.send({ type: CommandType.restart });
              dismiss();
            }}
          >
            Restart from last good state
          </button>
        )}
        {remedy === 'reload' && (
          <button type="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        )}
        <button type="button" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
