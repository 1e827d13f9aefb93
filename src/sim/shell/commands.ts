/**
 * The commands a container offers: shell builtins and the file and text tools of busybox (ash images) or
 * coreutils (Debian images), each printing its own tool's messages.
 *
 * Simplified: the common options only (ls -l/-a/-1, rm -r/-f, mkdir -p, grep -i/-v/-c/-q, head/tail -n,
 * wc -l/-w/-c); `sleep` returns at once without moving the virtual clock; files have no owners or times
 * (ls -l shows root and the current time).
 */
import { SIM_EPOCH_MS } from '../runtime/clock';
import { resolvePath } from './containerFs';
import type { CommandCall, CommandFn } from './interpreter';
import { runScript } from './interpreter';
import { DATABASE_COMMANDS } from './database';
import { NET_COMMANDS } from './net';
import { grep, headTail, sort, wc } from './textTools';
import { flags, isBusybox, missing } from './toolArgs';

const echo: CommandFn = (call) => {
  let args = call.args;
  let newline = true;
  while (args[0] === '-n' || args[0] === '-e') {
    if (args[0] === '-n') newline = false;
    args = args.slice(1);
  }
  call.out(args.join(' ') + (newline ? '\n' : ''));
  return 0;
};

const cat: CommandFn = (call) => {
  const files = call.args.filter((a) => a !== '-u');
  if (!files.length) {
    call.out(call.stdin);
    return 0;
  }
  let status = 0;
  for (const f of files) {
    if (f === '-') {
      call.out(call.stdin);
      continue;
    }
    const path = resolvePath(call.session.cwd, f);
    const content = call.session.fs.read(path);
    if (content !== undefined) call.out(content);
    else if (call.session.fs.isDir(path)) {
      call.err(isBusybox(call) ? 'cat: read error: Is a directory\n' : `cat: ${f}: Is a directory\n`);
      status = 1;
    } else {
      missing(call, f);
      status = 1;
    }
  }
  return status;
};

const ls: CommandFn = (call) => {
  const { opts, rest } = flags(call.args);
  const targets = rest.length ? rest : ['.'];
  const fs = call.session.fs;
  let status = 0;
  const blocks: string[] = [];
  for (const t of targets) {
    const path = resolvePath(call.session.cwd, t);
    let names: string[];
    if (fs.isFile(path)) names = [t];
    else {
      const children = fs.children(path);
      if (!children) {
        call.err(
          isBusybox(call)
            ? `ls: ${t}: No such file or directory\n`
            : `ls: cannot access '${t}': No such file or directory\n`,
        );
        status = isBusybox(call) ? 1 : 2;
        continue;
      }
      names = opts.has('a') ? ['.', '..', ...children] : children.filter((n) => !n.startsWith('.'));
    }
    const header = targets.length > 1 && !fs.isFile(path) ? `${t}:\n` : '';
    const dir = fs.isFile(path) ? undefined : path;
    const body = opts.has('l')
      ? longListing(call, dir, names)
      : opts.has('1')
        ? names.map((n) => n + '\n').join('')
        : columns(call, names);
    blocks.push(header + body);
  }
  call.out(blocks.join('\n'));
  return status;
};

function columns(call: CommandCall, names: string[]): string {
  if (!names.length) return '';
  if (isBusybox(call)) {
    const width = Math.max(...names.map((n) => n.length)) + 2;
    if (width * names.length <= 80)
      return names.map((n, i) => (i === names.length - 1 ? n : n.padEnd(width))).join('') + '\n';
    return names.join('\n') + '\n';
  }
  const line = names.join('  ');
  return line.length <= 80 ? line + '\n' : names.join('\n') + '\n';
}

function longListing(call: CommandCall, dir: string | undefined, names: string[]): string {
  const fs = call.session.fs;
  const when = lsTime(call.session.ctx.clock.now());
  const rows = names.map((n) => {
    const path = dir === undefined ? resolvePath(call.session.cwd, n) : resolvePath(dir, n);
    const isDir = fs.isDir(path);
    const size = isDir ? 4096 : new TextEncoder().encode(fs.read(path) ?? '').length;
    const mode = isDir ? 'drwxr-xr-x' : '-rw-r--r--';
    const links = isDir ? 2 : 1;
    return isBusybox(call)
      ? `${mode}    ${links} root     root     ${String(size).padStart(9)} ${when} ${n}`
      : `${mode} ${links} root root ${String(size).padStart(4)} ${when} ${n}`;
  });
  const total = isBusybox(call) ? '' : `total ${names.length * 4}\n`;
  return total + rows.map((r) => r + '\n').join('');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function lsTime(ms: number): string {
  const d = new Date(SIM_EPOCH_MS + ms);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${hh}:${mm}`;
}

/** `Thu Jan  1 09:00:00 UTC 2026`, the format of `date` in busybox and coreutils. */
export function dateString(ms: number): string {
  const d = new Date(SIM_EPOCH_MS + ms);
  const t = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${t} UTC ${d.getUTCFullYear()}`;
}

const rm: CommandFn = (call) => {
  const { opts, rest } = flags(call.args);
  const fs = call.session.fs;
  let status = 0;
  for (const f of rest) {
    const path = resolvePath(call.session.cwd, f);
    if (fs.isFile(path)) fs.remove(path);
    else if (fs.isDir(path)) {
      if (opts.has('r') || opts.has('R')) fs.remove(path);
      else {
        call.err(
          isBusybox(call) ? `rm: '${f}' is a directory\n` : `rm: cannot remove '${f}': Is a directory\n`,
        );
        status = 1;
      }
    } else if (!opts.has('f')) {
      call.err(
        isBusybox(call)
          ? `rm: can't remove '${f}': No such file or directory\n`
          : `rm: cannot remove '${f}': No such file or directory\n`,
      );
      status = 1;
    }
  }
  return status;
};

const mkdir: CommandFn = (call) => {
  const { opts, rest } = flags(call.args);
  const fs = call.session.fs;
  const verb = isBusybox(call) ? "can't create directory" : 'cannot create directory';
  let status = 0;
  for (const d of rest) {
    const path = resolvePath(call.session.cwd, d);
    if (fs.isDir(path) || fs.isFile(path)) {
      if (!opts.has('p') || fs.isFile(path)) {
        call.err(`mkdir: ${verb} '${d}': File exists\n`);
        status = 1;
      }
      continue;
    }
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    if (!opts.has('p') && !fs.isDir(parent)) {
      call.err(`mkdir: ${verb} '${d}': No such file or directory\n`);
      status = 1;
      continue;
    }
    fs.mkdir(path);
  }
  return status;
};

const touch: CommandFn = (call) => {
  let status = 0;
  for (const f of call.args.filter((a) => !a.startsWith('-'))) {
    const path = resolvePath(call.session.cwd, f);
    if (call.session.fs.isFile(path) || call.session.fs.isDir(path)) continue;
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    if (!call.session.fs.isDir(parent)) {
      call.err(
        isBusybox(call)
          ? `touch: ${f}: No such file or directory\n`
          : `touch: cannot touch '${f}': No such file or directory\n`,
      );
      status = 1;
      continue;
    }
    call.session.fs.write(path, '');
  }
  return status;
};

const hostname: CommandFn = (call) => {
  const { session } = call;
  const { opts } = flags(call.args);
  if (opts.has('i')) call.out(`${session.pod.status.podIP ?? ''}${isBusybox(call) ? '' : ' '}\n`);
  else if (opts.has('f')) call.out(`${fqdn(call)}\n`);
  else if (opts.has('s')) call.out(`${session.hostname().split('.')[0]}\n`);
  else call.out(`${session.hostname()}\n`);
  return 0;
};

/** The name /etc/hosts gives this pod's IP: the FQDN for a pod with a subdomain, else its hostname. */
function fqdn(call: CommandCall): string {
  const hosts = call.session.fs.read('/etc/hosts') ?? '';
  const ip = call.session.pod.status.podIP;
  const line = hosts.split('\n').find((l) => ip && l.startsWith(ip + '\t'));
  return line?.split('\t')[1] ?? call.session.hostname();
}

const env: CommandFn = (call) => {
  if (call.args.length) return 0;
  call.out([...call.session.vars].map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
};

const printenv: CommandFn = (call) => {
  if (!call.args.length) return env(call);
  const values = call.args.map((a) => call.session.vars.get(a));
  for (const v of values) if (v !== undefined) call.out(v + '\n');
  return values.every((v) => v !== undefined) ? 0 : 1;
};

const cd: CommandFn = (call) => {
  const target = call.args[0] ?? call.session.vars.get('HOME') ?? '/';
  const path = resolvePath(call.session.cwd, target);
  if (!call.session.fs.isDir(path)) {
    const p = call.session.errorPrefix();
    call.err(
      isBusybox(call)
        ? `${p}cd: can't cd to ${target}: No such file or directory\n`
        : `${p}cd: can't cd to ${target}\n`,
    );
    return isBusybox(call) ? 1 : 2;
  }
  call.session.cwd = path;
  call.session.vars.set('PWD', path);
  return 0;
};

const exit: CommandFn = (call) => {
  const code = call.args[0] === undefined ? call.session.status : Number(call.args[0]) & 255;
  call.session.exitCode = Number.isNaN(code) ? 2 : code;
  return call.session.exitCode;
};

const exportCmd: CommandFn = (call) => {
  for (const a of call.args) {
    const eq = a.indexOf('=');
    if (eq > 0) call.session.vars.set(a.slice(0, eq), a.slice(eq + 1));
  }
  return 0;
};

const unset: CommandFn = (call) => {
  for (const a of call.args) call.session.vars.delete(a);
  return 0;
};

/** `sh -c 'script'`, `sh script-file`, or `sh` reading commands from stdin. */
const sh: CommandFn = (call) => {
  const child = call.session.fork();
  let source: string;
  if (call.args[0] === '-c') {
    if (call.args[1] === undefined) {
      call.err(isBusybox(call) ? 'sh: -c requires an argument\n' : 'sh: 0: -c requires an argument\n');
      return 2;
    }
    source = call.args[1];
  } else if (call.args[0] !== undefined) {
    const content = call.session.fs.read(resolvePath(call.session.cwd, call.args[0]));
    if (content === undefined) {
      call.err(
        isBusybox(call)
          ? `sh: can't open '${call.args[0]}': No such file or directory\n`
          : `sh: 0: cannot open ${call.args[0]}: No such file\n`,
      );
      return isBusybox(call) ? 2 : 2;
    }
    source = content;
  } else source = call.stdin;
  child.lineNo = 1;
  const status = runScript(child, source, {
    stdin: call.args[0] === '-c' ? call.stdin : '',
    out: call.out,
    err: call.err,
  });
  return child.exitCode ?? status;
};

const simple =
  (text: (call: CommandCall) => string, status = 0): CommandFn =>
  (call) => {
    call.out(text(call));
    return status;
  };

/** Every command by name; which of them an image has is decided by its profile's tools. */
export const COMMANDS: Record<string, CommandFn> = {
  echo,
  cat,
  ls,
  rm,
  mkdir,
  touch,
  hostname,
  env,
  printenv,
  grep,
  head: headTail((lines, n) => lines.slice(0, n)),
  tail: headTail((lines, n) => (n === 0 ? [] : lines.slice(-n))),
  wc,
  sort,
  cd,
  exit,
  export: exportCmd,
  unset,
  set: env,
  sh,
  bash: sh,
  exec: (call) =>
    call.args.length
      ? (COMMANDS[call.args[0]!] ?? (() => 127))({ ...call, name: call.args[0]!, args: call.args.slice(1) })
      : 0,
  sleep: () => 0,
  date: simple((call) => `${dateString(call.session.ctx.clock.now())}\n`),
  pwd: simple((call) => `${call.session.cwd}\n`),
  true: () => 0,
  false: () => 1,
  ':': () => 0,
  id: simple(() => 'uid=0(root) gid=0(root) groups=0(root)\n'),
  whoami: simple(() => 'root\n'),
  uname: simple((call) =>
    call.args.includes('-a')
      ? `Linux ${call.session.hostname()} 6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22) x86_64 GNU/Linux\n`
      : 'Linux\n',
  ),
  ps: simple((call) => {
    const c = call.session.container;
    const main = [...(c.command ?? []), ...(c.args ?? [])].join(' ') || 'sh';
    return `PID   USER     TIME  COMMAND\n    1 root      0:00 ${main}\n`;
  }),
  ...NET_COMMANDS,
  ...DATABASE_COMMANDS,
};
