/**
 * Text tools of busybox and coreutils: grep, head, tail, wc, sort (the common options only).
 */
import { resolvePath } from './containerFs';
import type { CommandFn } from './interpreter';
import { flags, isBusybox, missing, splitLines } from './toolArgs';

export const grep: CommandFn = (call) => {
  const { opts, rest } = flags(call.args);
  const [pattern, ...files] = rest;
  if (pattern === undefined) {
    call.err(
      isBusybox(call)
        ? 'BusyBox v1.36.1 multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n'
        : "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
    );
    return 2;
  }
  let re: RegExp;
  try {
    re = new RegExp(pattern, opts.has('i') ? 'i' : '');
  } catch {
    re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), opts.has('i') ? 'i' : '');
  }
  const inputs = files.length
    ? files.map((f) => ({ f, text: call.session.fs.read(resolvePath(call.session.cwd, f)) }))
    : [{ f: '', text: call.stdin }];
  let matched = 0;
  let status = 0;
  for (const { f, text } of inputs) {
    if (text === undefined) {
      call.err(`grep: ${f}: No such file or directory\n`);
      status = 2;
      continue;
    }
    const lines = splitLines(text).filter((l) => re.test(l) !== opts.has('v'));
    matched += lines.length;
    if (opts.has('q')) continue;
    const prefix = files.length > 1 ? `${f}:` : '';
    if (opts.has('c')) call.out(`${prefix}${lines.length}\n`);
    else call.out(lines.map((l) => prefix + l + '\n').join(''));
  }
  return status || (matched ? 0 : 1);
};

function countArg(args: string[]): { n: number; files: string[] } {
  let n = 10;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-n') n = Number(args[++i] ?? 10);
    else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
    else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else files.push(a);
  }
  return { n, files };
}

export function headTail(pick: (lines: string[], n: number) => string[]): CommandFn {
  return (call) => {
    const { n, files } = countArg(call.args);
    const text = files.length ? call.session.fs.read(resolvePath(call.session.cwd, files[0]!)) : call.stdin;
    if (text === undefined) {
      missing(call, files[0]!);
      return 1;
    }
    call.out(
      pick(splitLines(text), n)
        .map((l) => l + '\n')
        .join(''),
    );
    return 0;
  };
}

export const sort: CommandFn = (call) => {
  const { opts, rest } = flags(call.args);
  const text = rest.length ? call.session.fs.read(resolvePath(call.session.cwd, rest[0]!)) : call.stdin;
  if (text === undefined) {
    missing(call, rest[0]!);
    return 2;
  }
  const lines = splitLines(text).sort((a, b) =>
    opts.has('n')
      ? parseFloat(a) - parseFloat(b) || (a < b ? -1 : a > b ? 1 : 0)
      : a < b
        ? -1
        : a > b
          ? 1
          : 0,
  );
  if (opts.has('r')) lines.reverse();
  call.out(lines.map((l) => l + '\n').join(''));
  return 0;
};

export const wc: CommandFn = (call) => {
  const { opts, rest } = flags(call.args);
  const text = rest.length ? call.session.fs.read(resolvePath(call.session.cwd, rest[0]!)) : call.stdin;
  if (text === undefined) {
    missing(call, rest[0]!);
    return 1;
  }
  const counts: number[] = [];
  const all = !opts.has('l') && !opts.has('w') && !opts.has('c');
  if (all || opts.has('l')) counts.push((text.match(/\n/g) ?? []).length);
  if (all || opts.has('w')) counts.push(text.split(/\s+/).filter(Boolean).length);
  if (all || opts.has('c')) counts.push(new TextEncoder().encode(text).length);
  const width = counts.length > 1 || rest.length ? (isBusybox(call) ? 9 : 1) : 1;
  const body = counts.map((c) => String(c).padStart(width)).join(isBusybox(call) ? ' ' : ' ');
  call.out(`${body}${rest.length ? ' ' + rest[0] : ''}\n`);
  return 0;
};
