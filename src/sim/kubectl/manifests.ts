/**
 * Reads manifests as `kubectl apply -f` / `create -f` do: one or more YAML (or JSON) documents, a `List`,
 * checked for apiVersion and kind, with kubectl's error messages. YAML parsing uses the `yaml` package;
 * its messages are mapped onto the go-yaml wording kubectl users see where the two differ.
 */
import { parseAllDocuments } from 'yaml';
import type { YAMLError } from 'yaml';
import { apiVersionOf, resourceForKind } from '../api/kinds';
import type { KubeObject } from '../api/meta';

export interface ManifestDocument {
  object: KubeObject;
  /** Where it came from: a file name or `STDIN`. */
  source: string;
}

export type ManifestResult = { ok: true; documents: ManifestDocument[] } | { ok: false; error: string };

const GO_YAML_MESSAGES: Partial<Record<YAMLError['code'], string>> = {
  BAD_INDENT: 'did not find expected key',
  BLOCK_AS_IMPLICIT_KEY: 'mapping values are not allowed in this context',
  MULTILINE_IMPLICIT_KEY: 'could not find expected \':\'',
  MISSING_CHAR: 'did not find expected node content',
  TAB_AS_INDENT: 'found character that cannot start any token',
  BAD_SCALAR_START: 'found character that cannot start any token',
  UNEXPECTED_TOKEN: 'did not find expected key',
  DUPLICATE_KEY: 'mapping key already defined',
};

/** Parses manifest text. `source` names it in errors (`web.yaml`, `STDIN`). */
export function parseManifests(text: string, source: string): ManifestResult {
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true });
  if (!Array.isArray(docs)) return { ok: true, documents: [] };
  const documents: ManifestDocument[] = [];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line ?? lineOf(text, error.pos[0]);
      const message = GO_YAML_MESSAGES[error.code] ?? error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
      return { ok: false, error: `error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${message}` };
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, error: `error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false` };
    }
    const objects = expandList(value as Record<string, unknown>);
    for (const obj of objects) {
      const checked = checkObject(obj, source);
      if (!checked.ok) return checked;
      documents.push({ object: checked.object, source });
    }
  }
  return { ok: true, documents };
}

function expandList(value: Record<string, unknown>): Record<string, unknown>[] {
  if (value.kind === 'List' && Array.isArray(value.items)) {
    return value.items.filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null);
  }
  return [value];
}

function checkObject(obj: Record<string, unknown>, source: string): { ok: true; object: KubeObject } | { ok: false; error: string } {
  const missing: string[] = [];
  if (typeof obj.apiVersion !== 'string' || !obj.apiVersion) missing.push('apiVersion not set');
  if (typeof obj.kind !== 'string' || !obj.kind) missing.push('kind not set');
  if (missing.length) {
    return {
      ok: false,
      error: `error validating "${source}": error validating data: [${missing.join(', ')}]; if you choose to ignore these errors, turn validation off with --validate=false`.replace(
        /\[([^,\]]+)\]/,
        '$1',
      ),
    };
  }
  const kind = obj.kind as string;
  const apiVersion = obj.apiVersion as string;
  const info = resourceForKind(kind);
  const metadata = (typeof obj.metadata === 'object' && obj.metadata !== null ? obj.metadata : {}) as Record<string, unknown>;
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : '';
  if (!info || apiVersionOf(info) !== apiVersion) {
    return {
      ok: false,
      error: `resource mapping not found for name: "${name}" namespace: "${namespace}" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
    };
  }
  if (typeof obj.metadata !== 'object' || obj.metadata === null) obj.metadata = {};
  return { ok: true, object: obj as unknown as KubeObject };
}

/** The 1-based line of offset `offset` in `text` (YAMLError.linePos is only set with prettyErrors). */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
