// Property: a StatefulSet `web` (nginx, a PVC per pod from the template www) applied to the `empty`
// scenario with a random persistentVolumeClaimRetentionPolicy, separately under OrderedReady and Parallel
// (podManagementPolicy is immutable), keeps every invariant of tests/support/invariants.ts under random
// scale, delete pod, delete PVC, delete and re-apply the set, writes via exec, cordon, stop/start kubelets,
// rollouts and advancing time.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { PropertyRun, seedArb, webCommandArb, webSetArb } from './harness';
import type { PodManagementPolicy } from './harness';

describe.each<PodManagementPolicy>(['OrderedReady', 'Parallel'])(
  'StatefulSet web with podManagementPolicy %s under random commands',
  (policy) => {
    it('keeps identity, OrderedReady, ReadWriteOnce, PVC retention and volume files invariants', () => {
      fc.assert(
        fc.property(
          seedArb,
          webSetArb(policy),
          fc.array(webCommandArb(), { minLength: 1, maxLength: 30 }),
          (seed, set, commands) => {
            new PropertyRun({ scenario: 'empty', seed, set }).runAll(commands);
          },
        ),
        { numRuns: 800 },
      );
    });
  },
);
