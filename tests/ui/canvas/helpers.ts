/** Shared builders for the canvas tests: a running scenario driven by kubectl lines, and its flow. */
import type { Cluster } from '../../../src/sim/cluster';
import { startScenario } from '../../../src/sim/scenarios';
import { buildSnapshot } from '../../../src/sim/snapshot';
import { Terminal } from '../../../src/sim/terminal/terminal';
import type { CanvasNode, Flow, LayoutState, PodView } from '../../../src/ui/canvas/model';
import { initialLayoutState } from '../../../src/ui/canvas/model';
import { snapshotToFlow } from '../../../src/ui/canvas/snapshotToFlow';

export interface Run {
  cluster: Cluster;
  /** Feeds one terminal line and returns what it printed. */
  sh(line: string): string;
  /** Draws the cluster now, remembering the layout between calls. */
  draw(): Flow;
}

export function run(scenario: string, seed = 1): Run {
  const { cluster } = startScenario(scenario, seed);
  let out = '';
  const terminal = new Terminal(cluster, (t) => (out += t));
  let layout: LayoutState = initialLayoutState;
  return {
    cluster,
    sh(line) {
      out = '';
      terminal.feed(line);
      return out;
    },
    draw() {
      const flow = snapshotToFlow(buildSnapshot(cluster), layout);
      layout = flow.layout;
      return flow;
    },
  };
}

/** The node with accessible name `label`. */
export function byLabel(flow: Flow, label: string): CanvasNode {
  const node = flow.nodes.find((n) => n.ariaLabel === label);
  if (!node)
    throw new Error(`no canvas node named "${label}"; have ${flow.nodes.map((n) => n.ariaLabel).join(', ')}`);
  return node;
}

export function podView(flow: Flow, name: string): PodView {
  const view = byLabel(flow, `Pod ${name}`).data;
  if (view.kind !== 'pod') throw new Error(`Pod ${name} has a ${view.kind} view`);
  return view;
}

/** The accessible name of a node's parent. */
export function parentLabel(flow: Flow, node: CanvasNode): string | undefined {
  return flow.nodes.find((n) => n.id === node.parentId)?.ariaLabel;
}
