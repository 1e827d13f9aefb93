/** Play / Pause (also the Space key), Step to the next change, and the play speed. */
import { useEffect, useId } from 'react';
import type { ChangeEvent } from 'react';
import { CommandType } from '../../protocol';
import { selectRun } from '../../store/playgroundStore';
import { usePlayground, usePlaygroundStore, useSimClient } from '../../store/usePlayground';
import { isSpaceForPlay } from './keyboard';
import { SPEEDS, formatSpeed, nearestSpeed } from './speeds';

export function PlayControls() {
  const client = useSimClient();
  const store = usePlaygroundStore();
  const run = usePlayground(selectRun);
  const isPast = usePlayground((s) => s.timeline?.isPast ?? false);
  const speedId = useId();
  const isPlaying = run?.isPlaying ?? false;

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : null;
      const focus = target && {
        tagName: target.tagName,
        isContentEditable: target.isContentEditable,
        role: target.getAttribute('role'),
      };
      if (!isSpaceForPlay(e, focus)) return;
      const current = store.getState().run;
      if (!current) return;
      e.preventDefault();
      client.send({ type: current.isPlaying ? CommandType.pause : CommandType.play });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [client, store]);

  const onSpeed = (e: ChangeEvent<HTMLSelectElement>) =>
    client.send({ type: CommandType.setSpeed, speed: Number(e.target.value) });

  return (
    <div className="control play-controls" role="group" aria-label="Simulation controls">
      <button
        type="button"
        className="play-button"
        disabled={!run}
        aria-keyshortcuts="Space"
        title={
          isPlaying ? 'Pause (Space)' : isPast ? 'Play the recorded run forward (Space)' : 'Play (Space)'
        }
        onClick={() => client.send({ type: isPlaying ? CommandType.pause : CommandType.play })}
      >
        <span aria-hidden="true" className="icon">
          {isPlaying ? '❚❚' : '▶'}
        </span>
        {isPlaying ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        disabled={!run}
        title="Advance to the next change (at most one simulated minute)"
        onClick={() => client.send({ type: CommandType.step })}
      >
        <span aria-hidden="true" className="icon">
          ▶❘
        </span>
        Step
      </button>
      <label htmlFor={speedId} className="speed-label">
        Speed
      </label>
      <select id={speedId} value={nearestSpeed(run?.speed ?? 1)} disabled={!run} onChange={onSpeed}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {formatSpeed(s)}
          </option>
        ))}
      </select>
    </div>
  );
}
