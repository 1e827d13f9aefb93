/**
 * Loads a scenario for a lesson and tells when the fresh cluster's first snapshot has arrived, so a step's
 * "before" snapshot is never one of the previous run.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { CommandType } from '../../protocol';
import type { ClusterSnapshot } from '../../protocol';
import { usePlaygroundStore, useSimClient } from '../../store/usePlayground';
import type { ScenarioRef } from '../../lessons';

export interface ScenarioLoader {
  /** True from sending loadScenario until the new run's first snapshot. */
  isLoading: boolean;
  /** Counts completed loads (a step re-takes its "before" snapshot when it changes). */
  loads: number;
  load(ref: ScenarioRef): void;
}

export function useScenarioLoader(): ScenarioLoader {
  const client = useSimClient();
  const store = usePlaygroundStore();
  const pending = useRef<{ scenario: string; stale: ClusterSnapshot | null } | null>(null);
  const [isLoading, setLoading] = useState(false);
  const [loads, setLoads] = useState(0);

  useEffect(
    () =>
      store.subscribe((state) => {
        const wait = pending.current;
        if (!wait || !state.snapshot || state.snapshot === wait.stale) return;
        if (state.run?.scenario !== wait.scenario || (state.timeline?.commandCount ?? 0) !== 0) return;
        pending.current = null;
        setLoading(false);
        setLoads((n) => n + 1);
      }),
    [store],
  );

  const load = useCallback(
    (ref: ScenarioRef) => {
      pending.current = { scenario: ref.scenario, stale: store.getState().snapshot };
      setLoading(true);
      client.send({ type: CommandType.loadScenario, scenario: ref.scenario, seed: ref.seed });
    },
    [client, store],
  );

  return { isLoading, loads, load };
}
