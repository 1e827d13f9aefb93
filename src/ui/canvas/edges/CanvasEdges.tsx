/**
 * The three edge kinds, drawn along the routes snapshotToFlow computed. A new edge draws itself in
 * (a Service finding a ready pod, a volume re-attaching); nothing moves once it is drawn.
 */
import { EdgeLabelRenderer } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import { m } from 'framer-motion';
import { memo } from 'react';
import { useCanvas } from '../hooks';
import type { CanvasEdge } from '../model';
import { roundedPath } from '../paths';

function ServiceEdgeComponent({ data, target }: EdgeProps<CanvasEdge>) {
  const highlight = useCanvas((s) => s.highlight);
  if (data?.kind !== 'service') return null;
  const d = roundedPath(data.points, 6);
  return (
    <>
      <m.path
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
        <m.path
          key="mounted"
          d={d}
          className="canvas-edge volume-edge state-mounted"
          initial={{ pathLength: 0 }}
          animate={{ pathLength: 1 }}
        />
      ) : (
        <m.path
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
