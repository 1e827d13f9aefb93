/** The invisible connection points edges attach to (the canvas routes edges itself; nobody connects by hand). */
import { Handle, Position } from '@xyflow/react';

export function Handles({ target = true, source = true }: { target?: boolean; source?: boolean }) {
  return (
    <>
      {target && (
        <Handle type="target" position={Position.Top} isConnectable={false} className="hidden-handle" />
      )}
      {source && (
        <Handle type="source" position={Position.Bottom} isConnectable={false} className="hidden-handle" />
      )}
    </>
  );
}

/** The id of the element that describes node `id` (its status in words), for aria-describedby. */
export function descriptionId(id: string): string {
  return `desc-${id}`;
}
