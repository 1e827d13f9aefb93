/**
 * Random scripts of user actions on a real scenario, for properties that compare two ways of drawing or
 * folding the same run. Each step runs one action, then lets 1 to 40 simulated seconds pass in 2 s ticks.
 */
import fc from 'fast-check';
import { startScenario } from '../../src/sim/scenarios';
import { buildSnapshot } from '../../src/sim/snapshot';
import type { ClusterSnapshot } from '../../src/sim/snapshot';
import { Terminal } from '../../src/sim/terminal/terminal';

const INSERT = `"CREATE DATABASE shop; CREATE TABLE shop.orders (id INT); INSERT INTO shop.orders VALUES (1), (2)"`;

export const ACTIONS = [
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

export type Script = [line: string, seconds: number][];

export const scripts = fc.array(fc.tuple(fc.constantFrom(...ACTIONS), fc.integer({ min: 1, max: 40 })), {
  minLength: 1,
  maxLength: 6,
});

/** Runs `script` on the compare scenario, handing every snapshot (the start, after each action and tick) on. */
export function runScript(script: Script, onSnapshot: (snapshot: ClusterSnapshot) => void): void {
  const { cluster } = startScenario('compare', 1);
  const terminal = new Terminal(cluster, () => {});
  onSnapshot(buildSnapshot(cluster));
  for (const [line, seconds] of script) {
    terminal.feed(line);
    onSnapshot(buildSnapshot(cluster));
    for (let s = 0; s < seconds; s += 2) {
      cluster.advance(2000);
      onSnapshot(buildSnapshot(cluster));
    }
  }
}
