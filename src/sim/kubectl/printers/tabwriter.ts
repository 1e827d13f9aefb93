// Mirrors Go's text/tabwriter (used by `kubectl describe`) and its github.com/liggitt/tabwriter fork with
// the RememberWidths flag (used by `kubectl get`). Simplified: left alignment and a space pad character only;
// no escapes, no '\v'/'\f', no DiscardEmptyColumns, AlignRight, TabIndent or Debug flags.

/** The writer settings kubectl passes to tabwriter.Init. */
export interface TabWriterOptions {
  /** Minimal width of a column cell, padding included. */
  minWidth: number;
  /** Spaces added to the widest cell of a column block. */
  padding: number;
  /** liggitt/tabwriter RememberWidths: column widths only ever grow, across flushes. */
  rememberWidths?: boolean;
}

/** A buffered line: its tab-terminated cells followed by the trailing cell (text after the last tab). */
type Line = string[];

/** Column width in runes, as tabwriter's updateWidth counts (utf8.RuneCount). */
function runeWidth(text: string): number {
  return [...text].length;
}

/**
 * A tabwriter: text is buffered, split into lines and tab-terminated cells, and aligned per column block
 * (a maximal run of consecutive lines that have a cell in that column). A line without a tab flushes, so
 * it ends every block, as in Go.
 */
export class TabWriter {
  /** Completed lines not yet formatted. */
  private lines: Line[] = [];
  /** The tab-terminated cells of the line being written. */
  private current: Line = [];
  /** The cell being written (text since the last tab or newline). */
  private cell = '';
  /** True when the last buffered line has no newline (only at flush). */
  private openEnded = false;
  private widths: number[] = [];
  private maxWidths: number[] = [];
  private out = '';

  constructor(private readonly options: TabWriterOptions) {}

  /** Buffers `text`, flushing at every newline that ends a line with a single cell. */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\n') continue;
      this.current.push(this.cell + text.slice(start, i));
      this.cell = '';
      start = i + 1;
      if (ch === '\n') {
        const line = this.current;
        this.lines.push(line);
        this.current = [];
        if (line.length === 1) this.formatBuffered();
      }
    }
    this.cell += text.slice(start);
  }

  /** Formats everything buffered and returns all output produced since the last call. */
  flush(): string {
    if (this.cell || this.current.length) {
      this.lines.push([...this.current, this.cell]);
      this.current = [];
      this.cell = '';
      this.openEnded = true;
    }
    this.formatBuffered();
    this.openEnded = false;
    const out = this.out;
    this.out = '';
    return out;
  }

  /** The remembered widths (RememberWidths only), for tests. */
  rememberedWidths(): number[] {
    return [...this.maxWidths];
  }

  /** liggitt/tabwriter SetRememberedWidths; `[]` forgets every width. */
  setRememberedWidths(widths: number[]): void {
    this.maxWidths = [...widths];
  }

  private formatBuffered(): void {
    if (this.lines.length > 0) this.format(0, this.lines.length);
    this.lines = [];
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= this.lines[current]!.length - 1) continue;
      this.writeLines(line0, current);
      line0 = current;
      let width = this.options.minWidth;
      for (; current < line1; current++) {
        const line = this.lines[current]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, runeWidth(line[column]!) + this.options.padding);
      }
      if (this.options.rememberWidths) width = this.remember(width);
      this.widths.push(width);
      this.format(line0, current);
      this.widths.pop();
      line0 = current;
    }
    this.writeLines(line0, line1);
  }

  private remember(width: number): number {
    const depth = this.widths.length;
    if (this.maxWidths.length < depth) this.maxWidths.push(...this.widths.slice(this.maxWidths.length));
    if (this.maxWidths.length === depth) {
      this.maxWidths.push(width);
      return width;
    }
    const remembered = this.maxWidths[depth]!;
    if (remembered > width) return remembered;
    this.maxWidths[depth] = width;
    return width;
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      line.forEach((cell, j) => {
        this.out += cell;
        if (j < this.widths.length) this.out += ' '.repeat(Math.max(0, this.widths[j]! - runeWidth(cell)));
      });
      if (!(this.openEnded && i === this.lines.length - 1)) this.out += '\n';
    }
  }
}

/** Aligns `text` in one pass with a fresh writer (what tabbedString does for describe). */
export function tabwrite(text: string, options: TabWriterOptions): string {
  const w = new TabWriter(options);
  w.write(text);
  return w.flush();
}
