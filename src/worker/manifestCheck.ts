/**
 * The YAML editor's check of a manifest, as `kubectl apply --dry-run=server -f -` would make it: kubectl's
 * manifest reader (the same `parseManifests` apply uses, with its messages), then for each object the API
 * server's defaulting, validation and admission through a dry-run create or update (nothing is stored, no
 * random draw is used up), and what `kubectl diff` would print for it. A read-only query: never logged.
 */
import { parseAllDocuments } from 'yaml';
import type { ManifestCheckedEvent, ManifestObjectResult } from '../protocol';
import { resourceForKind } from '../sim/api/kinds';
import type { KubeObject } from '../sim/api/meta';
import { ApiError } from '../sim/apiserver/errors';
import type { Cluster } from '../sim/cluster';
import { formatError } from '../sim/kubectl/context';
import { formatDiff, mergedForApply } from '../sim/kubectl/commands/diff';
import { parseManifests } from '../sim/kubectl/manifests';
import { objectRef } from '../sim/kubectl/names';

/** The namespace the console's kubectl uses when a manifest names none. */
const DEFAULT_NAMESPACE = 'default';

type Check = Omit<ManifestCheckedEvent, 'type' | 'id'>;

/** The 1-based line of offset `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The documents of `text` as the `yaml` package splits it at `---`: where each starts and ends, and where its content starts. */
function documentRanges(text: string): [number, number, number][] {
  return parseAllDocuments(text).map((doc) => [doc.range[0], doc.range[2], doc.contents?.range?.[0] ?? doc.range[0]] as [number, number, number]);
}

/**
 * Where kubectl's reader error points: `yaml: line N` names it; otherwise (a missing kind, an unknown
 * kind) the first document the reader refuses on its own.
 */
function errorLine(text: string, error: string): number {
  const named = /yaml: line (\d+):/.exec(error);
  if (named) return Number(named[1]);
  for (const [start, end, content] of documentRanges(text)) {
    // Point at the document's first line with content, not a blank line or `---` before it.
    if (!parseManifests(text.slice(start, end), 'STDIN').ok) return lineAt(text, content);
  }
  return 1;
}

function checkObject(cluster: Cluster, obj: KubeObject, document: number, item: number | null): ManifestObjectResult {
  const info = resourceForKind(obj.kind);
  const namespace = info?.namespaced ? (obj.metadata.namespace ?? DEFAULT_NAMESPACE) : undefined;
  const base = { document, item, kind: obj.kind, name: obj.metadata.name ?? '', namespace: namespace ?? null };
  try {
    const pair = mergedForApply(cluster.api, obj, namespace);
    const verb = !pair.live ? 'created' : pair.merged === pair.live ? 'unchanged' : 'configured';
    const diff = formatDiff([pair], { live: '/tmp/LIVE', merged: '/tmp/MERGED' }, cluster.ctx.clock.timestamp());
    return { ...base, ok: true, message: `${objectRef(pair.merged)} ${verb} (server dry run)`, causes: [], diff };
  } catch (e) {
    const causes =
      e instanceof ApiError
        ? (e.details?.statusCauses ?? []).map((c) => ({ field: c.field, message: `${c.field}: ${c.message}` }))
        : [];
    return { ...base, ok: false, message: formatError(e, { verb: 'creating', source: 'STDIN' }), causes, diff: '' };
  }
}

/** Checks `text` against the cluster as it is now, changing nothing. */
export function checkManifest(cluster: Cluster, text: string): Check {
  const whole = parseManifests(text, 'STDIN');
  if (!whole.ok) return { parseError: { message: `error: ${whole.error}`, line: errorLine(text, whole.error) }, objects: [] };
  const objects: ManifestObjectResult[] = [];
  documentRanges(text).forEach(([start, end], document) => {
    const parsed = parseManifests(text.slice(start, end), 'STDIN');
    if (!parsed.ok) return;
    const isList = parsed.documents.length > 1 || /^kind:\s*List\s*$/m.test(text.slice(start, end));
    parsed.documents.forEach((doc, i) => objects.push(checkObject(cluster, doc.object, document, isList ? i : null)));
  });
  if (objects.length === 0) return { parseError: { message: 'error: no objects passed to apply', line: 1 }, objects };
  return { parseError: null, objects };
}
