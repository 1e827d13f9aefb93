/**
 * The page's URL parameters: `?scenario=<name>&seed=<integer>&paused=1&speed=<0.25..64>`. Every value is
 * checked; a bad one is ignored with a message saying what was wrong and what was used instead, so a
 * mistyped link still starts a clean playground.
 */
import type { ScenarioInfo } from '../../protocol';
import { DEFAULT_SPEED, SPEEDS, formatSpeed, isSpeed } from './speeds';

/** The seed used when the URL names none (or an invalid one). */
export const DEFAULT_SEED = 1;

/** The largest seed accepted (the seeded random source takes 32-bit integers). */
export const MAX_SEED = 2 ** 31 - 1;

export interface UrlStart {
  /** The scenario the URL names, or null for the worker's default. */
  scenario: string | null;
  seed: number;
  speed: number;
  isPaused: boolean;
}

export interface UrlParams {
  start: UrlStart;
  /** One sentence per ignored parameter. */
  problems: string[];
}

const SCENARIO_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Quotes a URL value for a message, shortened so a pasted essay does not fill the screen. */
function quote(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(short);
}

function readSeed(text: string | null, problems: string[]): number {
  if (text === null || text.trim() === '') return DEFAULT_SEED;
  const value = text.trim();
  if (/^-?\d+$/.test(value) && Math.abs(Number(value)) <= MAX_SEED) return Number(value);
  problems.push(
    `Ignored seed=${quote(text)}: the seed must be a whole number from -${MAX_SEED} to ${MAX_SEED}. Using seed ${DEFAULT_SEED}.`,
  );
  return DEFAULT_SEED;
}

function readSpeed(text: string | null, problems: string[]): number {
  if (text === null || text.trim() === '') return DEFAULT_SPEED;
  const value = text.trim().replace(/x$/i, '');
  const speed = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (isSpeed(speed)) return speed;
  problems.push(
    `Ignored speed=${quote(text)}: the speed must be one of ${SPEEDS.join(', ')}. Using ${formatSpeed(DEFAULT_SPEED)}.`,
  );
  return DEFAULT_SPEED;
}

function readPaused(text: string | null, problems: string[]): boolean {
  if (text === null) return false;
  const value = text.trim().toLowerCase();
  if (value === '' || value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  problems.push(
    `Ignored paused=${quote(text)}: use paused=1 to start paused, or paused=0. Starting to play.`,
  );
  return false;
}

function readScenario(text: string | null, problems: string[]): string | null {
  if (text === null || text.trim() === '') return null;
  const value = text.trim();
  if (SCENARIO_NAME.test(value)) return value;
  problems.push(`Ignored scenario=${quote(text)}: not a scenario name. Using the default scenario.`);
  return null;
}

/** Reads and checks the start parameters of a query string such as `?scenario=compare&seed=7`. */
export function readUrlParams(search: string): UrlParams {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const start: UrlStart = {
    scenario: readScenario(params.get('scenario'), problems),
    seed: readSeed(params.get('seed'), problems),
    speed: readSpeed(params.get('speed'), problems),
    isPaused: readPaused(params.get('paused'), problems),
  };
  return { start, problems };
}

/**
 * The message for a scenario name the worker does not know (null when it knows it, or none was named).
 * The worker then starts its default scenario.
 */
export function unknownScenarioProblem(
  name: string | null,
  scenarios: readonly ScenarioInfo[],
  defaultScenario: string | null,
): string | null {
  if (name === null || scenarios.length === 0 || scenarios.some((s) => s.name === name)) return null;
  const known = scenarios.map((s) => s.name).join(', ');
  return `Unknown scenario ${quote(name)}: the scenarios are ${known}. Started ${defaultScenario ?? 'the default'} instead.`;
}

/**
 * The query string after picking `scenario` with `seed`: other parameters stay, except a bad `speed` or
 * `paused` (reported and ignored at start, so not worth keeping in a link someone copies).
 */
export function searchWithScenario(search: string, scenario: string, seed: number): string {
  const params = new URLSearchParams(search);
  params.set('scenario', scenario);
  params.set('seed', String(seed));
  const checks = [
    ['speed', readSpeed],
    ['paused', readPaused],
  ] as const;
  for (const [name, read] of checks) {
    const problems: string[] = [];
    read(params.get(name), problems);
    if (problems.length > 0) params.delete(name);
  }
  return `?${params.toString()}`;
}
