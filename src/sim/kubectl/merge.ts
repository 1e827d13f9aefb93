/**
 * The three-way merge of client-side `kubectl apply`: fields in the new manifest are set, fields that
 * were in the last-applied configuration but are gone from the manifest are removed, and fields only
 * the server or other writers set are kept. Lists of objects merge by their strategic merge key
 * (`name`, `containerPort`, `mountPath`, `port`), as strategic merge patch does for the core types;
 * other lists are replaced whole.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const MERGE_KEYS = ['name', 'containerPort', 'mountPath', 'port'] as const;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeKeyOf(list: Json[]): string | undefined {
  if (list.length === 0 || !list.every(isObject)) return undefined;
  return MERGE_KEYS.find((k) => list.every((item) => (item as JsonObject)[k] !== undefined));
}

/** Merges `desired` onto `live`, removing what `last` had and `desired` no longer has. */
export function threeWayMerge(last: unknown, desired: unknown, live: unknown): unknown {
  if (isObject(desired) && isObject(live)) {
    const out: JsonObject = {};
    const lastObj = isObject(last) ? last : {};
    for (const [k, v] of Object.entries(live)) {
      if (k in desired) continue;
      if (k in lastObj) continue; // removed from the manifest
      out[k] = v;
    }
    for (const [k, v] of Object.entries(desired)) {
      if (v === null) continue;
      out[k] = threeWayMerge(lastObj[k], v, live[k]) as Json;
    }
    return out;
  }
  if (Array.isArray(desired) && Array.isArray(live)) {
    const key = mergeKeyOf(desired as Json[]);
    if (key && mergeKeyOf(live as Json[]) === key) {
      const lastList = Array.isArray(last) ? (last as JsonObject[]) : [];
      return (desired as JsonObject[]).map((item) => {
        const liveItem = (live as JsonObject[]).find((l) => l[key] === item[key]);
        const lastItem = lastList.find((l) => l[key] === item[key]);
        return liveItem ? threeWayMerge(lastItem, item, liveItem) : item;
      });
    }
  }
  return desired;
}

/** RFC 7386 JSON merge patch (`kubectl patch --type=merge`). */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v) as Json;
  }
  return out;
}

/**
 * Strategic merge patch (`kubectl patch`, the default type) for the core types: like a merge patch, but
 * lists of objects with a merge key merge by that key instead of being replaced.
 */
export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) {
      delete out[k];
      continue;
    }
    const current = out[k];
    if (Array.isArray(v) && Array.isArray(current)) {
      const key = mergeKeyOf(v);
      if (key && mergeKeyOf(current) === key) {
        const merged = [...(current as JsonObject[])];
        for (const item of v as JsonObject[]) {
          const index = merged.findIndex((m) => m[key] === item[key]);
          if (index >= 0) merged[index] = strategicMergePatch(merged[index], item) as JsonObject;
          else merged.push(item);
        }
        out[k] = merged;
        continue;
      }
    }
    out[k] = strategicMergePatch(current, v) as Json;
  }
  return out;
}

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

/** RFC 6902 JSON patch (`kubectl patch --type=json`). Throws Error with the API server's wording. */
export function jsonPatch(target: unknown, ops: JsonPatchOperation[]): unknown {
  let doc = structuredCloneJson(target);
  for (const op of ops) {
    if (typeof op !== 'object' || op === null || typeof op.op !== 'string' || typeof op.path !== 'string') {
      throw new Error('invalid JSON Patch');
    }
    switch (op.op) {
      case 'add':
        doc = setPointer(doc, op.path, op.value, 'add');
        break;
      case 'replace':
        getPointer(doc, op.path, 'replace');
        doc = setPointer(doc, op.path, op.value, 'replace');
        break;
      case 'remove':
        getPointer(doc, op.path, 'remove');
        doc = removePointer(doc, op.path);
        break;
      case 'test':
        if (JSON.stringify(getPointer(doc, op.path, 'test')) !== JSON.stringify(op.value)) throw new Error('testing value failed');
        break;
      case 'copy':
      case 'move': {
        const from = op.from ?? '';
        const value = getPointer(doc, from, op.op);
        if (op.op === 'move') doc = removePointer(doc, from);
        doc = setPointer(doc, op.path, structuredCloneJson(value), 'add');
        break;
      }
      default:
        throw new Error(`Unexpected kind: ${String((op as { op: unknown }).op)}`);
    }
  }
  return doc;
}

function structuredCloneJson<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function pointerParts(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new Error(`add operation does not apply: doc is missing path: "${path}": missing value`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function getPointer(doc: unknown, path: string, opName: string): unknown {
  let cur: unknown = doc;
  for (const part of pointerParts(path)) {
    if (Array.isArray(cur)) cur = cur[Number(part)];
    else if (isObject(cur)) cur = cur[part];
    else cur = undefined;
    if (cur === undefined) throw new Error(`${opName} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  return cur;
}

function setPointer(doc: unknown, path: string, value: unknown, opName: string): unknown {
  const parts = pointerParts(path);
  if (parts.length === 0) return value;
  const last = parts.pop()!;
  const parentPath = '/' + parts.join('/');
  const parent = parts.length ? getPointer(doc, parentPath, opName) : doc;
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > parent.length) {
      throw new Error(`${opName} operation does not apply: doc is missing path: "${path}": missing value`);
    }
    if (opName === 'add') parent.splice(index, 0, value);
    else parent[index] = value;
  } else if (isObject(parent)) {
    parent[last] = value as Json;
  } else {
    throw new Error(`${opName} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  return doc;
}

function removePointer(doc: unknown, path: string): unknown {
  const parts = pointerParts(path);
  const last = parts.pop()!;
  const parent = parts.length ? getPointer(doc, '/' + parts.join('/'), 'remove') : doc;
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isObject(parent)) delete parent[last];
  return doc;
}
