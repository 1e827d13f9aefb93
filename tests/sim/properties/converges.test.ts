// Property (liveness): whatever random commands did, once an operator ends every disturbance (`heal`:
// kubelets started, nodes uncordoned, a good image, not-Ready set pods deleted), the cluster converges within
// fifteen simulated minutes: the StatefulSet has exactly its ordinals Running and Ready, the Deployment its
// replicas, nothing is stuck terminating, every PVC is Bound, and no volume stays attached or mounted where no
// pod needs it. Invariants are checked throughout, as in the other properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PropertyRun, compareCommandArb, seedArb, webCommandArb, webSetArb } from './harness';

describe('convergence after healing', () => {
  it('compare scenario', () => {
    fc.assert(
      fc.property(
        seedArb,
        fc.array(compareCommandArb(), { minLength: 1, maxLength: 25 }),
        (seed, commands) => {
          expect(
            new PropertyRun({ scenario: 'compare', seed }).runAll(commands).heal().convergenceProblems(),
          ).toEqual([]);
        },
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
        (seed, set, commands) => {
          expect(
            new PropertyRun({ scenario: 'empty', seed, set }).runAll(commands).heal().convergenceProblems(),
          ).toEqual([]);
        },
      ),
      { numRuns: 120 },
    );
  });
});
