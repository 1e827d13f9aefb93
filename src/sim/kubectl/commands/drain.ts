/**
 * `kubectl cordon`, `kubectl uncordon` and `kubectl drain`, as staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go
 * runs them: cordon patches spec.unschedulable (`node/x cordoned`, `node/x already cordoned`); drain cordons,
 * prints the filters' warnings, evicts the node's pods (`evicting pod ns/name`, `pod/name evicted`) and prints
 * `node/x drained`, or reports `error: unable to drain node "x" due to error: ..., continuing command...`,
 * the pending nodes, and the errors as cmdutil.CheckErr prints an aggregate (one per line, no `error:` prefix).
 */
import type { Node, Pod } from '../../api/core';
import { matchesSelector, parseSelector } from '../../api/selectors';
import { notFound } from '../../apiserver/errors';
import type { KubectlCommand, KubectlContext } from '../context';
import { fail, printError, println } from '../context';
import { parseDuration } from '../durations';
import { bool, num, str } from '../flags';
import type { ParsedArgs } from '../flags';
import { deleteListWarnings, deleteOrEvictPods, getPodsForDeletion } from '../drain/drain';
import type { DrainOptions } from '../drain/drain';
import { labelSelectorOf } from '../select';

type DryRun = 'none' | 'client' | 'server';

function dryRunOf(ctx: KubectlContext, args: ParsedArgs): DryRun | number {
  const v = str(args, 'dry-run');
  if (v === undefined) return 'none';
  if (v === 'none' || v === 'client' || v === 'server') return v;
  if (v === 'true' || v === 'false') return v === 'true' ? 'client' : 'none';
  return fail(ctx, `Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

function suffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

/** Complete: the nodes named by the arguments or selected by -l. Returns an exit code when it printed an error. */
function completeNodes(ctx: KubectlContext, args: ParsedArgs, use: string): Node[] | number {
  const selector = labelSelectorOf(args);
  if (args.positional.length === 0 && selector === undefined) {
    return fail(ctx, `USAGE: ${use} [flags]\nSee '${ctx.commandPath} -h' for help and examples`);
  }
  if (typeof selector === 'string') return fail(ctx, selector);
  if (args.positional.length > 0 && selector !== undefined) {
    return fail(ctx, `cannot specify both a node name and a --selector option\nSee '${ctx.commandPath} -h' for help and examples`);
  }
  if (selector !== undefined) return ctx.api.list<Node>('Node').filter((n) => matchesSelector(selector, n.metadata.labels));
  const nodes: Node[] = [];
  for (const arg of args.positional) {
    const name = arg.startsWith('node/') || arg.startsWith('nodes/') ? arg.slice(arg.indexOf('/') + 1) : arg;
    const node = ctx.api.get<Node>('Node', undefined, name);
    if (!node) return printError(ctx, notFound('Node', name));
    nodes.push(node);
  }
  return nodes;
}

/** RunCordonOrUncordon: patch spec.unschedulable where it differs; print the name printer's line. */
function runCordonOrUncordon(ctx: KubectlContext, nodes: Node[], desired: boolean, dryRun: DryRun): number {
  let status = 0;
  for (const node of nodes) {
    const name = node.metadata.name;
    if ((node.spec.unschedulable ?? false) === desired) {
      println(ctx, `node/${name} already ${desired ? 'cordoned' : 'uncordoned'}${suffix(dryRun)}`);
      continue;
    }
    if (dryRun !== 'client') {
      try {
        if (dryRun === 'none') {
          ctx.api.mutate<Node>('Node', undefined, name, (d) => {
            if (desired) d.spec.unschedulable = true;
            else delete d.spec.unschedulable;
          });
        }
      } catch (e) {
        ctx.io.stderr(`error: unable to ${desired ? 'cordon' : 'uncordon'} node "${name}": ${e instanceof Error ? e.message : String(e)}\n`);
        status = 1;
        continue;
      }
    }
    println(ctx, `node/${name} ${desired ? 'cordoned' : 'uncordoned'}${suffix(dryRun)}`);
  }
  return status;
}

const commonFlags = [
  { name: 'selector', short: 'l', type: 'string' as const },
  { name: 'dry-run', type: 'string' as const },
];

export const cordonCommand: KubectlCommand = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  use: 'kubectl cordon NODE',
  flags: commonFlags,
  run(ctx, args) {
    const dryRun = dryRunOf(ctx, args);
    if (typeof dryRun === 'number') return dryRun;
    const nodes = completeNodes(ctx, args, 'cordon NODE');
    if (typeof nodes === 'number') return nodes;
    return runCordonOrUncordon(ctx, nodes, true, dryRun);
  },
};

export const uncordonCommand: KubectlCommand = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  use: 'kubectl uncordon NODE',
  flags: commonFlags,
  run(ctx, args) {
    const dryRun = dryRunOf(ctx, args);
    if (typeof dryRun === 'number') return dryRun;
    const nodes = completeNodes(ctx, args, 'uncordon NODE');
    if (typeof nodes === 'number') return nodes;
    return runCordonOrUncordon(ctx, nodes, false, dryRun);
  },
};

export const drainCommand: KubectlCommand = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  use: 'kubectl drain NODE',
  flags: [
    ...commonFlags,
    { name: 'force', type: 'bool' },
    { name: 'ignore-daemonsets', type: 'bool' },
    { name: 'delete-emptydir-data', type: 'bool' },
    { name: 'delete-local-data', type: 'bool' },
    { name: 'grace-period', type: 'int' },
    { name: 'timeout', type: 'string' },
    { name: 'pod-selector', type: 'string' },
    { name: 'disable-eviction', type: 'bool' },
    { name: 'skip-wait-for-delete-timeout', type: 'int' },
    { name: 'chunk-size', type: 'int' },
  ],
  run(ctx, args) {
    const dryRun = dryRunOf(ctx, args);
    if (typeof dryRun === 'number') return dryRun;
    const timeoutText = str(args, 'timeout') ?? '0s';
    const timeoutMs = parseDuration(timeoutText);
    if (timeoutMs === undefined) return fail(ctx, `invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`);
    const podSelectorText = str(args, 'pod-selector');
    let podSelector;
    if (podSelectorText) {
      const parsed = parseSelector(podSelectorText);
      if (!parsed.ok) return fail(ctx, '--pod-selector=<pod_selector> must be a valid label selector');
      podSelector = parsed.selector;
    }
    const nodes = completeNodes(ctx, args, 'drain NODE');
    if (typeof nodes === 'number') return nodes;
    const options: DrainOptions = {
      force: bool(args, 'force'),
      ignoreAllDaemonSets: bool(args, 'ignore-daemonsets'),
      deleteEmptyDirData: bool(args, 'delete-emptydir-data') || bool(args, 'delete-local-data'),
      gracePeriodSeconds: num(args, 'grace-period') ?? -1,
      timeoutMs,
      ...(podSelector ? { podSelector } : {}),
      disableEviction: bool(args, 'disable-eviction'),
      dryRun,
    };
    runCordonOrUncordon(ctx, nodes, true, dryRun);
    return runDrain(ctx, nodes, options);
  },
};

/** RunDrain after the cordon: each node in turn; failures continue with the next node. */
function runDrain(ctx: KubectlContext, nodes: Node[], o: DrainOptions): number {
  const fatal: string[][] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const name = node.metadata.name;
    const result = deleteOrEvictPodsSimple(ctx, name, o);
    if (result === 'interrupted') return 130;
    if (result.length === 0) {
      println(ctx, `node/${name} drained${suffix(o.dryRun)}`);
      continue;
    }
    const message = result.length === 1 ? result[0]! : `[${result.join(', ')}]`;
    ctx.io.stderr(`error: unable to drain node "${name}" due to error: ${message}, continuing command...\n`);
    fatal.push(result);
    remaining.push(name);
  }
  if (remaining.length) {
    ctx.io.stderr('There are pending nodes to be drained:\n');
    for (const name of remaining) ctx.io.stderr(` ${name}\n`);
  }
  if (fatal.length === 0) return 0;
  // cmdutil.CheckErr: an aggregate of one aggregate is unwrapped, then each error gets its own line.
  const lines = fatal.length === 1 ? fatal[0]! : fatal.map((errs) => (errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]`));
  for (const line of lines) ctx.io.stderr(`${line}\n`);
  return 1;
}

function deleteOrEvictPodsSimple(ctx: KubectlContext, nodeName: string, o: DrainOptions): string[] | 'interrupted' {
  const { list, errors } = getPodsForDeletion(ctx, nodeName, o);
  if (errors.length) return errors;
  const warnings = deleteListWarnings(list);
  if (warnings) ctx.io.stderr(`Warning: ${warnings}\n`);
  const pods: Pod[] = list.filter((x) => x.status.delete).map((x) => x.pod);
  if (o.dryRun === 'client') {
    for (const pod of pods) println(ctx, `evicting pod ${pod.metadata.namespace}/${pod.metadata.name} (dry run)`);
    return [];
  }
  const result = deleteOrEvictPods(ctx, pods, o, (pod, usingEviction) => println(ctx, `pod/${pod.metadata.name} ${usingEviction ? 'evicted' : 'deleted'}`));
  if (result.interrupted) return 'interrupted';
  if (result.errors.length === 0) return [];
  const pending = getPodsForDeletion(ctx, nodeName, o).list.filter((x) => x.status.delete);
  if (pending.length) {
    const err = result.errors.length === 1 ? result.errors[0]! : `[${result.errors.join(', ')}]`;
    ctx.io.stderr(`There are pending pods in node "${nodeName}" when an error occurred: ${err}\n`);
    for (const x of pending) ctx.io.stderr(`pod/${x.pod.metadata.name}\n`);
  }
  return result.errors;
}
