/**
 * The operator's election (mirrors the recovery step of MySQL operators / Orchestrator: promote the replica
 * with the most executed transactions, repoint the others): promotes the most up-to-date running replica,
 * records the choice on the StatefulSet, and reports it as Events from `mysql-operator`.
 *
 * Simplified: ties go to the lowest ordinal; the old primary is not fenced (it re-clones when it returns).
 */
import type { StatefulSet } from '../../api/apps';
import type { ClusterContext } from '../../runtime/controller';
import { ANN_PRIMARY, OPERATOR_COMPONENT } from './annotations';
import type { ReplicationConfig } from './annotations';
import type { Member } from './replicationController';

/** Promotes the best replica; returns false (and warns) when no running replica can take over. */
export function electPrimary(ctx: ClusterContext, set: StatefulSet, config: ReplicationConfig, group: Member[]): boolean {
  const candidates = group.filter((m) => m.dir && m.pod.metadata.name !== config.primary && m.dir.replication()?.state === 'following');
  const event = (type: 'Normal' | 'Warning', reason: string, message: string) =>
    ctx.recorder.record(set, type, reason, message, { component: OPERATOR_COMPONENT });
  const best = candidates.reduce<Member | undefined>((a, m) => (!a || m.dir!.executedGtid() > a.dir!.executedGtid() ? m : a), undefined);
  if (!best) {
    event('Warning', 'FailoverFailed', `Primary ${config.primary} is not running and no replica is available to promote`);
    return false;
  }
  const name = best.pod.metadata.name;
  const gtid = best.dir!.executedGtid();
  event('Warning', 'FailoverStarted', `Primary ${config.primary} is not running; promoting the most up-to-date replica`);
  best.dir!.setReplication({ role: 'primary' });
  ctx.api.mutate<StatefulSet>('StatefulSet', set.metadata.namespace, set.metadata.name, (d) => {
    d.metadata.annotations = { ...d.metadata.annotations, [ANN_PRIMARY]: name };
  });
  event('Normal', 'PrimaryElected', `Promoted ${name} to primary (executed GTID set 1-${gtid})`);
  ctx.trace.record(OPERATOR_COMPONENT, `${set.metadata.namespace}/${set.metadata.name}`, 'failover', `${config.primary} -> ${name}`);
  return true;
}
