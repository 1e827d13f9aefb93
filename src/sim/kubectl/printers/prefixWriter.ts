// Mirrors prefixWriter and tabbedString in staging/src/k8s.io/kubectl/pkg/describe/describe.go: text written
// at an indentation level (two spaces per level) into a Go tabwriter with minwidth 0, padding 2.
// Simplified: WriteEscaped's control-character escaping is not applied.
import { TabWriter } from './tabwriter';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

/** Writes describe output at indentation levels into a tabwriter. */
export class PrefixWriter {
  private readonly tw = new TabWriter({ minWidth: 0, padding: 2 });
  private done = '';

  /** Writes `text` prefixed with two spaces per level (the caller includes tabs and the newline). */
  write(level: number, text: string): void {
    this.tw.write('  '.repeat(level) + text);
  }

  /** Writes `text` and a newline with no indentation (Go's WriteLine / fmt.Sprintln). */
  writeLine(text: string): void {
    this.tw.write(text + '\n');
  }

  /** Flushes the tabwriter, ending every column block (DescribeEvents does this before its table). */
  flush(): void {
    this.done += this.tw.flush();
  }

  /** Everything written so far, aligned. */
  text(): string {
    this.flush();
    return this.done;
  }
}

/**
 * Runs `fn` against a fresh describe writer and returns the aligned text (tabbedString: minwidth 0,
 * tabwidth 8, padding 2, pad with spaces, no flags).
 */
export function tabbedString(fn: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  fn(w);
  return w.text();
}
