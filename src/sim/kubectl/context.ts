/**
 * What a kubectl command runs with, and the ways it reports failure in kubectl's own words.
 */
import type { ApiServer } from '../apiserver/store';
import { ApiError, kubectlErrorMessage } from '../apiserver/errors';
import type { Cluster } from '../cluster';
import type { CommandIO } from '../terminal/builtins';
import type { Terminal } from '../terminal/terminal';
import type { FlagSpec, ParsedArgs } from './flags';

export interface KubectlContext {
  terminal: Terminal;
  cluster: Cluster;
  api: ApiServer;
  /** The namespace from -n, or the terminal's default. */
  namespace: string;
  /** True when -n was given explicitly. */
  namespaceExplicit: boolean;
  io: CommandIO;
  /** `kubectl get`, for usage hints. */
  commandPath: string;
}

export interface KubectlCommand {
  name: string;
  aliases?: string[];
  flags: FlagSpec[];
  /** One line for `kubectl --help`. */
  short: string;
  /** Usage line shown with argument errors. */
  use: string;
  run(ctx: KubectlContext, args: ParsedArgs): number;
  /** Subcommands (`create deployment`, `rollout status`). */
  subcommands?: KubectlCommand[];
}

/** Prints `error: <message>` and returns exit code 1, as kubectl's CheckErr does. */
export function fail(ctx: KubectlContext, message: string): number {
  ctx.io.stderr(`error: ${message}\n`);
  return 1;
}

/** Prints an error the way cmdutil.CheckErr formats API errors; other errors become `error: ...`. */
export function printError(ctx: KubectlContext, err: unknown, operation?: { verb: string; source: string }): number {
  ctx.io.stderr(formatError(err, operation) + '\n');
  return 1;
}

/** kubectl's text for an error: `Error from server (NotFound): ...`, `The X "y" is invalid: ...`. */
export function formatError(err: unknown, operation?: { verb: string; source: string }): string {
  if (err instanceof ApiError) {
    if (operation && err.reason !== 'Invalid') {
      return `Error from server (${err.reason}): error when ${operation.verb} "${operation.source}": ${err.message}`;
    }
    return kubectlErrorMessage(err);
  }
  if (err instanceof Error) return `error: ${err.message}`;
  return `error: ${String(err)}`;
}

/** Writes a line to stdout. */
export function println(ctx: KubectlContext, text: string): void {
  ctx.io.stdout(text + '\n');
}
