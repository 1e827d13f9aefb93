/**
 * The cluster snapshot as React Flow nodes and edges: a pure function of the snapshot and the layout
 * remembered from the previous one.
 *
 *   Services                (row on top, their edges along lanes below it)
 *   Zone zone-a             Zone zone-b             Unscheduled
 *   [node-1] [node-2]       [node-3] [node-4]       [pending pods]
 *   storage zone-a          storage zone-b          [claims waiting for a node]
 *
 * Node ids carry the object's uid (`pod:<uid>`), so a re-created pod is a new node that arrives, while
 * its StatefulSet identity keeps the slot (see slots.ts).
 *
 * With hundreds of pods the drawing turns compact (see isCompactLayout): pods become small chips in a
 * grid inside their node box (and in the tray), boxes keep their size while pods come and go
 * (stableRows), and no edge is drawn per pod (hundreds of Service and volume edges would hide the
 * chips; the Service cards count their endpoints, the claims sit in their zone's band).
 */
import type {
  ClusterSnapshot,
  EventSnapshot,
  NodeSnapshot,
  PersistentVolumeClaimSnapshot,
  PersistentVolumeSnapshot,
  PodSnapshot,
} from '../../protocol';
import type { AriaRole } from 'react';
import {
  CHIP_H,
  CHIP_W,
  CYL_H,
  CYL_W,
  NODE_CHIP_COLUMNS,
  NODE_HEADER_H,
  NODE_GAP,
  NODE_PAD,
  NODE_W,
  PAIR_GAP,
  PAIR_INSET,
  POD_H,
  POD_W,
  SERVICE_H,
  SERVICE_LANE_GAP,
  SERVICE_LANE_TOP,
  SERVICE_W,
  STORAGE_HEADER_H,
  STORAGE_COLUMN_GAP,
  STORAGE_ROW_H,
  STORAGE_TOP_GAP,
  TOP_BAND_GAP,
  TRAY_H,
  TRAY_CHIP_COLUMNS,
  TRAY_HEADER_H,
  TRAY_PAIR_W,
  ZONE_GAP,
  ZONE_HEADER_H,
  ZONE_PAD,
  chipPosition,
  chipRows,
  compactNodeHeight,
  compactTrayHeight,
  compactTrayWidth,
  isCompactLayout,
  nodeHeight,
  slotPosition,
  storageColumns,
  stableRows,
  storageHeight,
  zoneWidth,
} from './geometry';
import type { Rect } from './geometry';
import { routeBindingEdge, routeServiceEdge, routeVolumeEdge, volumeState } from './edges';
import { CanvasKind, EdgeKind } from './model';
import type {
  CanvasEdge,
  CanvasKind as Kind,
  CanvasNode,
  CanvasView,
  Flow,
  LayoutState,
  PodView,
} from './model';
import { FLOW_NODE_HELP_ID, descriptionId } from './describe';
import { sameNodeLayout } from './share';
import { assignSlots } from './slots';
import { compareNatural, nodeView, podView, pvView, pvcView, serviceView } from './views';

/** The id of the tray node. */
export const TRAY_ID = 'tray';

/** Node ids: the kind and the object's uid (zones and bands by name). */
export const nodeId = {
  zone: (zone: string | null) => `zone:${zone ?? ''}`,
  storage: (zone: string | null) => `storage:${zone ?? ''}`,
  node: (uid: string) => `node:${uid}`,
  pod: (uid: string) => `pod:${uid}`,
  pvc: (uid: string) => `pvc:${uid}`,
  pv: (uid: string) => `pv:${uid}`,
  service: (uid: string) => `svc:${uid}`,
};

/** z-order: columns under boxes under edges under cards (zIndexMode "manual"). */
const Z = { column: 0, box: 1, card: 3 } as const;
/** The z-index of every edge: above the boxes, below the cards. */
export const EDGE_Z = 2;

/** The Services the canvas draws: those that select pods, outside kube-system. */
export function drawnServices(snapshot: ClusterSnapshot) {
  return snapshot.services.filter((s) => s.namespace !== 'kube-system' && Object.keys(s.selector).length > 0);
}

interface Placed {
  node: CanvasNode;
  /** Absolute rectangle. */
  rect: Rect;
}

class Builder {
  readonly nodes: CanvasNode[] = [];
  readonly rects = new Map<string, Rect>();

  /** `previous`: the nodes of the last drawing by id; a node drawn exactly as before is that object. */
  constructor(private readonly previous?: ReadonlyMap<string, CanvasNode>) {}

  add(
    id: string,
    type: Kind,
    view: CanvasView,
    rect: Rect,
    options: {
      parent?: Placed;
      label: string;
      role: AriaRole;
      z: number;
      focusable?: boolean;
      /**
       * The aria-describedby value: React Flow's keyboard help and the element describing the object
       * (see describe.ts and podNames).
       */
      describedBy?: string;
    },
  ): Placed {
    const parent = options.parent;
    const absolute = parent ? { ...rect, x: parent.rect.x + rect.x, y: parent.rect.y + rect.y } : rect;
    const focusable = options.focusable ?? true;
    const describedBy = options.describedBy;
    // Every node has the same fields in the same order (absent ones undefined): hundreds of them are
    // compared field by field on every snapshot (share.ts), and objects of one shape compare fastest.
    const drawn: CanvasNode = {
      id,
      type,
      data: view,
      position: { x: rect.x, y: rect.y },
      width: rect.width,
      height: rect.height,
      parentId: parent ? parent.node.id : undefined,
      ariaLabel: options.label,
      ariaRole: options.role,
      zIndex: options.z,
      draggable: false,
      connectable: false,
      selectable: focusable,
      focusable,
      domAttributes: describedBy ? { 'aria-describedby': describedBy } : undefined,
    };
    // Hundreds of pods stay put from one snapshot to the next: the same object tells everything
    // downstream (the canvas store, React Flow) that nothing changed, without comparing fields again.
    const before = this.previous?.get(id);
    const node =
      before !== undefined &&
      before.data === view &&
      before.domAttributes?.['aria-describedby'] === describedBy &&
      sameNodeLayout(before, drawn)
        ? before
        : drawn;
    this.nodes.push(node);
    this.rects.set(id, absolute);
    return { node, rect: absolute };
  }
}

const NO_EVENTS: readonly EventSnapshot[] = [];

/** A pod's node id, accessible name and chip description reference, made once per pod snapshot. */
const podNameCache = new WeakMap<PodSnapshot, { id: string; label: string; describedBy: string }>();

function podNames(pod: PodSnapshot): { id: string; label: string; describedBy: string } {
  let names = podNameCache.get(pod);
  if (!names) {
    const id = nodeId.pod(pod.uid);
    names = { id, label: `Pod ${pod.name}`, describedBy: `${FLOW_NODE_HELP_ID} ${descriptionId(id)}` };
    podNameCache.set(pod, names);
  }
  return names;
}

/**
 * Pod views by pod snapshot: the client keeps an unchanged pod's snapshot object (snapshot patches), so
 * most pods' views are the object drawn last time. A view also depends on the clock while the pod
 * counts down its grace period, and on the pod's Events.
 */
const podViews = new WeakMap<
  PodSnapshot,
  { view: PodView; now: number; events: readonly EventSnapshot[]; isCompact: boolean }
>();

function cachedPodView(
  pod: PodSnapshot,
  now: number,
  events: readonly EventSnapshot[],
  isCompact: boolean,
): PodView {
  const known = podViews.get(pod);
  if (
    known &&
    known.isCompact === isCompact &&
    (known.now === now || !pod.isTerminating) &&
    known.events.length === events.length &&
    known.events.every((e, i) => e === events[i])
  )
    return known.view;
  const view = podView(pod, now, events, isCompact);
  podViews.set(pod, { view, now, events, isCompact });
  return view;
}

/** Which zone a claim's storage lives in: its bound volume's, else its selected node's; null when neither. */
function claimZone(
  pvc: PersistentVolumeClaimSnapshot,
  pvByName: Map<string, PersistentVolumeSnapshot>,
  zoneOfNode: Map<string, string | null>,
): string | null {
  const pv = pvc.volumeName ? pvByName.get(pvc.volumeName) : undefined;
  if (pv?.zone) return pv.zone;
  return pvc.selectedNode ? (zoneOfNode.get(pvc.selectedNode) ?? null) : null;
}

/** A storage band's cylinder pairs: each claim with its volume beside it, then volumes without a claim here. */
interface Pair {
  pvc: PersistentVolumeClaimSnapshot | null;
  pv: PersistentVolumeSnapshot | null;
}

function pairUp(claims: PersistentVolumeClaimSnapshot[], volumes: PersistentVolumeSnapshot[]): Pair[] {
  const left = new Set(volumes);
  const pairs: Pair[] = [...claims]
    .sort((a, b) => compareNatural(`${a.namespace}/${a.name}`, `${b.namespace}/${b.name}`))
    .map((pvc) => {
      const pv =
        volumes.find((v) => v.name === pvc.volumeName) ??
        volumes.find((v) => v.claim === `${pvc.namespace}/${pvc.name}`) ??
        null;
      if (pv) left.delete(pv);
      return { pvc, pv };
    });
  for (const pv of [...left].sort((a, b) => compareNatural(a.name, b.name))) pairs.push({ pvc: null, pv });
  return pairs;
}

/**
 * Draws `snapshot`: nodes (parents before children, in reading order, which is also the Tab order) and
 * edges, with the layout state to pass to the next call. Pure.
 */
export function snapshotToFlow(
  snapshot: ClusterSnapshot,
  previous: LayoutState,
  previousNodes?: ReadonlyMap<string, CanvasNode>,
): Flow {
  const b = new Builder(previousNodes);
  const now = snapshot.time;
  const { events } = snapshot;

  // Zones, in name order (nodes without a zone last), each with its nodes in name order.
  const zoneOfNode = new Map(snapshot.nodes.map((n) => [n.name, n.zone]));
  const pvByName = new Map(snapshot.pvs.map((pv) => [pv.name, pv]));
  const pvcByKey = new Map(snapshot.pvcs.map((c) => [`${c.namespace}/${c.name}`, c]));
  const zoneOfPv = (pv: PersistentVolumeSnapshot): string | null => {
    if (pv.zone) return pv.zone;
    const claim = pv.claim ? pvcByKey.get(pv.claim) : undefined;
    return claim ? claimZone(claim, pvByName, zoneOfNode) : null;
  };
  const claimZones = new Map(snapshot.pvcs.map((c) => [c.uid, claimZone(c, pvByName, zoneOfNode)]));
  const zoneNames = [
    ...new Set<string | null>([
      ...snapshot.nodes.map((n) => n.zone),
      ...snapshot.pvs.map(zoneOfPv).filter((z) => z !== null),
      ...[...claimZones.values()].filter((z) => z !== null),
    ]),
  ].sort((a, c) => (a === null ? 1 : c === null ? -1 : compareNatural(a, c)));
  const nodesIn = (zone: string | null) =>
    snapshot.nodes.filter((n) => n.zone === zone).sort((a, c) => compareNatural(a.name, c.name));

  const scheduled = new Set(snapshot.nodes.map((n) => n.name));
  const isPlaced = (p: PodSnapshot) => p.nodeName !== null && scheduled.has(p.nodeName);
  const pending = snapshot.pods
    .filter((p) => !isPlaced(p))
    .sort((a, c) => compareNatural(`${a.namespace}/${a.name}`, `${c.namespace}/${c.name}`));
  const isCompact = isCompactLayout(snapshot.pods.length, previous.isCompact ?? false);
  const { layout: slotLayout, slotOf } = assignSlots(
    previous,
    snapshot.pods,
    snapshot.nodes.map((n) => n.name),
    snapshot.workloads,
  );
  // Events by involved uid, once, instead of a pass over all Events for every pod.
  const podEvents = new Map<string, EventSnapshot[]>();
  for (const e of events) {
    if (!e.involvedUid) continue;
    const list = podEvents.get(e.involvedUid);
    if (list) list.push(e);
    else podEvents.set(e.involvedUid, [e]);
  }

  // Storage pairs per zone, and the tray's (claims and volumes no zone holds yet).
  const pairsOf = (zone: string | null) =>
    pairUp(
      snapshot.pvcs.filter((c) => claimZones.get(c.uid) === zone),
      snapshot.pvs.filter((v) => zoneOfPv(v) === zone),
    );
  const zonePairs = new Map(zoneNames.map((z) => [z, z === null ? [] : pairsOf(z)]));
  const trayPairs = pairsOf(null);

  // One height for every zone, so nodes and bands line up across the columns.
  const mostSlots = Math.max(0, ...Object.values(slotLayout.slots).map((s) => s.length));
  const drawnRows = previous.isCompact ? previous.chipRows : undefined;
  const rows = {
    node: stableRows(chipRows(mostSlots, NODE_CHIP_COLUMNS), drawnRows?.node),
    tray: stableRows(chipRows(pending.length, TRAY_CHIP_COLUMNS), drawnRows?.tray),
  };
  const layout: LayoutState = isCompact ? { ...slotLayout, isCompact, chipRows: rows } : slotLayout;
  const boxH = isCompact ? compactNodeHeight(rows.node) : nodeHeight(mostSlots);
  const perRow = (zone: string | null) => storageColumns(zoneWidth(nodesIn(zone).length) - 2 * ZONE_PAD);
  const storageRows = Math.max(
    1,
    ...zoneNames.map((z) => Math.ceil((zonePairs.get(z)?.length ?? 0) / perRow(z))),
  );
  const bandH = storageHeight(storageRows);
  const columnH = ZONE_HEADER_H + boxH + STORAGE_TOP_GAP + bandH + ZONE_PAD;
  const zoneWidths = zoneNames.map((z) => zoneWidth(nodesIn(z).length));
  const columnsWidth = zoneWidths.reduce((w, z) => w + z, 0) + ZONE_GAP * Math.max(0, zoneNames.length - 1);

  // The top band: the Services on the left, the unscheduled tray at the right end, clear of the gutter
  // where Service edges drop into the rightmost node column.
  const trayW = isCompact ? compactTrayWidth(trayPairs.length) : trayWidth(pending.length, trayPairs.length);
  const trayH = isCompact ? compactTrayHeight(rows.tray, trayPairs.length > 0) : TRAY_H;
  const rightmostNodeX = columnsWidth - (zoneNames.length > 0 ? ZONE_PAD + NODE_W : 0);
  const trayX = Math.max(0, columnsWidth - trayW, rightmostNodeX + NODE_PAD);
  const services = drawnServices(snapshot);
  const zonesTop = Math.max(
    SERVICE_LANE_TOP + Math.max(1, services.length) * SERVICE_LANE_GAP + 14,
    trayH + TOP_BAND_GAP,
  );

  const serviceRects = new Map<string, Rect>();
  const serviceSpan = Math.max(SERVICE_W, trayX - ZONE_GAP);
  services.forEach((svc, i) => {
    const cx = (serviceSpan * (i + 0.5)) / services.length;
    const rect = { x: Math.round(cx - SERVICE_W / 2), y: 0, width: SERVICE_W, height: SERVICE_H };
    b.add(nodeId.service(svc.uid), CanvasKind.service, serviceView(svc, i), rect, {
      label: `Service ${svc.name}`,
      role: 'button',
      z: Z.card,
    });
    serviceRects.set(svc.uid, rect);
  });

  const podRects = new Map<string, Rect>();
  const addPod = (pod: PodSnapshot, parent: Placed, at: { x: number; y: number }) => {
    const names = podNames(pod);
    // A chip has no room for its status words: they are in its description (PodChip.tsx).
    const placed = b.add(
      names.id,
      CanvasKind.pod,
      cachedPodView(pod, now, podEvents.get(pod.uid) ?? NO_EVENTS, isCompact),
      {
        x: at.x,
        y: at.y,
        width: isCompact ? CHIP_W : POD_W,
        height: isCompact ? CHIP_H : POD_H,
      },
      {
        parent,
        label: names.label,
        role: 'button',
        z: Z.card,
        describedBy: isCompact ? names.describedBy : undefined,
      },
    );
    podRects.set(pod.uid, placed.rect);
  };

  const claimRects = new Map<string, { rect: Rect; band: Rect; index: number }>();
  const volumeRects = new Map<string, Rect>();
  /** Places a claim at (x, y) inside `parent` and its volume below it (or beside it, `isRow`). */
  const addPair = ({ pvc, pv }: Pair, parent: Placed, x: number, y: number, index: number, isRow = false) => {
    if (pvc) {
      const placed = b.add(
        nodeId.pvc(pvc.uid),
        CanvasKind.pvc,
        pvcView(pvc),
        { x, y, width: CYL_W, height: CYL_H },
        { parent, label: `PersistentVolumeClaim ${pvc.name}`, role: 'button', z: Z.card },
      );
      claimRects.set(`${pvc.namespace}/${pvc.name}`, { rect: placed.rect, band: parent.rect, index });
    }
    if (pv) {
      const placed = b.add(
        nodeId.pv(pv.uid),
        CanvasKind.pv,
        pvView(pv),
        isRow
          ? { x: x + TRAY_PAIR_W - CYL_W, y, width: CYL_W, height: CYL_H }
          : { x, y: y + CYL_H + PAIR_GAP, width: CYL_W, height: CYL_H },
        { parent, label: `PersistentVolume ${pv.name}`, role: 'button', z: Z.card },
      );
      volumeRects.set(pv.name, placed.rect);
    }
  };

  // The tray, first in reading order after the Services: pending pods in a row, then waiting claims.
  const tray = b.add(
    TRAY_ID,
    CanvasKind.tray,
    { kind: CanvasKind.tray, podCount: pending.length, claimCount: trayPairs.filter((p) => p.pvc).length },
    { x: trayX, y: 0, width: trayW, height: trayH },
    { label: 'Unscheduled', role: 'group', z: Z.column },
  );
  pending.forEach((pod, i) =>
    addPod(
      pod,
      tray,
      isCompact
        ? chipPosition(i, TRAY_CHIP_COLUMNS, ZONE_PAD, TRAY_HEADER_H)
        : { x: ZONE_PAD + i * (POD_W + NODE_GAP), y: TRAY_HEADER_H },
    ),
  );
  const pairsX = isCompact
    ? trayW - ZONE_PAD - trayPairs.length * (TRAY_PAIR_W + NODE_GAP) + NODE_GAP
    : ZONE_PAD + pending.length * (POD_W + NODE_GAP);
  const pairsY = TRAY_HEADER_H + (isCompact ? 0 : (POD_H - CYL_H) / 2);
  trayPairs.forEach((pair, k) => addPair(pair, tray, pairsX + k * (TRAY_PAIR_W + NODE_GAP), pairsY, k, true));

  // The zone columns.
  let x = 0;
  zoneNames.forEach((zone, zoneIndex) => {
    const members = nodesIn(zone);
    const width = zoneWidths[zoneIndex]!;
    const readyCount = members.filter((n) => n.isReady).length;
    const column = b.add(
      nodeId.zone(zone),
      CanvasKind.zone,
      {
        kind: CanvasKind.zone,
        name: zone,
        nodeCount: members.length,
        readyNodeCount: readyCount,
        isDown: members.length > 0 && readyCount === 0,
        tint: zoneIndex % 3,
      },
      { x, y: zonesTop, width, height: columnH },
      { label: `Zone ${zone ?? '(none)'}`, role: 'group', z: Z.column },
    );
    members.forEach((node: NodeSnapshot, i) => {
      const pods = snapshot.pods.filter((p) => p.nodeName === node.name);
      const box = b.add(
        nodeId.node(node.uid),
        CanvasKind.node,
        nodeView(node, pods.length),
        { x: ZONE_PAD + i * (NODE_W + NODE_GAP), y: ZONE_HEADER_H, width: NODE_W, height: boxH },
        { parent: column, label: `Node ${node.name}`, role: 'group', z: Z.box },
      );
      const bySlot = [...pods].sort((p, q) => (slotOf.get(p.uid) ?? 0) - (slotOf.get(q.uid) ?? 0));
      for (const pod of bySlot) {
        const slot = slotOf.get(pod.uid) ?? 0;
        addPod(
          pod,
          box,
          isCompact ? chipPosition(slot, NODE_CHIP_COLUMNS, NODE_PAD, NODE_HEADER_H) : slotPosition(slot),
        );
      }
    });
    const pairs = zonePairs.get(zone) ?? [];
    const band = b.add(
      nodeId.storage(zone),
      CanvasKind.storage,
      {
        kind: CanvasKind.storage,
        zone,
        claimCount: pairs.filter((p) => p.pvc).length,
        volumeCount: pairs.filter((p) => p.pv).length,
      },
      {
        x: ZONE_PAD,
        y: ZONE_HEADER_H + boxH + STORAGE_TOP_GAP,
        width: width - 2 * ZONE_PAD,
        height: bandH,
      },
      { parent: column, label: `Storage ${zone ?? '(none)'}`, role: 'group', z: Z.box, focusable: false },
    );
    const columns = perRow(zone);
    pairs.forEach((pair, k) => {
      const px = (k % columns) * (CYL_W + STORAGE_COLUMN_GAP) + PAIR_INSET;
      const py = STORAGE_HEADER_H + Math.floor(k / columns) * STORAGE_ROW_H;
      addPair(pair, band, px, py, k);
    });
    x += width + ZONE_GAP;
  });

  return {
    nodes: b.nodes,
    edges: buildEdges(snapshot, services, {
      serviceRects,
      podRects: isCompact ? new Map() : podRects,
      claimRects,
      volumeRects,
      podEvents,
    }),
    layout,
  };
}

/** The tray is as wide as its pods and waiting claims, and never narrower than one node box. */
function trayWidth(pods: number, pairs: number): number {
  const content = pods * (POD_W + NODE_GAP) + pairs * (TRAY_PAIR_W + NODE_GAP) - NODE_GAP;
  return 2 * ZONE_PAD + Math.max(NODE_W, content);
}

/** Where `snapshotToFlow` placed things, for the edges between them. */
interface Placement {
  serviceRects: Map<string, Rect>;
  /** The pods that get edges (none when compact). */
  podRects: Map<string, Rect>;
  claimRects: Map<string, { rect: Rect; band: Rect; index: number }>;
  volumeRects: Map<string, Rect>;
  /** Events by involved uid, oldest first. */
  podEvents: Map<string, EventSnapshot[]>;
}

function buildEdges(
  snapshot: ClusterSnapshot,
  services: ReturnType<typeof drawnServices>,
  { serviceRects, podRects, claimRects, volumeRects, podEvents }: Placement,
): CanvasEdge[] {
  const edges: CanvasEdge[] = [];
  const base = { zIndex: EDGE_Z, selectable: false, focusable: false } as const;

  services.forEach((svc, lane) => {
    const from = serviceRects.get(svc.uid)!;
    for (const endpoint of svc.endpoints) {
      const to = endpoint.podUid ? podRects.get(endpoint.podUid) : undefined;
      if (!endpoint.isReady || !to || !endpoint.podUid) continue;
      const label = svc.isHeadless ? endpoint.dnsName : null;
      const { points, labelAt } = routeServiceEdge(from, to, lane, svc.isHeadless);
      edges.push({
        ...base,
        id: `svc:${svc.uid}->${endpoint.podUid}`,
        type: EdgeKind.service,
        source: nodeId.service(svc.uid),
        target: nodeId.pod(endpoint.podUid),
        ariaLabel: label
          ? `${label} resolves to Pod ${endpoint.podName}`
          : `Service ${svc.name} routes to Pod ${endpoint.podName}`,
        data: {
          kind: EdgeKind.service,
          points,
          lane,
          isHeadless: svc.isHeadless,
          label,
          labelAt: label ? labelAt : null,
        },
      });
    }
  });

  const nodeByName = new Map(snapshot.nodes.map((n) => [n.name, n]));
  const placedOnNode = new Set(snapshot.nodes.map((n) => n.name));
  const pvcByKey = new Map(snapshot.pvcs.map((c) => [`${c.namespace}/${c.name}`, c]));
  for (const pod of snapshot.pods) {
    const from = podRects.get(pod.uid);
    // A pod in the tray has no node to mount on yet; its claims wait in their band.
    if (!from || !pod.nodeName || !placedOnNode.has(pod.nodeName)) continue;
    for (const claimName of pod.claimNames) {
      const key = `${pod.namespace}/${claimName}`;
      const claim = claimRects.get(key);
      const pvc = pvcByKey.get(key);
      if (!claim || !pvc) continue;
      const node = pod.nodeName ? nodeByName.get(pod.nodeName) : undefined;
      const { state, message } = volumeState(pod, pvc, node, podEvents.get(pod.uid) ?? []);
      const points = routeVolumeEdge(from, claim.rect, claim.band, claim.index);
      const labelAt = state === 'blocked' ? points[Math.min(2, points.length - 1)]! : null;
      edges.push({
        ...base,
        id: `vol:${pod.uid}->${pvc.uid}`,
        type: EdgeKind.volume,
        source: nodeId.pod(pod.uid),
        target: nodeId.pvc(pvc.uid),
        ariaLabel: `Pod ${pod.name} uses PersistentVolumeClaim ${pvc.name}: ${state}`,
        data: { kind: EdgeKind.volume, points, state, message, labelAt },
      });
    }
  }

  for (const pvc of snapshot.pvcs) {
    const claim = claimRects.get(`${pvc.namespace}/${pvc.name}`);
    const pv =
      snapshot.pvs.find((v) => v.name === pvc.volumeName) ??
      snapshot.pvs.find((v) => v.claim === `${pvc.namespace}/${pvc.name}`);
    const volume = pv ? volumeRects.get(pv.name) : undefined;
    if (!claim || !pv || !volume) continue;
    const isBound = pvc.phase === 'Bound' && pvc.volumeName === pv.name;
    edges.push({
      ...base,
      id: `bind:${pvc.uid}->${pv.uid}`,
      type: EdgeKind.binding,
      source: nodeId.pvc(pvc.uid),
      target: nodeId.pv(pv.uid),
      ariaLabel: `PersistentVolumeClaim ${pvc.name} ${isBound ? 'is bound to' : 'is binding to'} PersistentVolume ${pv.name}`,
      data: { kind: EdgeKind.binding, points: routeBindingEdge(claim.rect, volume), isBound },
    });
  }
  return edges;
}
