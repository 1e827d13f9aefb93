/**
 * Application-level replication in a StatefulSet, as the database and its operator do it (mirrors the
 * Kubernetes tutorial "Run a Replicated Stateful Application" – clone from the previous ordinal, then follow
 * the primary – and the failover loop of MySQL operators such as mysql-operator / Orchestrator).
 * Kubernetes itself never copies data between pods: every copy here is the database's own doing.
 *
 * - The primary (ordinal 0, or the pod the operator elected) accepts writes; each commit lands in its binary log.
 * - A replica with no data clones its predecessor (or the primary) after `cloneMs`, refusing connections
 *   meanwhile, then applies the primary's binary log `lagMs` after each commit (its own jittered lag).
 * - With the operator annotation, a primary that is not running for FAILOVER_AFTER_MS is replaced by the most
 *   up-to-date running replica (Events FailoverStarted / PrimaryElected, label role=primary); a returning old
 *   primary re-clones and follows. Without it, nobody is promoted and the replicas keep what they had.
 *
 * Simplified: asynchronous statement-based replication with GTIDs as consecutive numbers; a replica only
 * receives while the primary runs (no relay log buffering); no semi-sync, no errant-transaction detection.
 */
import type { StatefulSet } from '../../api/apps';
import type { Node, Pod } from '../../api/core';
import type { ClusterContext, Controller } from '../../runtime/controller';
import { jittered } from '../../runtime/controller';
import { WorkQueue, keyOf, splitKey } from '../../runtime/workqueue';
import { REPLICATION_CONTROLLER, apply, imageEngine, parseStatement, podDataDir } from '../../shell/database';
import type { DataDir, EngineLayout } from '../../shell/database';
import { isKubeletStopped } from '../../kubelet';
import { getOrdinal } from '../statefulset/statefulSetUtils';
import { ANN_REPLICATION, FAILOVER_AFTER_MS, HEALTH_CHECK_MS, ROLE_LABEL, replicationConfig } from './annotations';
import type { ReplicationConfig } from './annotations';
import { electPrimary } from './failover';

/** A member of the group: its pod and data directory (when the pod is running and reachable). */
export interface Member {
  pod: Pod;
  ordinal: number;
  dir: DataDir | undefined;
}

export function startReplicationController(ctx: ClusterContext): Controller {
  const { api } = ctx;
  const queue = new WorkQueue(ctx.clock, REPLICATION_CONTROLLER);
  /** Pod uids with a clone or apply timer pending. */
  const cloning = new Set<string>();
  const applying = new Set<string>();
  /** Per set: when the operator first saw the primary down, and whether a health check is scheduled. */
  const primaryDownSince = new Map<string, number>();
  const checking = new Set<string>();

  const enqueueOwner = (obj: Pod) => {
    const ref = obj.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'StatefulSet');
    if (ref) queue.add(`${obj.metadata.namespace}/${ref.name}`);
  };
  api.watch('StatefulSet', ({ object }) => queue.add(keyOf(object.metadata)));
  api.watch('Pod', ({ object }) => enqueueOwner(object as Pod));
  api.watch('Node', () => {
    for (const set of api.list<StatefulSet>('StatefulSet')) if (set.metadata.annotations?.[ANN_REPLICATION]) queue.add(keyOf(set.metadata));
  });

  /** True when the pod's database can be reached: running, not terminating, on a live node. */
  function serving(pod: Pod | undefined): pod is Pod {
    if (!pod || pod.metadata.deletionTimestamp || pod.status.phase !== 'Running' || !pod.spec.nodeName) return false;
    const node = api.get<Node>('Node', undefined, pod.spec.nodeName);
    const ready = node?.status.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
    return ready && !isKubeletStopped(ctx, pod.spec.nodeName);
  }

  function members(set: StatefulSet, layout: EngineLayout): Member[] {
    return api
      .list<Pod>('Pod', set.metadata.namespace)
      .filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === set.metadata.uid))
      .map((pod) => ({ pod, ordinal: getOrdinal(pod), dir: serving(pod) ? podDataDir(ctx, pod, layout) : undefined }))
      .sort((a, b) => a.ordinal - b.ordinal);
  }

  function sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const set = api.get<StatefulSet>('StatefulSet', namespace, name);
    const config = set && replicationConfig(set);
    const layout = set && set.spec.template.spec.containers.map((c) => imageEngine(c.image)).find((l) => l);
    if (!set || !config || !layout) {
      primaryDownSince.delete(key);
      return;
    }
    const group = members(set, layout);
    const primary = group.find((m) => m.pod.metadata.name === config.primary);
    if (primary?.dir) {
      primaryDownSince.delete(key);
      ensurePrimary(primary.dir);
    } else if (config.operator && group.length) {
      if (failover(key, set, config, group)) return;
    }
    for (const m of group) {
      if (!m.dir || m === primary) continue;
      syncReplica(key, config, m, group, primary?.dir ? primary : undefined);
    }
    if (config.operator) {
      labelRoles(config, group);
      if (!checking.has(key)) {
        checking.add(key);
        ctx.clock.after(HEALTH_CHECK_MS, `${REPLICATION_CONTROLLER} health check ${key}`, () => {
          checking.delete(key);
          queue.add(key);
        });
      }
    }
  }

  function ensurePrimary(dir: DataDir): void {
    if (!dir.isInitialized()) dir.initialize(ctx.random.uuid());
    if (dir.replication()?.role !== 'primary') dir.setReplication({ role: 'primary' });
  }

  function syncReplica(key: string, config: ReplicationConfig, m: Member, group: Member[], primary: Member | undefined): void {
    const dir = m.dir!;
    const state = dir.replication();
    if (!state || state.role === 'primary') {
      // A new member, or an old primary coming back after another was elected: it starts over from a clone.
      dir.setReplication({ role: 'replica', state: 'cloning', source: config.primary });
    }
    const current = dir.replication()!;
    if (current.state === 'cloning') return scheduleClone(key, config, m, group, primary);
    if (current.source !== config.primary) dir.setReplication({ ...current, source: config.primary });
    if (primary) scheduleApply(key, m, primary);
  }

  /** The member a new replica copies: its predecessor when that one serves data, else the primary. */
  function cloneSource(m: Member, group: Member[], primary: Member | undefined): Member | undefined {
    const before = group.filter((o) => o.ordinal < m.ordinal && o.dir && o.dir.replication()?.state !== 'cloning');
    return before[before.length - 1] ?? primary;
  }

  function scheduleClone(key: string, config: ReplicationConfig, m: Member, group: Member[], primary: Member | undefined): void {
    const uid = m.pod.metadata.uid;
    if (cloning.has(uid) || !cloneSource(m, group, primary)) return;
    cloning.add(uid);
    ctx.clock.after(jittered(ctx, config.cloneMs), `${REPLICATION_CONTROLLER} clone ${m.pod.metadata.name}`, () => {
      cloning.delete(uid);
      const set = api.get<StatefulSet>('StatefulSet', m.pod.metadata.namespace, splitKey(key).name);
      const now = set && replicationConfig(set);
      const layout = set?.spec.template.spec.containers.map((c) => imageEngine(c.image)).find((l) => l);
      if (!set || !now || !layout) return;
      const fresh = members(set, layout);
      const self = fresh.find((o) => o.pod.metadata.uid === uid);
      const leader = fresh.find((o) => o.pod.metadata.name === now.primary && o.dir);
      const source = self?.dir && cloneSource(self, fresh, leader);
      if (self?.dir && source?.dir && self.dir.replication()?.state === 'cloning') {
        self.dir.cloneFrom(source.dir);
        self.dir.setReplication({ role: 'replica', state: 'following', source: now.primary, lagMs: jittered(ctx, now.lagMs) });
        ctx.trace.record(REPLICATION_CONTROLLER, keyOf(self.pod.metadata), 'clone', `cloned ${source.pod.metadata.name} (GTID 1-${source.dir.executedGtid()})`);
      }
      queue.add(key);
    });
  }

  /** Applies the primary's commits that are older than the replica's lag; waits for the next one. */
  function scheduleApply(key: string, m: Member, primary: Member): void {
    const dir = m.dir!;
    const lag = dir.replication()?.lagMs ?? 0;
    const executed = dir.executedGtid();
    const pending = primary.dir!.binlog().filter((e) => e.gtid > executed);
    const now = ctx.clock.now();
    let applied = 0;
    for (const entry of pending) {
      if (entry.t + lag > now) break;
      apply(dir, parseStatement(entry.sql, dir.layout.engine), entry);
      applied++;
    }
    if (applied) ctx.trace.record(REPLICATION_CONTROLLER, keyOf(m.pod.metadata), 'apply', `applied ${applied} transaction(s) from ${primary.pod.metadata.name}`);
    const next = pending[applied];
    const uid = m.pod.metadata.uid;
    if (!next || applying.has(uid)) return;
    applying.add(uid);
    ctx.clock.after(Math.max(1, next.t + lag - now), `${REPLICATION_CONTROLLER} apply ${m.pod.metadata.name}`, () => {
      applying.delete(uid);
      queue.add(key);
    });
  }

  /** The operator's failover: returns true when it changed the primary (the set is re-synced). */
  function failover(key: string, set: StatefulSet, config: ReplicationConfig, group: Member[]): boolean {
    const since = primaryDownSince.get(key);
    if (since === undefined) {
      primaryDownSince.set(key, ctx.clock.now());
      return false;
    }
    if (ctx.clock.now() - since < FAILOVER_AFTER_MS) return false;
    const elected = electPrimary(ctx, set, config, group);
    if (elected) primaryDownSince.delete(key);
    return elected;
  }

  /** Labels every member with its role; a lost old primary is labelled replica at once (it rejoins as one). */
  function labelRoles(config: ReplicationConfig, group: Member[]): void {
    for (const m of group) {
      if (m.pod.metadata.deletionTimestamp) continue;
      const role = m.pod.metadata.name === config.primary ? 'primary' : 'replica';
      if (m.pod.metadata.labels?.[ROLE_LABEL] === role) continue;
      api.mutate<Pod>('Pod', m.pod.metadata.namespace, m.pod.metadata.name, (d) => {
        d.metadata.labels = { ...d.metadata.labels, [ROLE_LABEL]: role };
      });
    }
  }

  return { name: REPLICATION_CONTROLLER, queue, sync };
}
