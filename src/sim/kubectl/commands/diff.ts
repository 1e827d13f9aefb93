/**
 * `kubectl diff -f FILE`: the live object against the object as it would be if applied, as a unified diff.
 * Mirrors staging/src/k8s.io/kubectl/pkg/cmd/diff/diff.go: each object is printed as YAML into a LIVE and a
 * MERGED temporary directory (files named `apps.v1.StatefulSet.default.web`; an object that does not exist
 * yet leaves its LIVE file empty), MERGED being the API server's answer to a dry-run apply (create, or the
 * client-side apply patch), and `diff -u -N` runs over the two directories. Exit status 0: no differences,
 * 1: differences, >1: an error (nothing is diffed then).
 * Simplified: no --server-side, --prune or -l; no KUBECTL_EXTERNAL_DIFF; no Secret masking (no Secrets
 * here); the temporary directory suffixes are derived from the clock, not random.
 */
import { resourceForKind } from '../../api/kinds';
import type { KubeObject } from '../../api/meta';
import type { ApiServer } from '../../apiserver/store';
import { deepClone } from '../../apiserver/objects';
import type { KubectlCommand, KubectlContext } from '../context';
import { formatError } from '../context';
import { strs } from '../flags';
import type { ManifestDocument } from '../manifests';
import { threeWayMerge } from '../merge';
import { toYaml } from '../output';
import { readSources } from '../sources';
import { unifiedHunks } from '../unifiedDiff';
import { LAST_APPLIED, lastAppliedOf, namespaceFor } from './apply';

/** One object's two versions: the live one (undefined when absent) and the would-be applied one. */
export interface DiffPair {
  /** The file name both directories use: `apps.v1.StatefulSet.default.web`. */
  name: string;
  live: KubeObject | undefined;
  merged: KubeObject;
}

/** The file name kubectl diff gives an object: `<group>.<version>.<Kind>.<namespace>.<name>`. */
export function diffFileName(obj: KubeObject, namespace: string | undefined): string {
  const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : ['', obj.apiVersion];
  return `${group ? `${group}.` : ''}${version}.${obj.kind}.${namespace ?? ''}.${obj.metadata.name}`;
}

/**
 * The object as `kubectl apply` would leave it, computed with a server-side dry run: a dry-run create when
 * it does not exist, else the three-way merge of the last-applied configuration, the manifest and the live
 * object, sent as a dry-run update. Throws the API server's error (Invalid, Forbidden, ...).
 */
export function mergedForApply(api: ApiServer, manifest: KubeObject, namespace: string | undefined): DiffPair {
  const desired = deepClone(manifest);
  if (namespace) desired.metadata.namespace = namespace;
  desired.metadata.annotations = { ...(desired.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedOf(manifest) + '\n' };
  const info = resourceForKind(desired.kind);
  const live = api.get(desired.kind, info?.namespaced ? namespace : undefined, desired.metadata.name);
  const name = diffFileName(desired, info?.namespaced ? namespace : undefined);
  if (!live) return { name, live: undefined, merged: api.create(desired, { dryRun: true }) };
  const previous = live.metadata.annotations?.[LAST_APPLIED];
  const last = previous ? (JSON.parse(previous) as unknown) : {};
  const merged = threeWayMerge(last, desired, live) as KubeObject;
  merged.metadata.resourceVersion = live.metadata.resourceVersion;
  return { name, live, merged: api.update(merged, { dryRun: true }) };
}

/** The YAML a version of an object is printed as (empty for an absent object, as the -N file is). */
export function diffText(obj: KubeObject | undefined): string {
  return obj ? toYaml(obj) : '';
}

/** GNU diff's file time stamp: `2026-01-01 09:00:00.000000000 +0000`. */
function fileTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.000000000 +0000`;
}

/** A Go os.MkdirTemp-style numeric suffix, derived from the instant (no draw from the seeded source). */
function tempSuffix(now: number, salt: number): string {
  let h = (now ^ (salt * 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  return String((h ^ (h >>> 16)) >>> 0);
}

/**
 * What `diff -u -N LIVE MERGED` prints for the pairs (files in name order, equal files silent), given the
 * two temporary directories and the time stamp of their files.
 */
export function formatDiff(pairs: readonly DiffPair[], dirs: { live: string; merged: string }, timestamp: string): string {
  let out = '';
  for (const pair of [...pairs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const hunks = unifiedHunks(diffText(pair.live), diffText(pair.merged));
    if (!hunks) continue;
    const from = `${dirs.live}/${pair.name}`;
    const to = `${dirs.merged}/${pair.name}`;
    const time = fileTime(timestamp);
    out += `diff -u -N ${from} ${to}\n--- ${from}\t${time}\n+++ ${to}\t${time}\n${hunks}`;
  }
  return out;
}

function pairFor(ctx: KubectlContext, doc: ManifestDocument): DiffPair | string {
  const ns = namespaceFor(ctx, doc.object);
  if (!ns.ok) return `error: ${ns.error}`;
  try {
    return mergedForApply(ctx.api, doc.object, ns.namespace);
  } catch (e) {
    return formatError(e);
  }
}

export const diffCommand: KubectlCommand = {
  name: 'diff',
  short: 'Diff the live version against a would-be applied version',
  use: 'kubectl diff -f FILENAME',
  flags: [
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'server-side', type: 'bool' },
    { name: 'field-manager', type: 'string' },
  ],
  run(ctx, args) {
    // CheckDiffErr adds one to the exit code: a kubectl error exits 2, as 1 means "differences found".
    const failDiff = (message: string) => {
      ctx.io.stderr(`${message}\n`);
      return 2;
    };
    if (args.positional.length) return failDiff(`error: Unexpected args: [${args.positional.join(' ')}]\nSee '${ctx.commandPath} -h' for help and examples`);
    const files = strs(args, 'filename');
    if (files.length === 0) return failDiff(`error: must specify one of -f and -k\n\nSee '${ctx.commandPath} -h' for help and examples`);
    const loaded = readSources(ctx, files);
    if (!loaded.ok) return failDiff(`error: ${loaded.error}`);
    const pairs: DiffPair[] = [];
    for (const doc of loaded.documents) {
      const pair = pairFor(ctx, doc);
      if (typeof pair === 'string') return failDiff(pair);
      pairs.push(pair);
    }
    const now = ctx.cluster.now();
    const rv = ctx.api.currentResourceVersion();
    const dirs = { live: `/tmp/LIVE-${tempSuffix(now, rv)}`, merged: `/tmp/MERGED-${tempSuffix(now, rv + 1)}` };
    const out = formatDiff(pairs, dirs, ctx.api.clock.timestamp());
    ctx.io.stdout(out);
    return out ? 1 : 0;
  },
};
