/**
 * A digest of the whole simulated state: every object, every volume's files, the clock and the random
 * source. Two runs with the same scenario, seed and commands have the same digest, in Node and in the
 * browser; `sim digest` prints it so a person (or a test) can compare runs.
 */
import type { Cluster } from './cluster';

/** 64-bit FNV-1a over the UTF-16 code units of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & mask;
  }
  return h.toString(16).padStart(16, '0');
}

/** The canonical text of the state: objects in store order, files sorted, clock, random state. */
export function stateText(cluster: Cluster): string {
  return JSON.stringify({
    now: cluster.now(),
    api: cluster.api.dump(),
    files: cluster.ctx.files.dump(),
    random: cluster.ctx.random.state(),
  });
}

export function stateDigest(cluster: Cluster): string {
  return fnv1a64(stateText(cluster));
}
