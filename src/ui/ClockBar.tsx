/** The scenario, the simulated clock, and play / pause / step / speed controls. */
import type { ChangeEvent } from 'react';
import { CommandType } from '../protocol';
import { selectRun, selectScenarioTitle, selectTime } from '../store/playgroundStore';
import { usePlayground, useSimClient } from '../store/usePlayground';
import { formatSimTime } from './format';

const SPEEDS = [0.5, 1, 2, 5, 10, 30] as const;

export function ClockBar() {
  const client = useSimClient();
  const run = usePlayground(selectRun);
  const title = usePlayground(selectScenarioTitle);
  const time = usePlayground(selectTime);
  const isPlaying = run?.isPlaying ?? false;
  const onSpeed = (e: ChangeEvent<HTMLSelectElement>) =>
    client.send({ type: CommandType.setSpeed, speed: Number(e.target.value) });
  return (
    <div className="clock-bar">
      <dl className="facts">
        <div>
          <dt>Scenario</dt>
          <dd>
            {title ?? '…'}
            {run && (
              <span className="muted mono">
                {' '}
                ({run.scenario}, seed {run.seed})
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Simulated time</dt>
          <dd className="mono">{time === undefined ? '--:--:--' : formatSimTime(time)}</dd>
        </div>
      </dl>
      <div className="controls" role="group" aria-label="Simulation controls">
        <button
          type="button"
          disabled={!run}
          onClick={() => client.send({ type: isPlaying ? CommandType.pause : CommandType.play })}
        >
          {isPlaying ? 'Pause' : 'Play'}
        </button>
        <button type="button" disabled={!run} onClick={() => client.send({ type: CommandType.step })}>
          Step 1s
        </button>
        <label>
          Speed{' '}
          <select value={run?.speed ?? 1} disabled={!run} onChange={onSpeed}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}x
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
