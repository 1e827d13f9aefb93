/** A terminal on a fresh `empty` scenario that returns what each typed line printed. */
import type { Cluster } from '../../../../src/sim/cluster';
import { startScenario } from '../../../../src/sim/scenarios';
import { Terminal } from '../../../../src/sim/terminal/terminal';

export interface Shell {
  cluster: Cluster;
  /** Feeds one line and returns everything the terminal printed for it. */
  run(line: string): string;
}

export function shell(seed = 1): Shell {
  const { cluster } = startScenario('empty', seed);
  let out = '';
  const terminal = new Terminal(cluster, (t) => (out += t));
  return {
    cluster,
    run(line) {
      out = '';
      terminal.feed(line);
      return out;
    },
  };
}
