/**
 * `kubectl get`: tables (and -o wide), -o yaml|json|name, --template (go templates, a subset), -l,
 * -A, --show-labels, -L, --sort-by, --no-headers, `all`, and -w (watch), as
 * staging/src/k8s.io/kubectl/pkg/cmd/get/get.go prints them.
 */
import type { KubeObject } from '../../api/meta';
import { matchesSelector } from '../../api/selectors';
import type { KubectlCommand, KubectlContext } from '../context';
import { fail, println } from '../context';
import { bool, has, str, strs } from '../flags';
import type { ParsedArgs } from '../flags';
import { printObjects } from '../output';
import { WatchPrinter, buildTable, formatTable } from '../printers';
import type { PrintOptions } from '../printers';
import { labelSelectorOf, noResourcesMessage, selectObjects } from '../select';
import { sortByJsonPath } from '../jsonpath';
import { renderGoTemplate, TemplateError } from '../template';

export const getCommand: KubectlCommand = {
  name: 'get',
  short: 'Display one or many resources',
  use: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'watch-only', type: 'bool' },
    { name: 'output-watch-events', type: 'bool' },
    { name: 'show-labels', type: 'bool' },
    { name: 'label-columns', short: 'L', type: 'strings' },
    { name: 'sort-by', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'template', type: 'string' },
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'show-kind', type: 'bool' },
    { name: 'field-selector', type: 'string' },
    { name: 'chunk-size', type: 'int' },
    { name: 'ignore-not-found', type: 'bool' },
  ],
  run(ctx, args) {
    if (args.positional.length === 0 && !has(args, 'filename')) {
      return fail(
        ctx,
        `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples`,
      );
    }
    const selection = selectObjects(ctx, args);
    if (typeof selection === 'number') return selection;
    let objects = selection.objects;
    const sortBy = str(args, 'sort-by');
    if (sortBy) {
      const sorted = sortByJsonPath(objects, sortBy);
      if (!sorted.ok) return fail(ctx, sorted.error);
      objects = sorted.objects;
    } else if (objects.some((o) => o.kind === 'Event')) {
      objects = [...objects];
    }
    const watch = bool(args, 'watch') || bool(args, 'watch-only');
    let output = str(args, 'output');
    const template = str(args, 'template');
    if (template !== undefined && (output === undefined || output === 'go-template' || output === 'template')) output = 'go-template';
    else if (output?.startsWith('go-template=') || output?.startsWith('template=')) {
      return renderTemplates(ctx, objects, output.slice(output.indexOf('=') + 1), selection.errors);
    }
    let status = 0;
    if (output === 'go-template') {
      status = renderTemplates(ctx, objects, template ?? '', selection.errors);
    } else if (output && output !== 'wide') {
      if (objects.length || !watch) status = printObjects(ctx, objects, output, selection.byName && objects.length === 1);
    } else if (!bool(args, 'watch-only')) {
      printTables(ctx, args, objects, selection.infos.map((i) => i.kind));
    }
    if (!watch && !bool(args, 'ignore-not-found')) {
      for (const e of selection.errors) {
        ctx.io.stderr(e + '\n');
        status = 1;
      }
    }
    if (!watch && objects.length === 0 && selection.errors.length === 0 && (!output || output === 'wide')) {
      ctx.io.stderr(noResourcesMessage(ctx, args, selection.infos) + '\n');
    }
    if (watch) startWatch(ctx, args, objects, selection.infos.map((i) => i.kind), selection.byName);
    return status;
  },
};

function printOptions(ctx: KubectlContext, args: ParsedArgs, withKind: boolean): PrintOptions {
  return {
    api: ctx.api,
    now: ctx.cluster.now(),
    wide: str(args, 'output') === 'wide',
    withKind: withKind || bool(args, 'show-kind'),
    withNamespace: bool(args, 'all-namespaces'),
    noHeaders: bool(args, 'no-headers'),
    showLabels: bool(args, 'show-labels'),
    labelColumns: strs(args, 'label-columns'),
  };
}

/** One table per kind, separated by blank lines, with `kind/name` names when several kinds print. */
function printTables(ctx: KubectlContext, args: ParsedArgs, objects: KubeObject[], requestedKinds: string[]): void {
  const kinds = [...new Set([...requestedKinds, ...objects.map((o) => o.kind)])];
  const present = kinds.filter((k) => objects.some((o) => o.kind === k));
  const withKind = present.length > 1 || args.positional[0] === 'all' || args.positional.some((a) => a.includes('/') || a.includes(','));
  const options = printOptions(ctx, args, withKind);
  const blocks = present.map((kind) => formatTable(buildTable(kind, objects.filter((o) => o.kind === kind), options), options.noHeaders));
  ctx.io.stdout(blocks.join('\n'));
}

function renderTemplates(ctx: KubectlContext, objects: KubeObject[], template: string, errors: string[]): number {
  try {
    const data = objects.length === 1 ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
    ctx.io.stdout(renderGoTemplate(template, data));
  } catch (e) {
    if (e instanceof TemplateError) return fail(ctx, e.message);
    throw e;
  }
  for (const e of errors) ctx.io.stderr(e + '\n');
  return errors.length ? 1 : 0;
}

/**
 * Keeps printing rows as objects change, until Ctrl+C. A watch of one named object swallows the first
 * synthetic ADDED event (the object was already printed).
 */
function startWatch(ctx: KubectlContext, args: ParsedArgs, initial: KubeObject[], kinds: string[], byName: boolean): void {
  const kind = kinds[0];
  if (!kind) return;
  const selector = labelSelectorOf(args);
  const names = new Set(byName ? initial.map((o) => o.metadata.name) : args.positional.slice(1));
  const namespace = bool(args, 'all-namespaces') ? undefined : ctx.namespace;
  const output = str(args, 'output');
  const printer = new WatchPrinter(kind, printOptions(ctx, args, false));
  const withEvents = bool(args, 'output-watch-events');
  const terminal = ctx.terminal;
  // Prime the printer's widths with the header and initial rows already printed.
  if ((!output || output === 'wide') && initial.length) printer.print(initial, ctx.cluster.now());
  const unwatch = ctx.api.watch(kind, (event) => {
    const obj = event.object;
    if (namespace && obj.metadata.namespace && obj.metadata.namespace !== namespace) return;
    if (names.size && !names.has(obj.metadata.name)) return;
    if (selector && typeof selector !== 'string' && !matchesSelector(selector, obj.metadata.labels)) return;
    if (output && output !== 'wide') {
      const sink = { ...ctx, io: { ...ctx.io, stdout: (t: string) => terminal.writeBackground(t) } };
      printObjects(sink, [obj], output, true);
      return;
    }
    terminal.writeBackground(printer.print([obj], ctx.cluster.now(), withEvents ? event.type : undefined));
  });
  terminal.addJob({ stop: unwatch });
}

export { println };
