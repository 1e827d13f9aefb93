/**
 * The canvas's measurements in flow units (React Flow scales them to fit), and the small geometry helpers
 * the layout and the edge router share. Wide rather than tall: screens and projectors are wide.
 */

/** A pod card. */
export const POD_W = 236;
export const POD_H = 92;
/** Room above each card for a headless Service's DNS name. */
export const LABEL_GAP = 18;
/** One pod slot: the label room, the card, a gap. */
export const SLOT_H = LABEL_GAP + POD_H + 8;
/** The fewest pod slots a node box shows. */
export const MIN_SLOTS = 2;

/** A node box: padding around the cards, a header with the name and status. */
export const NODE_PAD = 12;
export const NODE_HEADER_H = 38;
export const NODE_W = POD_W + 2 * NODE_PAD;
export const NODE_GAP = 16;

/** A zone column. */
export const ZONE_PAD = 14;
export const ZONE_HEADER_H = 36;
export const ZONE_GAP = 24;

/** The storage band under a zone's nodes. */
export const STORAGE_TOP_GAP = 22;
export const STORAGE_HEADER_H = 26;
export const CYL_W = 104;
export const CYL_H = 52;
/** A claim with its volume right below it: one column of the band. */
export const PAIR_GAP = 10;
export const STORAGE_COLUMN_GAP = 20;
/** The gutter left of each column, for edges into claims in lower rows. */
export const PAIR_INSET = 12;
export const STORAGE_ROW_H = 2 * CYL_H + PAIR_GAP + 12;
/** In the tray a claim and its volume sit side by side, level with the pending pods. */
export const TRAY_PAIR_W = 2 * CYL_W + 16;

/** The unscheduled tray in the top band: a header, then one row of pending pods and waiting claims. */
export const TRAY_HEADER_H = 28;
export const TRAY_H = TRAY_HEADER_H + POD_H + 10;
/** The gap between the top band and the zones. */
export const TOP_BAND_GAP = 16;

/** Services above the zones, and the lanes their edges run along. */
export const SERVICE_W = 300;
export const SERVICE_H = 70;
export const SERVICE_LANE_TOP = SERVICE_H + 16;
export const SERVICE_LANE_GAP = 12;

/** A rectangle in flow coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Width of a zone with `nodes` node boxes side by side (at least one column, so an empty zone shows). */
export function zoneWidth(nodes: number): number {
  const n = Math.max(1, nodes);
  return 2 * ZONE_PAD + n * NODE_W + (n - 1) * NODE_GAP;
}

/** Height of every node box when the fullest node has `slots` slots. */
export function nodeHeight(slots: number): number {
  return NODE_HEADER_H + Math.max(MIN_SLOTS, slots) * SLOT_H;
}

/** How many claim columns fit in a storage band `width` wide. */
export function storageColumns(width: number): number {
  return Math.max(
    1,
    Math.floor((width - 2 * PAIR_INSET + STORAGE_COLUMN_GAP) / (CYL_W + STORAGE_COLUMN_GAP)),
  );
}

/** Height of a storage band with `rows` rows of claim columns (at least one). */
export function storageHeight(rows: number): number {
  return STORAGE_HEADER_H + Math.max(1, rows) * STORAGE_ROW_H;
}

/** The position of pod slot `index` inside a node box, relative to it. */
export function slotPosition(index: number, top = NODE_HEADER_H): { x: number; y: number } {
  return { x: NODE_PAD, y: top + index * SLOT_H + LABEL_GAP };
}
