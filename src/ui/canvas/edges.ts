/**
 * Edge routing and state: orthogonal polylines in absolute flow coordinates, run through the gaps of the
 * layout (the lanes under the Services, the gutter inside each node box, the gap above the storage band)
 * so no edge crosses a card. Pure functions of rectangles and snapshot objects.
 */
import type { EventSnapshot, NodeSnapshot, PersistentVolumeClaimSnapshot } from '../../protocol';
import { NODE_GAP, NODE_PAD, SERVICE_LANE_GAP, SERVICE_LANE_TOP, STORAGE_HEADER_H } from './geometry';
import type { Rect } from './geometry';
import type { Point, VolumeState } from './model';

/** The y of Service lane `lane`, the horizontal run its edges share. */
export function serviceLaneY(lane: number): number {
  return SERVICE_LANE_TOP + lane * SERVICE_LANE_GAP;
}

/**
 * A Service's edge to a pod: down from the Service to its lane, across to the gutter left of the pod's
 * column, down the gutter, and into the pod: at the DNS name above the card for a headless Service, at
 * the card's name row otherwise.
 */
export function routeServiceEdge(
  service: Rect,
  pod: Rect,
  lane: number,
  isHeadless: boolean,
): { points: Point[]; labelAt: Point | null } {
  const sx = service.x + service.width / 2;
  const sy = service.y + service.height;
  const laneY = serviceLaneY(lane);
  const gutterX = pod.x - 6 - 5 * lane;
  const ty = isHeadless ? pod.y - 10 : pod.y + 18;
  return {
    points: [
      { x: sx, y: sy },
      { x: sx, y: laneY },
      { x: gutterX, y: laneY },
      { x: gutterX, y: ty },
      { x: pod.x, y: ty },
    ],
    labelAt: isHeadless ? { x: pod.x + 4, y: ty } : null,
  };
}

/**
 * A pod's edge to a claim: out of the card's right side into the gap beside its node box, down to a lane
 * just above the storage band (one of four, by the claim's index, so parallel runs stay apart), across,
 * and down into the top of the claim's cylinder; a claim in a lower row of the band is entered from its
 * left side, down the gutter beside its column, so the edge never crosses the cylinders above it.
 */
export function routeVolumeEdge(pod: Rect, claim: Rect, band: Rect, claimIndex: number): Point[] {
  const sy = pod.y + pod.height / 2;
  const gapX = pod.x + pod.width + NODE_PAD + NODE_GAP / 2 - 1;
  const laneY = Math.min(band.y - 6 - (claimIndex % 4) * 4, claim.y - 6);
  const tx = claim.x + claim.width / 2;
  const head = [
    { x: pod.x + pod.width, y: sy },
    { x: gapX, y: sy },
    { x: gapX, y: laneY },
  ];
  if (claim.y - band.y <= STORAGE_HEADER_H) return [...head, { x: tx, y: laneY }, { x: tx, y: claim.y }];
  const gutterX = claim.x - 6;
  const midY = claim.y + claim.height / 2;
  return [...head, { x: gutterX, y: laneY }, { x: gutterX, y: midY }, { x: claim.x, y: midY }];
}

/** A claim's edge to its volume: straight down to the volume below it, or across to one beside it. */
export function routeBindingEdge(claim: Rect, volume: Rect): Point[] {
  if (volume.y >= claim.y + claim.height) {
    return [
      { x: claim.x + claim.width / 2, y: claim.y + claim.height },
      { x: volume.x + volume.width / 2, y: volume.y },
    ];
  }
  return [
    { x: claim.x + claim.width, y: claim.y + claim.height / 2 },
    { x: volume.x, y: volume.y + volume.height / 2 },
  ];
}

/** Whether `names` (volumesAttached or volumesInUse) lists the CSI volume `pvName`. */
function listsVolume(names: readonly string[], pvName: string): boolean {
  return names.some((n) => n === pvName || n.endsWith(`^${pvName}`) || n.endsWith(`/${pvName}`));
}

/**
 * How far `pod`'s claim has come: mounted once the PV is in the node's volumesAttached and volumesInUse;
 * blocked while the newest attach attempt failed (`FailedAttachVolume`, the Multi-Attach error);
 * attaching while scheduled with a bound claim; waiting before that.
 */
export function volumeState(
  pod: { uid: string; nodeName: string | null },
  pvc: PersistentVolumeClaimSnapshot,
  node: NodeSnapshot | undefined,
  events: readonly EventSnapshot[],
): { state: VolumeState; message: string | null } {
  const pvName = pvc.volumeName;
  if (!pod.nodeName || !pvName || pvc.phase !== 'Bound' || !node) return { state: 'waiting', message: null };
  const isAttached = listsVolume(node.volumesAttached, pvName);
  if (isAttached && listsVolume(node.volumesInUse, pvName)) return { state: 'mounted', message: null };
  if (!isAttached) {
    // The newest attach outcome for this pod and volume decides (events are oldest first).
    let newest: EventSnapshot | null = null;
    for (const e of events) {
      const isAttachEvent = e.reason === 'FailedAttachVolume' || e.reason === 'SuccessfulAttachVolume';
      if (e.involvedUid === pod.uid && isAttachEvent && e.message.includes(pvName)) newest = e;
    }
    if (newest?.reason === 'FailedAttachVolume') return { state: 'blocked', message: newest.message };
  }
  return { state: 'attaching', message: null };
}
