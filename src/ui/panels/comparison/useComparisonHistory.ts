/**
 * Keeps the comparison history: folds every snapshot from the store into it (while the panel is hidden
 * too), starts afresh when another scenario or seed is loaded, and resets on request.
 */
import { useCallback, useState } from 'react';
import type { ClusterSnapshot } from '../../../protocol';
import { selectRun, selectSnapshot } from '../../../store/playgroundStore';
import { usePlayground } from '../../../store/usePlayground';
import { initialHistory, reduceHistory } from '../../history';
import type { History } from '../../history';

interface Folded {
  run: string | null;
  snapshot: ClusterSnapshot | null;
  history: History | null;
}

export function useComparisonHistory(): { history: History | null; reset: () => void } {
  const snapshot = usePlayground(selectSnapshot);
  const run = usePlayground(selectRun);
  const runKey = run ? `${run.scenario}/${run.seed}` : null;
  const [folded, setFolded] = useState<Folded>({ run: null, snapshot: null, history: null });

  // Derived state, updated while rendering (React's pattern for state that follows a prop).
  if (snapshot !== folded.snapshot || runKey !== folded.run) {
    const previous = runKey === folded.run ? folded.history : null;
    setFolded({ run: runKey, snapshot, history: snapshot ? reduceHistory(previous, snapshot) : null });
  }

  const reset = useCallback(() => {
    setFolded((f) => ({ ...f, history: f.snapshot ? initialHistory(f.snapshot) : null }));
  }, []);
  return { history: folded.history, reset };
}
