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

/** A claim's or volume's cylinder: its name, kind and phase (with what follows it), and its description. */
function VolumeCard(props: {
  id: string;
  kind: 'PVC' | 'PV';
  name: string;
  shownName: string;
  phase: string;
  /** Text after the phase (a claim's request). */
  after?: string;
  /** The facts its description lists after the phase; empty ones are left out. */
  facts: (string | false | null | undefined)[];
}) {
  const isExiting = useIsExiting(props.id);
  return (
    <Appear isExiting={isExiting} className="volume-wrap">
      <Handles />
      <Cylinder className={`${props.kind.toLowerCase()} phase-${props.phase}`}>
        <span className="cyl-name mono" title={props.name}>
          {props.shownName}
        </span>
        <span className="cyl-facts">
          <span className="cyl-kind">{props.kind}</span>{' '}
          <Changing value={props.phase} className="cyl-phase">
            {props.phase}
          </Changing>
          {props.after !== undefined && <> {props.after}</>}
        </span>
        <span id={descriptionId(props.id)} className="visually-hidden">
          {[props.phase, ...props.facts].filter(Boolean).join(', ')}
        </span>
      </Cylinder>
    </Appear>
  );
}

function PvcNodeComponent({ id }: NodeProps<LayoutNode>) {
  const view = useCanvasView(id, CanvasKind.pvc);
  if (!view) return null;
  return (
    <VolumeCard
      id={id}
      kind="PVC"
      name={view.name}
      shownName={view.name}
      phase={view.isTerminating ? 'Terminating' : view.phase}
      after={view.request ?? ''}
      facts={[
        view.request,
        view.accessModes,
        view.storageClassName && `class ${view.storageClassName}`,
        view.volumeName ? `volume ${view.volumeName}` : 'no volume yet',
      ]}
    />
  );
}

function PvNodeComponent({ id }: NodeProps<LayoutNode>) {
  const view = useCanvasView(id, CanvasKind.pv);
  if (!view) return null;
  return (
    <VolumeCard
      id={id}
      kind="PV"
      name={view.name}
      shownName={view.shortName}
      phase={view.isTerminating ? 'Terminating' : view.phase}
      facts={[
        view.capacity,
        view.reclaimPolicy && `reclaim policy ${view.reclaimPolicy}`,
        view.claim ? `claim ${view.claim}` : 'no claim',
        view.zone && `zone ${view.zone}`,
      ]}
    />
  );
}

export const PvcNode = memo(PvcNodeComponent);
export const PvNode = memo(PvNodeComponent);
