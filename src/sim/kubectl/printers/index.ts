/**
 * kubectl's human-readable printers: the `get` tables (and their wide forms), watch rows, and `describe`.
 * Pure functions of objects, the API server (for lookups such as a pod's events) and the current time.
 */
import type { KubeObject } from '../../api/meta';
import type { ApiServer } from '../../apiserver/store';

export interface PrintOptions {
  api: ApiServer;
  /** Simulated milliseconds now (for AGE columns). */
  now: number;
  wide: boolean;
  /** Prefix names with their kind (`pod/web-0`), as `get all` and multi-type gets do. */
  withKind: boolean;
  /** Add a NAMESPACE column first (-A). */
  withNamespace: boolean;
  noHeaders: boolean;
  showLabels: boolean;
  /** `-L key` label columns. */
  labelColumns: string[];
}

/** A table before alignment: the header cells and one row of cells per object. */
export interface Table {
  header: string[];
  rows: string[][];
}

export { buildTable, formatTable, printTable, WatchPrinter } from './table';
export { describeObject } from './describe';
export type { KubeObject };
export { age, humanDuration } from './duration';
export { podCells } from './podStatus';
export type { PodCells } from './podStatus';
export { TabWriter } from './tabwriter';
