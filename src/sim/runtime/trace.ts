/**
 * The trace: what each controller read, wrote and why, so the UI can answer "why did this happen?".
 * A bounded ring of plain records.
 */
import type { VirtualClock } from './clock';

export interface TraceRecord {
  /** Simulated milliseconds. */
  at: number;
  controller: string;
  key: string;
  action: string;
  detail: string;
}

export class Trace {
  private records: TraceRecord[] = [];

  constructor(
    private readonly clock: VirtualClock,
    private readonly limit = 5000,
  ) {}

  record(controller: string, key: string, action: string, detail = ''): void {
    this.records.push({ at: this.clock.now(), controller, key, action, detail });
    if (this.records.length > this.limit * 1.25) this.records = this.records.slice(-this.limit);
  }

  /** Records since simulated time `since` (inclusive). */
  since(since: number): TraceRecord[] {
    return this.records.filter((r) => r.at >= since);
  }

  all(): readonly TraceRecord[] {
    return this.records;
  }
}
