/** How the controls write simulated time. */
import type { TimelineInfo } from '../../protocol';
import { formatSimTime } from '../format';

export { formatSimTime };

/** The Timeline control's range: from the scenario start to the latest time (never empty or reversed). */
export interface TimelineRange {
  min: number;
  max: number;
  value: number;
}

/** The slider's range and position for a snapshot at `time` on `timeline`. */
export function timelineRange(timeline: TimelineInfo | null, time: number | undefined): TimelineRange {
  const now = time ?? 0;
  const min = timeline ? Math.min(timeline.start, now) : now;
  const max = Math.max(timeline?.latest ?? now, now, min);
  return { min, max, value: Math.min(max, Math.max(min, now)) };
}

/** What a screen reader says for the slider: `00:01:23 of 00:05:00`, plus `(latest)` at the end. */
export function timelineValueText(range: TimelineRange): string {
  const position = `${formatSimTime(range.value)} of ${formatSimTime(range.max)}`;
  return range.value >= range.max ? `${position} (latest)` : position;
}

/** How far the viewed past lies behind the latest time, in words: `2 min 5 s earlier`. */
export function behindLatest(time: number, latest: number): string {
  const seconds = Math.max(0, Math.round((latest - time) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts = [h ? `${h} h` : '', m ? `${m} min` : '', s || (!h && !m) ? `${s} s` : ''].filter(Boolean);
  return `${parts.join(' ')} earlier`;
}
