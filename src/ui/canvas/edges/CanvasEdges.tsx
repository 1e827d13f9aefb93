/**
 * The three edge kinds, drawn along the routes snapshotToFlow computed. A new edge draws itself in
 * (a Service finding a ready pod, a volume re-attaching); nothing moves once it is drawn.
 */
import { EdgeLabelRenderer } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import { m, useReducedMotion } from 'framer-motion';
import type { TargetAndTransition } from 'framer-motion';
import { memo } from 'react';
import { useCanvas } from '../hooks';
import type { CanvasEdge } from '../model';
import { useIsChange } from '../motion';
import { roundedPath } from '../paths';

/** A path that draws itself in; one drawn after the first picture is a change (highlighted under reduced motion). */
function DrawnPath({
  d,
  className,
  initial,
  animate,
}: {
  d: string;
  className: string;
  initial: TargetAndTransition;
  animate: TargetAndTransition;
}) {
  const isNew = useIsChange();
  const isReduced = useReducedMotion() ?? false;
  return (
    <m.path
      d={d}
      className={isNew ? `${className} is-new` : className}
      initial={isReduced ? false : initial}
      animate={animate}
    />
  );
}

function ServiceEdgeComponent({ data, target }: EdgeProps<CanvasEdge>) {
  const highlight = useCanvas((s) => s.highlight);
  if (data?.kind !== 'service') return null;
  const d = roundedPath(data.points, 6);
  return (
    <>
      <DrawnPath
        d={d}
        className={`canvas-edge service-edge lane-${data.lane % 4}${data.isHeadless ? ' is-headless' : ''}`}
        initial={{ pathLength: 0 }}
        animate={{ pathLength: 1 }}
      />
      {data.label && data.labelAt && (
        <EdgeLabelRenderer>
          <div
            className={`dns-label mono lane-${data.lane % 4}`}
            style={{ transform: `translate(${data.labelAt.x}px, ${data.labelAt.y}px) translateY(-50%)` }}
            title={`${data.label} resolves to this pod`}
            onMouseEnter={() => highlight(target)}
            onMouseLeave={() => highlight(null)}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

function VolumeEdgeComponent({ data }: EdgeProps<CanvasEdge>) {
  if (data?.kind !== 'volume') return null;
  const d = roundedPath(data.points, 6);
  return (
    <>
      {data.state === 'mounted' ? (
        <DrawnPath
          key="mounted"
          d={d}
          className="canvas-edge volume-edge state-mounted"
          initial={{ pathLength: 0 }}
          animate={{ pathLength: 1 }}
        />
      ) : (
        <DrawnPath
          key={data.state}
          d={d}
          className={`canvas-edge volume-edge state-${data.state}`}
          initial={{ opacity: 0 }}
          animate={{ opacity: 1 }}
        />
      )}
      {data.state === 'blocked' && data.labelAt && (
        <EdgeLabelRenderer>
          <div
            className="edge-alert"
            title={data.message ?? undefined}
            style={{ transform: `translate(${data.labelAt.x}px, ${data.labelAt.y}px) translate(-50%, -50%)` }}
          >
            Multi-Attach error
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

function BindingEdgeComponent({ data }: EdgeProps<CanvasEdge>) {
  if (data?.kind !== 'binding') return null;
  return (
    <path
      d={roundedPath(data.points)}
      className={`canvas-edge binding-edge${data.isBound ? ' is-bound' : ' is-binding'}`}
    />
  );
}

export const ServiceEdge = memo(ServiceEdgeComponent);
export const VolumeEdge = memo(VolumeEdgeComponent);
export const BindingEdge = memo(BindingEdgeComponent);
