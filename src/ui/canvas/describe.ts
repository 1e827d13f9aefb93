/**
 * Ids that tie canvas objects to the elements describing them (aria-describedby), shared by the pure
 * layout (snapshotToFlow.ts) and the components.
 */

/** The React Flow id of the canvas: it names the element React Flow renders with its keyboard help. */
export const FLOW_ID = 'cluster-canvas';

/** The id of React Flow's keyboard help for nodes, the aria-describedby React Flow gives every node. */
export const FLOW_NODE_HELP_ID = `react-flow__node-desc-${FLOW_ID}`;

/** The id of the element that describes node `id` (its status in words), for aria-describedby. */
export function descriptionId(id: string): string {
  return `desc-${id}`;
}
