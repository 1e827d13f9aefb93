/**
 * Restoring a volume from a VolumeSnapshot (kubernetes-csi/external-provisioner controller.go,
 * getSnapshotSource): a claim whose spec.dataSource is a VolumeSnapshot of snapshot.storage.k8s.io is
 * provisioned only once the snapshot is ready, and its new volume starts with the snapshot's files.
 *
 * Simplified: no cross-namespace data sources (dataSourceRef with a namespace); the restore copies instantly.
 */
import type { PersistentVolumeClaim } from '../../api/core';
import type { VolumeSnapshot } from '../../api/other';
import type { ApiServer } from '../../apiserver/store';
import type { ClusterContext } from '../../runtime/controller';
import { snapshotVolumeId } from '../../storage/files';
import type { VolumeId } from '../../storage/files';

const SNAPSHOT_GROUP = 'snapshot.storage.k8s.io';

/** The VolumeSnapshot a claim restores from, when its data source names one. */
export function claimSnapshotSource(pvc: PersistentVolumeClaim): string | undefined {
  const src = pvc.spec.dataSourceRef ?? pvc.spec.dataSource;
  return src?.kind === 'VolumeSnapshot' && src.apiGroup === SNAPSHOT_GROUP ? src.name : undefined;
}

/** Why the claim cannot be provisioned yet, in the external-provisioner's words; undefined when it can. */
export function restoreProblem(api: ApiServer, pvc: PersistentVolumeClaim): string | undefined {
  const name = claimSnapshotSource(pvc);
  if (!name) return undefined;
  const prefix = `error getting handle for DataSource Type VolumeSnapshot by Name ${name}`;
  const snapshot = api.get<VolumeSnapshot>('VolumeSnapshot', pvc.metadata.namespace, name);
  if (!snapshot) {
    return `${prefix}: error getting snapshot ${name} from api server: volumesnapshots.${SNAPSHOT_GROUP} "${name}" not found`;
  }
  if (!snapshot.status?.readyToUse || !snapshot.status.boundVolumeSnapshotContentName) return `${prefix}: snapshot ${name} is not Ready`;
  return undefined;
}

/** Creates the new volume's files: a copy of the snapshot's for a restore, else an empty volume. */
export function populateVolume(ctx: ClusterContext, pvc: PersistentVolumeClaim, volume: VolumeId): void {
  const name = claimSnapshotSource(pvc);
  const snapshot = name ? ctx.api.get<VolumeSnapshot>('VolumeSnapshot', pvc.metadata.namespace, name) : undefined;
  const content = snapshot?.status?.boundVolumeSnapshotContentName;
  if (content && ctx.files.has(snapshotVolumeId(content))) ctx.files.copy(snapshotVolumeId(content), volume);
  else ctx.files.ensure(volume);
}
