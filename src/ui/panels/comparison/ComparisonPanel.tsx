/**
 * The comparison panel, "Deployment vs StatefulSet": the scorecard, then each workload side by side with
 * what just happened, its replica slots and their history, and a timeline. Collapsible; the history keeps
 * folding snapshots while the panel is hidden.
 */
import { useMemo, useState } from 'react';
import { pairToCompare } from './describe';
import { Scorecard } from './Scorecard';
import { WorkloadColumn } from './WorkloadColumn';
import { useComparisonHistory } from './useComparisonHistory';
import './comparison.css';

export function ComparisonPanel() {
  const { history, reset } = useComparisonHistory();
  const [isOpen, setOpen] = useState(true);
  const workloads = history?.workloads;
  const pair = useMemo(() => (workloads ? pairToCompare(workloads) : []), [workloads]);
  return (
    <aside className={`cmp-panel${isOpen ? '' : ' cmp-panel-closed'}`} aria-labelledby="cmp-heading">
      <div className="cmp-header">
        <h2 id="cmp-heading" className={isOpen ? '' : 'cmp-visually-hidden'}>
          Deployment vs StatefulSet
        </h2>
        <div className="cmp-actions">
          {isOpen && (
            <button type="button" onClick={reset} disabled={!history}>
              Reset history
            </button>
          )}
          <button
            type="button"
            aria-expanded={isOpen}
            aria-controls="cmp-body"
            onClick={() => setOpen((open) => !open)}
          >
            {isOpen ? 'Hide comparison' : 'Show comparison'}
          </button>
        </div>
      </div>
      {/* A scrolling region keyboard users can focus to scroll it (axe: scrollable-region-focusable). */}
      <div
        id="cmp-body"
        className="cmp-body"
        hidden={!isOpen}
        role="group"
        aria-labelledby="cmp-heading"
        tabIndex={0}
      >
        {!history ? (
          <p className="muted">Starting the cluster…</p>
        ) : pair.length === 0 ? (
          <p className="muted">This scenario has no Deployment or StatefulSet yet.</p>
        ) : (
          <>
            <Scorecard workloads={pair} />
            <div className="cmp-columns">
              {pair.map((w) => (
                <WorkloadColumn key={w.uid} w={w} />
              ))}
            </div>
          </>
        )}
      </div>
    </aside>
  );
}
