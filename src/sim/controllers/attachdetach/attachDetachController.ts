/**
 * Mirrors pkg/controller/volume/attachdetach (attach_detach_controller.go, reconciler/reconciler.go,
 * cache/desired_state_of_world.go): every PVC-backed volume of a scheduled, not yet finished pod must be
 * attached to the pod's node; volumes no pod needs are detached once the kubelet has unmounted them.
 * Actual state is Node.status.volumesAttached.
 *
 * Simplified: no VolumeAttachment objects or external-attacher (attach/detach take ctx.timings.attachMs);
 * one operation per volume at a time; the reconciler runs on watch events and timers instead of every
 * 100ms.
 *
 * Node failure hook: a mounted volume on a node whose Ready condition is not True is force-detached
 * MAX_WAIT_FOR_UNMOUNT_MS after its detach was first requested, and at once when the node carries the
 * `node.kubernetes.io/out-of-service` NoExecute taint. Both are re-evaluated whenever the Node object
 * changes, so the node lifecycle controller only has to update the Node (conditions, taints).
 */
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from '../../api/core';
import type { ClusterContext, Controller } from '../../runtime/controller';
import { jittered } from '../../runtime/controller';
import { WorkQueue } from '../../runtime/workqueue';
import { CSI_DRIVER } from '../../scenarios/bootstrap';
import { podClaimNames } from '../persistentvolume/util';

/** The controller's name, also the source component of its events. */
export const ATTACH_DETACH_CONTROLLER = 'attachdetach-controller';
/** maxWaitForUnmountDuration: how long a mounted volume on an unhealthy node waits before a forced detach. */
export const MAX_WAIT_FOR_UNMOUNT_MS = 6 * 60_000;
/** The taint that lets volumes detach from a shut-down node without waiting. */
export const TAINT_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

const POD_CLAIM_INDEX = 'attachdetach.podClaims';
const NODE_VOLUME_INDEX = 'attachdetach.nodeVolumes';

/** The unique volume name the controller and the kubelet use: `kubernetes.io/csi/<driver>^<volumeHandle>`. */
export function attachedVolumeName(pv: PersistentVolume): string | undefined {
  return pv.spec.csi ? `kubernetes.io/csi/${pv.spec.csi.driver}^${pv.spec.csi.volumeHandle}` : undefined;
}

/** True when several nodes may attach the volume (it offers ReadOnlyMany or ReadWriteMany). */
export function isMultiAttachAllowed(pv: PersistentVolume): boolean {
  return pv.spec.accessModes.some((m) => m === 'ReadOnlyMany' || m === 'ReadWriteMany');
}

function nodeIsHealthy(node: Node): boolean {
  return node.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

function hasOutOfServiceTaint(node: Node): boolean {
  return (node.spec.taints ?? []).some((t) => t.key === TAINT_OUT_OF_SERVICE && t.effect === 'NoExecute');
}

/** True while the pod is in the desired state of world: scheduled, not finished, not yet removed. */
function podNeedsVolumes(pod: Pod): boolean {
  return !!pod.spec.nodeName && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
}

export function startAttachDetachController(ctx: ClusterContext): Controller {
  const { api } = ctx;
  const queue = new WorkQueue(ctx.clock, ATTACH_DETACH_CONTROLLER);
  /** Operations in flight, per volume name. */
  const operations = new Set<string>();
  /** `volume|node` pairs whose Multi-Attach error has been reported (once per desired entry). */
  const multiAttachReported = new Set<string>();
  /** When detaching `volume|node` was first wanted (for the unmount timeout). */
  const detachRequestedAt = new Map<string, number>();
  /** `volume|node` pairs with an unmount-timeout timer pending. */
  const timeoutTimers = new Set<string>();

  api.addIndex('Pod', POD_CLAIM_INDEX, (o) => podClaimNames(o as Pod).map((c) => `${o.metadata.namespace ?? 'default'}/${c}`));
  api.addIndex('Node', NODE_VOLUME_INDEX, (o) => {
    const n = o as Node;
    return [...new Set([...(n.status.volumesAttached ?? []).map((v) => v.name), ...(n.status.volumesInUse ?? [])])];
  });

  const enqueueClaim = (namespace: string, claim: string) => {
    const pvc = api.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, claim);
    if (pvc?.spec.volumeName) queue.add(pvc.spec.volumeName);
  };
  api.watch('Pod', ({ object }) => {
    for (const c of podClaimNames(object as Pod)) enqueueClaim(object.metadata.namespace ?? 'default', c);
  });
  api.watch('PersistentVolumeClaim', ({ object, old }) => {
    for (const pvc of [object, old] as (PersistentVolumeClaim | undefined)[]) if (pvc?.spec.volumeName) queue.add(pvc.spec.volumeName);
  });
  api.watch('PersistentVolume', ({ object }) => queue.add(object.metadata.name));
  api.watch('Node', ({ object, old }) => {
    for (const n of [object, old] as (Node | undefined)[]) {
      for (const v of n?.status.volumesAttached ?? []) queue.add(pvNameOf(v.name));
      for (const v of n?.status.volumesInUse ?? []) queue.add(pvNameOf(v));
    }
  });

  /** The PV name behind a unique volume name (the simulated driver's volumeHandle is the PV name). */
  function pvNameOf(uniqueName: string): string {
    return uniqueName.slice(uniqueName.indexOf('^') + 1);
  }

  /** Desired state for one volume: node name -> pods there that need it. */
  function desiredNodes(pv: PersistentVolume): Map<string, Pod[]> {
    const out = new Map<string, Pod[]>();
    const ref = pv.spec.claimRef;
    if (!ref) return out;
    const pvc = api.get<PersistentVolumeClaim>('PersistentVolumeClaim', ref.namespace, ref.name);
    if (!pvc || pvc.spec.volumeName !== pv.metadata.name || pvc.status.phase !== 'Bound') return out;
    for (const pod of api.byIndex<Pod>('Pod', POD_CLAIM_INDEX, `${ref.namespace}/${ref.name}`)) {
      if (!podNeedsVolumes(pod)) continue;
      const list = out.get(pod.spec.nodeName!) ?? [];
      list.push(pod);
      out.set(pod.spec.nodeName!, list);
    }
    return out;
  }

  function setAttached(nodeName: string, uniqueName: string, attached: boolean): void {
    api.mutate<Node>('Node', undefined, nodeName, (d) => {
      const list = d.status.volumesAttached ?? [];
      const has = list.some((v) => v.name === uniqueName);
      if (has === attached) return false;
      const next = attached ? [...list, { name: uniqueName, devicePath: '' }] : list.filter((v) => v.name !== uniqueName);
      if (next.length) d.status.volumesAttached = next;
      else delete d.status.volumesAttached;
    }, { subresource: 'status' });
  }

  function reportMultiAttachError(pv: PersistentVolume, nodeName: string, pods: Pod[], elsewhere: Map<string, Pod[]>, attachedTo: string[]): void {
    const key = `${pv.metadata.name}|${nodeName}`;
    if (multiAttachReported.has(key)) return;
    multiAttachReported.add(key);
    const otherPods = attachedTo.flatMap((n) => elsewhere.get(n) ?? []);
    for (const pod of pods) {
      let detail: string;
      if (!otherPods.length) detail = "Volume is already exclusively attached to one node and can't be attached to another";
      else {
        const local = otherPods.filter((p) => p.metadata.namespace === pod.metadata.namespace).map((p) => p.metadata.name);
        const foreign = otherPods.length - local.length;
        detail = local.length
          ? `Volume is already used by pod(s) ${local.join(', ')}${foreign ? ` and ${foreign} pod(s) in different namespaces` : ''}`
          : `Volume is already used by ${foreign} pod(s) in different namespaces`;
      }
      ctx.recorder.record(pod, 'Warning', 'FailedAttachVolume', `Multi-Attach error for volume "${pv.metadata.name}" ${detail}`, { component: ATTACH_DETACH_CONTROLLER });
    }
  }

  function runOperation(pvName: string, label: string, done: () => void): void {
    operations.add(pvName);
    ctx.clock.after(jittered(ctx, ctx.timings.attachMs), `${ATTACH_DETACH_CONTROLLER} ${label} ${pvName}`, () => {
      operations.delete(pvName);
      done();
      queue.add(pvName);
    });
  }

  function sync(pvName: string): void {
    if (operations.has(pvName)) return;
    const pv = api.get<PersistentVolume>('PersistentVolume', undefined, pvName);
    const uniqueName = pv ? attachedVolumeName(pv) : `kubernetes.io/csi/${CSI_DRIVER}^${pvName}`;
    if (pv && !uniqueName) return;
    const attachedNodes = api.byIndex<Node>('Node', NODE_VOLUME_INDEX, uniqueName!).filter((n) => (n.status.volumesAttached ?? []).some((v) => v.name === uniqueName));
    const desired = pv ? desiredNodes(pv) : new Map<string, Pod[]>();
    for (const key of [...multiAttachReported]) if (key.startsWith(`${pvName}|`) && !desired.has(key.slice(pvName.length + 1))) multiAttachReported.delete(key);

    // Detach what no pod needs any more, once unmounted (or forced).
    for (const node of attachedNodes) {
      const name = node.metadata.name;
      const pair = `${pvName}|${name}`;
      if (desired.has(name)) {
        detachRequestedAt.delete(pair);
        continue;
      }
      const since = detachRequestedAt.get(pair) ?? ctx.clock.now();
      detachRequestedAt.set(pair, since);
      const mounted = (node.status.volumesInUse ?? []).includes(uniqueName!);
      const forced = !nodeIsHealthy(node) && ctx.clock.now() - since >= MAX_WAIT_FOR_UNMOUNT_MS;
      if (mounted && !forced && !hasOutOfServiceTaint(node)) {
        if (!nodeIsHealthy(node) && !timeoutTimers.has(pair)) {
          timeoutTimers.add(pair);
          ctx.clock.after(since + MAX_WAIT_FOR_UNMOUNT_MS - ctx.clock.now(), `${ATTACH_DETACH_CONTROLLER} unmount timeout ${pair}`, () => {
            timeoutTimers.delete(pair);
            queue.add(pvName);
          });
        }
        continue;
      }
      detachRequestedAt.delete(pair);
      setAttached(name, uniqueName!, false);
      ctx.trace.record(ATTACH_DETACH_CONTROLLER, pvName, 'detach', `${name}${mounted ? ' (forced: still mounted)' : ''}`);
      runOperation(pvName, 'detach', () => undefined);
      return;
    }
    if (!pv) return;

    // Attach where pods need it.
    const attachedNames = attachedNodes.map((n) => n.metadata.name);
    for (const [nodeName, pods] of desired) {
      if (attachedNames.includes(nodeName)) continue;
      const others = attachedNames.filter((n) => n !== nodeName);
      if (!isMultiAttachAllowed(pv) && others.length) {
        reportMultiAttachError(pv, nodeName, pods, desired, others);
        continue;
      }
      if (!api.get<Node>('Node', undefined, nodeName)) continue;
      ctx.trace.record(ATTACH_DETACH_CONTROLLER, pvName, 'attach', nodeName);
      runOperation(pvName, 'attach', () => {
        const current = api.get<PersistentVolume>('PersistentVolume', undefined, pvName);
        if (!current || current.metadata.uid !== pv.metadata.uid) return;
        setAttached(nodeName, uniqueName!, true);
        for (const pod of desiredNodes(current).get(nodeName) ?? []) {
          ctx.recorder.record(pod, 'Normal', 'SuccessfulAttachVolume', `AttachVolume.Attach succeeded for volume "${pvName}"`, { component: ATTACH_DETACH_CONTROLLER });
        }
      });
      return;
    }
  }

  return { name: ATTACH_DETACH_CONTROLLER, queue, sync };
}
