/**
 * Line diffs in the unified format `diff -u` prints (GNU diffutils: hunks of changes with three lines of
 * context, `@@ -start,count +start,count @@` headers). kubectl diff runs `diff -u -N` on two directories.
 * Simplified: a longest-common-subsequence diff (minimal, though GNU diff may pick a different one of
 * several minimal diffs); no `\ No newline at end of file` marker (kubectl's YAML always ends with one).
 */

/** One line of an edit script: kept (' '), removed ('-') or added ('+'). */
export interface DiffLine {
  op: ' ' | '-' | '+';
  text: string;
}

/** Splits text into lines, without the final empty string after a trailing newline. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The edit script turning `a` into `b`, removals before additions within a change. */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  // Trim the common prefix and suffix first: most edits touch a few lines of a long object.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  // lcs[i][j]: the longest common subsequence of a[start+i..endA) and b[start+j..endB).
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[start + i] === b[start + j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = a.slice(0, start).map((text) => ({ op: ' ', text }));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      out.push({ op: ' ', text: a[start + i]! });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push({ op: '-', text: a[start + i]! });
      i++;
    } else {
      out.push({ op: '+', text: b[start + j]! });
      j++;
    }
  }
  for (let k = endA; k < a.length; k++) out.push({ op: ' ', text: a[k]! });
  return out;
}

function range(start: number, count: number): string {
  // GNU diff: an empty range names the line before it; a one-line range has no count.
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/**
 * The hunks of a unified diff between two texts (without the `---`/`+++` header), or '' when they are
 * equal. `context` lines of context surround each change, and hunks whose context would touch merge.
 */
export function unifiedHunks(before: string, after: string, context = 3): string {
  const script = diffLines(splitLines(before), splitLines(after));
  const changed = script.map((l, i) => (l.op === ' ' ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return '';
  let out = '';
  let k = 0;
  while (k < changed.length) {
    const first = changed[k]!;
    let last = first;
    while (k + 1 < changed.length && changed[k + 1]! - last <= 2 * context + 1) last = changed[++k]!;
    k++;
    const from = Math.max(0, first - context);
    const to = Math.min(script.length, last + context + 1);
    // Line numbers of the hunk's first line in each file: count the lines of each side before it.
    let lineA = 1;
    let lineB = 1;
    for (let x = 0; x < from; x++) {
      if (script[x]!.op !== '+') lineA++;
      if (script[x]!.op !== '-') lineB++;
    }
    const body = script.slice(from, to);
    const countA = body.filter((l) => l.op !== '+').length;
    const countB = body.filter((l) => l.op !== '-').length;
    out += `@@ -${range(lineA, countA)} +${range(lineB, countB)} @@\n`;
    for (const l of body) out += `${l.op}${l.text}\n`;
  }
  return out;
}
