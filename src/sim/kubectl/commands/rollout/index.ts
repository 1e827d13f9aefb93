// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout.go: `kubectl rollout` groups history, pause,
// resume, undo, status and restart; alone it prints its help (cmdutil.DefaultSubCommandRun), and with an
// unknown word it fails as RequireNoArguments does.
import type { KubectlCommand, KubectlContext } from '../../context';
import { rolloutHistoryCommand, rolloutUndoCommand } from './historyCommands';
import { rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand } from './patchCommands';
import { rolloutStatusCommand } from './status';

const ROLLOUT_HELP = `Manage the rollout of one or many resources.

 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets

Examples:
  # Rollback to the previous deployment
  kubectl rollout undo deployment/abc

  # Check the rollout status of a daemonset
  kubectl rollout status daemonset/foo

  # Restart a deployment
  kubectl rollout restart deployment/abc

  # Restart deployments with the 'app=nginx' label
  kubectl rollout restart deployment --selector=app=nginx
`;

/**
 * DefaultSubCommandRun for a command group: help and exit 1 without arguments, `unknown command` with
 * them. `long` is the group's description and examples.
 */
export function subCommandGroupRun(long: string, use: string) {
  return (ctx: KubectlContext, args: { positional: string[] }, subcommands: readonly KubectlCommand[]): number => {
    if (args.positional.length > 0) {
      ctx.io.stderr(`error: unknown command "${args.positional.join(' ')}"\nSee '${ctx.commandPath} -h' for help and examples\n`);
      return 1;
    }
    const width = Math.max(...subcommands.map((c) => c.name.length)) + 3;
    const available = [...subcommands]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => `  ${c.name.padEnd(width)}${c.short}`)
      .join('\n');
    ctx.io.stdout(
      `${long}\nAvailable Commands:\n${available}\n\nUsage:\n  ${use}\n\nUse "${ctx.commandPath} <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`,
    );
    return 1;
  };
}

const ROLLOUT_SUBCOMMANDS = [rolloutHistoryCommand, rolloutPauseCommand, rolloutResumeCommand, rolloutUndoCommand, rolloutStatusCommand, rolloutRestartCommand];
const runRollout = subCommandGroupRun(ROLLOUT_HELP, 'kubectl rollout SUBCOMMAND [options]');

export const rolloutCommand: KubectlCommand = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  use: 'kubectl rollout SUBCOMMAND',
  flags: [],
  subcommands: ROLLOUT_SUBCOMMANDS,
  run: (ctx, args) => runRollout(ctx, args, ROLLOUT_SUBCOMMANDS),
};
