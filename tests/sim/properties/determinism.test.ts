// Property: the same scenario, seed and commands give byte-identical state (api.dump(), files.dump(),
// clock.now()) and terminal output after every command, across two runs in the same process.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/sim/api/meta';
import { PropertyRun, compareCommandArb, seedArb, webCommandArb, webSetArb } from './harness';
import type { Command, Setup } from './harness';

/** Where two runs first differ, for the failure message: the step and the first differing object. */
function explain(setup: Setup, commands: readonly Command[], step: number): string {
  const runs = [0, 1].map(() =>
    new PropertyRun(setup, { checkInvariants: false }).runAll(commands.slice(0, step + 1)),
  );
  const [a, b] = runs.map(
    (r) =>
      new Map<string, string>(
        r.cluster.api
          .dump()
          .objects.map((o: KubeObject) => [
            `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`,
            JSON.stringify(o),
          ]),
      ),
  );
  for (const k of new Set([...a!.keys(), ...b!.keys()])) {
    if (a!.get(k) !== b!.get(k))
      return `after step ${step} (${JSON.stringify(commands[step])}): ${k}\n  run 1: ${a!.get(k)}\n  run 2: ${b!.get(k)}`;
  }
  return `after step ${step} (${JSON.stringify(commands[step])}): files, clock or counters differ`;
}

function sameTwice(setup: Setup, commands: readonly Command[]): void {
  const [a, b] = [0, 1].map(() =>
    new PropertyRun(setup, { fingerprints: true, checkInvariants: false }).runAll(commands),
  );
  const step = a!.fingerprints.findIndex((f, i) => f !== b!.fingerprints[i]);
  if (step >= 0)
    expect.fail(`two runs of ${JSON.stringify(setup)} diverge ${explain(setup, commands, step)}`);
  expect(b!.log).toBe(a!.log);
}

describe('determinism: same seed and commands, same state', () => {
  it('compare scenario', () => {
    fc.assert(
      fc.property(seedArb, fc.array(compareCommandArb(), { minLength: 1, maxLength: 25 }), (seed, commands) =>
        sameTwice({ scenario: 'compare', seed }, commands),
      ),
      { numRuns: 60 },
    );
  });

  it.each(['OrderedReady', 'Parallel'] as const)('empty scenario with a %s StatefulSet', (policy) => {
    fc.assert(
      fc.property(
        seedArb,
        webSetArb(policy),
        fc.array(webCommandArb(), { minLength: 1, maxLength: 30 }),
        (seed, set, commands) => sameTwice({ scenario: 'empty', seed, set }, commands),
      ),
      { numRuns: 100 },
    );
  });
});
