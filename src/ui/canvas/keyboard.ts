/**
 * Arrow-key movement between canvas objects: from the focused object to the nearest focusable one in
 * that direction. Boxes that hold other objects (zones, nodes, the tray) count by their header strip, so
 * moving up from the top pod of a node reaches the node, then the zone, then the Services.
 */
import type { Node } from '@xyflow/react';
import { NODE_HEADER_H, ZONE_HEADER_H } from './geometry';
import type { Rect } from './geometry';
import { CanvasKind } from './model';

export type Direction = 'up' | 'down' | 'left' | 'right';

/** The direction an arrow key names, or null for other keys. */
export function arrowDirection(key: string): Direction | null {
  switch (key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    default:
      return null;
  }
}

/** Absolute rectangles of the focusable nodes, containers reduced to their header strip. */
export function focusTargets(nodes: readonly Node[]): Map<string, Rect> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const absolute = (n: Node): { x: number; y: number } => {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    const p = parent ? absolute(parent) : { x: 0, y: 0 };
    return { x: p.x + n.position.x, y: p.y + n.position.y };
  };
  const targets = new Map<string, Rect>();
  for (const n of nodes) {
    if (n.focusable === false) continue;
    const { x, y } = absolute(n);
    const width = n.width ?? 0;
    let height = n.height ?? 0;
    if (n.type === CanvasKind.zone || n.type === CanvasKind.tray) height = Math.min(height, ZONE_HEADER_H);
    if (n.type === CanvasKind.node) height = Math.min(height, NODE_HEADER_H);
    targets.set(n.id, { x, y, width, height });
  }
  return targets;
}

/** Added to the score of a target that does not overlap the current one across the direction of travel. */
const OFF_AXIS_PENALTY = 100_000;

/**
 * The id of the nearest target from `fromId` in `direction`: among targets whose centre lies beyond the
 * current one's edge in that direction, those in line with it (overlapping across the direction) first,
 * then the smallest distance along the direction plus twice the sideways gap, then the closest centre.
 * Null when there is none.
 */
export function nextInDirection(
  targets: Map<string, Rect>,
  fromId: string,
  direction: Direction,
): string | null {
  const from = targets.get(fromId);
  if (!from) return null;
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  let best: string | null = null;
  let bestScore = Infinity;
  for (const [id, r] of targets) {
    if (id === fromId) continue;
    const tx = r.x + r.width / 2;
    const ty = r.y + r.height / 2;
    const isVertical = direction === 'up' || direction === 'down';
    let along: number;
    switch (direction) {
      case 'up':
        along = from.y - ty;
        break;
      case 'down':
        along = ty - (from.y + from.height);
        break;
      case 'left':
        along = from.x - tx;
        break;
      case 'right':
        along = tx - (from.x + from.width);
        break;
    }
    if (along <= 0) continue;
    // Sideways: the gap between the two rectangles across the direction of travel (0 when in line),
    // then the offset of their centres to break ties.
    const gap = isVertical
      ? Math.max(0, r.x - (from.x + from.width), from.x - (r.x + r.width))
      : Math.max(0, r.y - (from.y + from.height), from.y - (r.y + r.height));
    const offset = isVertical ? Math.abs(tx - cx) : Math.abs(ty - cy);
    const score = (gap > 0 ? OFF_AXIS_PENALTY : 0) + along + 2 * gap + offset / 100;
    if (score < bestScore || (score === bestScore && best !== null && id < best)) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}
