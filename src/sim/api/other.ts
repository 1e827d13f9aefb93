/**
 * Objects from the smaller API groups: storage.k8s.io, discovery.k8s.io, policy, coordination.k8s.io,
 * snapshot.storage.k8s.io.
 */
import type { NodeSelectorTerm, ObjectReference } from './core';
import type { Condition, KubeObject, LabelSelector } from './meta';

export interface StorageClass extends KubeObject {
  kind: 'StorageClass';
  provisioner: string;
  parameters?: Record<string, string>;
  reclaimPolicy?: 'Retain' | 'Delete';
  volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  allowVolumeExpansion?: boolean;
  allowedTopologies?: { matchLabelExpressions: { key: string; values: string[] }[] }[];
}

export interface EndpointConditions {
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

export interface Endpoint {
  addresses: string[];
  conditions: EndpointConditions;
  hostname?: string;
  nodeName?: string;
  zone?: string;
  targetRef?: ObjectReference;
}

export interface EndpointPort {
  name?: string;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  port?: number;
}

export interface EndpointSlice extends KubeObject {
  kind: 'EndpointSlice';
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints: Endpoint[];
  ports: EndpointPort[] | null;
}

export interface PodDisruptionBudget extends KubeObject {
  kind: 'PodDisruptionBudget';
  spec: {
    minAvailable?: number | string;
    maxUnavailable?: number | string;
    selector?: LabelSelector;
    unhealthyPodEvictionPolicy?: 'IfHealthyBudget' | 'AlwaysAllow';
  };
  status?: {
    /** Pods the eviction API approved for deletion that the controller has not yet seen go (name -> time). */
    disruptedPods?: Record<string, string>;
    currentHealthy: number;
    desiredHealthy: number;
    disruptionsAllowed: number;
    expectedPods: number;
    observedGeneration?: number;
    conditions?: Condition[];
  };
}

export interface Lease extends KubeObject {
  kind: 'Lease';
  spec: { holderIdentity?: string; leaseDurationSeconds?: number; renewTime?: string };
}

export interface VolumeSnapshot extends KubeObject {
  kind: 'VolumeSnapshot';
  spec: { source: { persistentVolumeClaimName?: string; volumeSnapshotContentName?: string }; volumeSnapshotClassName?: string };
  status?: { readyToUse?: boolean; boundVolumeSnapshotContentName?: string; creationTime?: string; restoreSize?: string };
}

/** Topology of a node selector, used for PV node affinity. */
export type { NodeSelectorTerm };
