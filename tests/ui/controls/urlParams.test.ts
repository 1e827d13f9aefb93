import { describe, expect, it } from 'vitest';
import type { ScenarioInfo } from '../../../src/protocol';
import {
  DEFAULT_SEED,
  readUrlParams,
  searchWithScenario,
  unknownScenarioProblem,
} from '../../../src/ui/controls/urlParams';
import type { UrlStart } from '../../../src/ui/controls/urlParams';

const defaults: UrlStart = { scenario: null, seed: DEFAULT_SEED, speed: 1, isPaused: false };

describe('readUrlParams', () => {
  it.each<[string, Partial<UrlStart>]>([
    ['', {}],
    ['?scenario=compare', { scenario: 'compare' }],
    ['?scenario=tutorial-basics&seed=-7', { scenario: 'tutorial-basics', seed: -7 }],
    ['?seed=42', { seed: 42 }],
    ['?paused=1', { isPaused: true }],
    ['?paused', { isPaused: true }],
    ['?paused=true', { isPaused: true }],
    ['?paused=0', { isPaused: false }],
    ['?speed=4', { speed: 4 }],
    ['?speed=0.25', { speed: 0.25 }],
    ['?speed=64x', { speed: 64 }],
    ['?paused=1&speed=4', { isPaused: true, speed: 4 }],
    ['?scenario=&seed=&speed=', {}],
  ])('%s starts cleanly', (search, start) => {
    expect(readUrlParams(search)).toEqual({ start: { ...defaults, ...start }, problems: [] });
  });

  it.each<[string, Partial<UrlStart>, string]>([
    [
      '?speed=abc',
      {},
      'Ignored speed="abc": the speed must be one of 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64. Using 1x.',
    ],
    [
      '?speed=3',
      {},
      'Ignored speed="3": the speed must be one of 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64. Using 1x.',
    ],
    [
      '?speed=-1',
      {},
      'Ignored speed="-1": the speed must be one of 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64. Using 1x.',
    ],
    [
      '?speed=1e1',
      {},
      'Ignored speed="1e1": the speed must be one of 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64. Using 1x.',
    ],
    [
      '?seed=abc',
      {},
      'Ignored seed="abc": the seed must be a whole number from -2147483647 to 2147483647. Using seed 1.',
    ],
    [
      '?seed=1.5',
      {},
      'Ignored seed="1.5": the seed must be a whole number from -2147483647 to 2147483647. Using seed 1.',
    ],
    [
      '?seed=99999999999999999999',
      {},
      'Ignored seed="99999999999999999999": the seed must be a whole number from -2147483647 to 2147483647. Using seed 1.',
    ],
    [
      '?paused=maybe',
      {},
      'Ignored paused="maybe": use paused=1 to start paused, or paused=0. Starting to play.',
    ],
    [
      '?scenario=Comp%20are',
      {},
      'Ignored scenario="Comp are": not a scenario name. Using the default scenario.',
    ],
    [
      `?scenario=${'x'.repeat(80)}`,
      {},
      `Ignored scenario="${'x'.repeat(40)}…": not a scenario name. Using the default scenario.`,
    ],
    [
      '?scenario=empty&speed=abc&paused=1',
      { scenario: 'empty', isPaused: true },
      'Ignored speed="abc": the speed must be one of 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64. Using 1x.',
    ],
  ])('%s is reported and ignored', (search, start, problem) => {
    expect(readUrlParams(search)).toEqual({ start: { ...defaults, ...start }, problems: [problem] });
  });

  it('reports every bad parameter', () => {
    expect(readUrlParams('?seed=x&speed=y&paused=z').problems).toHaveLength(3);
  });
});

describe('unknownScenarioProblem', () => {
  const scenarios: ScenarioInfo[] = [
    { name: 'compare', title: 'Deployment vs StatefulSet', description: '' },
    { name: 'empty', title: 'Empty cluster', description: '' },
  ];

  it.each<[string | null, ScenarioInfo[], string | null]>([
    [null, scenarios, null],
    ['empty', scenarios, null],
    ['nope', [], null],
    [
      'nope',
      scenarios,
      'Unknown scenario "nope": the scenarios are compare, empty. Started compare instead.',
    ],
  ])('%s', (name, list, expected) => {
    expect(unknownScenarioProblem(name, list, 'compare')).toBe(expected);
  });
});

describe('searchWithScenario', () => {
  it.each<[string, string, number, string]>([
    ['', 'empty', 1, '?scenario=empty&seed=1'],
    ['?scenario=compare&seed=3&paused=1&speed=4', 'stress', 3, '?scenario=stress&seed=3&paused=1&speed=4'],
    ['?speed=abc&paused=maybe&lesson=x', 'compare', 1, '?lesson=x&scenario=compare&seed=1'],
  ])('%s -> %s', (search, scenario, seed, expected) => {
    expect(searchWithScenario(search, scenario, seed)).toBe(expected);
  });
});
