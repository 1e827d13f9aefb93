/**
 * The external-snapshotter's cluster-scoped objects (client/apis/volumesnapshot/v1/types.go):
 * VolumeSnapshotClass and VolumeSnapshotContent. VolumeSnapshot itself is in api/other.ts.
 */
import type { ObjectReference } from '../../api/core';
import type { KubeObject } from '../../api/meta';

export const SNAPSHOT_API_VERSION = 'snapshot.storage.k8s.io/v1';

/** Annotation marking the class used when a VolumeSnapshot names none. */
export const ANN_IS_DEFAULT_SNAPSHOT_CLASS = 'snapshot.storage.kubernetes.io/is-default-class';

export interface VolumeSnapshotClass extends KubeObject {
  kind: 'VolumeSnapshotClass';
  driver: string;
  deletionPolicy: 'Delete' | 'Retain';
  parameters?: Record<string, string>;
}

export interface VolumeSnapshotContent extends KubeObject {
  kind: 'VolumeSnapshotContent';
  spec: {
    volumeSnapshotRef: ObjectReference;
    source: { volumeHandle?: string; snapshotHandle?: string };
    driver: string;
    deletionPolicy: 'Delete' | 'Retain';
    volumeSnapshotClassName?: string;
    sourceVolumeMode?: 'Filesystem' | 'Block';
  };
  status?: {
    snapshotHandle?: string;
    /** Nanoseconds since the epoch, as the CSI driver reports it. */
    creationTime?: number;
    readyToUse?: boolean;
    /** Bytes. */
    restoreSize?: number;
  };
}
