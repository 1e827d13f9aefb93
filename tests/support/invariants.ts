/**
 * Cluster-wide invariants for property tests (DESIGN.md, "Tests"), each a function over a running
 * `Cluster` and the `History` an `InvariantMonitor` keeps of it, returning the violations it finds:
 *
 * 1. `checkStatefulSetIdentity`: at most one pod per StatefulSet identity. Per set no two pods share an
 *    ordinal, a hostname or a pod-name label, and a pod for an identity is created only after the watch
 *    reported the previous pod of that name deleted (tracked by uid).
 * 2. `checkOrderedReady`: an OrderedReady set never has a Ready pod whose predecessor is not Ready, unless
 *    the set was disturbed (a pod deleted by hand, a rollout, the set deleted, a kubelet stopped or started)
 *    since it last settled. From the watch, always (hand deletions do not matter here, the controller
 *    decides on what it sees): it creates pod N only while pods start..N-1 are Running and Ready, and it
 *    deletes a pod itself only to scale down (highest condemned first, one at a time, all replicas Ready)
 *    or for a RollingUpdate (at or above the partition, all replicas Ready, with maxUnavailable 1).
 * 3. `checkReadWriteOnce`: a ReadWriteOnce volume is never in two nodes' status.volumesAttached, never in
 *    two Ready nodes' status.volumesInUse (a not-Ready node's report is stale), and is never detached from a
 *    healthy node that still has it mounted.
 * 4. `checkPvcRetention`: a PVC made from a StatefulSet's volumeClaimTemplates is deleted only when its
 *    set's persistentVolumeClaimRetentionPolicy says so (whenScaled=Delete after a scale-down past its
 *    ordinal, whenDeleted=Delete after the user deleted the set) or the user deleted it.
 * 5. `checkVolumeFiles`: files written to a PV volume keep their content until the PV is deleted, and a
 *    PV's files vanish only with the PV (and the PV only after its claim).
 * 6. `stateFingerprint`: the state compared across two runs with the same seed and commands.
 * 7. `checkEvictions` (beyond DESIGN.md's list): the taint eviction controller marks a pod for deletion only
 *    while the pod's node has a NoExecute taint.
 *
 * Watch-driven parts (1, 3, 4) see every single write, so they also catch states that last less than one
 * controller sync; the rest run whenever the test calls `check()` (after every command and every timer).
 */
import { createHash } from 'node:crypto';
import type { StatefulSet } from '../../src/sim/api/apps';
import type { Event, Node, PersistentVolume, PersistentVolumeClaim, Pod } from '../../src/sim/api/core';
import type { KubeObject } from '../../src/sim/api/meta';
import type { WatchEvent } from '../../src/sim/apiserver/store';
import type { Cluster } from '../../src/sim/cluster';
import { isKubeletStopped } from '../../src/sim/kubelet';
import type { VolumeId } from '../../src/sim/storage/files';

export type InvariantName =
  'identity' | 'orderedReady' | 'readWriteOnce' | 'pvcRetention' | 'volumeFiles' | 'eviction' | 'determinism';

/** One broken invariant, with the simulated time it was seen at. */
export interface Violation {
  invariant: InvariantName;
  atMs: number;
  message: string;
}

const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
const OUT_OF_SERVICE_TAINT = 'node.kubernetes.io/out-of-service';

/** A PVC that a StatefulSet's volumeClaimTemplates produced, and why it may be deleted (if it may). */
interface TrackedClaim {
  namespace: string;
  name: string;
  setName: string;
  ordinal: number;
  /** Why deleting it is allowed; undefined while the policy says to retain it. */
  deletable?: string;
  /**
   * True once its set had whenDeleted=Delete while the claim existed: the set's ownerReference then stays
   * on the claim even if the policy changes back, unless a pod of that ordinal exists for the controller to
   * fix it (the controller updates claims through their pods), so deleting the set may still delete it.
   */
  wasWhenDeletedDelete?: boolean;
}

/** What the monitor has seen and been told; the invariants read it. */
export interface History {
  /** Violations found by watch handlers, not yet reported. */
  pending: Violation[];
  /** Pod `namespace/name` -> uid, for pods the watch reported added and not yet deleted. */
  livePods: Map<string, string>;
  /** uids of pods the user deleted (the controller's deletion-order rules do not apply to them). */
  userDeletedPods: Set<string>;
  /**
   * Deletions of OrderedReady pods that broke the deletion order, by `namespace/pod`: violations once the
   * StatefulSet controller's SuccessfulDelete event shows it was the one deleting (not the taint eviction
   * controller, the pod GC or a drain). Cleared at every check.
   */
  orderedDeletions: Map<string, string>;
  /** StatefulSet `namespace/name`s disturbed since they last settled (the OrderedReady check skips them). */
  disturbedSets: Set<string>;
  /** PVC uid -> claim made from a StatefulSet template. */
  claims: Map<string, TrackedClaim>;
  /** PV name -> access modes and claim, remembered past the PV's deletion. */
  pvs: Map<string, { accessModes: string[]; claim?: string }>;
  /** Files the test wrote, per volume: path -> content. */
  markers: Map<VolumeId, Map<string, string>>;
}

function key(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

function isReady(pod: Pod): boolean {
  return (
    pod.status?.phase === 'Running' &&
    (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
  );
}

/** `web-3` of set `web` -> 3; undefined when the name is not `<set>-<ordinal>`. */
function ordinalIn(setName: string, podName: string): number | undefined {
  if (!podName.startsWith(`${setName}-`)) return undefined;
  const rest = podName.slice(setName.length + 1);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : undefined;
}

/** The parent set name and ordinal of a pod carrying the StatefulSet pod-name label. */
function parentAndOrdinal(pod: Pod): { parent: string; ordinal: number } | undefined {
  if (pod.metadata.labels?.[POD_NAME_LABEL] === undefined) return undefined;
  const m = /^(.*)-(0|[1-9]\d*)$/.exec(pod.metadata.name);
  return m ? { parent: m[1]!, ordinal: Number(m[2]) } : undefined;
}

function retentionOf(set: StatefulSet): { whenScaled: string; whenDeleted: string } {
  const p = set.spec.persistentVolumeClaimRetentionPolicy;
  return { whenScaled: p?.whenScaled ?? 'Retain', whenDeleted: p?.whenDeleted ?? 'Retain' };
}

function isOrderedReady(set: StatefulSet): boolean {
  return (set.spec.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
}

function setOfClaim(
  cluster: Cluster,
  pvc: PersistentVolumeClaim,
): { set: StatefulSet; ordinal: number } | undefined {
  for (const set of cluster.api.list<StatefulSet>('StatefulSet', pvc.metadata.namespace)) {
    for (const template of set.spec.volumeClaimTemplates ?? []) {
      const ordinal = ordinalIn(`${template.metadata.name}-${set.metadata.name}`, pvc.metadata.name);
      if (ordinal !== undefined) return { set, ordinal };
    }
  }
  return undefined;
}

function accessModesOf(history: History, pvName: string): string[] {
  return history.pvs.get(pvName)?.accessModes ?? [];
}

function isSingleNode(modes: string[]): boolean {
  return modes.includes('ReadWriteOnce') || modes.includes('ReadWriteOncePod') || modes.length === 0;
}

/** PV name of a unique volume name `kubernetes.io/csi/<driver>^<pv>`. */
function pvNameOf(uniqueName: string): string {
  return uniqueName.slice(uniqueName.lastIndexOf('^') + 1);
}

/**
 * Invariant 1: at most one pod per StatefulSet identity. Pods with the StatefulSet pod-name label are
 * grouped by their parent name; within a set no two share an ordinal or a (subdomain, hostname), every pod's
 * pod-name label, pod-index label and hostname agree with its name, and (from the watch) no pod was
 * created for a name whose previous pod had not been reported deleted.
 */
export function checkStatefulSetIdentity(cluster: Cluster, history: History): Violation[] {
  const out = history.pending.filter((v) => v.invariant === 'identity');
  const at = cluster.now();
  const seen = new Map<string, string>();
  for (const pod of cluster.api.list<Pod>('Pod')) {
    const id = parentAndOrdinal(pod);
    if (!id) continue;
    const { name, labels } = pod.metadata;
    if (labels?.[POD_NAME_LABEL] !== name)
      out.push({
        invariant: 'identity',
        atMs: at,
        message: `pod ${name} has ${POD_NAME_LABEL}=${labels?.[POD_NAME_LABEL]}`,
      });
    if (labels?.[POD_INDEX_LABEL] !== undefined && labels[POD_INDEX_LABEL] !== String(id.ordinal)) {
      out.push({
        invariant: 'identity',
        atMs: at,
        message: `pod ${name} has ${POD_INDEX_LABEL}=${labels[POD_INDEX_LABEL]}`,
      });
    }
    if (pod.spec.hostname !== undefined && pod.spec.hostname !== name) {
      out.push({ invariant: 'identity', atMs: at, message: `pod ${name} has hostname ${pod.spec.hostname}` });
    }
    for (const identity of [
      `ordinal ${id.ordinal}`,
      `hostname ${pod.spec.subdomain ?? ''}/${pod.spec.hostname ?? name}`,
    ]) {
      const k = `${pod.metadata.namespace}/${id.parent}: ${identity}`;
      const other = seen.get(k);
      if (other)
        out.push({
          invariant: 'identity',
          atMs: at,
          message: `StatefulSet ${id.parent}: pods ${other} and ${name} share ${identity}`,
        });
      seen.set(k, name);
    }
  }
  return out;
}

/**
 * Invariant 2: under OrderedReady, a Ready pod's predecessor (ordinal - 1, down to spec.ordinals.start) is
 * Ready, for every set not disturbed since it last settled and not being deleted.
 */
export function checkOrderedReady(cluster: Cluster, history: History): Violation[] {
  const out = history.pending.filter((v) => v.invariant === 'orderedReady');
  for (const set of cluster.api.list<StatefulSet>('StatefulSet')) {
    if (!isOrderedReady(set) || set.metadata.deletionTimestamp || history.disturbedSets.has(key(set)))
      continue;
    const pods = new Map<number, Pod>();
    for (const pod of cluster.api.list<Pod>('Pod', set.metadata.namespace)) {
      const ordinal = ordinalIn(set.metadata.name, pod.metadata.name);
      if (
        ordinal !== undefined &&
        pod.metadata.ownerReferences?.some((r) => r.controller && r.uid === set.metadata.uid)
      )
        pods.set(ordinal, pod);
    }
    const start = set.spec.ordinals?.start ?? 0;
    for (const [ordinal, pod] of pods) {
      if (ordinal <= start || !isReady(pod)) continue;
      const predecessor = pods.get(ordinal - 1);
      if (!predecessor || !isReady(predecessor)) {
        const state = predecessor
          ? `${predecessor.status?.phase ?? 'Pending'}${predecessor.metadata.deletionTimestamp ? ', terminating' : ''}, not Ready`
          : 'missing';
        out.push({
          invariant: 'orderedReady',
          atMs: cluster.now(),
          message: `OrderedReady StatefulSet ${set.metadata.name}: ${pod.metadata.name} is Ready but ${set.metadata.name}-${ordinal - 1} is ${state}`,
        });
      }
    }
  }
  return out;
}

/** Invariant 3: from the watch (every Node write) and from the current Node objects. */
export function checkReadWriteOnce(cluster: Cluster, history: History): Violation[] {
  const out = history.pending.filter((v) => v.invariant === 'readWriteOnce');
  out.push(...readWriteOnceNow(cluster, history));
  return out;
}

function readWriteOnceNow(cluster: Cluster, history: History): Violation[] {
  const out: Violation[] = [];
  const attached = new Map<string, string[]>();
  const inUse = new Map<string, string[]>();
  for (const node of cluster.api.list<Node>('Node')) {
    for (const v of node.status.volumesAttached ?? [])
      attached.set(v.name, [...(attached.get(v.name) ?? []), node.metadata.name]);
    // volumesInUse is what a kubelet reports; on a node whose kubelet no longer posts status (not Ready) it is
    // stale and stays so, as in Kubernetes, while the attach-detach controller force-detaches the volume.
    // Attachment (above) is checked on every node.
    const ready = node.status.conditions.find((c) => c.type === 'Ready')?.status === 'True';
    if (!ready) continue;
    for (const v of node.status.volumesInUse ?? [])
      inUse.set(v, [...(inUse.get(v) ?? []), node.metadata.name]);
  }
  for (const [what, map] of [
    ['attached to', attached],
    ['in use (mounted) on', inUse],
  ] as const) {
    for (const [volume, nodes] of map) {
      if (nodes.length > 1 && isSingleNode(accessModesOf(history, pvNameOf(volume)))) {
        out.push({
          invariant: 'readWriteOnce',
          atMs: cluster.now(),
          message: `ReadWriteOnce volume ${pvNameOf(volume)} is ${what} ${nodes.join(' and ')}`,
        });
      }
    }
  }
  return out;
}

/** Invariant 4: deletions the watch saw that no policy or user allowed. */
export function checkPvcRetention(_cluster: Cluster, history: History): Violation[] {
  return history.pending.filter((v) => v.invariant === 'pvcRetention');
}

/** Invariant 7: evictions the watch saw on nodes without a NoExecute taint. */
export function checkEvictions(_cluster: Cluster, history: History): Violation[] {
  return history.pending.filter((v) => v.invariant === 'eviction');
}

/**
 * Invariant 5: every file the test wrote still has its content while its volume exists; a PV volume
 * disappears only after its PV is deleted, the PV only after its claim; no PV volume outlives its PV.
 */
export function checkVolumeFiles(cluster: Cluster, history: History): Violation[] {
  const out: Violation[] = [];
  const at = cluster.now();
  const { files, api } = cluster.ctx;
  for (const [volume, written] of history.markers) {
    const pvName = volume.slice('pv:'.length);
    if (!files.has(volume)) {
      const pv = api.get<PersistentVolume>('PersistentVolume', undefined, pvName);
      if (pv)
        out.push({
          invariant: 'volumeFiles',
          atMs: at,
          message: `the files of PV ${pvName} (${[...written.keys()].join(', ')}) vanished while the PV still exists`,
        });
      continue;
    }
    for (const [path, content] of written) {
      const now = files.read(volume, path);
      if (now !== content) {
        out.push({
          invariant: 'volumeFiles',
          atMs: at,
          message: `file ${path} on PV ${pvName} ${now === undefined ? 'vanished' : `changed to ${JSON.stringify(now)}`}; written ${JSON.stringify(content)}`,
        });
      }
    }
  }
  for (const volume of Object.keys(files.dump())) {
    if (!volume.startsWith('pv:')) continue;
    const pvName = volume.slice('pv:'.length);
    if (!api.get('PersistentVolume', undefined, pvName))
      out.push({
        invariant: 'volumeFiles',
        atMs: at,
        message: `volume ${volume} still holds files after PV ${pvName} was deleted`,
      });
  }
  out.push(...history.pending.filter((v) => v.invariant === 'volumeFiles'));
  return out;
}

/** Invariant 6: what must be byte-identical across two runs with the same seed and commands (a sha256). */
export function stateFingerprint(cluster: Cluster): string {
  const state = JSON.stringify({
    now: cluster.now(),
    api: cluster.api.dump(),
    files: cluster.ctx.files.dump(),
  });
  return createHash('sha256').update(state).digest('hex');
}

/**
 * Watches a cluster and keeps the `History` the invariants need. The test driver tells it what the user
 * did (the invariants' notion of "by hand") before running each command.
 */
export class InvariantMonitor {
  readonly history: History = {
    pending: [],
    livePods: new Map(),
    userDeletedPods: new Set(),
    orderedDeletions: new Map(),
    disturbedSets: new Set(),
    claims: new Map(),
    pvs: new Map(),
    markers: new Map(),
  };

  constructor(readonly cluster: Cluster) {
    const { api } = cluster;
    for (const pod of api.list<Pod>('Pod')) this.history.livePods.set(key(pod), pod.metadata.uid);
    for (const pv of api.list<PersistentVolume>('PersistentVolume')) this.rememberPv(pv);
    for (const pvc of api.list<PersistentVolumeClaim>('PersistentVolumeClaim')) this.trackClaim(pvc);
    for (const set of api.list<StatefulSet>('StatefulSet')) this.markScaledClaims(set);
    api.watch('Pod', (e) => this.onPod(e));
    api.watch('Node', (e) => this.onNode(e));
    api.watch('PersistentVolume', (e) => this.onPv(e));
    api.watch('PersistentVolumeClaim', (e) => this.onClaim(e));
    api.watch('Event', (e) => this.onEvent(e));
    api.watch('StatefulSet', (e) => {
      if (e.type !== 'DELETED') this.markScaledClaims(e.object as StatefulSet);
    });
  }

  /** Runs every invariant (1-5) on the current state; also clears the disturbed marks of settled sets. */
  check(): Violation[] {
    const h = this.history;
    const out = [
      ...checkStatefulSetIdentity(this.cluster, h),
      ...checkOrderedReady(this.cluster, h),
      ...checkReadWriteOnce(this.cluster, h),
      ...checkPvcRetention(this.cluster, h),
      ...checkVolumeFiles(this.cluster, h),
      ...checkEvictions(this.cluster, h),
    ];
    h.pending = [];
    h.orderedDeletions.clear();
    this.forgetDroppedVolumes();
    this.clearSettled();
    const seen = new Set<string>();
    return out.filter((v) => !seen.has(v.message) && seen.add(v.message));
  }

  /** The user deletes a pod (gracefully or by force): its set's OrderedReady check waits for it to settle. */
  userDeletedPod(pod: Pod): void {
    this.history.userDeletedPods.add(pod.metadata.uid);
    const id = parentAndOrdinal(pod);
    if (id) this.history.disturbedSets.add(`${pod.metadata.namespace}/${id.parent}`);
  }

  /**
   * The user changes a set's pod template (a rolling update replaces pods from the highest ordinal down),
   * re-applies it, or moves spec.ordinals.start: the set is out of order until it settles.
   */
  userReshaped(namespace: string, setName: string): void {
    this.history.disturbedSets.add(`${namespace}/${setName}`);
  }

  /** Node trouble (a kubelet stopped or started): every set counts as disturbed until it settles again. */
  nodeTrouble(): void {
    for (const set of this.cluster.api.list<StatefulSet>('StatefulSet'))
      this.history.disturbedSets.add(key(set));
  }

  /** The user deletes a PVC. */
  userDeletedClaim(namespace: string, name: string): void {
    const pvc = this.cluster.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
    const tracked = pvc && this.history.claims.get(pvc.metadata.uid);
    if (tracked) tracked.deletable ??= 'the user deleted it';
  }

  /** The user deletes a StatefulSet; with whenDeleted=Delete (and no orphaning) its claims may go. */
  userDeletedStatefulSet(namespace: string, name: string, orphan: boolean): void {
    this.history.disturbedSets.add(`${namespace}/${name}`);
    const set = this.cluster.api.get<StatefulSet>('StatefulSet', namespace, name);
    if (!set || orphan) return;
    const policyDeletes = retentionOf(set).whenDeleted === 'Delete';
    for (const [uid, claim] of this.history.claims) {
      if (claim.namespace !== namespace || claim.setName !== name) continue;
      const pvc = this.cluster.api
        .list<PersistentVolumeClaim>('PersistentVolumeClaim', namespace)
        .find((c) => c.metadata.uid === uid);
      const ownedBySet = pvc?.metadata.ownerReferences?.some((r) => r.uid === set.metadata.uid) ?? false;
      if (policyDeletes) claim.deletable ??= `whenDeleted=Delete and the user deleted StatefulSet ${name}`;
      else if (claim.wasWhenDeletedDelete && ownedBySet)
        claim.deletable ??= `the user deleted StatefulSet ${name}, which still owns it from an earlier whenDeleted=Delete`;
    }
  }

  /** The test wrote `content` to `path` on `volume` (and checked it landed there). */
  wrote(volume: VolumeId, path: string, content: string): void {
    let files = this.history.markers.get(volume);
    if (!files) this.history.markers.set(volume, (files = new Map()));
    files.set(path, content);
  }

  private onPod(e: WatchEvent): void {
    const pod = e.object as Pod;
    const k = key(pod);
    const deletionStarts =
      (e.type === 'MODIFIED' && !e.old?.metadata.deletionTimestamp && pod.metadata.deletionTimestamp) ||
      (e.type === 'DELETED' && !pod.metadata.deletionTimestamp);
    if (deletionStarts && !this.history.userDeletedPods.has(pod.metadata.uid))
      this.checkOrderedDeletion((e.old ?? e.object) as Pod);
    if (e.type === 'DELETED') {
      this.history.livePods.delete(k);
      return;
    }
    if (e.type !== 'ADDED') return;
    this.checkOrderedCreation(pod);
    const previous = this.history.livePods.get(k);
    if (previous !== undefined && previous !== pod.metadata.uid && parentAndOrdinal(pod)) {
      this.violation(
        'identity',
        `pod ${k} (uid ${pod.metadata.uid}) was created while pod uid ${previous} of that name had not been reported deleted`,
      );
    }
    this.history.livePods.set(k, pod.metadata.uid);
  }

  /** The OrderedReady set that controls `pod`, when it exists and is not being deleted. */
  private orderedReadyOwner(
    pod: Pod,
  ): { set: StatefulSet; ordinal: number; start: number; end: number } | undefined {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'StatefulSet');
    if (!ref) return undefined;
    const set = this.cluster.api
      .list<StatefulSet>('StatefulSet', pod.metadata.namespace)
      .find((s) => s.metadata.uid === ref.uid);
    const ordinal = set && ordinalIn(set.metadata.name, pod.metadata.name);
    if (!set || ordinal === undefined || set.metadata.deletionTimestamp || !isOrderedReady(set))
      return undefined;
    const start = set.spec.ordinals?.start ?? 0;
    return { set, ordinal, start, end: start + (set.spec.replicas ?? 1) };
  }

  /** In-range pods of `set` (ordinals start..end-1) that are missing, terminating or not Running and Ready. */
  private unhealthyReplicas(set: StatefulSet, start: number, end: number, except?: string): string[] {
    const out: string[] = [];
    for (let k = start; k < end; k++) {
      const name = `${set.metadata.name}-${k}`;
      if (name === except) continue;
      const p = this.cluster.api.get<Pod>('Pod', set.metadata.namespace, name);
      if (!p) out.push(`${name} missing`);
      else if (p.metadata.deletionTimestamp) out.push(`${name} terminating`);
      else if (!isReady(p)) out.push(`${name} ${p.status?.phase ?? 'Pending'}, not Ready`);
    }
    return out;
  }

  /** OrderedReady creates the pod of ordinal N only when every pod from start to N-1 is Running and Ready. */
  private checkOrderedCreation(pod: Pod): void {
    const owner = this.orderedReadyOwner(pod);
    if (!owner || owner.ordinal >= owner.end || owner.ordinal < owner.start) return;
    const blocking = this.unhealthyReplicas(owner.set, owner.start, owner.ordinal);
    if (blocking.length)
      this.violation(
        'orderedReady',
        `OrderedReady StatefulSet ${owner.set.metadata.name} created ${pod.metadata.name} while ${blocking.join(', ')}`,
      );
  }

  /**
   * OrderedReady deletes pods itself only (a) to scale down: the highest condemned pod first, one at a time,
   * with every in-range pod Running and Ready; (b) for a RollingUpdate with maxUnavailable 1: one pod at or
   * above the partition, with every in-range pod Running and Ready. Pods that finished (Succeeded/Failed) are
   * deleted to be replaced, in any order.
   */
  private checkOrderedDeletion(pod: Pod): void {
    const owner = this.orderedReadyOwner(pod);
    if (!owner || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
    const { set, ordinal, start, end } = owner;
    const name = set.metadata.name;
    const condemned = ordinal < start || ordinal >= end;
    const blocking = this.unhealthyReplicas(set, start, end, pod.metadata.name);
    if (condemned) {
      const higher = this.cluster.api
        .list<Pod>('Pod', set.metadata.namespace)
        .filter(
          (p) =>
            p.metadata.uid !== pod.metadata.uid &&
            p.metadata.ownerReferences?.some((r) => r.uid === set.metadata.uid),
        )
        .map((p) => ({ p, o: ordinalIn(name, p.metadata.name) }))
        .filter(({ o }) => o !== undefined && (o < start || o >= end) && o > ordinal)
        .map(({ p }) => p.metadata.name);
      if (higher.length) blocking.push(`condemned ${higher.join(', ')} not yet gone`);
      if (blocking.length)
        this.suspectDeletion(
          pod,
          `OrderedReady StatefulSet ${name} began deleting condemned ${pod.metadata.name} while ${blocking.join(', ')}`,
        );
      return;
    }
    const strategy = set.spec.updateStrategy;
    const maxUnavailable = strategy?.rollingUpdate?.maxUnavailable;
    if (strategy?.type === 'OnDelete') {
      this.suspectDeletion(
        pod,
        `StatefulSet ${name} with updateStrategy OnDelete deleted ${pod.metadata.name}, which is in range and did not finish`,
      );
      return;
    }
    if (maxUnavailable !== undefined && maxUnavailable !== 1) return;
    const partition = strategy?.rollingUpdate?.partition ?? 0;
    if (ordinal < start + partition)
      blocking.push(`${pod.metadata.name} is below the partition ${partition}`);
    if (!isReady(pod)) blocking.push(`${pod.metadata.name} itself was not Ready`);
    if (blocking.length)
      this.suspectDeletion(
        pod,
        `OrderedReady StatefulSet ${name} began deleting ${pod.metadata.name} for an update while ${blocking.join(', ')}`,
      );
  }

  private suspectDeletion(pod: Pod, message: string): void {
    this.history.orderedDeletions.set(key(pod), message);
  }

  /**
   * The StatefulSet controller's `SuccessfulDelete` event names the pod it deleted; the taint eviction
   * controller's `Marking for deletion` event comes just before it deletes a pod.
   */
  private onEvent(e: WatchEvent): void {
    if (e.type === 'DELETED') return;
    const event = e.object as Event;
    if (event.reason === 'TaintManagerEviction') this.checkEviction(event);
    if (event.reason !== 'SuccessfulDelete' || event.involvedObject.kind !== 'StatefulSet') return;
    const m = /^delete Pod (\S+) in StatefulSet \S+ successful$/.exec(event.message ?? '');
    const k = m && `${event.involvedObject.namespace ?? ''}/${m[1]}`;
    const message = k ? this.history.orderedDeletions.get(k) : undefined;
    if (!k || message === undefined) return;
    this.history.orderedDeletions.delete(k);
    this.violation('orderedReady', message);
  }

  private checkEviction(event: Event): void {
    const m = /^Marking for deletion Pod (\S+)\/(\S+)$/.exec(event.message);
    if (!m) return;
    const pod = this.cluster.api.get<Pod>('Pod', m[1], m[2]!);
    if (!pod?.spec.nodeName) return;
    const node = this.cluster.api.get<Node>('Node', undefined, pod.spec.nodeName);
    if (node && !(node.spec.taints ?? []).some((t) => t.effect === 'NoExecute')) {
      this.violation(
        'eviction',
        `the taint eviction controller marked pod ${m[1]}/${m[2]} (uid ${pod.metadata.uid}) for deletion, but its node ${node.metadata.name} has no NoExecute taint`,
      );
    }
  }

  private onNode(e: WatchEvent): void {
    for (const v of readWriteOnceNow(this.cluster, this.history)) this.history.pending.push(v);
    if (e.type !== 'MODIFIED' || !e.old) return;
    const node = e.object as Node;
    const old = e.old as Node;
    const healthy = node.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
    if (!healthy || (node.spec.taints ?? []).some((t) => t.key === OUT_OF_SERVICE_TAINT)) return;
    const nowAttached = new Set((node.status.volumesAttached ?? []).map((v) => v.name));
    for (const v of old.status.volumesAttached ?? []) {
      if (!nowAttached.has(v.name) && (node.status.volumesInUse ?? []).includes(v.name)) {
        this.violation(
          'readWriteOnce',
          `volume ${pvNameOf(v.name)} was detached from healthy node ${node.metadata.name} while still mounted there`,
        );
      }
    }
  }

  private onPv(e: WatchEvent): void {
    const pv = e.object as PersistentVolume;
    if (e.type !== 'DELETED') {
      this.rememberPv(pv);
      return;
    }
    const claim = this.history.pvs.get(pv.metadata.name)?.claim;
    if (claim && pv.spec.claimRef?.uid) {
      const pvc = this.cluster.api.get<PersistentVolumeClaim>(
        'PersistentVolumeClaim',
        pv.spec.claimRef.namespace,
        pv.spec.claimRef.name,
      );
      if (pvc && pvc.metadata.uid === pv.spec.claimRef.uid && !pvc.metadata.deletionTimestamp) {
        this.violation(
          'volumeFiles',
          `PV ${pv.metadata.name} was deleted while its claim ${claim} still exists`,
        );
      }
    }
  }

  private rememberPv(pv: PersistentVolume): void {
    const ref = pv.spec.claimRef;
    this.history.pvs.set(pv.metadata.name, {
      accessModes: [...pv.spec.accessModes],
      ...(ref ? { claim: `${ref.namespace}/${ref.name}` } : {}),
    });
  }

  private onClaim(e: WatchEvent): void {
    const pvc = e.object as PersistentVolumeClaim;
    if (e.type === 'ADDED') {
      this.trackClaim(pvc);
      return;
    }
    const tracked = this.history.claims.get(pvc.metadata.uid);
    const deletionStarts =
      (e.type === 'MODIFIED' && !e.old?.metadata.deletionTimestamp && pvc.metadata.deletionTimestamp) ||
      (e.type === 'DELETED' && !pvc.metadata.deletionTimestamp);
    if (tracked && deletionStarts && tracked.deletable === undefined) {
      const set = this.cluster.api.get<StatefulSet>('StatefulSet', tracked.namespace, tracked.setName);
      const policy = set ? retentionOf(set) : undefined;
      this.violation(
        'pvcRetention',
        `PVC ${tracked.name} was deleted although ${policy ? `StatefulSet ${tracked.setName} has whenScaled=${policy.whenScaled}, whenDeleted=${policy.whenDeleted}, replicas=${set!.spec.replicas ?? 1}` : `StatefulSet ${tracked.setName} is gone`} and no user deleted it or its set`,
      );
    }
    if (e.type === 'DELETED') this.history.claims.delete(pvc.metadata.uid);
  }

  private trackClaim(pvc: PersistentVolumeClaim): void {
    const owner = setOfClaim(this.cluster, pvc);
    if (!owner) return;
    this.history.claims.set(pvc.metadata.uid, {
      namespace: pvc.metadata.namespace!,
      name: pvc.metadata.name,
      setName: owner.set.metadata.name,
      ordinal: owner.ordinal,
    });
    this.markScaledClaims(owner.set);
  }

  /** whenScaled=Delete: claims of ordinals outside [start, start+replicas) may be deleted from now on. */
  private markScaledClaims(set: StatefulSet): void {
    if (retentionOf(set).whenDeleted === 'Delete') {
      for (const claim of this.history.claims.values()) {
        if (claim.namespace === set.metadata.namespace && claim.setName === set.metadata.name)
          claim.wasWhenDeletedDelete = true;
      }
    }
    if (retentionOf(set).whenScaled !== 'Delete' || set.metadata.deletionTimestamp) return;
    const start = set.spec.ordinals?.start ?? 0;
    const replicas = set.spec.replicas ?? 1;
    for (const claim of this.history.claims.values()) {
      if (claim.namespace !== set.metadata.namespace || claim.setName !== set.metadata.name) continue;
      if (claim.ordinal < start || claim.ordinal >= start + replicas)
        claim.deletable ??= `whenScaled=Delete and ${set.metadata.name} was scaled to ${replicas}`;
    }
  }

  private forgetDroppedVolumes(): void {
    for (const volume of [...this.history.markers.keys()]) {
      if (
        !this.cluster.ctx.files.has(volume) &&
        !this.cluster.api.get('PersistentVolume', undefined, volume.slice('pv:'.length))
      )
        this.history.markers.delete(volume);
    }
  }

  /** A set is settled when it has exactly its replicas, all Ready, updated and current, none terminating. */
  private clearSettled(): void {
    const { api } = this.cluster;
    if (this.history.disturbedSets.size === 0) return;
    if (api.list<Node>('Node').some((n) => isKubeletStopped(this.cluster.ctx, n.metadata.name))) return;
    for (const k of [...this.history.disturbedSets]) {
      const [namespace, name] = k.split('/') as [string, string];
      const set = api.get<StatefulSet>('StatefulSet', namespace, name);
      if (!set) continue;
      const replicas = set.spec.replicas ?? 1;
      const s = set.status;
      const pods = api
        .list<Pod>('Pod', namespace)
        .filter((p) => ordinalIn(name, p.metadata.name) !== undefined && parentAndOrdinal(p));
      const settled =
        !set.metadata.deletionTimestamp &&
        s !== undefined &&
        (s.observedGeneration ?? 0) >= (set.metadata.generation ?? 1) &&
        (s.replicas ?? 0) === replicas &&
        (s.readyReplicas ?? 0) === replicas &&
        (s.updatedReplicas ?? 0) === replicas &&
        s.currentRevision === s.updateRevision &&
        pods.length === replicas &&
        pods.every(
          (p) =>
            isReady(p) &&
            !p.metadata.deletionTimestamp &&
            p.metadata.ownerReferences?.some((r) => r.uid === set.metadata.uid),
        );
      if (settled) this.history.disturbedSets.delete(k);
    }
  }

  private violation(invariant: InvariantName, message: string): void {
    this.history.pending.push({ invariant, atMs: this.cluster.now(), message });
  }
}
