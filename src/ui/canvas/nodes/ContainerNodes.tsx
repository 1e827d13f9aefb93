/**
 * The boxes that hold the cards: zone columns, node boxes, storage bands and the unscheduled tray. They
 * change rarely; each subscribes to its own view only.
 */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { LayoutNode } from '../canvasStore';
import { useCanvasView } from '../hooks';
import { CanvasKind } from '../model';
import { descriptionId } from './Hidden';

function ZoneNodeComponent({ id }: NodeProps<LayoutNode>) {
  const view = useCanvasView(id, CanvasKind.zone);
  if (!view) return null;
  const summary = `${view.nodeCount} node${view.nodeCount === 1 ? '' : 's'}, ${view.readyNodeCount} Ready`;
  return (
    <div className={`zone-column tint-${view.tint}${view.isDown ? ' is-down' : ''}`}>
      <div className="column-header">
        <span className="column-kind">Zone</span>
        <span className="column-name mono">{view.name ?? '(no zone)'}</span>
        <span className="column-summary" id={descriptionId(id)}>
          {summary}
        </span>
        {view.isDown && <span className="zone-down">zone down</span>}
      </div>
    </div>
  );
}

function NodeBoxComponent({ id }: NodeProps<LayoutNode>) {
  const view = useCanvasView(id, CanvasKind.node);
  if (!view) return null;
  return (
    <div
      className={`node-box${view.isReady ? '' : ' is-not-ready'}${view.isUnschedulable ? ' is-cordoned' : ''}`}
    >
      <div className="node-header">
        <span className="node-name mono">{view.name}</span>
        <span className="node-status" id={descriptionId(id)}>
          {view.statusWords.map((word) => (
            <span key={word} className={`node-word word-${word}`}>
              {word}
            </span>
          ))}
        </span>
        {view.podCIDR && <span className="node-cidr mono">{view.podCIDR}</span>}
      </div>
    </div>
  );
}

function StorageBandComponent({ id }: NodeProps<LayoutNode>) {
  const view = useCanvasView(id, CanvasKind.storage);
  if (!view) return null;
  return (
    <div className="storage-band">
      <span className="storage-title">{`Volumes in ${view.zone ?? '(no zone)'}`}</span>
      {view.claimCount === 0 && view.volumeCount === 0 && <span className="storage-empty">none</span>}
    </div>
  );
}

function TrayNodeComponent({ id }: NodeProps<LayoutNode>) {
  const view = useCanvasView(id, CanvasKind.tray);
  if (!view) return null;
  return (
    <div className="tray-column">
      <div className="column-header">
        <span className="column-name">Unscheduled</span>
        <span className="column-summary" id={descriptionId(id)}>
          {view.podCount === 0
            ? 'no pending pods'
            : `${view.podCount} pending pod${view.podCount === 1 ? '' : 's'}`}
        </span>
      </div>
      {view.podCount === 0 && (
        <p className="tray-empty">Pods wait here until the scheduler binds them to a node.</p>
      )}
    </div>
  );
}

export const ZoneNode = memo(ZoneNodeComponent);
export const NodeBoxNode = memo(NodeBoxComponent);
export const StorageBandNode = memo(StorageBandComponent);
export const TrayNode = memo(TrayNodeComponent);
