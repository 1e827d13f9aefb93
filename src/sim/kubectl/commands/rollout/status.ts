// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_status.go: for each object, print the status
// viewer's line for the object as it is, then for every later version of it (watchtools.UntilWithSync on
// its name), until the rollout is done, the viewer fails, the object is deleted or --timeout passes.
// Time passes on the virtual clock while it waits.
// Simplified: with no --timeout (real kubectl waits until interrupted) it stops watching silently after
// 15 simulated minutes, as though the user pressed Ctrl+C, and exits with 130.
import type { KubeObject } from '../../../api/meta';
import type { KubectlCommand, KubectlContext } from '../../context';
import { fail } from '../../context';
import { parseDuration } from '../../durations';
import { num, str } from '../../flags';
import { collect, printAggregate, requireResource, resolveTargets, RolloutError } from './rolloutUtil';
import type { CollectedError } from './rolloutUtil';
import type { StatusViewer } from './statusViewer';
import { statusViewerFor } from './statusViewer';

/** How long `rollout status` without --timeout keeps the clock moving before giving up (as Ctrl+C). */
export const STATUS_WATCH_LIMIT_MS = 15 * 60 * 1000;

/** Exit status of a command ended by Ctrl+C. */
const INTERRUPTED = 130;

type WatchOutcome = { kind: 'done' } | { kind: 'error'; error: CollectedError } | { kind: 'timeout' };

/**
 * Prints the rollout status of `obj` and keeps printing it on every change while time advances, until it
 * is done (or `watch` is false). Messages are printed after the output of the terminal's own watches up to
 * the same instant, so two "terminals" read in time order.
 */
export function watchRolloutStatus(ctx: KubectlContext, obj: KubeObject, viewer: StatusViewer, revision: number, watch: boolean, deadline: number): WatchOutcome {
  const pending: string[] = [];
  let outcome: WatchOutcome | undefined;
  const handle = (current: KubeObject) => {
    if (outcome) return;
    try {
      const status = viewer(current, revision);
      pending.push(status.message);
      if (status.done || !watch) outcome = { kind: 'done' };
    } catch (err) {
      if (!(err instanceof RolloutError)) throw err;
      outcome = { kind: 'error', error: collect(err) };
    }
  };
  const print = () => {
    for (const line of pending.splice(0)) ctx.io.stdout(line);
  };
  handle(obj);
  print();
  if (outcome) return outcome;
  const { namespace, name } = obj.metadata;
  const unsubscribe = ctx.api.watch(obj.kind, (event) => {
    if (event.object.metadata.name !== name || event.object.metadata.namespace !== namespace) return;
    if (event.type === 'DELETED') outcome ??= { kind: 'error', error: { text: 'object has been deleted', standard: false } };
    else handle(event.object);
  });
  try {
    while (!outcome && ctx.cluster.now() < deadline) {
      ctx.cluster.advanceUntil(() => outcome !== undefined || pending.length > 0, deadline - ctx.cluster.now());
      // Let the terminal's watches print what happened up to this instant before this command's line.
      ctx.cluster.advanceTo(ctx.cluster.now());
      print();
    }
  } finally {
    unsubscribe();
  }
  print();
  return outcome ?? { kind: 'timeout' };
}

export const rolloutStatusCommand: KubectlCommand = {
  name: 'status',
  short: 'Show the status of the rollout',
  use: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags]',
  flags: [
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'revision', type: 'int' },
    { name: 'timeout', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
  ],
  run(ctx, args) {
    const timeoutText = str(args, 'timeout') ?? '0s';
    const timeoutMs = parseDuration(timeoutText);
    if (timeoutMs === undefined) {
      ctx.io.stderr(`error: invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"\nSee '${ctx.commandPath} --help' for usage.\n`);
      return 1;
    }
    const missing = requireResource(args);
    if (missing) return fail(ctx, missing);
    const revision = num(args, 'revision') ?? 0;
    if (revision < 0) return fail(ctx, `revision must be a positive integer: ${revision}`);
    const watch = args.flags.get('watch') !== false;
    const targets = resolveTargets(ctx, args);
    if (typeof targets === 'number') return targets;
    const errors: CollectedError[] = targets.errors.map((text) => ({ text, standard: true }));
    for (const obj of targets.objects) {
      let viewer: StatusViewer;
      try {
        viewer = statusViewerFor(obj.kind);
      } catch (err) {
        errors.push(collect(err));
        continue;
      }
      const limit = timeoutMs > 0 ? timeoutMs : STATUS_WATCH_LIMIT_MS;
      const outcome = watchRolloutStatus(ctx, obj, viewer, revision, watch, ctx.cluster.now() + limit);
      if (outcome.kind === 'error') errors.push(outcome.error);
      if (outcome.kind === 'timeout') {
        if (timeoutMs === 0) return INTERRUPTED;
        errors.push({ text: 'timed out waiting for the condition', standard: false });
      }
    }
    if (targets.objects.length === 0 && errors.length === 0) {
      ctx.io.stderr(`No resources found in ${ctx.namespace} namespace.\n`);
      return 0;
    }
    return printAggregate(ctx, errors);
  },
};
