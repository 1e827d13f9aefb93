/**
 * The status words of every compact chip, each in a hidden element the chip's aria-describedby names
 * (set by snapshotToFlow): screen readers hear "Pod load-17, button, Running, READY 1/1, …" while the
 * chips themselves stay small. Hidden elements still count for aria-describedby, and draw nothing.
 */
import { memo, useMemo } from 'react';
import { descriptionId } from '../describe';
import { useCanvas, useCanvasView } from '../hooks';
import { CanvasKind } from '../model';
import { podDescription } from '../views';

const PodDescription = memo(function PodDescription({ id }: { id: string }) {
  const view = useCanvasView(id, CanvasKind.pod);
  return view ? <span id={descriptionId(id)}>{podDescription(view)}</span> : null;
});

export function PodDescriptions() {
  const nodes = useCanvas((s) => s.nodes);
  const isCompact = useCanvas((s) => s.layout.isCompact ?? false);
  const ids = useMemo(
    () => (isCompact ? nodes.filter((n) => n.type === CanvasKind.pod).map((n) => n.id) : []),
    [nodes, isCompact],
  );
  if (ids.length === 0) return null;
  return (
    <div hidden>
      {ids.map((id) => (
        <PodDescription key={id} id={id} />
      ))}
    </div>
  );
}
