/**
 * Keeps the comparison history: folds every snapshot from the store into it (while the panel is hidden
 * too), starts afresh when another scenario or seed is loaded, and resets on request.
 *
 * The folding runs in a store subscription, not while rendering: every snapshot is folded when it arrives
 * (so no pod is missed), and the panel redraws at most every PANEL_REDRAW_MS, with the newest history. A
 * playing cluster posts ten snapshots a second; text that changes that often cannot be read anyway, and
 * redrawing hundreds of slots for each one cost more main-thread time than the canvas
 * (docs/performance.md).
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { createStore } from 'zustand';
import type { ClusterSnapshot } from '../../../protocol';
import type { PlaygroundState } from '../../../store/playgroundStore';
import { usePlaygroundStore } from '../../../store/usePlayground';
import { initialHistory, reduceHistory } from '../../history';
import type { History } from '../../history';
import { onlyTimeMoved } from '../../snapshotChange';
import { throttle } from '../../throttle';

/** The shortest time between two redraws of the panel. */
export const PANEL_REDRAW_MS = 250;
/**
 * How long a due redraw waits for the next snapshot, so that it is painted in the same frame as the
 * canvas's change (a playing cluster posts one every 100 ms) rather than in a frame of its own.
 */
const PANEL_REDRAW_GRACE_MS = 150;

interface Folded {
  run: string | null;
  snapshot: ClusterSnapshot | null;
  history: History | null;
}

const EMPTY: Folded = { run: null, snapshot: null, history: null };

/**
 * The history after the playground's state `state`, from the history folded so far. Time going back (a
 * seek, a restart) starts the history afresh; a tick in which only the clock moved changes nothing, and
 * keeps the history object (so the panel does not redraw for it).
 */
export function foldState(folded: Folded, state: Pick<PlaygroundState, 'run' | 'snapshot'>): Folded {
  const run = state.run ? `${state.run.scenario}/${state.run.seed}` : null;
  const snapshot = state.snapshot;
  if (snapshot === folded.snapshot && run === folded.run) return folded;
  if (!snapshot) return { run, snapshot, history: null };
  const last = folded.snapshot;
  const isBack = last !== null && snapshot.time < last.time;
  const previous = run === folded.run && !isBack ? folded.history : null;
  if (previous && last && onlyTimeMoved(last, snapshot)) return { run, snapshot, history: previous };
  return { run, snapshot, history: reduceHistory(previous, snapshot) };
}

export function useComparisonHistory(): { history: History | null; reset: () => void } {
  const playground = usePlaygroundStore();
  const [store] = useState(() => createStore<Folded>(() => foldState(EMPTY, playground.getState())));

  useEffect(() => {
    const fold = (state: PlaygroundState) => {
      const next = foldState(store.getState(), state);
      if (next !== store.getState()) store.setState(next, true);
    };
    fold(playground.getState());
    return playground.subscribe(fold);
  }, [playground, store]);

  const subscribe = useCallback(
    (onChange: () => void) => {
      const redraw = throttle(onChange, PANEL_REDRAW_MS, { graceMs: PANEL_REDRAW_GRACE_MS });
      const unsubscribe = store.subscribe((f, previous) => {
        if (f.history === previous.history) return;
        // Only changes while the cluster plays wait: after a step or a command the panel shows at once.
        if (playground.getState().run?.isPlaying) redraw.call();
        else redraw.flush();
      });
      return () => {
        unsubscribe();
        redraw.cancel();
      };
    },
    [store, playground],
  );
  const history = useSyncExternalStore(subscribe, () => store.getState().history);

  const reset = useCallback(() => {
    store.setState((f) => ({ ...f, history: f.snapshot ? initialHistory(f.snapshot) : null }), true);
  }, [store]);
  return { history, reset };
}
