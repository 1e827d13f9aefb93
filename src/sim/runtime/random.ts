/**
 * The seeded random source: every chance in the simulation (scheduler ties, name suffixes, jitter, uids)
 * comes from here, so the same seed gives the same run everywhere.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

export class SeededRandom {
  private rng: JumpableRandomGenerator;

  constructor(seed: number, state?: readonly number[]) {
    this.rng = state ? xoroshiro128plusFromState(state) : xoroshiro128plus(seed | 0);
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.int(0, 0x3fffffff) / 0x40000000;
  }

  /** `base` milliseconds with up to ±`fraction` jitter, rounded to whole milliseconds. */
  jitter(baseMs: number, fraction: number): number {
    const spread = baseMs * fraction;
    return Math.max(0, Math.round(baseMs - spread + this.float() * 2 * spread));
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** `n` characters drawn from `alphabet`. */
  string(alphabet: string, n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }

  /** A version 4 UUID, as the API server writes into metadata.uid. */
  uuid(): string {
    const hex = '0123456789abcdef';
    const h = (n: number) => this.string(hex, n);
    const variant = hex[8 + this.int(0, 3)];
    return `${h(8)}-${h(4)}-4${h(3)}-${variant}${h(3)}-${h(12)}`;
  }

  /** The generator's state, for checkpoints. */
  state(): readonly number[] {
    return this.rng.getState();
  }

  /** Puts the generator back to a state from `state()` (a server-side dry run draws nothing for good). */
  restore(state: readonly number[]): void {
    this.rng = xoroshiro128plusFromState(state);
  }
}
