/**
 * `kubectl describe TYPE [NAME_PREFIX | -l selector]`: one description per object, separated by a blank
 * line. A name is a prefix match when no object has exactly that name, as kubectl does.
 */
import { notFound } from '../../apiserver/errors';
import type { KubeObject } from '../../api/meta';
import { matchesSelector } from '../../api/selectors';
import type { KubectlCommand } from '../context';
import { fail, formatError } from '../context';
import { bool } from '../flags';
import { describeObject } from '../printers';
import { resolveArgs } from '../resources';
import { labelSelectorOf, listNamespace, noResourcesMessage } from '../select';

export const describeCommand: KubectlCommand = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  use: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  flags: [
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'show-events', type: 'bool' },
    { name: 'filename', short: 'f', type: 'strings' },
  ],
  run(ctx, args) {
    if (args.positional.length === 0) {
      return fail(ctx, `You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.`);
    }
    const resolved = resolveArgs(args.positional);
    if (!resolved.ok) return fail(ctx, resolved.error);
    const selector = labelSelectorOf(args);
    if (typeof selector === 'string') return fail(ctx, selector);
    const namespace = listNamespace(ctx, args);
    const found: KubeObject[] = [];
    const errors: string[] = [];
    for (const request of resolved.requests) {
      const ns = request.info.namespaced ? namespace : undefined;
      const all = ctx.api.list(request.info.kind, ns).filter((o) => !selector || matchesSelector(selector, o.metadata.labels));
      if (!request.names.length) {
        found.push(...all);
        continue;
      }
      for (const name of request.names) {
        const exact = all.filter((o) => o.metadata.name === name);
        const matches = exact.length ? exact : all.filter((o) => o.metadata.name.startsWith(name));
        if (matches.length) found.push(...matches);
        else errors.push(formatError(notFound(request.info.kind, name)));
      }
    }
    const options = {
      api: ctx.api,
      now: ctx.cluster.now(),
      wide: false,
      withKind: false,
      withNamespace: false,
      noHeaders: false,
      showLabels: bool(args, 'show-events'),
      labelColumns: [],
    };
    // Each description ends in a newline; kubectl puts "\n\n" between them.
    ctx.io.stdout(found.map((o) => describeObject(o, options)).join('\n\n'));
    for (const e of errors) ctx.io.stderr(e + '\n');
    if (!found.length && !errors.length) ctx.io.stderr(noResourcesMessage(ctx, args, resolved.requests.map((r) => r.info)) + '\n');
    return errors.length ? 1 : 0;
  },
};
