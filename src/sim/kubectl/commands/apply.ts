/**
 * `kubectl apply -f` (client-side apply with the last-applied-configuration annotation) and
 * `kubectl create -f`. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/apply and cmd/create.
 * Simplified: --dry-run=client prints what would happen without writing; server-side apply is not modelled.
 */
import { resourceForKind } from '../../api/kinds';
import type { KubeObject } from '../../api/meta';
import { deepClone } from '../../apiserver/objects';
import type { KubectlCommand, KubectlContext } from '../context';
import { fail, printError, println } from '../context';
import { bool, str, strs } from '../flags';
import type { FlagSpec, ParsedArgs } from '../flags';
import { threeWayMerge } from '../merge';
import { objectRef } from '../names';
import { printObjects } from '../output';
import { readSources } from '../sources';
import type { ManifestDocument } from '../manifests';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const fileFlags: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'validate', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'save-config', type: 'bool' },
  { name: 'record', type: 'bool' },
];

/** Resolves the namespace for a manifest object, enforcing kubectl's mismatch rule. */
export function namespaceFor(ctx: KubectlContext, obj: KubeObject): { ok: true; namespace: string | undefined } | { ok: false; error: string } {
  const info = resourceForKind(obj.kind);
  if (!info?.namespaced) return { ok: true, namespace: undefined };
  const own = obj.metadata.namespace;
  if (own && ctx.namespaceExplicit && own !== ctx.namespace) {
    return {
      ok: false,
      error: `the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
    };
  }
  return { ok: true, namespace: own ?? ctx.namespace };
}

function loadDocuments(ctx: KubectlContext, args: ParsedArgs): ManifestDocument[] | number {
  const files = strs(args, 'filename');
  if (files.length === 0) {
    return fail(ctx, `must specify one of -f and -k\n\nSee '${ctx.commandPath} -h' for help and examples`);
  }
  const loaded = readSources(ctx, files);
  if (!loaded.ok) return fail(ctx, loaded.error);
  return loaded.documents;
}

function dryRunSuffix(args: ParsedArgs): string {
  const mode = str(args, 'dry-run');
  if (mode === undefined || mode === 'none') return '';
  return mode === 'server' ? ' (server dry run)' : ' (dry run)';
}

/** `--dry-run=server`: the API server defaults, validates and admits the object but stores nothing. */
function isServerDryRun(args: ParsedArgs): boolean {
  return str(args, 'dry-run') === 'server';
}

/** The manifest as it goes into the last-applied annotation (compact JSON, as kubectl writes it). */
export function lastAppliedOf(obj: KubeObject): string {
  const copy = deepClone(obj) as KubeObject;
  if (copy.metadata.annotations) {
    delete copy.metadata.annotations[LAST_APPLIED];
    if (Object.keys(copy.metadata.annotations).length === 0) delete copy.metadata.annotations;
  }
  return JSON.stringify(copy);
}

function applyOne(ctx: KubectlContext, doc: ManifestDocument, args: ParsedArgs): number {
  const ns = namespaceFor(ctx, doc.object);
  if (!ns.ok) return fail(ctx, ns.error);
  const desired = deepClone(doc.object);
  if (ns.namespace) desired.metadata.namespace = ns.namespace;
  const lastApplied = lastAppliedOf(doc.object);
  desired.metadata.annotations = { ...(desired.metadata.annotations ?? {}), [LAST_APPLIED]: lastApplied + '\n' };
  const dryRun = dryRunSuffix(args);
  const name = desired.metadata.name;
  if (!name) return fail(ctx, `error when retrieving current configuration of:\nResource: "${doc.object.kind}", Name: "", Namespace: "${ns.namespace ?? ''}"\nfrom server for: "${doc.source}": resource name may not be empty`);
  const live = ctx.api.get(desired.kind, ns.namespace, name);
  try {
    if (!live) {
      const created = dryRun ? (isServerDryRun(args) ? ctx.api.create(desired, { dryRun: true }) : desired) : ctx.api.create(desired);
      return report(ctx, args, created, `created${dryRun}`);
    }
    const previous = live.metadata.annotations?.[LAST_APPLIED];
    const last = previous ? (JSON.parse(previous) as unknown) : {};
    const merged = threeWayMerge(last, desired, live) as KubeObject;
    merged.metadata.resourceVersion = live.metadata.resourceVersion;
    if (dryRun) return report(ctx, args, isServerDryRun(args) ? ctx.api.update(merged, { dryRun: true }) : merged, `configured${dryRun}`);
    const updated = ctx.api.update(merged);
    const verb = updated.metadata.resourceVersion === live.metadata.resourceVersion ? 'unchanged' : 'configured';
    return report(ctx, args, updated, verb);
  } catch (e) {
    return printError(ctx, e, live ? undefined : { verb: 'creating', source: doc.source });
  }
}

function report(ctx: KubectlContext, args: ParsedArgs, obj: KubeObject, verb: string): number {
  const output = str(args, 'output');
  if (output) return printObjects(ctx, [obj], output);
  println(ctx, `${objectRef(obj)} ${verb}`);
  return 0;
}

function runEach(ctx: KubectlContext, args: ParsedArgs, one: (doc: ManifestDocument) => number): number {
  const docs = loadDocuments(ctx, args);
  if (typeof docs === 'number') return docs;
  let status = 0;
  for (const doc of docs) status = one(doc) || status;
  return status;
}

export const applyCommand: KubectlCommand = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  use: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [...fileFlags, { name: 'prune', type: 'bool' }, { name: 'server-side', type: 'bool' }, { name: 'force', type: 'bool' }],
  run(ctx, args) {
    if (args.positional.length) return fail(ctx, `Unexpected args: [${args.positional.join(' ')}]\nSee '${ctx.commandPath} -h' for help and examples`);
    return runEach(ctx, args, (doc) => applyOne(ctx, doc, args));
  },
};

/** `kubectl create -f`: create each object; AlreadyExists is an error. */
export function createFromFiles(ctx: KubectlContext, args: ParsedArgs): number {
  return runEach(ctx, args, (doc) => {
    const ns = namespaceFor(ctx, doc.object);
    if (!ns.ok) return fail(ctx, ns.error);
    const obj = deepClone(doc.object);
    if (ns.namespace) obj.metadata.namespace = ns.namespace;
    if (bool(args, 'save-config')) {
      obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedOf(doc.object) + '\n' };
    }
    const dryRun = dryRunSuffix(args);
    try {
      const created = dryRun ? obj : ctx.api.create(obj);
      return report(ctx, args, created, `created${dryRun}`);
    } catch (e) {
      return printError(ctx, e, { verb: 'creating', source: doc.source });
    }
  });
}

export { fileFlags };
