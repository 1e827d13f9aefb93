// Mirrors staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go (printTable, decorateTable) and
// tabwriter.go (GetNewTabWriter: minwidth 6, padding 3, RememberWidths), plus the watch loop of
// staging/src/k8s.io/kubectl/pkg/cmd/get/get.go that keeps one writer for a whole `get -w`.
// Simplified: cells are cut at the first newline with `...` but control characters are not escaped.
import { kindPrefix, resourceForKind } from '../../api/kinds';
import type { KubeObject } from '../../api/meta';
import type { PrintOptions, Table } from './index';
import { COLUMNS, DEFAULT_COLUMNS } from './columns';
import { TabWriter } from './tabwriter';

/** The settings printers.GetNewTabWriter passes to liggitt/tabwriter. */
const GET_TABWRITER = { minWidth: 6, padding: 3, rememberWidths: true } as const;

/** printTable renders a string cell up to its first line break, appending `...` when it cut. */
function renderCell(text: string): string {
  const cut = text.search(/[\n\r\f]/);
  return cut === -1 ? text : `${text.slice(0, cut)}...`;
}

function tableLines(rows: string[][]): string {
  return rows.map((row) => row.map(renderCell).join('\t') + '\n').join('');
}

/** Aligns a whole table (header first unless `noHeaders`) as one tabwriter flush. */
export function formatTable(table: Table, noHeaders = false): string {
  if (table.rows.length === 0) return '';
  const w = new TabWriter(GET_TABWRITER);
  w.write(tableLines(noHeaders ? table.rows : [table.header, ...table.rows]));
  return w.flush();
}

/**
 * The header and rows `kubectl get` prints for objects of one kind: the server's columns (wide ones only
 * with -o wide), then the client's decorations: NAMESPACE first (-A), the `kind/` name prefix, `-L` label
 * columns and LABELS (--show-labels).
 */
export function buildTable(kind: string, objects: KubeObject[], options: PrintOptions): Table {
  const set = COLUMNS[kind] ?? DEFAULT_COLUMNS;
  const visible = set.columns.map((c, i) => (options.wide || !c.wide ? i : -1)).filter((i) => i >= 0);
  const header = visible.map((i) => set.columns[i]!.name.toUpperCase());
  const nameColumn = visible.findIndex((i) => set.columns[i]!.name === 'Name');
  const info = resourceForKind(kind);
  const prefix = options.withKind && info ? `${kindPrefix(info)}/` : '';
  const rows = objects.map((obj) => {
    const all = set.cells(obj, options.now, options.wide);
    const cells = visible.map((i) => all[i] ?? '');
    if (prefix && nameColumn >= 0) cells[nameColumn] = prefix + cells[nameColumn];
    return cells;
  });
  if (options.withNamespace && info?.namespaced !== false) {
    header.unshift('NAMESPACE');
    rows.forEach((row, i) => row.unshift(objects[i]!.metadata.namespace ?? ''));
  }
  for (const key of options.labelColumns) {
    header.push(key.split('/').pop()!.toUpperCase());
    rows.forEach((row, i) => row.push(objects[i]!.metadata.labels?.[key] ?? ''));
  }
  if (options.showLabels) {
    header.push('LABELS');
    rows.forEach((row, i) => {
      const labels = objects[i]!.metadata.labels ?? {};
      const keys = Object.keys(labels).sort();
      row.push(keys.length ? keys.map((k) => `${k}=${labels[k]}`).join(',') : '<none>');
    });
  }
  return { header, rows };
}

/** The whole `get` table text for objects of one kind (nothing at all when there are no objects). */
export function printTable(kind: string, objects: KubeObject[], options: PrintOptions): string {
  return formatTable(buildTable(kind, objects, options), options.noHeaders);
}

/**
 * Prints the rows of `kubectl get -w`. One tabwriter with RememberWidths lives for the whole watch and is
 * flushed after each print: later rows reuse the widths seen so far, a longer value widens its column
 * from then on, and columns never shrink. The header is printed once, before the first row.
 */
export class WatchPrinter {
  private readonly writer = new TabWriter(GET_TABWRITER);
  private headerPrinted = false;

  constructor(
    private readonly kind: string,
    private readonly options: PrintOptions,
  ) {}

  /**
   * Prints rows for `objects` (the header too, the first time there are rows). With `eventType`
   * (--output-watch-events) an EVENT column comes first, its cells padded to 8 (formattedEventType).
   */
  print(objects: KubeObject[], now: number, eventType?: 'ADDED' | 'MODIFIED' | 'DELETED' | 'ERROR'): string {
    const table = buildTable(this.kind, objects, { ...this.options, now });
    if (table.rows.length === 0) return '';
    const rows = eventType ? table.rows.map((row) => [eventType.padEnd(8), ...row]) : [...table.rows];
    const header = eventType ? ['EVENT', ...table.header] : table.header;
    if (!this.headerPrinted && !this.options.noHeaders) rows.unshift(header);
    this.headerPrinted = true;
    this.writer.write(tableLines(rows));
    return this.writer.flush();
  }
}
