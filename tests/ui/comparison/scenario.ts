/** Drives the real `compare` scenario through a terminal and folds each snapshot into a history. */
import { startScenario } from '../../../src/sim/scenarios';
import { buildSnapshot } from '../../../src/sim/snapshot';
import type { ClusterSnapshot } from '../../../src/sim/snapshot';
import { Terminal } from '../../../src/sim/terminal/terminal';
import { reduceHistory } from '../../../src/ui/history';
import type { History } from '../../../src/ui/history';

export interface Run {
  history: History;
  snapshot: ClusterSnapshot;
  output: string;
  /** Runs terminal lines, then folds the snapshot in. */
  run(...lines: string[]): void;
  /** Advances simulated time in steps of `stepMs`, folding a snapshot after each. */
  advance(ms: number, stepMs?: number): void;
}

export function compareRun(scenario = 'compare', seed = 1): Run {
  const { cluster } = startScenario(scenario, seed);
  let output = '';
  const terminal = new Terminal(cluster, (text) => (output += text));
  const self: Run = {
    snapshot: buildSnapshot(cluster),
    history: null as unknown as History,
    get output() {
      return output;
    },
    run(...lines) {
      for (const line of lines) terminal.feed(line);
      self.snapshot = buildSnapshot(cluster);
      self.history = reduceHistory(self.history, self.snapshot);
    },
    advance(ms, stepMs = 500) {
      for (let t = 0; t < ms; t += stepMs) {
        cluster.advance(Math.min(stepMs, ms - t));
        self.snapshot = buildSnapshot(cluster);
        self.history = reduceHistory(self.history, self.snapshot);
      }
    },
  };
  self.history = reduceHistory(null, self.snapshot);
  return self;
}
