/**
 * A scenario: a named, seeded starting point (the cluster's nodes, timings, and the objects applied at
 * the start), shared by the UI, the lessons, the tests and the transcript runner.
 */
import type { Timings } from '../runtime/controller';

export interface NodeDefinition {
  name: string;
  zone: string;
  /** Extra labels beside the standard ones. */
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
  /** Pod capacity (default 110). */
  maxPods?: number;
}

export interface Scenario {
  name: string;
  title: string;
  description: string;
  nodes: NodeDefinition[];
  timings?: Partial<Timings>;
  /** kubectl lines run at the start (usually `kubectl apply -f -` with here-documents, or bundled files). */
  setup: string[];
  /** Simulated milliseconds to run after setup before the user takes over (0: start as the setup leaves it). */
  warmUpMs?: number;
}
