/**
 * What the canvas draws: one view model per canvas object and per edge, plain data derived from a
 * ClusterSnapshot by `snapshotToFlow`. Node components render these and nothing else.
 */
import type { Edge, Node } from '@xyflow/react';
import type { StatusTone } from '../format';

/** The kinds of object on the canvas; each is a React Flow node type. */
export const CanvasKind = {
  zone: 'zone',
  node: 'node',
  pod: 'pod',
  storage: 'storage',
  pvc: 'pvc',
  pv: 'pv',
  service: 'service',
  tray: 'tray',
} as const;
export type CanvasKind = (typeof CanvasKind)[keyof typeof CanvasKind];

/** A zone column: its nodes side by side, its storage band below them. */
export type ZoneView = {
  kind: typeof CanvasKind.zone;
  /** The topology.kubernetes.io/zone value, or null for nodes without one. */
  name: string | null;
  nodeCount: number;
  readyNodeCount: number;
  /** Every node of the zone is not Ready. */
  isDown: boolean;
  /** The column's tint, cycling through a few (its index among the zones). */
  tint: number;
};

/** A cluster Node as a box holding its pods. */
export type NodeView = {
  kind: typeof CanvasKind.node;
  name: string;
  /** The STATUS cell of `kubectl get nodes`. */
  status: string;
  /** The status as separate words: Ready or NotReady, then SchedulingDisabled when cordoned. */
  statusWords: string[];
  isReady: boolean;
  isUnschedulable: boolean;
  podCIDR: string | null;
  podCount: number;
};

/** The ownership shape of a pod: it decides the card's outline and badge. */
export type PodShape = 'statefulset' | 'deployment' | 'other';

/** A Pod card. */
export type PodView = {
  kind: typeof CanvasKind.pod;
  name: string;
  namespace: string;
  uid: string;
  shape: PodShape;
  /** The StatefulSet ordinal, for a StatefulSet's pod. */
  ordinal: number | null;
  /** The name without its emphasised tail: `mysql-deploy-57dd7c6cf4-` for a Deployment's pod, else the name. */
  namePrefix: string;
  /** The random suffix of a Deployment's pod (`x4k2p`), else ''. */
  nameSuffix: string;
  /** The STATUS cell as kubectl prints it. */
  status: string;
  tone: StatusTone;
  /** The READY cell ("1/1"). */
  ready: string;
  restarts: string;
  ip: string | null;
  nodeName: string | null;
  /** The owner a person thinks of: StatefulSet, Deployment, ReplicaSet, ... or null for a bare pod. */
  ownerKind: string | null;
  ownerName: string | null;
  /** Whole seconds left of the deletion grace period, while Terminating. */
  graceSecondsLeft: number | null;
  /** Warning Events about this pod (summing their counts), and the newest one's `Reason: message`. */
  warningCount: number;
  lastWarning: string | null;
  /** Drawn as a small chip (hundreds of pods on the canvas): no card, no motion. */
  isCompact: boolean;
};

/** The storage band of one zone (or of the tray). */
export type StorageView = {
  kind: typeof CanvasKind.storage;
  zone: string | null;
  claimCount: number;
  volumeCount: number;
};

/** A PersistentVolumeClaim cylinder. */
export type PvcView = {
  kind: typeof CanvasKind.pvc;
  name: string;
  namespace: string;
  uid: string;
  phase: string;
  request: string | null;
  /** Access modes in kubectl's short form (RWO, ROX, RWX, RWOP). */
  accessModes: string;
  storageClassName: string | null;
  volumeName: string | null;
  isTerminating: boolean;
};

/** A PersistentVolume cylinder. */
export type PvView = {
  kind: typeof CanvasKind.pv;
  name: string;
  /** The name shortened for the cylinder (`pvc-1d21bb8e…`); the full name is in the accessible name. */
  shortName: string;
  uid: string;
  phase: string;
  capacity: string | null;
  reclaimPolicy: string | null;
  /** `namespace/name` of the claim, or null. */
  claim: string | null;
  zone: string | null;
  isTerminating: boolean;
};

/** A Service above the zones. */
export type ServiceView = {
  kind: typeof CanvasKind.service;
  name: string;
  namespace: string;
  uid: string;
  isHeadless: boolean;
  /** spec.clusterIP: the VIP, or "None". */
  clusterIP: string | null;
  ports: string;
  dnsName: string;
  readyEndpoints: number;
  endpoints: number;
  /** The edge colour slot (0, 1, ...) the Service's edges are drawn in. */
  lane: number;
};

/** The tray of pods no scheduler has placed yet (and claims waiting for a node). */
export type TrayView = {
  kind: typeof CanvasKind.tray;
  podCount: number;
  claimCount: number;
};

export type CanvasView =
  ZoneView | NodeView | PodView | StorageView | PvcView | PvView | ServiceView | TrayView;

/** A point in flow coordinates. */
export type Point = {
  x: number;
  y: number;
};

/** The edge kinds. */
export const EdgeKind = {
  /** A Service to a pod it routes to (headless: labelled with the pod's DNS name). */
  service: 'service',
  /** A pod to the PersistentVolumeClaim it mounts. */
  volume: 'volume',
  /** A PersistentVolumeClaim to its PersistentVolume. */
  binding: 'binding',
} as const;
export type EdgeKind = (typeof EdgeKind)[keyof typeof EdgeKind];

/**
 * How far a pod's volume has come: `mounted` (attached to the node and in use), `attaching` (scheduled and
 * bound, not yet attached and mounted), `blocked` (a Multi-Attach error), `waiting` (no node or no volume yet).
 */
export type VolumeState = 'mounted' | 'attaching' | 'blocked' | 'waiting';

/** Edge data. `points` is the routed polyline in absolute flow coordinates. */
export type EdgeView =
  | {
      kind: typeof EdgeKind.service;
      points: Point[];
      lane: number;
      isHeadless: boolean;
      /** The per-pod DNS name drawn at `labelAt` (headless Services only). */
      label: string | null;
      labelAt: Point | null;
    }
  | {
      kind: typeof EdgeKind.volume;
      points: Point[];
      state: VolumeState;
      /** The Multi-Attach message when blocked. */
      message: string | null;
      labelAt: Point | null;
    }
  | {
      kind: typeof EdgeKind.binding;
      points: Point[];
      isBound: boolean;
    };

export type CanvasNode = Node<CanvasView, CanvasKind>;
export type CanvasEdge = Edge<EdgeView, EdgeKind>;

/**
 * What the layout remembers between snapshots so objects keep their places: for each cluster node, the
 * occupant of each pod slot (a StatefulSet identity `sts:ns/set/ordinal`, else `uid:<pod uid>`; '' when free).
 */
export interface LayoutState {
  slots: Record<string, string[]>;
  /** The last drawing was compact (see isCompactLayout in geometry.ts). */
  isCompact?: boolean;
  /** While compact: the chip rows last drawn in every node box and in the tray (see stableRows). */
  chipRows?: { node: number; tray: number };
}

export const initialLayoutState: LayoutState = { slots: {} };

/** The result of `snapshotToFlow`. */
export interface Flow {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  layout: LayoutState;
}
