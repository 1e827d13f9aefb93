/**
 * Time travel for a session: the command log and the runs built from it.
 *
 * The simulation is deterministic (same scenario + seed + commands => the same state), so the log of
 * commands that changed the cluster, each with the simulated time it started and ended, is the whole
 * history. A past state is rebuilt, not stored: start the scenario afresh and replay the log. Clusters
 * hold closures (timers, watches), so they cannot be cloned for checkpoints; instead the present run is
 * kept aside while the past is viewed (seeking back to the present costs nothing), and seeking forward
 * within the past replays only the entries in between.
 *
 * The log keeps every advance of the clock as it happened (each play tick, each step), because the
 * cluster batches timers into reconcile windows cut at the end of each advance: replaying one long
 * advance instead of many short ones could reorder work. A past state is therefore always one the
 * playground actually showed: seeking to `t` lands on the last entry boundary at or before `t` (see
 * `countUntil` for commands that took no time).
 */
import type { SimCommand, TimelineInfo } from '../protocol';

/** One recorded command: what was sent, and the simulated times it started and ended at. */
export interface LogEntry extends Span {
  command: SimCommand;
}

/** How a run is started and how a logged command is replayed on it (supplied by the session). */
export interface Replayer<R> {
  /** A fresh run at the scenario's start state. */
  start(): R;
  /** Applies one logged command to `run`, printing and posting nothing. */
  apply(run: R, command: SimCommand): void;
  /** The run's simulated time. */
  now(run: R): number;
}

/** When a logged command started and ended. Spans follow each other: each starts where the last ended. */
export interface Span {
  at: number;
  end: number;
}

/**
 * How many entries the state at time `t` includes. Past states are the ones that were shown: every
 * entry that ended before `t`, and one that moved the clock to exactly `t`. Commands that took no time
 * and ran at `t` itself are not included (the state at `t` is the one they started from), except at
 * the latest time, which is the present and includes everything.
 */
export function countUntil(spans: readonly Span[], t: number): number {
  const latest = spans.at(-1)?.end;
  if (latest === undefined || t >= latest) return spans.length;
  const isIncluded = (s: Span) => s.end < t || (s.end === t && s.at < s.end);
  // Spans ascend, and at one instant a clock-moving entry comes before the instant ones: binary search.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isIncluded(spans[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What a seek replays: entries [from, to) on the current run, or on a fresh one when `rebuild`. */
export interface SeekPlan {
  rebuild: boolean;
  from: number;
  to: number;
}

/**
 * Plans a seek from a run that includes the first `applied` entries to time `t`: forward within the
 * log replays only the entries in between; backward rebuilds from the start.
 */
export function planSeek(spans: readonly Span[], applied: number, t: number): SeekPlan {
  const to = countUntil(spans, t);
  return to >= applied ? { rebuild: false, from: applied, to } : { rebuild: true, from: 0, to };
}

/**
 * The log and the run it is viewed at. In the present, `run` includes every entry; after a seek back,
 * `run` includes a prefix and the present run waits aside until the view returns to it.
 */
export class Timeline<R> {
  private readonly entries: LogEntry[] = [];
  private current: R;
  /** The present run, kept while the past is viewed (undefined when it has to be replayed). */
  private present: R | undefined;
  /** How many entries `current` includes. */
  private applied = 0;
  /** A command running right now (between `begin` and `commit`): counted, so its snapshot says so. */
  private running: { command: SimCommand; at: number } | undefined;

  constructor(
    private readonly replayer: Replayer<R>,
    first: R,
    /** The simulated time of the scenario's start state. */
    readonly start: number,
  ) {
    this.current = first;
  }

  /** The run the session shows and acts on. */
  get run(): R {
    return this.current;
  }

  /** How many log entries the viewed run includes (all of them in the present). */
  get appliedCount(): number {
    return this.applied;
  }

  get isPast(): boolean {
    return this.applied < this.entries.length;
  }

  get length(): number {
    return this.entries.length;
  }

  /** The end of the last entry: the newest time the run reached. */
  get latest(): number {
    return this.entries.at(-1)?.end ?? this.start;
  }

  /** The recorded entries, oldest first (read-only). */
  log(): readonly LogEntry[] {
    return this.entries;
  }

  info(): TimelineInfo {
    return {
      start: this.start,
      latest: Math.max(this.latest, this.replayer.now(this.current)),
      isPast: this.isPast,
      commandCount: this.entries.length + (this.running ? 1 : 0),
    };
  }

  /** A command starts running on the present run at `at`; `commit` logs it, `abort` forgets it. */
  begin(command: SimCommand, at: number): void {
    if (this.isPast) throw new Error('cannot record a command while viewing the past: fork first');
    this.running = { command, at };
  }

  /** The running command finished at `end`: it enters the log. */
  commit(end: number): void {
    if (!this.running) return;
    this.entries.push({ ...this.running, end });
    this.running = undefined;
    this.applied = this.entries.length;
  }

  /** The running command failed: it stays out of the log (a rebuild leaves it out too). */
  abort(): void {
    this.running = undefined;
  }

  /** Appends a command that ran on the present run from `at` to `end`. */
  record(command: SimCommand, at: number, end: number): void {
    this.begin(command, at);
    this.commit(end);
  }

  /** Makes the viewed past the present: the entries after it are dropped. No-op in the present. */
  fork(): void {
    if (!this.isPast) return;
    this.entries.length = this.applied;
    this.present = undefined;
  }

  /** Views the run at the last recorded state at or before `t` (the present for `t` >= latest). */
  seek(t: number): void {
    const plan = planSeek(this.entries, this.applied, t);
    if (plan.to === this.entries.length && this.present !== undefined) {
      this.current = this.present;
      this.present = undefined;
      this.applied = plan.to;
      return;
    }
    if (!plan.rebuild) {
      this.replay(this.current, plan.from, plan.to);
      this.applied = plan.to;
      return;
    }
    // Backward: only ever into the past (to < applied). Leaving the present keeps it aside.
    const run = this.replayer.start();
    this.replay(run, 0, plan.to);
    if (!this.isPast) this.present = this.current;
    this.current = run;
    this.applied = plan.to;
  }

  /** Moves the view one recorded entry forward. Returns false when already in the present. */
  followNext(): boolean {
    if (!this.isPast) return false;
    if (this.applied + 1 === this.entries.length && this.present !== undefined) {
      this.current = this.present;
      this.present = undefined;
    } else {
      this.replay(this.current, this.applied, this.applied + 1);
    }
    this.applied++;
    return true;
  }

  /** The end time of the next recorded entry, or undefined in the present. */
  nextEnd(): number | undefined {
    return this.entries[this.applied]?.end;
  }

  /**
   * Rebuilds the viewed run from the start and the log (after a simulation error left it inconsistent).
   * The present is rebuilt later, on demand, from the same log.
   */
  rebuild(): void {
    const run = this.replayer.start();
    this.replay(run, 0, this.applied);
    this.current = run;
    this.present = undefined;
  }

  private replay(run: R, from: number, to: number): void {
    for (let i = from; i < to; i++) this.replayer.apply(run, this.entries[i]!.command);
  }
}
