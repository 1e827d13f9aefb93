/**
 * Mirrors kubernetes-csi/external-snapshotter: the common snapshot-controller (pkg/common-controller
 * snapshot_controller.go: default class, content creation, status and events) together with the csi-snapshotter
 * sidecar (pkg/sidecar-controller: CreateSnapshot through the CSI driver). A VolumeSnapshot of a bound claim
 * gets a VolumeSnapshotContent `snapcontent-<snapshot uid>`; after ctx.timings-like SNAPSHOT_MS the driver cuts
 * the snapshot – the volume's files at that instant are copied into the content's own `snapshot:` volume – and
 * the snapshot becomes readyToUse. Deleting a snapshot with deletionPolicy Delete deletes its content and files.
 *
 * Simplified: dynamic snapshots only (no pre-provisioned contents), no finalizers (the content is removed when
 * its snapshot is gone), no group snapshots; cutting never fails; an unbound source claim just waits.
 */
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/core';
import type { VolumeSnapshot } from '../../api/other';
import type { ClusterContext, Controller } from '../../runtime/controller';
import { jittered } from '../../runtime/controller';
import { SIM_EPOCH_MS, toTimestamp } from '../../runtime/clock';
import { WorkQueue, keyOf, splitKey } from '../../runtime/workqueue';
import { pvVolumeId, snapshotVolumeId } from '../../storage/files';
import { parseQuantity } from '../persistentvolume/util';
import { ANN_IS_DEFAULT_SNAPSHOT_CLASS, SNAPSHOT_API_VERSION } from './types';
import type { VolumeSnapshotClass, VolumeSnapshotContent } from './types';

const NAME = 'snapshot-controller';
/** How long the CSI driver takes to cut a snapshot. */
export const SNAPSHOT_MS = 1_000;

/** The content name the snapshot-controller gives a dynamically created snapshot: `snapcontent-<uid>`. */
export function snapshotContentName(vs: VolumeSnapshot): string {
  return `snapcontent-${vs.metadata.uid}`;
}

export function startSnapshotController(ctx: ClusterContext): Controller {
  const { api } = ctx;
  const queue = new WorkQueue(ctx.clock, NAME);
  const cutting = new Set<string>();

  api.watch('VolumeSnapshot', ({ type, object }) => {
    queue.add(`snapshot:${keyOf(object.metadata)}`);
    if (type === 'DELETED') queue.add(`content:${snapshotContentName(object as VolumeSnapshot)}`);
  });
  api.watch('VolumeSnapshotContent', ({ object }) => {
    const ref = (object as VolumeSnapshotContent).spec.volumeSnapshotRef;
    queue.add(`content:${object.metadata.name}`);
    queue.add(`snapshot:${ref.namespace}/${ref.name}`);
  });
  api.watch('PersistentVolumeClaim', ({ object }) => {
    for (const vs of api.list<VolumeSnapshot>('VolumeSnapshot', object.metadata.namespace)) {
      if (vs.spec.source.persistentVolumeClaimName === object.metadata.name) queue.add(`snapshot:${keyOf(vs.metadata)}`);
    }
  });

  const event = (vs: VolumeSnapshot, reason: string, message: string) => ctx.recorder.record(vs, 'Normal', reason, message, { component: NAME });

  function defaultClass(driver: string): VolumeSnapshotClass | undefined {
    return api
      .list<VolumeSnapshotClass>('VolumeSnapshotClass')
      .find((c) => c.driver === driver && c.metadata.annotations?.[ANN_IS_DEFAULT_SNAPSHOT_CLASS] === 'true');
  }

  function syncSnapshot(vs: VolumeSnapshot): void {
    if (vs.metadata.deletionTimestamp) return;
    const claimName = vs.spec.source.persistentVolumeClaimName;
    const pvc = claimName ? api.get<PersistentVolumeClaim>('PersistentVolumeClaim', vs.metadata.namespace, claimName) : undefined;
    const pv = pvc?.spec.volumeName ? api.get<PersistentVolume>('PersistentVolume', undefined, pvc.spec.volumeName) : undefined;
    const contentName = snapshotContentName(vs);
    const content = api.get<VolumeSnapshotContent>('VolumeSnapshotContent', undefined, contentName);
    if (!content) {
      if (!pvc || pvc.status.phase !== 'Bound' || !pv?.spec.csi) return;
      if (!vs.spec.volumeSnapshotClassName) {
        const cls = defaultClass(pv.spec.csi.driver);
        if (!cls) return;
        api.mutate<VolumeSnapshot>('VolumeSnapshot', vs.metadata.namespace, vs.metadata.name, (d) => {
          d.spec.volumeSnapshotClassName = cls.metadata.name;
        });
        return;
      }
      const cls = api.get<VolumeSnapshotClass>('VolumeSnapshotClass', undefined, vs.spec.volumeSnapshotClassName);
      if (!cls) return;
      api.create<VolumeSnapshotContent>({
        apiVersion: SNAPSHOT_API_VERSION,
        kind: 'VolumeSnapshotContent',
        metadata: { name: contentName, uid: '', resourceVersion: '', creationTimestamp: '' },
        spec: {
          volumeSnapshotRef: { kind: 'VolumeSnapshot', apiVersion: SNAPSHOT_API_VERSION, namespace: vs.metadata.namespace, name: vs.metadata.name, uid: vs.metadata.uid, resourceVersion: vs.metadata.resourceVersion },
          source: { volumeHandle: pv.spec.csi.volumeHandle },
          driver: cls.driver,
          deletionPolicy: cls.deletionPolicy,
          volumeSnapshotClassName: cls.metadata.name,
          sourceVolumeMode: pv.spec.volumeMode ?? 'Filesystem',
        },
      });
      api.mutate<VolumeSnapshot>('VolumeSnapshot', vs.metadata.namespace, vs.metadata.name, (d) => {
        d.status = { boundVolumeSnapshotContentName: contentName, readyToUse: false };
      });
      event(vs, 'CreatingSnapshot', `Waiting for a snapshot ${keyOf(vs.metadata)} to be created by the CSI driver.`);
      return;
    }
    const ready = content.status?.readyToUse === true;
    if (!ready || vs.status?.readyToUse) return;
    api.mutate<VolumeSnapshot>('VolumeSnapshot', vs.metadata.namespace, vs.metadata.name, (d) => {
      d.status = {
        boundVolumeSnapshotContentName: contentName,
        creationTime: toTimestamp(Math.round((content.status?.creationTime ?? 0) / 1e6) - SIM_EPOCH_MS),
        readyToUse: true,
        restoreSize: formatBytes(content.status?.restoreSize ?? 0),
      };
    });
    event(vs, 'SnapshotCreated', `Snapshot ${keyOf(vs.metadata)} was successfully created by the CSI driver.`);
    event(vs, 'SnapshotReady', `Snapshot ${keyOf(vs.metadata)} is ready to use.`);
  }

  /** The csi-snapshotter: cuts the snapshot once; removes contents whose snapshot is gone. */
  function syncContent(content: VolumeSnapshotContent): void {
    const ref = content.spec.volumeSnapshotRef;
    const vs = api.get<VolumeSnapshot>('VolumeSnapshot', ref.namespace, ref.name);
    if (!vs || vs.metadata.uid !== ref.uid) {
      if (content.spec.deletionPolicy === 'Delete') {
        ctx.files.drop(snapshotVolumeId(content.metadata.name));
        api.delete('VolumeSnapshotContent', undefined, content.metadata.name);
      }
      return;
    }
    if (content.status?.readyToUse || cutting.has(content.metadata.name)) return;
    cutting.add(content.metadata.name);
    ctx.clock.after(jittered(ctx, SNAPSHOT_MS), `${NAME} cut ${content.metadata.name}`, () => {
      cutting.delete(content.metadata.name);
      const current = api.get<VolumeSnapshotContent>('VolumeSnapshotContent', undefined, content.metadata.name);
      const pv = api.list<PersistentVolume>('PersistentVolume').find((p) => p.spec.csi?.volumeHandle === current?.spec.source.volumeHandle);
      if (!current || !pv) return;
      ctx.files.copy(pvVolumeId(pv.metadata.name), snapshotVolumeId(current.metadata.name));
      api.mutate<VolumeSnapshotContent>('VolumeSnapshotContent', undefined, current.metadata.name, (d) => {
        d.status = {
          snapshotHandle: `snapshot-${ctx.random.uuid()}`,
          creationTime: (SIM_EPOCH_MS + ctx.clock.now()) * 1e6,
          readyToUse: true,
          restoreSize: parseQuantity(pv.spec.capacity.storage),
        };
      });
      ctx.trace.record(NAME, current.metadata.name, 'cut', `copied the files of ${pv.metadata.name}`);
    });
  }

  return {
    name: NAME,
    queue,
    sync(key) {
      if (key.startsWith('snapshot:')) {
        const { namespace, name } = splitKey(key.slice(9));
        const vs = api.get<VolumeSnapshot>('VolumeSnapshot', namespace, name);
        if (vs) syncSnapshot(vs);
      } else if (key.startsWith('content:')) {
        const content = api.get<VolumeSnapshotContent>('VolumeSnapshotContent', undefined, key.slice(8));
        if (content) syncContent(content);
      }
    },
  };
}

/** A byte count as resource.Quantity prints it in binary SI (`1Gi`, `512Mi`, or plain bytes). */
export function formatBytes(bytes: number): string {
  const units: [string, number][] = [['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]];
  for (const [suffix, size] of units) if (bytes >= size && bytes % size === 0) return `${bytes / size}${suffix}`;
  return String(bytes);
}
