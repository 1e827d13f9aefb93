/**
 * A Pod card. StatefulSet pods are solid cards with a large ordinal badge; Deployment pods have a dashed
 * outline with their random suffix emphasised. STATUS, READY, restarts and IP as kubectl prints them, the
 * owner's kind, a warning badge when the pod has Warning Events, and the grace countdown while Terminating.
 * With hundreds of pods on the canvas (the view's isCompact), a small chip instead (PodChip.tsx).
 */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { LayoutNode } from '../canvasStore';
import { useCanvasView, useIsExiting, useIsHighlighted } from '../hooks';
import { CanvasKind } from '../model';
import type { PodView } from '../model';
import { Appear, Changing } from '../motion';
import { podDescription, statusText } from '../views';
import { Handles, descriptionId } from './Hidden';
import { PodChip } from './PodChip';

function PodName({ view }: { view: PodView }) {
  if (view.shape === 'deployment' && view.nameSuffix) {
    return (
      <span className="pod-name mono" title={view.name}>
        <span className="pod-name-prefix">{view.namePrefix}</span>
        <span className="pod-name-suffix">{view.nameSuffix}</span>
      </span>
    );
  }
  return (
    <span className="pod-name mono" title={view.name}>
      {view.name}
    </span>
  );
}

function PodNodeComponent({ id }: NodeProps<LayoutNode>) {
  const view = useCanvasView(id, CanvasKind.pod);
  const isExiting = useIsExiting(id);
  const isHighlighted = useIsHighlighted(id);
  if (!view) return null;
  if (view.isCompact) return <PodChip id={id} view={view} isHighlighted={isHighlighted} />;
  const status = statusText(view);
  return (
    <Appear
      isExiting={isExiting}
      className={`pod-card shape-${view.shape} tone-${view.tone}${view.warningCount > 0 ? ' has-warning' : ''}${isHighlighted ? ' is-highlighted' : ''}`}
    >
      <Handles />
      {view.ordinal !== null && (
        <span className="ordinal-badge mono" aria-hidden="true">
          {view.ordinal}
        </span>
      )}
      <span className="pod-body">
        <span className="pod-row">
          <PodName view={view} />
        </span>
        <span className="pod-row">
          <Changing value={view.status} className={`status status-${view.tone}`}>
            {status}
          </Changing>
          {view.warningCount > 0 && (
            <span className="warning-badge" title={view.lastWarning ?? undefined}>
              <span aria-hidden="true">⚠</span> {view.warningCount}
            </span>
          )}
        </span>
        <span className="pod-row">
          <span className="pod-fact mono">
            <span className="fact-label">READY</span> {view.ready}
          </span>
          <span className="pod-fact mono">
            <span className="fact-label">RESTARTS</span> {view.restarts}
          </span>
        </span>
        <span className="pod-row pod-row-meta">
          <span className="pod-ip mono">{view.ip ?? 'no IP'}</span>
          <span className={`owner-kind owner-${view.shape}`}>{view.ownerKind ?? 'no owner'}</span>
        </span>
      </span>
      <span id={descriptionId(id)} className="visually-hidden">
        {podDescription(view)}
      </span>
    </Appear>
  );
}

export const PodNode = memo(PodNodeComponent);
