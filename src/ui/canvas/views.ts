/**
 * Snapshot objects to canvas view models: the words and numbers each card shows. Pure functions of one
 * snapshot object (and, for pods, the snapshot's time and Events).
 */
import type {
  EventSnapshot,
  NodeSnapshot,
  PersistentVolumeClaimSnapshot,
  PersistentVolumeSnapshot,
  PodSnapshot,
  ServiceSnapshot,
} from '../../protocol';
import { podStatusTone } from '../format';
import type { StatusTone } from '../format';
import { CanvasKind } from './model';
import type { NodeView, PodShape, PodView, PvView, PvcView, ServiceView } from './model';

/** The ordinal of a StatefulSet's pod named `<set>-<ordinal>` (getOrdinal), else null. */
export function statefulSetOrdinal(podName: string, setName: string): number | null {
  if (!podName.startsWith(`${setName}-`)) return null;
  const tail = podName.slice(setName.length + 1);
  return /^(0|[1-9]\d*)$/.test(tail) ? Number(tail) : null;
}

/** The ownership shape of a pod, from the workload that owns it. */
export function podShape(pod: Pick<PodSnapshot, 'workloadKind'>): PodShape {
  if (pod.workloadKind === 'StatefulSet') return 'statefulset';
  if (pod.workloadKind === 'Deployment') return 'deployment';
  return 'other';
}

/**
 * Splits a Deployment pod's name into the ReplicaSet's name (with its dash) and the random suffix the
 * ReplicaSet gave it: `mysql-deploy-57dd7c6cf4-` + `x4k2p`.
 */
export function splitGeneratedName(name: string, generatorName: string | null): [string, string] {
  if (generatorName && name.startsWith(`${generatorName}-`) && name.length > generatorName.length + 1) {
    return [name.slice(0, generatorName.length + 1), name.slice(generatorName.length + 1)];
  }
  const dash = name.lastIndexOf('-');
  return dash > 0 ? [name.slice(0, dash + 1), name.slice(dash + 1)] : [name, ''];
}

/** Whole seconds of the grace period left at `now` (rounded up, never below 0). */
export function graceSecondsLeft(deletionTime: number | null, now: number): number | null {
  return deletionTime === null ? null : Math.max(0, Math.ceil((deletionTime - now) / 1000));
}

/** The Warning Events of the object with `uid`: how many (summing counts) and the newest. */
export function warningsFor(
  events: readonly EventSnapshot[],
  uid: string,
): { count: number; last: EventSnapshot | null } {
  let count = 0;
  let last: EventSnapshot | null = null;
  for (const e of events) {
    if (e.involvedUid !== uid || e.type !== 'Warning') continue;
    count += e.count;
    if (!last || e.time >= last.time) last = e;
  }
  return { count, last };
}

export function podView(
  pod: PodSnapshot,
  now: number,
  events: readonly EventSnapshot[],
  isCompact = false,
): PodView {
  const shape = podShape(pod);
  const ordinal =
    shape === 'statefulset' && pod.workloadName ? statefulSetOrdinal(pod.name, pod.workloadName) : null;
  const [namePrefix, nameSuffix] =
    shape === 'deployment' ? splitGeneratedName(pod.name, pod.ownerName) : [pod.name, ''];
  const warnings = warningsFor(events, pod.uid);
  return {
    kind: CanvasKind.pod,
    name: pod.name,
    namespace: pod.namespace,
    uid: pod.uid,
    shape,
    ordinal,
    namePrefix,
    nameSuffix,
    status: pod.status,
    tone: podStatusTone(pod.status, pod.isReady),
    ready: pod.ready,
    restarts: pod.restarts,
    ip: pod.ip,
    nodeName: pod.nodeName,
    ownerKind: pod.workloadKind ?? pod.ownerKind,
    ownerName: pod.workloadName ?? pod.ownerName,
    graceSecondsLeft: pod.isTerminating ? graceSecondsLeft(pod.deletionTime, now) : null,
    warningCount: warnings.count,
    lastWarning: warnings.last ? `${warnings.last.reason}: ${warnings.last.message}` : null,
    isCompact,
  };
}

/**
 * What a compact chip shows: a StatefulSet pod's ordinal, a Deployment pod's random suffix, else the
 * name (the full name is the chip's accessible name).
 */
export function chipLabel(view: Pick<PodView, 'ordinal' | 'shape' | 'nameSuffix' | 'name'>): string {
  if (view.ordinal !== null) return String(view.ordinal);
  if (view.shape === 'deployment' && view.nameSuffix) return view.nameSuffix;
  // A chip does not clip its text: a long name shows its tail.
  return view.name.length > CHIP_LABEL_MAX ? `…${view.name.slice(1 - CHIP_LABEL_MAX)}` : view.name;
}

/** The most characters a chip's label shows. */
export const CHIP_LABEL_MAX = 6;

/**
 * The mark beside a chip's label: a shape per status tone, so a chip's status never rests on its colour
 * alone (the word is in its description, its tooltip and the legend).
 */
export const STATUS_MARKS: Readonly<Record<StatusTone, string>> = {
  pending: '…',
  creating: '◐',
  ready: '●',
  running: '○',
  terminating: '✕',
  failed: '!',
};

export function nodeView(node: NodeSnapshot, podCount: number): NodeView {
  return {
    kind: CanvasKind.node,
    name: node.name,
    status: node.status,
    statusWords: node.status.split(','),
    isReady: node.isReady,
    isUnschedulable: node.isUnschedulable,
    podCIDR: node.podCIDR,
    podCount,
  };
}

const ACCESS_MODE_SHORT: Record<string, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

/** Access modes as the ACCESS MODES column of `kubectl get pvc` prints them (`RWO,RWX`). */
export function shortAccessModes(modes: readonly string[]): string {
  return modes.map((m) => ACCESS_MODE_SHORT[m] ?? m).join(',');
}

export function pvcView(pvc: PersistentVolumeClaimSnapshot): PvcView {
  return {
    kind: CanvasKind.pvc,
    name: pvc.name,
    namespace: pvc.namespace,
    uid: pvc.uid,
    phase: pvc.phase,
    request: pvc.request,
    accessModes: shortAccessModes(pvc.accessModes),
    storageClassName: pvc.storageClassName,
    volumeName: pvc.volumeName,
    isTerminating: pvc.isTerminating,
  };
}

/** `pvc-1d21bb8e…` for a provisioned volume's long name; short names stay whole. */
export function shortVolumeName(name: string): string {
  return name.length > 14 ? `${name.slice(0, 12)}…` : name;
}

export function pvView(pv: PersistentVolumeSnapshot): PvView {
  return {
    kind: CanvasKind.pv,
    name: pv.name,
    shortName: shortVolumeName(pv.name),
    uid: pv.uid,
    phase: pv.phase,
    capacity: pv.capacity,
    reclaimPolicy: pv.reclaimPolicy,
    claim: pv.claim,
    zone: pv.zone,
    isTerminating: pv.isTerminating,
  };
}

export function serviceView(svc: ServiceSnapshot, lane: number): ServiceView {
  return {
    kind: CanvasKind.service,
    name: svc.name,
    namespace: svc.namespace,
    uid: svc.uid,
    isHeadless: svc.isHeadless,
    clusterIP: svc.clusterIP,
    ports: svc.ports.join(','),
    dnsName: svc.dnsName,
    readyEndpoints: svc.endpoints.filter((e) => e.isReady).length,
    endpoints: svc.endpoints.length,
    lane,
  };
}

/** The STATUS word, with the countdown while Terminating ("Terminating 23s"). */
export function statusText(view: Pick<PodView, 'status' | 'graceSecondsLeft'>): string {
  return view.graceSecondsLeft !== null && view.status === 'Terminating'
    ? `${view.status} ${view.graceSecondsLeft}s`
    : view.status;
}

/** The sentence a screen reader hears after the pod's name. */
export function podDescription(view: PodView): string {
  const parts = [
    statusText(view),
    `READY ${view.ready}`,
    `restarts ${view.restarts}`,
    `IP ${view.ip ?? 'none'}`,
    view.nodeName ? `on ${view.nodeName}` : 'not scheduled',
    view.ownerKind ? `owned by ${view.ownerKind} ${view.ownerName ?? ''}`.trim() : 'no owner',
  ];
  if (view.ordinal !== null) parts.push(`ordinal ${view.ordinal}`);
  if (view.warningCount > 0)
    parts.push(`${view.warningCount} warning${view.warningCount === 1 ? '' : 's'}: ${view.lastWarning}`);
  return parts.join(', ');
}

/** Whether the UTF-16 unit at `i` of `s` is an ASCII digit. */
function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** The end of the run of digits or non-digits that starts at `i`. */
function tokenEnd(s: string, i: number): number {
  const isDigit = isDigitAt(s, i);
  let end = i + 1;
  while (end < s.length && isDigitAt(s, end) === isDigit) end++;
  return end;
}

/** How many runs of digits or non-digits `s` has from `i` on. */
function tokensFrom(s: string, i: number): number {
  let count = 0;
  for (let at = i; at < s.length; at = tokenEnd(s, at)) count++;
  return count;
}

/**
 * Compares names so that `mysql-2` sorts before `mysql-10`: run by run of digits or non-digits, numbers by
 * value. Scans the strings in place (no regular expressions, no arrays): the layout sorts hundreds of pods
 * with it on every snapshot.
 */
export function compareNatural(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const endA = tokenEnd(a, i);
    const endB = tokenEnd(b, j);
    const x = a.slice(i, endA);
    const y = b.slice(j, endB);
    if (x !== y) {
      if (isDigitAt(x, 0) && isDigitAt(y, 0) && Number(x) !== Number(y)) return Number(x) - Number(y);
      return x < y ? -1 : 1;
    }
    i = endA;
    j = endB;
  }
  return tokensFrom(a, i) - tokensFrom(b, j);
}
