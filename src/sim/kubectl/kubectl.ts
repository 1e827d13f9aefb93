/**
 * kubectl: finds the command, parses its flags as cobra would, and runs it against the simulated cluster.
 * One command table serves every surface (console, lessons, tests, the transcript runner).
 */
import type { CommandIO } from '../terminal/builtins';
import type { Terminal } from '../terminal/terminal';
import { commands } from './commands';
import type { KubectlCommand, KubectlContext } from './context';
import { FlagError, parseFlags, str } from './flags';

/** Runs `kubectl <args>` in a terminal. Returns the exit code. */
export function runKubectl(terminal: Terminal, args: string[], io: CommandIO): number {
  const first = args.findIndex((a) => !a.startsWith('-'));
  // Global flags may come before the verb: `kubectl -n kube-system get pods`.
  const leading = first < 0 ? args : args.slice(0, first);
  const verb = first < 0 ? undefined : args[first];
  if (!verb) {
    if (leading.includes('--help') || leading.includes('-h') || leading.length === 0) {
      io.stdout(rootHelp());
      return 0;
    }
    io.stderr(`error: unknown flag: ${leading[0]}\nSee 'kubectl --help' for usage.\n`);
    return 1;
  }
  let command = findCommand(commands, verb);
  if (!command) {
    io.stderr(unknownCommand(verb, commands, 'kubectl'));
    return 1;
  }
  let rest = [...leading, ...args.slice(first + 1)];
  let path = `kubectl ${command.name}`;
  while (command.subcommands) {
    const subIndex = rest.findIndex((a) => !a.startsWith('-'));
    const subName = subIndex >= 0 ? rest[subIndex] : undefined;
    const sub: KubectlCommand | undefined = subName ? findCommand(command.subcommands, subName) : undefined;
    if (sub) {
      rest = [...rest.slice(0, subIndex), ...rest.slice(subIndex + 1)];
      command = sub;
      path = `${path} ${sub.name}`;
      continue;
    }
    if (command.run === runSubcommandRequired) {
      if (subName) io.stderr(unknownCommand(subName, command.subcommands, path));
      else io.stderr(`error: must specify one of: ${command.subcommands.map((s) => s.name).join(', ')}\nSee '${path} -h' for help and examples\n`);
      return 1;
    }
    break;
  }
  let parsed;
  try {
    parsed = parseFlags(rest, command.flags);
  } catch (e) {
    if (e instanceof FlagError) {
      io.stderr(`error: ${e.message}\nSee '${path} --help' for usage.\n`);
      return 1;
    }
    throw e;
  }
  if (parsed.flags.get('help') === true) {
    io.stdout(`${command.short}\n\nUsage:\n  ${command.use}\n`);
    return 0;
  }
  const namespaceFlag = str(parsed, 'namespace');
  const ctx: KubectlContext = {
    terminal,
    cluster: terminal.cluster,
    api: terminal.cluster.api,
    namespace: namespaceFlag ?? terminal.options.namespace ?? 'default',
    namespaceExplicit: namespaceFlag !== undefined,
    io,
    commandPath: path,
  };
  return command.run(ctx, parsed);
}

/** A placeholder `run` for commands that only group subcommands. */
export function runSubcommandRequired(): number {
  return 1;
}

function findCommand(list: KubectlCommand[], name: string): KubectlCommand | undefined {
  return list.find((c) => c.name === name || c.aliases?.includes(name));
}

function unknownCommand(name: string, list: KubectlCommand[], parent: string): string {
  // cobra: distance <= 2 (SuggestionsMinimumDistance) or a prefix, in its sorted command order.
  const suggestions = list.filter((c) => levenshtein(c.name, name.toLowerCase()) <= 2 || c.name.startsWith(name.toLowerCase())).map((c) => c.name).sort();
  let text = `error: unknown command "${name}" for "${parent}"\n`;
  if (suggestions.length) text += `\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`;
  return text;
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

function rootHelp(): string {
  const lines = commands.map((c) => `  ${c.name.padEnd(15)}${c.short}`);
  return `kubectl controls the Kubernetes cluster manager.\n\nCommands:\n${lines.join('\n')}\n\nUsage:\n  kubectl [flags] [options]\n`;
}
