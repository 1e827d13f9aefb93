/** How two snapshots from the store differ, as the views that draw them need to know. */
import type { ClusterSnapshot } from '../protocol';

/**
 * Whether `next` is `previous` with only its clock moved: every other part is the same object (the
 * client keeps every unchanged part of a snapshot, see src/protocol/snapshotPatch.ts).
 */
export function onlyTimeMoved(previous: ClusterSnapshot, next: ClusterSnapshot): boolean {
  const keys = Object.keys(next) as (keyof ClusterSnapshot)[];
  return (
    keys.length === Object.keys(previous).length && keys.every((k) => k === 'time' || next[k] === previous[k])
  );
}
