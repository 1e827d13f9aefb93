/**
 * Finds the objects a command acts on from its arguments: `TYPE NAME...`, `TYPE/NAME`, `-l selector`,
 * `--all`, `-f file`, with kubectl's NotFound handling (errors for names, "No resources found" for lists).
 */
import { resourceForKind } from '../api/kinds';
import type { ResourceInfo } from '../api/kinds';
import type { KubeObject, LabelSelector } from '../api/meta';
import { matchesSelector, parseSelector } from '../api/selectors';
import { notFound } from '../apiserver/errors';
import type { KubectlContext } from './context';
import { fail, formatError } from './context';
import { bool, str, strs } from './flags';
import type { ParsedArgs } from './flags';
import { resolveArgs } from './resources';
import { matchesFields, parseFieldSelector, unsupportedField } from './fieldSelector';
import { readSources } from './sources';

export interface Selection {
  objects: KubeObject[];
  /** Error lines for names that were not found (printed after the found ones). */
  errors: string[];
  /** True when the user asked for objects by name (so an empty result is not "No resources found"). */
  byName: boolean;
  /** The types that were listed (for "No resources found" and headers). */
  infos: ResourceInfo[];
}

/** Parses `-l` into a selector, or undefined when absent. Returns a string error on bad syntax. */
export function labelSelectorOf(args: ParsedArgs): LabelSelector | undefined | string {
  const text = str(args, 'selector');
  if (text === undefined) return undefined;
  const parsed = parseSelector(text);
  return parsed.ok ? parsed.selector : parsed.error;
}

/** The namespace to list in, or undefined for all namespaces (-A). */
export function listNamespace(ctx: KubectlContext, args: ParsedArgs): string | undefined {
  return bool(args, 'all-namespaces') ? undefined : ctx.namespace;
}

/**
 * Resolves the objects named by the arguments. Returns a number (exit code) when it already printed an
 * error, e.g. an unknown resource type.
 */
export function selectObjects(ctx: KubectlContext, args: ParsedArgs, options: { requireSomething?: boolean } = {}): Selection | number {
  const selector = labelSelectorOf(args);
  if (typeof selector === 'string') return fail(ctx, selector);
  const files = strs(args, 'filename');
  if (files.length) {
    const loaded = readSources(ctx, files);
    if (!loaded.ok) return fail(ctx, loaded.error);
    const objects: KubeObject[] = [];
    const errors: string[] = [];
    for (const doc of loaded.documents) {
      const info = resourceForKind(doc.object.kind)!;
      const ns = info.namespaced ? (doc.object.metadata.namespace ?? ctx.namespace) : undefined;
      const live = ctx.api.get(doc.object.kind, ns, doc.object.metadata.name);
      if (live) objects.push(live);
      else errors.push(formatError(notFound(doc.object.kind, doc.object.metadata.name)));
    }
    return { objects, errors, byName: true, infos: [] };
  }
  const resolved = resolveArgs(args.positional);
  if (!resolved.ok) return fail(ctx, resolved.error);
  if (resolved.requests.length === 0) {
    if (options.requireSomething === false) return { objects: [], errors: [], byName: false, infos: [] };
    return fail(
      ctx,
      `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n`,
    );
  }
  const namespace = listNamespace(ctx, args);
  const objects: KubeObject[] = [];
  const errors: string[] = [];
  const fieldText = str(args, 'field-selector');
  const fields = fieldText === undefined ? [] : parseFieldSelector(fieldText);
  if (typeof fields === 'string') return fail(ctx, fields);
  for (const request of resolved.requests) {
    const bad = unsupportedField(request.info.kind, fields);
    if (bad) {
      const gv = request.info.group ? `${request.info.group}/${request.info.version}` : `/${request.info.version}`;
      ctx.io.stderr(
        `Error from server (BadRequest): Unable to find "${gv}, Resource=${request.info.resource}" that match label selector "${str(args, 'selector') ?? ''}", field selector "${fieldText}": field label not supported: ${bad}\n`,
      );
      return 1;
    }
  }
  for (const request of resolved.requests) {
    const ns = request.info.namespaced ? namespace : undefined;
    if (request.names.length) {
      for (const name of request.names) {
        const obj = ctx.api.get(request.info.kind, ns ?? ctx.namespace, name);
        if (obj && (!selector || matchesSelector(selector, obj.metadata.labels)) && matchesFields(obj, fields)) objects.push(obj);
        else errors.push(formatError(notFound(request.info.kind, name)));
      }
    } else {
      for (const obj of ctx.api.list(request.info.kind, ns)) {
        if ((!selector || matchesSelector(selector, obj.metadata.labels)) && matchesFields(obj, fields)) objects.push(obj);
      }
    }
  }
  return { objects, errors, byName: resolved.byTypeAndName, infos: resolved.requests.map((r) => r.info) };
}

/** `No resources found in default namespace.` / `No resources found` for cluster-scoped or -A. */
export function noResourcesMessage(ctx: KubectlContext, args: ParsedArgs, infos: ResourceInfo[]): string {
  const namespaced = infos.length === 0 || infos.some((i) => i.namespaced);
  if (!namespaced || bool(args, 'all-namespaces')) return 'No resources found';
  return `No resources found in ${ctx.namespace} namespace.`;
}
