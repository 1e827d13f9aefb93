/**
 * Runs parsed scripts (POSIX Shell Command Language 2.6 word expansions, 2.7 redirection, 2.9 commands):
 * and-or lists, pipelines (each stage's stdout is the next one's stdin), redirections to the container's
 * files, command lookup (special builtins, then PATH), `command not found` with status 127.
 *
 * Simplified: pipeline stages run one after another (no concurrency, so `yes | head` is not supported);
 * globbing expands `*` and `?` in the last path component only.
 */
import { COMMANDS } from './commands';
import { resolvePath } from './containerFs';
import type { AndOrList, SimpleCommand, SyntaxError, Word } from './parser';
import { parse } from './parser';
import type { Session, Sink } from './session';

/** Where a command's output goes. */
export interface Streams {
  stdin: string;
  out: Sink;
  err: Sink;
}

/** What a command sees: its arguments, streams and the shell session. */
export interface CommandCall extends Streams {
  name: string;
  args: string[];
  session: Session;
}

export type CommandFn = (call: CommandCall) => number;

/** Commands the shell itself runs (no executable on PATH). */
const SHELL_BUILTINS = new Set([
  'cd',
  'exit',
  'export',
  'unset',
  'set',
  ':',
  'true',
  'false',
  'echo',
  'pwd',
  'sh',
  'exec',
]);

/** Parses and runs `source`; returns the status of the last command. Syntax errors go to `err` with status 2. */
export function runScript(session: Session, source: string, io: Streams): number {
  const parsed = parse(source);
  if (!parsed.ok) {
    io.err(syntaxErrorMessage(session, parsed.error) + '\n');
    session.status = 2;
    return 2;
  }
  for (const list of parsed.script) {
    runAndOr(session, list, io);
    if (session.exitCode !== undefined) return session.exitCode;
  }
  return session.status;
}

function syntaxErrorMessage(session: Session, error: SyntaxError): string {
  const dash = session.profile.flavour === 'dash';
  const p = session.errorPrefix();
  if (error.kind === 'unterminated')
    return dash
      ? `${p}Syntax error: Unterminated quoted string`
      : `${p}syntax error: unterminated quoted string`;
  if (error.kind === 'eof')
    return dash ? `${p}Syntax error: end of file unexpected` : `${p}syntax error: unexpected end of file`;
  return dash
    ? `${p}Syntax error: "${error.token}" unexpected`
    : `${p}syntax error: unexpected "${error.token}"`;
}

function runAndOr(session: Session, list: AndOrList, io: Streams): void {
  runPipeline(session, list.first.commands, io);
  for (const { op, pipeline } of list.rest) {
    if (session.exitCode !== undefined) return;
    if ((op === '&&') === (session.status === 0)) runPipeline(session, pipeline.commands, io);
  }
}

function runPipeline(session: Session, commands: SimpleCommand[], io: Streams): void {
  let stdin = io.stdin;
  commands.forEach((cmd, i) => {
    const last = i === commands.length - 1;
    let piped = '';
    const out: Sink = last ? io.out : (t) => (piped += t);
    // Every stage but the last runs in a subshell: its `exit` or `cd` does not reach this shell.
    const stage = last && commands.length === 1 ? session : session.fork();
    session.status = runSimple(stage, cmd, { stdin, out, err: io.err });
    if (stage !== session && last) session.status = stage.exitCode ?? session.status;
    stdin = piped;
  });
}

function runSimple(session: Session, cmd: SimpleCommand, io: Streams): number {
  const argv: string[] = [];
  for (const word of cmd.words) argv.push(...expandWord(session, word, true));
  const assigns = cmd.assigns.map((a) => [a.name, expandWord(session, a.value, false).join('')] as const);
  if (!argv.length) {
    for (const [k, v] of assigns) session.vars.set(k, v);
  }
  const streams = applyRedirects(session, cmd, io);
  if (!streams) return 1;
  if (!argv.length) return 0;
  const target = argv.length && assigns.length ? withVars(session, assigns) : session;
  const status = runCommand(target, argv, streams);
  if (target !== session && target.exitCode !== undefined) session.exitCode = target.exitCode;
  return status;
}

function withVars(session: Session, assigns: readonly (readonly [string, string])[]): Session {
  const child = session.fork();
  for (const [k, v] of assigns) child.vars.set(k, v);
  return child;
}

/** Runs one command by name: a builtin or a tool on the image's PATH, else `not found` (127). */
export function runCommand(session: Session, argv: string[], io: Streams): number {
  const [name0, ...args] = argv;
  const name = (name0 ?? '').replace(/^\/(usr\/)?(s?bin)\//, '');
  const fn = COMMANDS[name];
  const available = SHELL_BUILTINS.has(name) || session.profile.tools.has(name);
  if (!fn || !available) {
    io.err(`${session.errorPrefix()}${name0}: not found\n`);
    return 127;
  }
  return fn({ name, args, session, ...io });
}

/** True when `name` is an executable file in the image (what `kubectl exec -- name` can start). */
export function isExecutable(session: Session, name: string): boolean {
  const base = name.replace(/^\/(usr\/)?(s?bin)\//, '');
  return session.profile.tools.has(base) && base in COMMANDS;
}

function applyRedirects(session: Session, cmd: SimpleCommand, io: Streams): Streams | undefined {
  const streams: Streams = { ...io };
  for (const r of cmd.redirects) {
    if (typeof r.target === 'number') {
      const from = r.target === 2 ? streams.err : streams.out;
      if (r.fd === 2) streams.err = from;
      else streams.out = from;
      continue;
    }
    const name = expandWord(session, r.target, false).join('');
    const path = resolvePath(session.cwd, name);
    const dash = session.profile.flavour === 'dash';
    const p = session.errorPrefix();
    if (r.op === '<') {
      const content = session.fs.read(path);
      if (content === undefined) {
        io.err(
          dash
            ? `${p}cannot open ${name}: No such file\n`
            : `${p}can't open '${name}': No such file or directory\n`,
        );
        return undefined;
      }
      streams.stdin = content;
      continue;
    }
    if (path === '/dev/null') {
      const discard: Sink = () => undefined;
      if (r.fd === 2) streams.err = discard;
      else streams.out = discard;
      continue;
    }
    const problem = writeProblem(session, path);
    if (problem) {
      io.err(
        dash ? `${p}cannot create ${name}: ${problem.dash}\n` : `${p}can't create ${name}: ${problem.ash}\n`,
      );
      return undefined;
    }
    if (r.op === '>') session.fs.write(path, '');
    const sink: Sink = (t) => session.fs.write(path, t, true);
    if (r.fd === 2) streams.err = sink;
    else streams.out = sink;
  }
  return streams;
}

/** Why `path` cannot be created as a file, in ash's and dash's words; undefined when it can. */
export function writeProblem(session: Session, path: string): { ash: string; dash: string } | undefined {
  if (session.fs.isDir(path)) return { ash: 'Is a directory', dash: 'Is a directory' };
  const parent = path.slice(0, path.lastIndexOf('/')) || '/';
  if (!session.fs.isDir(parent)) return { ash: 'nonexistent directory', dash: 'Directory nonexistent' };
  if (session.fs.isReadOnly(path)) return { ash: 'Read-only file system', dash: 'Read-only file system' };
  return undefined;
}

/** Expands one word into fields: parameters, command substitution, field splitting and globbing. */
export function expandWord(session: Session, word: Word, split: boolean): string[] {
  const fields: string[] = [];
  let current = '';
  let hasContent = false;
  let glob = false;
  for (const part of word.parts) {
    let text: string;
    if (part.kind === 'lit') {
      text = part.text;
      if (!part.quoted && /[*?]/.test(text)) glob = true;
      current += text;
      hasContent = true;
      continue;
    }
    text = part.kind === 'var' ? variable(session, part.name) : substitute(session, part.source);
    if (part.quoted || !split) {
      current += text;
      hasContent = true;
      continue;
    }
    const pieces = text.split(/[ \t\n]+/);
    pieces.forEach((piece, i) => {
      if (i > 0 && (current || hasContent)) {
        if (current) fields.push(current);
        current = '';
        hasContent = false;
      }
      if (piece) {
        current += piece;
        hasContent = true;
      }
    });
  }
  if (current || (hasContent && word.parts.some((p) => p.quoted))) fields.push(current);
  if (split && glob) return fields.flatMap((f) => globField(session, f));
  return fields;
}

function variable(session: Session, name: string): string {
  if (name === '?') return String(session.status);
  if (name === '$') return '1';
  if (name === '#') return '0';
  if (name === '0') return 'sh';
  return session.vars.get(name) ?? '';
}

/** `$(...)`: runs in a subshell; its output without trailing newlines. */
function substitute(session: Session, source: string): string {
  let out = '';
  const child = session.fork();
  runScript(child, source, { stdin: '', out: (t) => (out += t), err: () => undefined });
  session.status = child.exitCode ?? child.status;
  return out.replace(/\n+$/, '');
}

function globField(session: Session, field: string): string[] {
  const slash = field.lastIndexOf('/');
  const dirText = slash < 0 ? '' : field.slice(0, slash + 1);
  const pattern = field.slice(slash + 1);
  if (!/[*?]/.test(pattern) || /[*?]/.test(dirText)) return [field];
  const names = session.fs.children(resolvePath(session.cwd, dirText || '.')) ?? [];
  const re = new RegExp(
    '^' +
      pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.') +
      '$',
  );
  const matches = names.filter((n) => re.test(n) && (pattern.startsWith('.') || !n.startsWith('.')));
  return matches.length ? matches.map((n) => dirText + n) : [field];
}
