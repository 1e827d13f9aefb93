/**
 * Ordered creation, one beat apart. Under OrderedReady the StatefulSet controller creates pod N the moment
 * pod N-1 turns Running and Ready; in a real cluster that takes the milliseconds of a watch round trip, in
 * the simulator it happens at the same instant, so one snapshot brings both changes. The canvas holds such
 * a pod (and the claim created with it) back for a beat, so people see mysql-3 turn Ready and then mysql-4
 * arrive, in that order. Pure functions of snapshots.
 */
import type { ClusterSnapshot } from '../../protocol';
import { statefulSetOrdinal } from './views';

/** How long a pod created by its predecessor turning Ready waits before it is drawn, in wall milliseconds. */
export const ARRIVAL_BEAT_MS = 250;

function key(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** A pod held back for a beat, and the claims created with it (`namespace/name`), held with it. */
export interface HeldPod {
  uid: string;
  claims: string[];
}

/**
 * The pods in `next` that are new since `previous`, belong to a StatefulSet, are not scheduled yet, and
 * whose predecessor (ordinal - 1) was in `previous` not Ready and is Ready in `next`: the pods its readiness
 * just let the controller create. Each comes with its claims that `previous` did not have yet.
 */
export function podsCreatedByReadiness(previous: ClusterSnapshot | null, next: ClusterSnapshot): HeldPod[] {
  if (!previous) return [];
  const before = new Set(previous.pods.map((p) => p.uid));
  const wasNotReady = new Set(previous.pods.filter((p) => !p.isReady).map((p) => key(p.namespace, p.name)));
  const hadClaim = new Set(previous.pvcs.map((c) => key(c.namespace, c.name)));
  const byName = new Map(next.pods.map((p) => [key(p.namespace, p.name), p]));
  const out: HeldPod[] = [];
  for (const pod of next.pods) {
    if (before.has(pod.uid) || pod.nodeName || pod.workloadKind !== 'StatefulSet' || !pod.workloadName)
      continue;
    const ordinal = statefulSetOrdinal(pod.name, pod.workloadName);
    if (ordinal === null || ordinal === 0) continue;
    const predecessor = key(pod.namespace, `${pod.workloadName}-${ordinal - 1}`);
    if (!byName.get(predecessor)?.isReady || !wasNotReady.has(predecessor)) continue;
    const claims = pod.claimNames.map((c) => key(pod.namespace, c)).filter((k) => !hadClaim.has(k));
    out.push({ uid: pod.uid, claims });
  }
  return out;
}

/** `snapshot` without the held pods and their claims; `snapshot` itself when nothing is held. */
export function withoutHeld(snapshot: ClusterSnapshot, held: readonly HeldPod[]): ClusterSnapshot {
  if (held.length === 0) return snapshot;
  const pods = new Set(held.map((h) => h.uid));
  const claims = new Set(held.flatMap((h) => h.claims));
  return {
    ...snapshot,
    pods: snapshot.pods.filter((p) => !pods.has(p.uid)),
    pvcs: snapshot.pvcs.filter((c) => !claims.has(key(c.namespace, c.name))),
  };
}
