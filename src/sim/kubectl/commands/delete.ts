/**
 * `kubectl delete`: by name, `-l`, `--all`, `-f`; `--cascade`, `--grace-period`, `--force`, `--now`, `--wait`.
 * Mirrors staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go: each delete prints a line as it is accepted,
 * then kubectl waits for the objects to disappear (so time passes while pods terminate).
 * Simplified: the wait gives up after --timeout, or after 10 simulated minutes when no timeout is given
 * (real kubectl would keep waiting until interrupted).
 */
import { resourceForKind } from '../../api/kinds';
import type { KubeObject } from '../../api/meta';
import type { PropagationPolicy } from '../../apiserver/store';
import type { KubectlCommand, KubectlContext } from '../context';
import { fail, printError, println } from '../context';
import { bool, has, num, str } from '../flags';
import { parseDuration } from '../durations';
import { noResourcesMessage, selectObjects } from '../select';

const DEFAULT_WAIT_LIMIT_MS = 10 * 60 * 1000;

export const FORCE_DELETE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.';

/** `pod "web-0" deleted from default namespace` (namespaced) or `node "node-1" deleted`. */
export function deletedMessage(obj: KubeObject, force: boolean): string {
  const info = resourceForKind(obj.kind);
  const singular = info ? (info.group ? `${info.singular}.${info.group}` : info.singular) : obj.kind.toLowerCase();
  const verb = force ? 'force deleted' : 'deleted';
  return info?.namespaced
    ? `${singular} "${obj.metadata.name}" ${verb} from ${obj.metadata.namespace} namespace`
    : `${singular} "${obj.metadata.name}" ${verb}`;
}

function cascadePolicy(ctx: KubectlContext, value: string | undefined): PropagationPolicy | string {
  switch (value ?? 'background') {
    case 'background':
    case 'true':
      if (value === 'true') ctx.io.stderr('warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n');
      return 'Background';
    case 'orphan':
    case 'false':
      if (value === 'false') ctx.io.stderr('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n');
      return 'Orphan';
    case 'foreground':
      return 'Foreground';
    default:
      return `invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`;
  }
}

export const deleteCommand: KubectlCommand = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  use: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'cascade', type: 'string' },
    { name: 'grace-period', type: 'int' },
    { name: 'force', type: 'bool' },
    { name: 'now', type: 'bool' },
    { name: 'wait', type: 'bool' },
    { name: 'timeout', type: 'string' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run(ctx, args) {
    const cascade = cascadePolicy(ctx, str(args, 'cascade'));
    if (!['Background', 'Orphan', 'Foreground'].includes(cascade)) return fail(ctx, cascade);
    let grace = num(args, 'grace-period') ?? -1;
    const force = bool(args, 'force');
    if (bool(args, 'now')) {
      if (grace !== -1) return fail(ctx, '--now and --grace-period cannot be specified together');
      grace = 1;
    }
    if (grace === 0 && !force) grace = 1;
    if (force && grace < 0) grace = 0;
    const timeoutText = str(args, 'timeout');
    const timeoutMs = timeoutText ? parseDuration(timeoutText) : undefined;
    if (timeoutText && timeoutMs === undefined) return fail(ctx, `invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`);

    const hasNames = args.positional.length > 1 || args.positional.some((a) => a.includes('/'));
    if (args.positional.length === 1 && !has(args, 'selector') && !has(args, 'field-selector') && !bool(args, 'all') && !args.positional[0]!.includes('/') && !has(args, 'filename')) {
      return fail(ctx, `resource(s) were provided, but no name was specified`);
    }
    if (args.positional.length === 0 && !has(args, 'filename')) {
      return fail(ctx, `You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`);
    }
    if (hasNames && bool(args, 'all')) return fail(ctx, `name cannot be provided when a selector is specified`);

    const selection = selectObjects(ctx, args);
    if (typeof selection === 'number') return selection;
    if (force && grace === 0) ctx.io.stderr(FORCE_DELETE_WARNING + '\n');
    const deleted: KubeObject[] = [];
    let status = 0;
    for (const obj of selection.objects) {
      try {
        ctx.api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name, {
          propagationPolicy: cascade as PropagationPolicy,
          ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
        });
        if (str(args, 'output') === 'name') println(ctx, `${obj.kind.toLowerCase()}/${obj.metadata.name}`);
        else println(ctx, deletedMessage(obj, force && grace === 0));
        deleted.push(obj);
      } catch (e) {
        status = printError(ctx, e);
      }
    }
    if (!bool(args, 'ignore-not-found')) {
      for (const e of selection.errors) {
        ctx.io.stderr(e + '\n');
        status = 1;
      }
    }
    if (selection.objects.length === 0 && selection.errors.length === 0) {
      println(ctx, noResourcesMessage(ctx, args, selection.infos).replace(/ in .* namespace\.$/, ''));
    }
    const wait = args.flags.get('wait') !== false && !(force && grace === 0);
    if (wait && deleted.length) waitForDeletion(ctx, deleted, timeoutMs ?? DEFAULT_WAIT_LIMIT_MS);
    return status;
  },
};

/** Advances the clock until every object (by uid) is gone, or the limit passes. */
function waitForDeletion(ctx: KubectlContext, objects: KubeObject[], limitMs: number): void {
  const gone = () =>
    objects.every((o) => {
      const live = ctx.api.get(o.kind, o.metadata.namespace, o.metadata.name);
      return !live || live.metadata.uid !== o.metadata.uid;
    });
  ctx.cluster.advanceUntil(gone, limitMs);
}
