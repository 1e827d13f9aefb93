/**
 * Mirrors pkg/controller/deployment/util/deployment_util.go (ResolveFenceposts, MaxSurge, MaxUnavailable,
 * NewRSNewReplicas, FindNewReplicaSet, FindOldReplicaSets, EqualIgnoreHash, IsSaturated, FindActiveOrLatest,
 * GetReplicaSetProportion, the replica counters) and the ReplicaSet sort orders of controller_utils.go, with
 * intstr.GetScaledValueFromIntOrPercent from apimachinery.
 *
 * Simplified: optional spec fields are read with their upstream defaults here (replicas 1, RollingUpdate,
 * maxSurge and maxUnavailable 25%) because defaulting may not have run; the PodReplacementPolicy (alpha,
 * off by default in 1.35) is left out.
 */
import type { Deployment, ReplicaSet } from '../../api/apps';
import type { PodTemplateSpec } from '../../api/core';
import { deepClone, deepEqual } from '../../apiserver/objects';
import { fromTimestamp } from '../../runtime/clock';
import { DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY, getMaxReplicasAnnotation, revisionOf } from './annotations';

/** spec.replicas, defaulting to 1. */
export function deploymentReplicas(d: Deployment): number {
  return d.spec.replicas ?? 1;
}

/** spec.replicas of a ReplicaSet, defaulting to 1. */
export function rsReplicas(rs: ReplicaSet): number {
  return rs.spec.replicas ?? 1;
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/**
 * intstr.GetScaledValueFromIntOrPercent: an int as is, or `N%` of `total` rounded up or down. Throws for a
 * string that is not a percentage.
 */
export function getScaledValueFromIntOrPercent(value: number | string, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  if (!value.endsWith('%')) throw new Error(`invalid type: string is not a percentage`);
  const text = value.slice(0, -1);
  if (!/^[+-]?\d+$/.test(text)) throw new Error(`invalid value for IntOrString: invalid value "${value}": strconv.Atoi: parsing "${text}": invalid syntax`);
  const scaled = (Number(text) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down, an absent value counts as 0, and when
 * both come out 0 maxUnavailable becomes 1 (a rollout must be able to move). Throws for an invalid value.
 */
export function resolveFenceposts(
  maxSurge: number | string | undefined,
  maxUnavailable: number | string | undefined,
  desired: number,
): { surge: number; unavailable: number } {
  const surge = getScaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  let unavailable = getScaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

function fenceposts(d: Deployment): { surge: number; unavailable: number } {
  const ru = d.spec.strategy?.rollingUpdate;
  try {
    return resolveFenceposts(ru?.maxSurge ?? '25%', ru?.maxUnavailable ?? '25%', deploymentReplicas(d));
  } catch {
    return { surge: 0, unavailable: 0 };
  }
}

/** The most pods above spec.replicas a rolling update may run (0 for Recreate). */
export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? fenceposts(d).surge : 0;
}

/** The most pods below spec.replicas a rolling update may leave unavailable (0 for Recreate), capped at replicas. */
export function maxUnavailable(d: Deployment): number {
  const replicas = deploymentReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(fenceposts(d).unavailable, replicas);
}

/** Sum of spec.replicas. */
export function getReplicaCountForReplicaSets(rss: readonly (ReplicaSet | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs ? rsReplicas(rs) : 0), 0);
}

/** Sum of status.replicas (the pods that actually exist and are active). */
export function getActualReplicaCountForReplicaSets(rss: readonly (ReplicaSet | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
}

export function getReadyReplicaCountForReplicaSets(rss: readonly (ReplicaSet | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
}

export function getAvailableReplicaCountForReplicaSets(rss: readonly (ReplicaSet | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);
}

/**
 * Sum of status.terminatingReplicas; a ReplicaSet the controller has not synced yet counts 0, and undefined
 * is returned when a synced one does not report the field.
 */
export function getTerminatingReplicaCountForReplicaSets(rss: readonly (ReplicaSet | undefined)[]): number | undefined {
  let total = 0;
  for (const rs of rss) {
    if (!rs) continue;
    const terminating = rs.status?.terminatingReplicas;
    if (terminating === undefined) {
      if (!rs.status?.observedGeneration) continue;
      return undefined;
    }
    total += terminating;
  }
  return total;
}

/** ReplicaSets with spec.replicas > 0 (FilterActiveReplicaSets). */
export function filterActiveReplicaSets(rss: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => !!rs && rsReplicas(rs) > 0);
}

/** Oldest first; equal creation times by name (ReplicaSetsByCreationTimestamp). */
export function compareByCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  const ta = fromTimestamp(a.metadata.creationTimestamp);
  const tb = fromTimestamp(b.metadata.creationTimestamp);
  if (ta !== tb) return ta - tb;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** Largest first; equal sizes newest first (ReplicaSetsBySizeNewer). */
export function compareBySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  return rsReplicas(a) !== rsReplicas(b) ? rsReplicas(b) - rsReplicas(a) : compareByCreationTimestamp(b, a);
}

/** Largest first; equal sizes oldest first (ReplicaSetsBySizeOlder). */
export function compareBySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  return rsReplicas(a) !== rsReplicas(b) ? rsReplicas(b) - rsReplicas(a) : compareByCreationTimestamp(a, b);
}

/** Lowest revision first; equal or unreadable revisions by creation time (ReplicaSetsByRevision). */
export function compareByRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (ra === undefined || rb === undefined || ra === rb) return compareByCreationTimestamp(a, b);
  return ra - rb;
}

/** Two pod templates are equal when they differ at most in the pod-template-hash label (EqualIgnoreHash). */
export function equalIgnoreHash(t1: PodTemplateSpec, t2: PodTemplateSpec): boolean {
  const strip = (t: PodTemplateSpec) => {
    const copy = deepClone(t);
    if (copy.metadata?.labels) {
      delete copy.metadata.labels[DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY];
      if (!Object.keys(copy.metadata.labels).length) delete copy.metadata.labels;
    }
    if (copy.metadata && !Object.keys(copy.metadata).length) delete copy.metadata;
    return copy;
  };
  return deepEqual(strip(t1), strip(t2));
}

/** The oldest ReplicaSet whose template equals the Deployment's (FindNewReplicaSet). */
export function findNewReplicaSet(d: Deployment, rsList: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...rsList].sort(compareByCreationTimestamp).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/** Every ReplicaSet but the new one, and those of them that still have pods (FindOldReplicaSets). */
export function findOldReplicaSets(d: Deployment, rsList: readonly ReplicaSet[]): { requiredRSs: ReplicaSet[]; allOldRSs: ReplicaSet[] } {
  const newRS = findNewReplicaSet(d, rsList);
  const allOldRSs = rsList.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
  return { requiredRSs: allOldRSs.filter((rs) => rsReplicas(rs) !== 0), allOldRSs };
}

/**
 * How many replicas the new ReplicaSet should have now (NewRSNewReplicas): RollingUpdate scales up to
 * replicas + maxSurge minus every ReplicaSet's spec.replicas, never past spec.replicas; Recreate goes
 * straight to spec.replicas.
 */
export function newRSNewReplicas(d: Deployment, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet): number {
  const replicas = deploymentReplicas(d);
  if (!isRollingUpdate(d)) return replicas;
  const surge = getScaledValueFromIntOrPercent(d.spec.strategy?.rollingUpdate?.maxSurge ?? '25%', replicas, true);
  const currentPodCount = getReplicaCountForReplicaSets(allRSs);
  const maxTotalPods = replicas + surge;
  if (currentPodCount >= maxTotalPods) return rsReplicas(newRS);
  const scaleUpCount = Math.min(maxTotalPods - currentPodCount, replicas - rsReplicas(newRS));
  return rsReplicas(newRS) + scaleUpCount;
}

/** The new ReplicaSet holds all replicas, was sized for them, and all are available (IsSaturated). */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = rs.metadata.annotations?.['deployment.kubernetes.io/desired-replicas'];
  if (desired === undefined || !/^\d+$/.test(desired)) return false;
  const replicas = deploymentReplicas(d);
  return rsReplicas(rs) === replicas && Number(desired) === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

/**
 * The only active ReplicaSet, or the newest one when none is active; undefined when several are active
 * (FindActiveOrLatest).
 */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => compareByCreationTimestamp(b, a));
  const active = filterActiveReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  if (active.length === 1) return active[0];
  return undefined;
}

/** The share of `deploymentReplicasToAdd` this ReplicaSet gets when a Deployment is scaled mid-rollout. */
export function getReplicaSetProportion(rs: ReplicaSet, d: Deployment, deploymentReplicasToAdd: number, deploymentReplicasAdded: number): number {
  if (rsReplicas(rs) === 0 || deploymentReplicasToAdd === 0 || deploymentReplicasToAdd === deploymentReplicasAdded) return 0;
  const fraction = getReplicaSetFraction(rs, d);
  const allowed = deploymentReplicasToAdd - deploymentReplicasAdded;
  return deploymentReplicasToAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function getReplicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (deploymentReplicas(d) === 0) return -rsReplicas(rs);
  const deploymentMaxReplicas = deploymentReplicas(d) + maxSurge(d);
  let before = getMaxReplicasAnnotation(rs);
  if (before === undefined || before === 0) before = d.status?.replicas ?? 0;
  if (before === 0) return 0;
  const newSize = (rsReplicas(rs) * deploymentMaxReplicas) / before;
  return roundHalfAwayFromZero(newSize) - rsReplicas(rs);
}

function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
