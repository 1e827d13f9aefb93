/** PersistentVolumeClaims and PersistentVolumes as small cylinders, the phase always in words. */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ReactNode } from 'react';
import type { LayoutNode } from '../canvasStore';
import { useCanvasView, useIsExiting } from '../hooks';
import { CanvasKind } from '../model';
import { Appear, Changing } from '../motion';
import { Handles, descriptionId } from './Hidden';

/** A cylinder drawn to fill its box: an ellipse lid over a body, the text in the body. */
function Cylinder({ className, children }: { className: string; children: ReactNode }) {
  return (
    <div className={`cylinder ${className}`}>
      <svg className="cylinder-shape" viewBox="0 0 104 52" preserveAspectRatio="none" aria-hidden="true">
        <path className="cylinder-body" d="M1 8 V44 A51 7 0 0 0 103 44 V8" />
        <ellipse className="cylinder-lid" cx="52" cy="8" rx="51" ry="7" />
      </svg>
      <span className="cylinder-text">{children}</span>
    </div>
  );
}

function PvcNodeComponent({ id }: NodeProps<LayoutNode>) {
  const view = useCanvasView(id, CanvasKind.pvc);
  const isExiting = useIsExiting(id);
  if (!view) return null;
  const phase = view.isTerminating ? 'Terminating' : view.phase;
  return (
    <Appear isExiting={isExiting} className="volume-wrap">
      <Handles />
      <Cylinder className={`pvc phase-${phase}`}>
        <span className="cyl-name mono" title={view.name}>
          {view.name}
        </span>
        <span className="cyl-facts">
          <span className="cyl-kind">PVC</span>{' '}
          <Changing value={phase} className="cyl-phase">
            {phase}
          </Changing>{' '}
          {view.request ?? ''}
        </span>
        <span id={descriptionId(id)} className="visually-hidden">
          {[
            phase,
            view.request,
            view.accessModes,
            view.storageClassName && `class ${view.storageClassName}`,
            view.volumeName ? `volume ${view.volumeName}` : 'no volume yet',
          ]
            .filter(Boolean)
            .join(', ')}
        </span>
      </Cylinder>
    </Appear>
  );
}

function PvNodeComponent({ id }: NodeProps<LayoutNode>) {
  const view = useCanvasView(id, CanvasKind.pv);
  const isExiting = useIsExiting(id);
  if (!view) return null;
  const phase = view.isTerminating ? 'Terminating' : view.phase;
  return (
    <Appear isExiting={isExiting} className="volume-wrap">
      <Handles />
      <Cylinder className={`pv phase-${phase}`}>
        <span className="cyl-name mono" title={view.name}>
          {view.shortName}
        </span>
        <span className="cyl-facts">
          <span className="cyl-kind">PV</span>{' '}
          <Changing value={phase} className="cyl-phase">
            {phase}
          </Changing>
        </span>
        <span id={descriptionId(id)} className="visually-hidden">
          {[
            phase,
            view.capacity,
            view.reclaimPolicy && `reclaim policy ${view.reclaimPolicy}`,
            view.claim ? `claim ${view.claim}` : 'no claim',
            view.zone && `zone ${view.zone}`,
          ]
            .filter(Boolean)
            .join(', ')}
        </span>
      </Cylinder>
    </Appear>
  );
}

export const PvcNode = memo(PvcNodeComponent);
export const PvNode = memo(PvNodeComponent);
