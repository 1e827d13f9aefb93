/** Small word helpers for the comparison panel's sentences. */

/** How many names a sentence lists before it counts the rest (a workload can have hundreds of pods). */
export const LISTED_NAMES = 8;

/** `a`, `a and b`, `a, b and c`; past LISTED_NAMES, `a, b, ... and 142 more`. */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length > LISTED_NAMES) {
    const shown = items.slice(0, LISTED_NAMES - 1);
    return `${shown.join(', ')} and ${items.length - shown.length} more`;
  }
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `1 row`, `3 rows`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Seconds between two simulated times, rounded: `12s`, `2m 5s`. */
export function duration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m ? `${m}m ${s}s` : `${s}s`;
}

/** The random suffix of a Deployment pod name (`x4k2p` of `mysql-deploy-6d9c8b7f5-x4k2p`). */
export function podSuffix(name: string): string {
  return name.slice(name.lastIndexOf('-') + 1);
}

/** Ends `text` with a full stop (names stay as Kubernetes spells them: `mysql-1 is Running`). */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
