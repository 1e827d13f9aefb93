/**
 * The Timeline: a slider from the scenario start to the latest time. Dragging seeks (the worker rebuilds
 * that moment from the command log, see src/worker/timeline.ts); while the past is shown, a banner says
 * so and offers the way back to the latest state.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { ChangeEvent } from 'react';
import { CommandType } from '../../protocol';
import type { TimelineInfo } from '../../protocol';
import { selectRun } from '../../store/playgroundStore';
import type { PlaygroundStore } from '../../store/playgroundStore';
import { usePlayground, usePlaygroundStore, useSimClient } from '../../store/usePlayground';
import { throttle } from '../throttle';
import { createSeekQueue } from './seekQueue';
import { behindLatest, formatSimTime, timelineRange, timelineValueText } from './time';

/** Slider granularity in simulated milliseconds. */
const SLIDER_STEP_MS = 100;

/**
 * The shortest time between two redraws of the slider while the cluster plays (ten ticks a second): the
 * thumb moves a pixel or less per tick, and redrawing it on every tick cost more than the clock itself.
 * A redraw due waits up to TIMELINE_GRACE_MS for the next tick, so it paints in a frame that paints anyway.
 */
const TIMELINE_REDRAW_MS = 250;
const TIMELINE_GRACE_MS = 150;

interface Shown {
  time: number | undefined;
  timeline: TimelineInfo | null;
}

function shownOf(store: PlaygroundStore): Shown {
  const { snapshot, timeline } = store.getState();
  return { time: snapshot?.time, timeline };
}

/** The clock and timeline as the slider shows them: the newest, at most every TIMELINE_REDRAW_MS. */
function useShownTimeline(store: PlaygroundStore): Shown {
  const [shown, setShown] = useState(() => shownOf(store));
  useEffect(() => {
    const redraw = throttle(() => setShown(shownOf(store)), TIMELINE_REDRAW_MS, {
      graceMs: TIMELINE_GRACE_MS,
    });
    redraw.call();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.snapshot?.time === previous.snapshot?.time && state.timeline === previous.timeline) return;
      // Only the play loop's ticks wait: a step, a command or a seek shows at once.
      if (state.run?.isPlaying) redraw.call();
      else redraw.flush();
    });
    return () => {
      unsubscribe();
      redraw.cancel();
    };
  }, [store]);
  return shown;
}

export function TimelineBar() {
  const client = useSimClient();
  const store = usePlaygroundStore();
  const { time, timeline } = useShownTimeline(store);
  const run = usePlayground(selectRun);
  const [dragTime, setDragTime] = useState<number | null>(null);
  const queue = useMemo(
    () => createSeekQueue((t) => client.send({ type: CommandType.seek, time: t })),
    [client],
  );
  const hintId = useId();

  // Every snapshot (or error) after a seek is the worker's answer: the next kept seek may go.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        const isAnswer = state.snapshot !== previous.snapshot || state.lastError !== previous.lastError;
        if (isAnswer && queue.isBusy) queue.answered();
      }),
    [store, queue],
  );

  const range = timelineRange(timeline, time);
  const shown = dragTime === null ? range : { ...range, value: Math.min(range.max, dragTime) };
  const isPast = timeline?.isPast ?? false;
  const isEmpty = range.max <= range.min;

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const t = Number(e.target.value);
    setDragTime(t);
    queue.request(t);
  };
  const endDrag = () => setDragTime(null);

  return (
    <div className={isPast ? 'timeline is-past' : 'timeline'}>
      <span className="timeline-edge mono" aria-hidden="true">
        {formatSimTime(range.min)}
      </span>
      <input
        type="range"
        className="timeline-slider"
        aria-label="Timeline"
        aria-describedby={hintId}
        aria-valuetext={timelineValueText(shown)}
        min={range.min}
        max={isEmpty ? range.min + SLIDER_STEP_MS : range.max}
        step={SLIDER_STEP_MS}
        value={shown.value}
        disabled={!timeline || isEmpty}
        onChange={onChange}
        onPointerUp={endDrag}
        onKeyUp={endDrag}
        onBlur={endDrag}
      />
      <span className="timeline-edge mono" aria-hidden="true">
        {formatSimTime(range.max)}
      </span>
      <p
        id={hintId}
        className="timeline-status"
        aria-live="polite"
        title={isPast ? 'A command sent now forks the run: the later changes are discarded.' : undefined}
      >
        {isPast && time !== undefined ? (
          <>
            <strong>Viewing the past</strong> ({behindLatest(time, range.max)})
          </>
        ) : (
          <span className="muted">Drag to look back · {timeline?.commandCount ?? 0} changes recorded</span>
        )}
      </p>
      {isPast && (
        <button type="button" onClick={() => client.send({ type: CommandType.seek, time: range.max })}>
          Back to latest
        </button>
      )}
      {run && (
        <span className="muted mono run-seed" title="The same scenario, seed and commands give the same run">
          seed {run.seed}
        </span>
      )}
    </div>
  );
}
