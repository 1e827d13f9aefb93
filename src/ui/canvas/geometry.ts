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

/**
 * Compact rendering: above COMPACT_ENTER_PODS pods the canvas draws every pod as a small chip (no card,
 * no motion), and keeps doing so until the count falls below COMPACT_EXIT_PODS, so a count hovering
 * around the threshold does not flip the drawing back and forth.
 */
export const COMPACT_ENTER_PODS = 120;
export const COMPACT_EXIT_PODS = 100;

/** A pod chip, and the grid chips sit in (inside a node box, or in the tray). */
export const CHIP_W = 56;
export const CHIP_H = 22;
export const CHIP_GAP = 4;
export const CHIP_ROW_H = CHIP_H + CHIP_GAP;
/** Chips side by side in a node box. */
export const NODE_CHIP_COLUMNS = Math.floor((NODE_W - 2 * NODE_PAD + CHIP_GAP) / (CHIP_W + CHIP_GAP));
/** Chips side by side in the unscheduled tray. */
export const TRAY_CHIP_COLUMNS = 10;
/**
 * How many spare chip rows a compact box keeps before it shrinks: boxes grow at once but shrink only when
 * this many rows stand empty, so pods coming and going during a rollout do not move everything below.
 */
export const SPARE_CHIP_ROWS = 2;

/** Whether to draw compact, given the pod count and whether the previous drawing was compact. */
export function isCompactLayout(podCount: number, wasCompact: boolean): boolean {
  return wasCompact ? podCount >= COMPACT_EXIT_PODS : podCount > COMPACT_ENTER_PODS;
}

/** Rows of a chip grid `columns` wide holding `count` chips. */
export function chipRows(count: number, columns: number): number {
  return Math.ceil(count / columns);
}

/**
 * The rows to draw now: `needed`, unless the rows drawn before (`previous`) hold it with fewer than
 * SPARE_CHIP_ROWS + 1 empty rows (then `previous`, so the box keeps its size).
 */
export function stableRows(needed: number, previous: number | undefined): number {
  if (previous === undefined || needed > previous || previous - needed > SPARE_CHIP_ROWS) return needed;
  return previous;
}

/** The position of chip `index` in a grid `columns` wide whose first row starts at (`left`, `top`). */
export function chipPosition(
  index: number,
  columns: number,
  left: number,
  top: number,
): { x: number; y: number } {
  return {
    x: left + (index % columns) * (CHIP_W + CHIP_GAP),
    y: top + Math.floor(index / columns) * CHIP_ROW_H,
  };
}

/** Height of every compact node box when the fullest needs `rows` chip rows (at least one). */
export function compactNodeHeight(rows: number): number {
  return NODE_HEADER_H + Math.max(1, rows) * CHIP_ROW_H - CHIP_GAP + NODE_PAD;
}

/** Width of the compact tray: TRAY_CHIP_COLUMNS chips, then `pairs` claim and volume pairs. */
export function compactTrayWidth(pairs: number): number {
  return 2 * ZONE_PAD + TRAY_CHIP_COLUMNS * (CHIP_W + CHIP_GAP) - CHIP_GAP + pairs * (TRAY_PAIR_W + NODE_GAP);
}

/** Height of the compact tray with `rows` chip rows (at least one), tall enough for a cylinder pair. */
export function compactTrayHeight(rows: number, hasPairs: boolean): number {
  const content = Math.max(Math.max(1, rows) * CHIP_ROW_H - CHIP_GAP, hasPairs ? CYL_H : 0);
  return TRAY_HEADER_H + content + 10;
}
