/**
 * Building blocks for lesson checks: pure reads of a ClusterSnapshot (pods, claims, volume contents, Events)
 * and small combinators. Every reason is written for the learner: "mysql-1 has not come back".
 */
import type {
  ClusterSnapshot,
  EventSnapshot,
  NodeSnapshot,
  PodSnapshot,
  VolumeDataSnapshot,
  WorkloadSnapshot,
} from '../sim/snapshot';
import type { CheckInput, CheckResult, LessonCheck } from './types';

export const DONE: CheckResult = { done: true };

/** A failed check with its reason. */
export function notYet(reason: string): CheckResult {
  return { done: false, reason };
}

/** Passes when every check passes; otherwise reports the first one that does not. */
export function all(...checks: LessonCheck[]): LessonCheck {
  return (input) => {
    for (const check of checks) {
      const result = check(input);
      if (!result.done) return result;
    }
    return DONE;
  };
}

/** A check from a condition and the reason to give when it does not hold. */
export function holds(condition: (input: CheckInput) => boolean, reason: string): LessonCheck {
  return (input) => (condition(input) ? DONE : notYet(reason));
}

export function findPod(s: ClusterSnapshot, name: string, namespace = 'default'): PodSnapshot | undefined {
  return s.pods.find((p) => p.name === name && p.namespace === namespace);
}

export function findNode(s: ClusterSnapshot, name: string): NodeSnapshot | undefined {
  return s.nodes.find((n) => n.name === name);
}

export function findWorkload(
  s: ClusterSnapshot,
  kind: WorkloadSnapshot['kind'],
  name: string,
): WorkloadSnapshot | undefined {
  return s.workloads.find((w) => w.kind === kind && w.name === name && w.namespace === 'default');
}

/** The pods of a Deployment or StatefulSet, by name. */
export function workloadPods(s: ClusterSnapshot, kind: WorkloadSnapshot['kind'], name: string): PodSnapshot[] {
  return s.pods.filter((p) => p.workloadKind === kind && p.workloadName === name);
}

/** Running, Ready and not terminating. */
export function isUp(pod: PodSnapshot | undefined): pod is PodSnapshot {
  return Boolean(pod && pod.isReady && !pod.isTerminating);
}

/** Events about `object` (`pod/mysql-1`, `statefulset/mysql`), optionally of one reason, oldest first. */
export function eventsFor(s: ClusterSnapshot, object: string, reason?: string): EventSnapshot[] {
  return s.events.filter((e) => e.object === object && (reason === undefined || e.reason === reason));
}

/** Events of one reason whose message contains `text`. */
export function eventsWith(s: ClusterSnapshot, reason: string, text = ''): EventSnapshot[] {
  return s.events.filter((e) => e.reason === reason && e.message.includes(text));
}

/** The uid of the newest pod named `name` that the kubelet stopped (its `Killing` Event), or null. */
export function killedUid(s: ClusterSnapshot, name: string): string | null {
  const killed = eventsFor(s, `pod/${name}`, 'Killing');
  return killed.length ? (killed[killed.length - 1]!.involvedUid ?? null) : null;
}

/**
 * The uid the pod `name` had before: from the snapshot taken when the step opened, else from the
 * Killing Event of the pod that was stopped.
 */
export function previousUid(input: CheckInput, name: string): string | null {
  return (input.before && findPod(input.before, name)?.uid) ?? killedUid(input.snapshot, name);
}

/** What is stored on the volume bound to claim `claimName` (null while unbound or gone). */
export function claimData(s: ClusterSnapshot, claimName: string): VolumeDataSnapshot | null {
  const pvc = s.pvcs.find((c) => c.name === claimName && c.namespace === 'default');
  if (!pvc?.volumeName) return null;
  const id = `pv:${pvc.volumeName}`;
  return s.volumeData?.find((v) => v.volumeId === id) ?? { volumeId: id, files: 0, tables: 0, rows: 0 };
}

/** Rows in database tables on the volume of claim `claimName` (0 when unbound). */
export function claimRows(s: ClusterSnapshot, claimName: string): number {
  return claimData(s, claimName)?.rows ?? 0;
}

/** Rows in database tables on the emptyDir volumes of `pod`. */
export function emptyDirRows(s: ClusterSnapshot, pod: PodSnapshot): number {
  const ids = new Set((pod.volumes ?? []).filter((v) => v.source === 'emptyDir').map((v) => v.volumeId));
  return (s.volumeData ?? []).filter((v) => ids.has(v.volumeId)).reduce((sum, v) => sum + v.rows, 0);
}

/** True when `pod` mounts claim `claimName` and the claim is bound. */
export function mountsClaim(pod: PodSnapshot, claimName: string): boolean {
  return (pod.volumes ?? []).some((v) => v.claimName === claimName && v.volumeId !== null);
}

/** The first container image of `pod`. */
export function imageOf(pod: PodSnapshot | undefined): string | undefined {
  return pod?.images?.[0];
}

/** Ready check for several pods: reports the first that is missing or not Ready. */
export function podsUp(...names: string[]): LessonCheck {
  return ({ snapshot }) => {
    for (const name of names) {
      const pod = findPod(snapshot, name);
      if (!pod) return notYet(`${name} does not exist yet`);
      if (!pod.isReady || pod.isTerminating) return notYet(`${name} is ${pod.status}, not Running and Ready yet`);
    }
    return DONE;
  };
}

/** Passes when none of `names` exists any more. */
export function podsGone(...names: string[]): LessonCheck {
  return ({ snapshot }) => {
    const left = names.filter((n) => findPod(snapshot, n));
    return left.length ? notYet(`${left.join(' and ')} ${left.length > 1 ? 'are' : 'is'} still there`) : DONE;
  };
}

/**
 * The pod `name` came back: it exists with another uid than before, is Ready, and (when given) mounts
 * `claimName`.
 */
export function recreated(name: string, claimName?: string): LessonCheck {
  return (input) => {
    const old = previousUid(input, name);
    const pod = findPod(input.snapshot, name);
    if (!old || (pod && pod.uid === old)) return notYet(`${name} has not been deleted yet`);
    if (!pod) return notYet(`${name} has not come back yet`);
    if (!pod.isReady || pod.isTerminating) return notYet(`the new ${name} is ${pod.status}, not Running and Ready yet`);
    if (claimName && !mountsClaim(pod, claimName)) return notYet(`the new ${name} does not mount ${claimName}`);
    return DONE;
  };
}

/** The dns-test pod of `kubectl run ... --rm` started (a `Started` Event) after `since`, and is gone again. */
export function ranDnsTest(since = 0): LessonCheck {
  return ({ snapshot }) => {
    const started = eventsFor(snapshot, 'pod/dns-test', 'Started').filter((e) => e.time >= since);
    if (!started.length) return notYet('no dns-test pod has run yet');
    if (findPod(snapshot, 'dns-test')) return notYet('the dns-test shell is still open: type exit');
    return DONE;
  };
}

/** Time of the newest Event about `object` with `reason`, or null. */
export function lastEventTime(s: ClusterSnapshot, object: string, reason: string): number | null {
  const events = eventsFor(s, object, reason);
  return events.length ? events[events.length - 1]!.time : null;
}
