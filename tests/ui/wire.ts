/** Snapshots as the client hands them on: encoded by the worker's encoder, copied, decoded. */
import { EventType, SNAPSHOT_PATCH, createSnapshotDecoder, createSnapshotEncoder } from '../../src/protocol';
import type { ClusterSnapshot, SnapshotEvent } from '../../src/protocol';

/** A function that passes each snapshot through the patch protocol, as a worker and its client would. */
export function overTheWire(): (snapshot: ClusterSnapshot) => ClusterSnapshot {
  const encode = createSnapshotEncoder();
  const decoder = createSnapshotDecoder();
  return (snapshot) => {
    const event: SnapshotEvent = { type: EventType.snapshot, scenario: 'compare', seed: 1, isPlaying: true, speed: 1, snapshot };
    const wire = structuredClone(encode(event));
    if (wire.type !== SNAPSHOT_PATCH) return decoder.full(wire as SnapshotEvent).snapshot;
    const decoded = decoder.patch(wire);
    if (decoded.ok !== true) throw new Error('a snapshot patch was not applied');
    return decoded.event.snapshot;
  };
}
