/** The invisible connection points edges attach to (the canvas routes edges itself; nobody connects by hand). */
import { Handle, Position } from '@xyflow/react';

export { descriptionId } from '../describe';

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
