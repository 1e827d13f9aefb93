/** SVG path data for routed edges. */
import type { Point } from './model';

/**
 * An SVG path through `points` with each corner rounded by up to `radius` (less where a segment is too
 * short to hold it).
 */
export function roundedPath(points: readonly Point[], radius = 8): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  let d = `M ${first!.x} ${first!.y}`;
  for (let i = 0; i < rest.length; i++) {
    const corner = rest[i]!;
    const before = points[i]!;
    const after = rest[i + 1];
    if (!after) {
      d += ` L ${corner.x} ${corner.y}`;
      break;
    }
    const inLen = Math.hypot(corner.x - before.x, corner.y - before.y);
    const outLen = Math.hypot(after.x - corner.x, after.y - corner.y);
    const r = Math.min(radius, inLen / 2, outLen / 2);
    if (r <= 0) {
      d += ` L ${corner.x} ${corner.y}`;
      continue;
    }
    const a = {
      x: corner.x - ((corner.x - before.x) / inLen) * r,
      y: corner.y - ((corner.y - before.y) / inLen) * r,
    };
    const b = {
      x: corner.x + ((after.x - corner.x) / outLen) * r,
      y: corner.y + ((after.y - corner.y) / outLen) * r,
    };
    d += ` L ${a.x} ${a.y} Q ${corner.x} ${corner.y} ${b.x} ${b.y}`;
  }
  return d;
}
