/** The simulated clock, `HH:MM:SS` since the cluster started. */
import { useId } from 'react';
import { selectTime } from '../../store/playgroundStore';
import { usePlayground } from '../../store/usePlayground';
import { formatSimTime } from './time';

export function SimClock() {
  const time = usePlayground(selectTime);
  const isPast = usePlayground((s) => s.timeline?.isPast ?? false);
  const id = useId();
  return (
    <div className={isPast ? 'control sim-clock is-past' : 'control sim-clock'}>
      <span id={id} className="sim-clock-label">
        Simulated time
      </span>
      <span role="timer" aria-labelledby={id} className="mono sim-clock-value">
        {time === undefined ? '--:--:--' : formatSimTime(time)}
      </span>
    </div>
  );
}
