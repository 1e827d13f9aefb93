/**
 * The history the comparison panel tells: for each workload, its replica slots and every pod that has held
 * each slot since the start (or the last reset), and the latest episode (a user action and what the
 * controllers did about it). Plain JSON, built only by `reduceHistory`.
 */
import type { EventSnapshot } from '../../protocol';

export type WorkloadKind = 'StatefulSet' | 'Deployment';

/** The volume that holds a pod's data: its first PVC volume, else the volume mounted at a data directory. */
export interface VolumeFacts {
  /** The volume's name in spec.volumes (`data`). */
  name: string;
  /** The volume source kind: persistentVolumeClaim, emptyDir, ... */
  source: string;
  claimName: string | null;
  /** The bound PersistentVolume, or null (emptyDir, or a claim not bound yet). */
  pvName: string | null;
  /** The zone the PV's node affinity requires, or null. */
  pvZone: string | null;
  /** The key of the volume's content (`pv:<pv>` or `emptydir:<pod uid>/<name>`), or null. */
  volumeId: string | null;
}

/** What was on a volume when last seen. */
export interface DataFacts {
  files: number;
  tables: number;
  rows: number;
}

/** Why a pod went away, as far as the snapshots and Events tell. */
export type DeletionCause =
  /** No controller or eviction Event names it: a person (kubectl delete) did it. */
  | 'user'
  /** Its own controller deleted it (scale down, rolling update): a SuccessfulDelete Event. */
  | 'controller'
  /** Deleted while its node was cordoned: what kubectl drain's evictions look like. */
  | 'drain'
  /** The taint eviction controller marked it for deletion (TaintManagerEviction). */
  | 'taint'
  /** Deleted while its node was NotReady. */
  | 'nodeLost';

/** One pod that held a slot: its facts when last seen and the times of its life. */
export interface PodRecord {
  uid: string;
  name: string;
  /** The controller owner (the ReplicaSet of a Deployment's pod). */
  ownerName: string | null;
  nodeName: string | null;
  zone: string | null;
  ip: string | null;
  /** The per-pod DNS name (StatefulSet pods under a headless Service), or null. */
  dnsName: string | null;
  volume: VolumeFacts | null;
  /** The data on its volume when last seen while the pod existed, or null when never seen. */
  data: DataFacts | null;
  status: string;
  isReady: boolean;
  /** Simulated milliseconds. */
  createdAt: number;
  readyAt: number | null;
  terminatingAt: number | null;
  /** metadata.deletionGracePeriodSeconds when seen terminating. */
  gracePeriodSeconds: number | null;
  /** When a snapshot first showed it terminating or gone (finer than the second-precision API times). */
  terminatingSeenAt: number | null;
  /** When the pod was first seen gone from the API. */
  goneAt: number | null;
  deletedBy: DeletionCause | null;
  /** The first time a snapshot showed this pod. */
  firstSeenAt: number;
}

/** One replica slot: a StatefulSet ordinal, or a Deployment position a replacement takes over. */
export interface SlotHistory {
  /** `ordinal:<n>` or `position:<n>`. */
  key: string;
  ordinal: number | null;
  position: number;
  /** The pods that held the slot, oldest first; the last one holds it now (unless it is gone). */
  pods: PodRecord[];
}

/** Something a person (or the cluster) did to a workload that starts a new episode. */
export type WorkloadAction =
  | {
      type: 'deletedPod';
      time: number;
      podName: string;
      uid: string;
      nodeName: string | null;
      cause: DeletionCause;
    }
  | { type: 'scaled'; time: number; from: number; to: number }
  | { type: 'newRevision'; time: number; ownerName: string };

/** The latest action on a workload and what followed it. */
export interface Episode {
  start: number;
  actions: WorkloadAction[];
  /** Events about the workload, its ReplicaSets, pods and claims since `start`, oldest first. */
  events: EventSnapshot[];
}

export interface WorkloadHistory {
  kind: WorkloadKind;
  name: string;
  namespace: string;
  uid: string;
  replicas: number;
  readyReplicas: number;
  /** The headless Service that gives the pods DNS names (a StatefulSet's spec.serviceName), or null. */
  serviceDnsName: string | null;
  /** The ClusterIP Service selecting the pods: its DNS name and VIP, or null. */
  service: { name: string; dnsName: string; clusterIP: string | null } | null;
  slots: SlotHistory[];
  /** Every pod stayed Ready and in place at the previous observation. */
  isSettled: boolean;
  episode: Episode | null;
}

export interface History {
  /** When the history started (the first snapshot, or the last reset). */
  startedAt: number;
  /** The time of the last snapshot folded in. */
  time: number;
  /** Event uid -> count already seen, so each occurrence is counted once. */
  seenEvents: Record<string, number>;
  workloads: WorkloadHistory[];
}
