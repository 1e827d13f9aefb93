// Shared pieces of the `kubectl rollout` and `kubectl set` commands: the resource builder's errors, the
// name printer with an operation (cli-runtime pkg/printers/name.go), kubectl's GroupKind and resource
// strings in messages, the dry-run flag (cmdutil.GetDryRunStrategy) and the pod-template describer
// (polymorphichelpers printTemplate, which writes through a plain prefix writer, without a tabwriter).
import { resourceForKind, qualifiedResource } from '../../../api/kinds';
import type { PodTemplateSpec } from '../../../api/core';
import { ApiError } from '../../../apiserver/errors';
import type { KubeObject } from '../../../api/meta';
import type { KubectlContext } from '../../context';
import { formatError } from '../../context';
import { str, strs } from '../../flags';
import type { ParsedArgs } from '../../flags';
import { objectRef } from '../../names';
import { describePodTemplate } from '../../printers/describeWorkloads';
import { PrefixWriter } from '../../printers/prefixWriter';
import { selectObjects } from '../../select';

/** An error kubectl reports through CheckErr as `error: <message>`. */
export class RolloutError extends Error {}

/** schema.GroupKind.String(): `Pod`, `ReplicaSet.apps`. */
export function groupKindString(kind: string): string {
  const group = resourceForKind(kind)?.group ?? '';
  return group ? `${kind}.${group}` : kind;
}

/** info.Mapping.Resource as the patching commands print it: `deployments.apps`, `pods`. */
export function resourceString(kind: string): string {
  const info = resourceForKind(kind);
  return info ? qualifiedResource(info) : kind.toLowerCase();
}

/** The name printer: `deployment.apps/web <operation>`. */
export function nameLine(obj: Pick<KubeObject, 'kind' | 'metadata'>, operation: string): string {
  return `${objectRef(obj)}${operation ? ` ${operation}` : ''}\n`;
}

/** The rollout commands' Validate: `required resource not specified` without arguments or -f. */
export function requireResource(args: ParsedArgs): string | undefined {
  if (args.positional.length === 0 && strs(args, 'filename').length === 0) return 'required resource not specified';
  return undefined;
}

/** The objects named by the arguments and the error lines for the missing ones; a number when already failed. */
export function resolveTargets(ctx: KubectlContext, args: ParsedArgs, positional = args.positional): { objects: KubeObject[]; errors: string[] } | number {
  const selection = selectObjects(ctx, { ...args, positional });
  if (typeof selection === 'number') return selection;
  return { objects: selection.objects, errors: selection.errors };
}

export type DryRunStrategy = 'none' | 'client' | 'server';

/** --dry-run: none, client or server; a string error for anything else. */
export function dryRunStrategy(args: ParsedArgs): DryRunStrategy | { error: string } {
  const value = str(args, 'dry-run') ?? 'none';
  if (value === 'none' || value === 'client' || value === 'server') return value;
  return { error: `Invalid dry-run value (${value}). Must be "none", "server", or "client".` };
}

/** PrintFlagsWithDryRunStrategy: the operation with ` (dry run)` or ` (server dry run)`. */
export function withDryRun(operation: string, strategy: DryRunStrategy): string {
  if (strategy === 'client') return `${operation} (dry run)`;
  if (strategy === 'server') return `${operation} (server dry run)`;
  return operation;
}

/** A describe prefix writer that writes straight through, as describe.NewPrefixWriter(buf) does. */
class PlainPrefixWriter extends PrefixWriter {
  private out = '';
  override write(level: number, text: string): void {
    this.out += '  '.repeat(level) + text;
  }
  override writeLine(text: string): void {
    this.out += text + '\n';
  }
  override flush(): void {}
  override text(): string {
    return this.out;
  }
}

/** printTemplate: `Pod Template:` and the template's labels, containers and volumes, tabs left as they are. */
export function printTemplate(template: PodTemplateSpec): string {
  const w = new PlainPrefixWriter();
  describePodTemplate(template, w);
  return w.text();
}

/** One error collected for CheckErr's aggregate: `standard` for API errors already in kubectl's words. */
export interface CollectedError {
  text: string;
  standard: boolean;
}

/** The collected error of a caught exception (RolloutError and other plain errors are not standard). */
export function collect(err: unknown): CollectedError {
  if (err instanceof ApiError) return { text: formatError(err), standard: true };
  return { text: err instanceof Error ? err.message : String(err), standard: false };
}

/**
 * cmdutil.CheckErr over utilerrors.NewAggregate(errors): one error alone gets kubectl's `error: ` prefix
 * unless it has one (or is an API error); several are printed one per line as they are.
 */
export function printAggregate(ctx: KubectlContext, errors: readonly CollectedError[]): number {
  if (errors.length === 0) return 0;
  if (errors.length === 1) {
    const e = errors[0]!;
    ctx.io.stderr(`${e.standard || e.text.startsWith('error: ') ? e.text : `error: ${e.text}`}${e.text.endsWith('\n') ? '' : '\n'}`);
    return 1;
  }
  for (const e of errors) ctx.io.stderr(`${e.text}${e.text.endsWith('\n') ? '' : '\n'}`);
  return 1;
}
