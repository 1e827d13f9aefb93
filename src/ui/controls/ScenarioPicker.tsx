/** The scenario picker: every scenario the worker offers, by title; picking one starts it afresh. */
import { useId } from 'react';
import type { ChangeEvent } from 'react';
import { CommandType } from '../../protocol';
import { selectRun } from '../../store/playgroundStore';
import { usePlayground, useSimClient } from '../../store/usePlayground';
import { searchWithScenario } from './urlParams';

export function ScenarioPicker() {
  const client = useSimClient();
  const run = usePlayground(selectRun);
  const scenarios = usePlayground((s) => s.scenarios);
  const id = useId();
  const description = scenarios.find((s) => s.name === run?.scenario)?.description;

  const onChange = (e: ChangeEvent<HTMLSelectElement>) => {
    const scenario = e.target.value;
    const seed = run?.seed ?? 1;
    client.send({ type: CommandType.loadScenario, scenario, seed });
    // Keep the address shareable: it now names the scenario on screen.
    const search = searchWithScenario(window.location.search, scenario, seed);
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${search}${window.location.hash}`,
    );
  };

  return (
    <div className="control scenario-picker">
      <label htmlFor={id}>Scenario</label>
      <select
        id={id}
        value={run?.scenario ?? ''}
        disabled={!run || scenarios.length === 0}
        onChange={onChange}
        title={description}
      >
        {!run && <option value="">Loading…</option>}
        {scenarios.map((s) => (
          <option key={s.name} value={s.name}>
            {s.title}
          </option>
        ))}
      </select>
    </div>
  );
}
