/**
 * The host commands the terminal knows besides kubectl: `sim` (node and zone failures, sim.ts), `sleep` (advances the virtual clock), `echo`, `cat`,
 * `grep`, `head`, `tail`, `wc -l`, `true`, `false`, `export`, `clear`.
 */
import { runKubectl } from '../kubectl/kubectl';
import { runSim } from './sim';
import type { OutputSink, Terminal } from './terminal';

export interface CommandIO {
  stdin: string;
  stdout: OutputSink;
  stderr: OutputSink;
}

type Builtin = (terminal: Terminal, args: string[], io: CommandIO) => number;

const builtins: Record<string, Builtin> = {
  kubectl: (t, args, io) => runKubectl(t, args, io),
  k: (t, args, io) => runKubectl(t, args, io),
  sim: (t, args, io) => runSim(t, args, io),
  sleep: sleepCommand,
  echo: (_t, args, io) => {
    let newline = true;
    if (args[0] === '-n') {
      newline = false;
      args = args.slice(1);
    }
    io.stdout(args.join(' ') + (newline ? '\n' : ''));
    return 0;
  },
  cat: (_t, args, io) => {
    if (args.length && args[0] !== '-') {
      io.stderr(`cat: ${args[0]}: No such file or directory\n`);
      return 1;
    }
    io.stdout(io.stdin);
    return 0;
  },
  grep: grepCommand,
  head: (_t, args, io) => sliceLines(args, io, (lines, n) => lines.slice(0, n)),
  tail: (_t, args, io) => sliceLines(args, io, (lines, n) => lines.slice(Math.max(0, lines.length - n))),
  wc: (_t, args, io) => {
    const lines = io.stdin.split('\n').length - 1;
    if (args.includes('-l')) io.stdout(`${lines}\n`);
    else io.stdout(`${String(lines).padStart(7)} ${String(io.stdin.split(/\s+/).filter(Boolean).length).padStart(7)} ${String(io.stdin.length).padStart(7)}\n`);
    return 0;
  },
  true: () => 0,
  false: () => 1,
  clear: () => 0,
  export: (t, args) => {
    for (const a of args) {
      const [name, ...value] = a.split('=');
      if (name && value.length) t.vars[name] = value.join('=');
    }
    return 0;
  },
};

/** Runs one host command. Unknown commands print bash's `command not found` and exit 127. */
export function runHostCommand(terminal: Terminal, argv: string[], io: CommandIO): number {
  const [name, ...args] = argv;
  if (!name) return 0;
  const builtin = builtins[name];
  if (!builtin) {
    io.stderr(`bash: ${name}: command not found\n`);
    return 127;
  }
  return builtin(terminal, args, io);
}

/** Parses `10`, `1.5`, `2m`, `1h`, `3s`: GNU sleep's duration syntax. Returns milliseconds or undefined. */
export function parseSleepDuration(text: string): number | undefined {
  const m = text.match(/^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/);
  if (!m) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Math.round(Number(m[1]) * unit * 1000);
}

function sleepCommand(terminal: Terminal, args: string[], io: CommandIO): number {
  if (args.length === 0) {
    io.stderr('sleep: missing operand\nTry \'sleep --help\' for more information.\n');
    return 1;
  }
  let total = 0;
  for (const arg of args) {
    const ms = parseSleepDuration(arg);
    if (ms === undefined) {
      io.stderr(`sleep: invalid time interval '${arg}'\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    total += ms;
  }
  terminal.cluster.advance(total);
  return 0;
}

function grepCommand(_t: Terminal, args: string[], io: CommandIO): number {
  const flags = args.filter((a) => a.startsWith('-'));
  const pattern = args.find((a) => !a.startsWith('-'));
  if (pattern === undefined) {
    io.stderr('Usage: grep [OPTION]... PATTERNS [FILE]...\n');
    return 2;
  }
  const invert = flags.includes('-v');
  const ignoreCase = flags.includes('-i');
  let re: RegExp;
  try {
    re = new RegExp(pattern, ignoreCase ? 'i' : '');
  } catch {
    re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), ignoreCase ? 'i' : '');
  }
  const lines = io.stdin.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const matched = lines.filter((l) => re.test(l) !== invert);
  if (flags.includes('-c')) io.stdout(`${matched.length}\n`);
  else for (const l of matched) io.stdout(l + '\n');
  return matched.length ? 0 : 1;
}

function sliceLines(args: string[], io: CommandIO, pick: (lines: string[], n: number) => string[]): number {
  let n = 10;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-n' && args[i + 1]) n = Number(args[++i]);
    else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else if (a.startsWith('-n')) n = Number(a.slice(2));
  }
  const lines = io.stdin.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const l of pick(lines, n)) io.stdout(l + '\n');
  return 0;
}
