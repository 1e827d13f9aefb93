/** The canvas's node and edge types, defined once at module scope so React Flow never sees new ones. */
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { BindingEdge, ServiceEdge, VolumeEdge } from './edges/CanvasEdges';
import { CanvasKind, EdgeKind } from './model';
import { NodeBoxNode, StorageBandNode, TrayNode, ZoneNode } from './nodes/ContainerNodes';
import { PodNode } from './nodes/PodNode';
import { ServiceNode } from './nodes/ServiceNode';
import { PvNode, PvcNode } from './nodes/StorageNodes';

export const nodeTypes: NodeTypes = {
  [CanvasKind.zone]: ZoneNode,
  [CanvasKind.node]: NodeBoxNode,
  [CanvasKind.pod]: PodNode,
  [CanvasKind.storage]: StorageBandNode,
  [CanvasKind.pvc]: PvcNode,
  [CanvasKind.pv]: PvNode,
  [CanvasKind.service]: ServiceNode,
  [CanvasKind.tray]: TrayNode,
};

export const edgeTypes: EdgeTypes = {
  [EdgeKind.service]: ServiceEdge,
  [EdgeKind.volume]: VolumeEdge,
  [EdgeKind.binding]: BindingEdge,
};
