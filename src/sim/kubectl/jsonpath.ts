/**
 * kubectl's JSONPath (k8s.io/client-go/util/jsonpath), the part people use: `{.a.b}`, `[n]`, `[*]`,
 * `..`-free paths, `{range .items[*]}...{end}`, `{"\n"}` literals; and `--sort-by`.
 */
import type { KubeObject } from '../api/meta';

export class JsonPathError extends Error {}

/** Values at a path such as `.items[*].metadata.name` (always a list of matches). */
export function evalPath(path: string, data: unknown): unknown[] {
  let current: unknown[] = [data];
  const re = /\.([A-Za-z0-9_\-/]+)|\['([^']+)'\]|\[(\*|-?\d+)\]/g;
  let consumed = 0;
  let m: RegExpExecArray | null;
  const text = path.trim();
  while ((m = re.exec(text))) {
    if (m.index !== consumed) throw new JsonPathError(`unrecognized identifier ${text.slice(consumed)}`);
    consumed += m[0].length;
    const key = m[1] ?? m[2];
    const index = m[3];
    const next: unknown[] = [];
    for (const value of current) {
      if (key !== undefined) {
        if (value && typeof value === 'object' && !Array.isArray(value) && key in value) next.push((value as Record<string, unknown>)[key]);
      } else if (index === '*') {
        if (Array.isArray(value)) next.push(...value);
        else if (value && typeof value === 'object') next.push(...Object.values(value));
      } else if (Array.isArray(value)) {
        const i = Number(index);
        const v = value[i < 0 ? value.length + i : i];
        if (v !== undefined) next.push(v);
      }
    }
    current = next;
  }
  if (consumed !== text.length && text !== '.' && text !== '') throw new JsonPathError(`unrecognized identifier ${text.slice(consumed)}`);
  return current;
}

function printValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  return JSON.stringify(v);
}

/** Renders a JSONPath template such as `{range .items[*]}{.metadata.name}{"\n"}{end}`. */
export function renderJsonPath(template: string, data: unknown): string {
  const parts = template.match(/\{[^{}]*\}|[^{}]+/g) ?? [];
  let i = 0;
  const render = (scope: unknown, stopAtEnd: boolean): string => {
    let out = '';
    while (i < parts.length) {
      const part = parts[i++]!;
      if (!part.startsWith('{')) {
        out += part;
        continue;
      }
      const inner = part.slice(1, -1).trim();
      if (inner === 'end') {
        if (stopAtEnd) return out;
        throw new JsonPathError('not in range, nothing to end');
      }
      if (inner.startsWith('range ')) {
        const items = evalPath(inner.slice(6), scope);
        const start = i;
        if (!items.length) {
          render(undefined, true);
          continue;
        }
        for (const item of items) {
          i = start;
          out += render(item, true);
        }
        continue;
      }
      if (inner.startsWith('"')) {
        out += JSON.parse(inner) as string;
        continue;
      }
      const values = evalPath(inner.startsWith('.') || inner.startsWith('[') ? inner : `.${inner}`, scope);
      out += values.map(printValue).join(' ');
    }
    return out;
  };
  return render(data, false);
}

/** Sorts objects by the value at a JSONPath, as `--sort-by` does (numbers numerically, else as text). */
export function sortByJsonPath(objects: KubeObject[], expr: string): { ok: true; objects: KubeObject[] } | { ok: false; error: string } {
  const path = expr.replace(/^\{/, '').replace(/\}$/, '');
  try {
    const keyed = objects.map((o) => ({ o, v: evalPath(path.startsWith('.') ? path : `.${path}`, o)[0] }));
    keyed.sort((a, b) => {
      if (typeof a.v === 'number' && typeof b.v === 'number') return a.v - b.v;
      const as = a.v === undefined ? '' : printValue(a.v);
      const bs = b.v === undefined ? '' : printValue(b.v);
      return as < bs ? -1 : as > bs ? 1 : 0;
    });
    return { ok: true, objects: keyed.map((k) => k.o) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
