/**
 * The history reducer skips a pod whose snapshot object and readings are the ones it last saw. Whatever it
 * skips, the history must be the one it builds from copies (where nothing is shared): this runs the real
 * compare scenario through random scripts and folds each snapshot twice, as the client rebuilds it from
 * the worker's patches (unchanged objects shared with the snapshot before) and as an unshared copy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reduceHistory } from '../../../src/ui/history';
import type { History } from '../../../src/ui/history';
import { runScript, scripts } from '../scriptedRun';
import { overTheWire } from '../wire';

describe('the comparison history with shared objects', () => {
  it('is the history built from unshared copies, step for step', () => {
    fc.assert(
      fc.property(scripts, (script) => {
        const wire = overTheWire();
        let shared: History | null = null;
        let copied: History | null = null;
        runScript(script, (snapshot) => {
          shared = reduceHistory(shared, wire(snapshot));
          copied = reduceHistory(copied, structuredClone(snapshot));
          expect(shared).toEqual(copied);
        });
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});
