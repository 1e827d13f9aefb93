// Mirrors pkg/kubelet/volumemanager (volume_manager.go WaitForAttachAndMount, reconciler, and the node status
// volumesInUse the kubelet reports) for the volume kinds the simulator has.
// Simplified: mounting is one delay for the whole pod; configMap/secret/projected volumes need nothing;
// a PVC that is not bound simply keeps the pod waiting.

import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from '../api/core';
import type { ClusterContext } from '../runtime/controller';
import { CSI_DRIVER } from '../scenarios/bootstrap';
import { emptyDirVolumeId, pvVolumeId, rootfsVolumeId } from '../storage/files';

/** A PVC-backed volume of a pod and what it resolves to. */
export interface ClaimVolume {
  /** The pod's volume name (`www`). */
  name: string;
  claimName: string;
  /** The bound PV, once the claim is bound. */
  pvName?: string;
  /** The unique volume name in volumesAttached / volumesInUse: `kubernetes.io/csi/<driver>^<pv>`. */
  uniqueName?: string;
}

/** `kubernetes.io/csi/<driver>^<volumeHandle-ish>`: how attach/detach and the kubelet name a CSI volume. */
export function uniqueVolumeName(pvName: string, driver: string = CSI_DRIVER): string {
  return `kubernetes.io/csi/${driver}^${pvName}`;
}

/** The pod's PVC volumes, resolved through their claims to bound PVs where possible. */
export function claimVolumesOf(ctx: ClusterContext, pod: Pod): ClaimVolume[] {
  const out: ClaimVolume[] = [];
  for (const v of pod.spec.volumes ?? []) {
    if (!v.persistentVolumeClaim) continue;
    const claimName = v.persistentVolumeClaim.claimName;
    const pvc = ctx.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', pod.metadata.namespace, claimName);
    const pvName = pvc?.spec.volumeName;
    const pv = pvName ? ctx.api.get<PersistentVolume>('PersistentVolume', undefined, pvName) : undefined;
    out.push(
      pvName && pv
        ? { name: v.name, claimName, pvName, uniqueName: uniqueVolumeName(pvName, pv.spec.csi?.driver ?? CSI_DRIVER) }
        : { name: v.name, claimName },
    );
  }
  return out;
}

/** Volumes of the pod not yet bound, or bound but not yet in the node's status.volumesAttached (by pod volume name). */
export function unattachedVolumes(node: Node, volumes: readonly ClaimVolume[]): string[] {
  const attached = new Set((node.status.volumesAttached ?? []).map((a) => a.name));
  return volumes.filter((v) => !v.uniqueName || !attached.has(v.uniqueName)).map((v) => v.name);
}

/** Writes the node's status.volumesInUse as exactly `names` (sorted), if it differs. */
export function setVolumesInUse(ctx: ClusterContext, nodeName: string, names: ReadonlySet<string>): void {
  const sorted = [...names].sort();
  ctx.api.mutate<Node>(
    'Node',
    undefined,
    nodeName,
    (draft) => {
      const current = draft.status.volumesInUse ?? [];
      if (current.length === sorted.length && current.every((n, i) => n === sorted[i])) return false;
      if (sorted.length) draft.status.volumesInUse = sorted;
      else delete draft.status.volumesInUse;
    },
    { subresource: 'status' },
  );
}

/**
 * Creates one container's writable layer. The image's own files (nginx's welcome page) are read-only image
 * layers the pod shell serves from its image profile (src/sim/shell/images.ts); the layer holds only what
 * the container writes.
 */
export function seedRootfs(ctx: ClusterContext, podUid: string, containerName: string): void {
  ctx.files.ensure(rootfsVolumeId(podUid, containerName));
}

/** Creates the pod's emptyDir volumes and container root filesystems (PV content already exists). */
export function ensurePodFiles(ctx: ClusterContext, pod: Pod): void {
  for (const v of pod.spec.volumes ?? []) {
    if (v.emptyDir) ctx.files.ensure(emptyDirVolumeId(pod.metadata.uid, v.name));
  }
  for (const c of pod.spec.containers) seedRootfs(ctx, pod.metadata.uid, c.name);
}

/** Removes the pod's emptyDir volumes and container root filesystems; PV content stays. */
export function dropPodFiles(ctx: ClusterContext, pod: Pod): void {
  for (const v of pod.spec.volumes ?? []) {
    if (v.emptyDir) ctx.files.drop(emptyDirVolumeId(pod.metadata.uid, v.name));
  }
  for (const c of pod.spec.containers) ctx.files.drop(rootfsVolumeId(pod.metadata.uid, c.name));
}

/** The files volume a PVC-backed pod volume maps to (contract point 6). */
export function claimFilesVolume(v: ClaimVolume): ReturnType<typeof pvVolumeId> | undefined {
  return v.pvName ? pvVolumeId(v.pvName) : undefined;
}
