/**
 * The history reducer skips a pod whose snapshot object and readings are the ones it last saw. Whatever it
 * skips, the history must be the one it builds from copies (where nothing is shared): this runs the real
 * compare scenario through a script and folds each snapshot twice, as the client rebuilds it from the
 * worker's patches (unchanged objects shared with the snapshot before) and as an unshared copy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventType, SNAPSHOT_PATCH, createSnapshotDecoder, createSnapshotEncoder } from '../../../src/protocol';
import type { ClusterSnapshot, SnapshotEvent } from '../../../src/protocol';
import { startScenario } from '../../../src/sim/scenarios';
import { buildSnapshot } from '../../../src/sim/snapshot';
import { Terminal } from '../../../src/sim/terminal/terminal';
import { reduceHistory } from '../../../src/ui/history';
import type { History } from '../../../src/ui/history';

const INSERT = `"CREATE DATABASE shop; CREATE TABLE shop.orders (id INT); INSERT INTO shop.orders VALUES (1), (2)"`;

const ACTIONS = [
  'kubectl delete pod mysql-1 --wait=false',
  'kubectl delete pod mysql-0 --wait=false',
  `kubectl exec mysql-2 -- mysql -e ${INSERT}`,
  'kubectl scale statefulset mysql --replicas=4',
  'kubectl scale statefulset mysql --replicas=2',
  'kubectl scale deployment mysql-deploy --replicas=5',
  'kubectl rollout restart deployment/mysql-deploy',
  'kubectl rollout restart statefulset/mysql',
  'kubectl cordon node-1',
  'kubectl uncordon node-1',
  'sim node stop node-2',
  'sim node start node-2',
];

describe('the comparison history with shared objects', () => {
  it('is the history built from unshared copies, step for step', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...ACTIONS), fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 6 }),
        (script) => {
          const { cluster } = startScenario('compare', 1);
          const terminal = new Terminal(cluster, () => {});
          let shared: History | null = null;
          let copied: History | null = null;
          const encode = createSnapshotEncoder();
          const decoder = createSnapshotDecoder();
          /** The snapshot as the client's decoder hands it on. */
          const overTheWire = (snapshot: ClusterSnapshot): ClusterSnapshot => {
            const event: SnapshotEvent = { type: EventType.snapshot, scenario: 'compare', seed: 1, isPlaying: true, speed: 1, snapshot };
            const wire = structuredClone(encode(event));
            if (wire.type !== SNAPSHOT_PATCH) return decoder.full(wire as SnapshotEvent).snapshot;
            const decoded = decoder.patch(wire);
            if (decoded.ok !== true) throw new Error('patch not applied');
            return decoded.event.snapshot;
          };
          const fold = () => {
            const snapshot = buildSnapshot(cluster);
            shared = reduceHistory(shared, overTheWire(snapshot));
            copied = reduceHistory(copied, structuredClone(snapshot));
            expect(shared).toEqual(copied);
          };
          fold();
          for (const [line, seconds] of script) {
            terminal.feed(line);
            fold();
            for (let s = 0; s < seconds; s += 2) {
              cluster.advance(2000);
              fold();
            }
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 60_000);
});
