/** What the page's URL asks for: `?scenario=<name>&seed=<integer>`. */

/** The seed used when the URL names none (or an invalid one). */
export const DEFAULT_SEED = 1;

export interface StartParams {
  /** The scenario the URL names, or null for the default one. */
  scenario: string | null;
  seed: number;
}

/** Reads the scenario and seed from a query string such as `?scenario=compare&seed=7`. */
export function readStartParams(search: string): StartParams {
  const params = new URLSearchParams(search);
  const scenario = params.get('scenario')?.trim() || null;
  const seedText = params.get('seed')?.trim() ?? '';
  const seed =
    /^-?\d+$/.test(seedText) && Number.isSafeInteger(Number(seedText)) ? Number(seedText) : DEFAULT_SEED;
  return { scenario, seed };
}
