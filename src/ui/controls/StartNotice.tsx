/** Says which URL parameters were ignored at start, and why (the playground started without them). */
import { useMemo, useState } from 'react';
import { usePlayground } from '../../store/usePlayground';
import { readUrlParams, unknownScenarioProblem } from './urlParams';

export function StartNotice() {
  // The address as the page was opened: the picker rewrites it later.
  const [initial] = useState(() => readUrlParams(window.location.search));
  const scenarios = usePlayground((s) => s.scenarios);
  const defaultScenario = usePlayground((s) => s.defaultScenario);
  const [isDismissed, setDismissed] = useState(false);
  const problems = useMemo(() => {
    const unknown = unknownScenarioProblem(initial.start.scenario, scenarios, defaultScenario);
    return unknown ? [unknown, ...initial.problems] : initial.problems;
  }, [initial, scenarios, defaultScenario]);
  if (isDismissed || problems.length === 0) return null;
  return (
    <div className="start-notice" role="status" aria-label="Start-up notice">
      <div>
        <strong>Some link parameters were ignored.</strong>
        <ul>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
      <button type="button" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  );
}
