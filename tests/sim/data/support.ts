/** Shared helpers for the data tests: a cluster from a scenario and a terminal that returns each line's output. */
import type { Cluster } from '../../../src/sim/cluster';
import { startScenario } from '../../../src/sim/scenarios';
import { Terminal } from '../../../src/sim/terminal/terminal';

export interface Shell {
  cluster: Cluster;
  /** Runs host shell lines (kubectl, sleep, here-documents) one by one and returns what they printed. */
  run(line: string): string;
}

export function shell(scenario: string, seed = 1): Shell {
  const { cluster } = startScenario(scenario, seed);
  let out = '';
  const terminal = new Terminal(cluster, (t) => (out += t));
  return {
    cluster,
    run(line) {
      out = '';
      for (const l of line.split('\n')) terminal.feed(l);
      return out;
    },
  };
}

/** The `kubectl exec POD -- mysql -e SQL` line. */
export function mysql(pod: string, sql: string, flags = ''): string {
  return `kubectl exec ${pod} -- mysql ${flags}${flags ? ' ' : ''}-e "${sql}"`;
}

export const PATCH_REPLICATION = `kubectl patch sts mysql -p '{"metadata":{"annotations":{"playground.k8s.io/replication":"primary-replica"}}}'`;
export const PATCH_OPERATOR = `kubectl patch sts mysql -p '{"metadata":{"annotations":{"playground.k8s.io/replication":"primary-replica","playground.k8s.io/operator":"true"}}}'`;
