// Mirrors client-go util/flowcontrol/backoff.go as the kubelet uses it for image pulls and container
// restarts (pkg/kubelet/kubelet.go: backOffPeriod 10s, MaxContainerBackOff 300s).
// Simplified: no jitter, no garbage collection of old entries beyond the reset after 2 x max of quiet.

/** Initial back-off of the kubelet's image pull and crash loop back-offs. */
export const INITIAL_BACKOFF_MS = 10_000;
/** MaxContainerBackOff: the back-off stops doubling at 5 minutes. */
export const MAX_BACKOFF_MS = 300_000;

interface Entry {
  backoffMs: number;
  lastUpdate: number;
}

/** Exponential back-off per key: 10s, 20s, 40s ... capped at 5m, on simulated milliseconds. */
export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly initialMs = INITIAL_BACKOFF_MS,
    private readonly maxMs = MAX_BACKOFF_MS,
  ) {}

  /** The current back-off of `key` (0 when it has none). */
  get(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  /** Records a failure at `at`: starts at the initial back-off, or doubles it. */
  next(key: string, at: number): void {
    const entry = this.entries.get(key);
    if (!entry || at - entry.lastUpdate > 2 * this.maxMs) {
      this.entries.set(key, { backoffMs: this.initialMs, lastUpdate: at });
      return;
    }
    entry.backoffMs = Math.min(entry.backoffMs * 2, this.maxMs);
    entry.lastUpdate = at;
  }

  /** True while `now` is within the back-off that started at the last update. */
  isInBackOffSinceUpdate(key: string, now: number): boolean {
    const entry = this.entries.get(key);
    return !!entry && now - entry.lastUpdate < entry.backoffMs;
  }

  /** True while `now` is within the back-off counted from `eventTime` (a container's finish time). */
  isInBackOffSince(key: string, eventTime: number, now: number): boolean {
    const entry = this.entries.get(key);
    return !!entry && now - eventTime < entry.backoffMs;
  }

  /** When the back-off started by the last failure of `key` ends (undefined when it has none). */
  expiresAt(key: string): number | undefined {
    const entry = this.entries.get(key);
    return entry ? entry.lastUpdate + entry.backoffMs : undefined;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }
}
