/**
 * From the worker's dry-run answer to editor diagnostics at the right lines: a field path of an API error
 * (`spec.template.spec.containers[0].image`) is looked up in the YAML's own syntax tree (the `yaml` package
 * keeps each node's source range), falling back to the nearest ancestor that is written in the text
 * (`spec.selector: Required value` points at `spec:` when there is no selector).
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { ManifestCheckedEvent } from '../../protocol';

/** One message to show beside a line (1-based). */
export interface Diagnostic {
  line: number;
  severity: 'error' | 'info';
  message: string;
}

/** A path segment: a field name, a list index or a map key (`[app]`). */
export type PathSegment = string | number;

/**
 * Splits an apimachinery field path: `a.b[0].c` and `metadata.labels[app.kubernetes.io/name]` (map keys in
 * brackets may hold dots).
 */
export function parseFieldPath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === '.') {
      i++;
      continue;
    }
    if (path[i] === '[') {
      const close = path.indexOf(']', i);
      const inner = close < 0 ? path.slice(i + 1) : path.slice(i + 1, close);
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = close < 0 ? path.length : close + 1;
      continue;
    }
    let j = i;
    while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
    out.push(path.slice(i, j));
    i = j;
  }
  return out;
}

interface Located {
  /** Offset of the key (for a map entry) or the item (for a list element) that holds the value. */
  offset: number;
  node: YamlNode | null;
}

function step(node: YamlNode | null, segment: PathSegment): Located | undefined {
  if (isMap(node) && typeof segment === 'string') {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
    if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
    return { offset: pair.key.range[0], node: (pair.value as YamlNode | null) ?? null };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as YamlNode | undefined;
    if (!item?.range) return undefined;
    return { offset: item.range[0], node: item };
  }
  return undefined;
}

/**
 * The 1-based line of `field` in document `document` of `text` (in item `item` of a `kind: List`), or of its
 * nearest written ancestor; the document's first line when nothing of the path is written.
 */
export function fieldLine(text: string, document: number, item: number | null, field: string): number {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, keepSourceTokens: false });
  const doc = docs[document];
  if (!doc) return 1;
  const contents = doc.contents as YamlNode | null;
  const start = contents?.range?.[0] ?? doc.range[0];
  let here: Located = { offset: start, node: contents };
  const path: PathSegment[] = [...(item === null ? [] : ['items', item]), ...(field ? parseFieldPath(field) : [])];
  for (const segment of path) {
    const next = step(here.node, segment);
    if (!next) break;
    here = next;
  }
  return lineCounter.linePos(here.offset).line;
}

/** The line of an object's `metadata.name` (where a whole-object error belongs), else its first line. */
function objectLine(text: string, document: number, item: number | null): number {
  return fieldLine(text, document, item, 'metadata.name');
}

/** Diagnostics for a dry-run answer: the reader's error, each field error at its field, other errors at the object. */
export function diagnosticsFor(text: string, check: Pick<ManifestCheckedEvent, 'parseError' | 'objects'>): Diagnostic[] {
  if (check.parseError) return [{ line: check.parseError.line, severity: 'error', message: check.parseError.message }];
  const out: Diagnostic[] = [];
  for (const obj of check.objects) {
    if (obj.ok) continue;
    if (obj.causes.length === 0) {
      out.push({ line: objectLine(text, obj.document, obj.item), severity: 'error', message: obj.message });
      continue;
    }
    // The header names the object; each cause sits at its own field, in kubectl's words.
    const header = obj.message.split('\n')[0]!.trimEnd();
    for (const cause of obj.causes) {
      const message = obj.causes.length === 1 ? obj.message : `${header} ${cause.message}`;
      out.push({ line: fieldLine(text, obj.document, obj.item, cause.field), severity: 'error', message });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/** The first and last offsets of 1-based `line` in `text` (for an editor's diagnostic range). */
export function lineRange(text: string, line: number): { from: number; to: number } {
  let from = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', from);
    if (nl < 0) return { from: text.length, to: text.length };
    from = nl + 1;
  }
  const end = text.indexOf('\n', from);
  return { from, to: end < 0 ? text.length : end };
}
