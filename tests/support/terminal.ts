/**
 * A terminal on a fresh scenario for tests: `run(line)` returns what the line printed.
 */
import type { Cluster } from '../../src/sim/cluster';
import { startScenario } from '../../src/sim/scenarios';
import { Terminal } from '../../src/sim/terminal/terminal';

export interface TestTerminal {
  cluster: Cluster;
  terminal: Terminal;
  /** Feeds lines (a here-document's lines included) and returns everything printed meanwhile. */
  run(...lines: string[]): string;
}

export function testTerminal(scenario = 'empty', seed = 1): TestTerminal {
  const { cluster } = startScenario(scenario, seed);
  let out = '';
  const terminal = new Terminal(cluster, (t) => (out += t));
  return {
    cluster,
    terminal,
    run(...lines) {
      out = '';
      for (const line of lines) terminal.feed(line);
      return out;
    },
  };
}

/** A state fingerprint: every object and every file, for "nothing changed" checks. */
export function stateOf(cluster: Cluster): string {
  const { objects } = cluster.api.dump();
  return JSON.stringify({ objects: objects.filter((o) => o.kind !== 'Event'), files: cluster.ctx.files.dump() });
}
