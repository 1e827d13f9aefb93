/**
 * Builds a cluster from a named scenario and seed: nodes, timings, the setup commands, the warm-up.
 */
import { Cluster } from '../cluster';
import { Terminal } from '../terminal/terminal';
import { DEFAULT_SCENARIO, SCENARIOS, findScenario } from './catalog';
import type { Scenario } from './types';

export { DEFAULT_SCENARIO, SCENARIOS, findScenario };
export type { Scenario };

export interface ScenarioRun {
  cluster: Cluster;
  scenario: Scenario;
  /** Output of the setup commands (for diagnosis; normally not shown). */
  setupOutput: string;
}

/** Starts `scenario` with `seed`. Throws Error naming the known scenarios when the name is unknown. */
export function startScenario(name: string, seed: number): ScenarioRun {
  const scenario = findScenario(name);
  if (!scenario) {
    throw new Error(`unknown scenario "${name}"; known scenarios: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  }
  const cluster = new Cluster({ seed, nodes: scenario.nodes, ...(scenario.timings ? { timings: scenario.timings } : {}) });
  let setupOutput = '';
  const terminal = new Terminal(cluster, (t) => (setupOutput += t));
  for (const line of scenario.setup) terminal.feed(line);
  if (terminal.exitCode !== 0) throw new Error(`scenario "${name}" failed to set up:\n${setupOutput}`);
  if (scenario.warmUpMs) cluster.advance(scenario.warmUpMs);
  return { cluster, scenario, setupOutput };
}
