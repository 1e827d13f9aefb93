// Property: in the `compare` scenario (OrderedReady StatefulSet mysql with a PVC per pod, Deployment
// mysql-deploy), random sequences of scale, delete pod (graceful or forced), advance time, write files via
// exec, cordon, stop/start kubelets and rollouts keep every invariant of tests/support/invariants.ts,
// checked after every command and every timer.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { PropertyRun, compareCommandArb, seedArb } from './harness';

describe('compare scenario under random commands', () => {
  it('keeps identity, OrderedReady, ReadWriteOnce, PVC retention and volume files invariants', () => {
    fc.assert(
      fc.property(
        seedArb,
        fc.array(compareCommandArb(), { minLength: 1, maxLength: 30 }),
        (seed, commands) => {
          new PropertyRun({ scenario: 'compare', seed }).runAll(commands);
        },
      ),
      { numRuns: 500 },
    );
  });
});
