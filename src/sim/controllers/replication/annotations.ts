/**
 * The annotations that turn on application-level replication for a StatefulSet, as a database image's
 * entrypoint scripts and an operator would read them (mirrors the "Run a Replicated Stateful Application"
 * tutorial's configuration, expressed as annotations instead of ConfigMaps and init containers).
 */
import type { StatefulSet } from '../../api/apps';

/** `primary-replica`: ordinal 0 starts as the primary, every other pod clones and follows it. */
export const ANN_REPLICATION = 'playground.k8s.io/replication';
/** `"true"`: an operator watches the group and promotes a replica when the primary stops running. */
export const ANN_OPERATOR = 'playground.k8s.io/operator';
/** Written by the operator: the pod that is the primary now (absent: ordinal 0). */
export const ANN_PRIMARY = 'playground.k8s.io/primary';
/** How far behind the primary replicas apply writes, in seconds (default 2). */
export const ANN_LAG_SECONDS = 'playground.k8s.io/replication-lag-seconds';
/** How long a new replica takes to clone its predecessor's data, in seconds (default 5). */
export const ANN_CLONE_SECONDS = 'playground.k8s.io/clone-seconds';

/** The label the operator keeps on each running member: `primary` or `replica`. */
export const ROLE_LABEL = 'role';

/** The event source of the operator. */
export const OPERATOR_COMPONENT = 'mysql-operator';

/** How often the operator checks the primary, and how long the primary must be down before a failover. */
export const HEALTH_CHECK_MS = 5_000;
export const FAILOVER_AFTER_MS = 10_000;

export interface ReplicationConfig {
  operator: boolean;
  /** The pod the group treats as primary. */
  primary: string;
  lagMs: number;
  cloneMs: number;
}

function seconds(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n >= 0 ? n * 1000 : fallback * 1000;
}

/** The set's replication configuration, or undefined when it has none. */
export function replicationConfig(set: StatefulSet): ReplicationConfig | undefined {
  const ann = set.metadata.annotations ?? {};
  if (ann[ANN_REPLICATION] !== 'primary-replica') return undefined;
  return {
    operator: ann[ANN_OPERATOR] === 'true',
    primary: ann[ANN_PRIMARY] ?? `${set.metadata.name}-${set.spec.ordinals?.start ?? 0}`,
    lagMs: seconds(ann[ANN_LAG_SECONDS], 2),
    cloneMs: seconds(ann[ANN_CLONE_SECONDS], 5),
  };
}
