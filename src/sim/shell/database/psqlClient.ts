/**
 * The `psql` client (src/bin/psql: startup.c, print.c) running `-c` commands: aligned tables with a
 * centred header, a `----+----` rule and a `(N rows)` footer, command tags (`INSERT 0 1`), and errors as
 * `ERROR:  message` with the LINE and caret postgres reports for a position.
 *
 * Simplified: no meta-commands (\l, \dt), no interactive prompt; roles are the image's superuser
 * (POSTGRES_USER, default `postgres`) only; options -c, -U, -d, -h, -t, -A and database/user operands.
 */
import type { CommandCall, CommandFn } from '../interpreter';
import { DbError, execute } from './engine';
import type { Problem, Result } from './engine';
import { POSTGRES_LAYOUT } from './dataDir';
import { isReadOnly, localServer, notifyCommitted, openServer, remoteServer } from './server';
import { SqlSyntaxError, parseStatement, splitStatements } from './sql';
import type { SqlValue } from './sql';

const SOCKET = '/var/run/postgresql/.s.PGSQL.5432';

interface Options {
  commands: string[];
  user?: string;
  database?: string;
  host?: string;
  tuplesOnly: boolean;
  unaligned: boolean;
}

function parseArgs(args: string[]): Options {
  const o: Options = { commands: [], tuplesOnly: false, unaligned: false };
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (short: string, long: string): string | undefined => {
      if (a === short || a === long) return args[++i] ?? '';
      if (a.startsWith(long + '=')) return a.slice(long.length + 1);
      if (a.startsWith(short) && a.length > 2 && !a.startsWith('--')) return a.slice(2);
      return undefined;
    };
    let v: string | undefined;
    if ((v = value('-c', '--command')) !== undefined) o.commands.push(v);
    else if ((v = value('-U', '--username')) !== undefined) o.user = v;
    else if ((v = value('-d', '--dbname')) !== undefined) o.database = v;
    else if ((v = value('-h', '--host')) !== undefined) o.host = v;
    else if (value('-p', '--port') !== undefined) continue;
    else if (a === '-t' || a === '--tuples-only') o.tuplesOnly = true;
    else if (a === '-A' || a === '--no-align') o.unaligned = true;
    else if (a === '-At' || a === '-tA') o.tuplesOnly = o.unaligned = true;
    else if (!a.startsWith('-')) operands.push(a);
  }
  o.database ??= operands[0];
  o.user ??= operands[1];
  return o;
}

/** The message postgres sends for a problem, and whether it reports a position. */
export function postgresError(p: Problem): { message: string; pos?: number } {
  switch (p.kind) {
    case 'noDatabase':
    case 'unknownDatabase':
      return { message: `database "${'db' in p ? p.db : ''}" does not exist` };
    case 'databaseExists':
      return { message: `database "${p.db}" already exists` };
    case 'dropUnknownDatabase':
      return { message: `database "${p.db}" does not exist` };
    case 'tableMissing':
      return p.drop ? { message: `table "${p.table}" does not exist` } : { message: `relation "${p.table}" does not exist`, pos: p.pos };
    case 'tableExists':
      return { message: `relation "${p.table}" already exists` };
    case 'unknownColumn':
      return { message: `column "${p.column}" does not exist`, pos: p.pos };
    case 'columnCount':
      return { message: p.more ? 'INSERT has more expressions than target columns' : 'INSERT has more target columns than expressions' };
    case 'readOnly':
      return { message: `cannot execute ${p.verb} in a read-only transaction` };
    case 'unrecognizedParameter':
      return { message: `unrecognized configuration parameter "${p.name}"` };
  }
}

/** `LINE 1: SELECT * FROM orders` and a caret under the position, as psql prints an error's position. */
function position(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const lineNo = before.split('\n').length;
  const start = before.lastIndexOf('\n') + 1;
  const end = text.indexOf('\n', pos);
  const line = text.slice(start, end < 0 ? text.length : end);
  const prefix = `LINE ${lineNo}: `;
  return `${prefix}${line}\n${' '.repeat(prefix.length + pos - start)}^\n`;
}

function cell(v: SqlValue): string {
  return v === null ? '' : String(v);
}

/** psql's aligned format with border 1. */
function aligned(result: Extract<Result, { kind: 'rows' }>, tuplesOnly: boolean): string {
  const widths = result.columns.map((c, i) => Math.max(tuplesOnly ? 0 : c.length, ...result.rows.map((r) => cell(r[i] ?? null).length)));
  const last = result.columns.length - 1;
  let out = '';
  if (!tuplesOnly) {
    out += result.columns
      .map((c, i) => {
        const pad = widths[i]! - c.length;
        const left = Math.floor(pad / 2);
        return ' ' + ' '.repeat(left) + c + ' '.repeat(pad - left) + ' ';
      })
      .join('|')
      .trimEnd();
    out += '\n' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '\n';
  }
  for (const r of result.rows) {
    const cells = r.map((v, i) => {
      const text = cell(v);
      const padded = result.numeric[i] ? text.padStart(widths[i]!) : i === last ? text : text.padEnd(widths[i]!);
      return ' ' + padded + (i === last ? '' : ' ');
    });
    out += cells.join('|').trimEnd() + '\n';
  }
  if (!tuplesOnly) out += `(${result.rows.length} ${result.rows.length === 1 ? 'row' : 'rows'})\n`;
  return out + '\n';
}

function unaligned(result: Extract<Result, { kind: 'rows' }>, tuplesOnly: boolean): string {
  const lines = result.rows.map((r) => r.map(cell).join('|'));
  if (tuplesOnly) return lines.map((l) => l + '\n').join('');
  return [result.columns.join('|'), ...lines, `(${result.rows.length} ${result.rows.length === 1 ? 'row' : 'rows'})`].map((l) => l + '\n').join('');
}

/** The command tag psql prints for a statement that returns no rows. */
function commandTag(result: Extract<Result, { kind: 'done' }>): string {
  if (result.verb === 'INSERT') return `INSERT 0 ${result.count}`;
  if (result.verb === 'DELETE') return `DELETE ${result.count}`;
  return result.verb;
}

export const psql: CommandFn = (call: CommandCall) => {
  const opts = parseArgs(call.args);
  const { ctx } = call.session;
  const server = opts.host ? remoteServer(call.session, opts.host, POSTGRES_LAYOUT) : localServer(call.session, POSTGRES_LAYOUT);
  const where = opts.host ? `"${opts.host}" , port 5432` : `socket "${SOCKET}"`;
  if (!server || !openServer(ctx, server)) {
    const hint = opts.host ? 'Connection refused' : 'No such file or directory';
    call.err(`psql: error: connection to server on ${where} failed: ${hint}\n\tIs the server running ${opts.host ? 'on that host and accepting TCP/IP connections' : 'locally and accepting connections on that socket'}?\n`);
    return 2;
  }
  const user = opts.user ?? call.session.vars.get('PGUSER') ?? 'root';
  const superuser = server.env.get('POSTGRES_USER') || 'postgres';
  if (user !== superuser) {
    call.err(`psql: error: connection to server on ${where} failed: FATAL:  role "${user}" does not exist\n`);
    return 2;
  }
  const database = opts.database ?? call.session.vars.get('PGDATABASE') ?? (user === superuser ? server.env.get('POSTGRES_DB') || user : user);
  if (!server.dir.hasDatabase(database)) {
    call.err(`psql: error: connection to server on ${where} failed: FATAL:  database "${database}" does not exist\n`);
    return 2;
  }
  const conn = { dir: server.dir, db: database as string | undefined, now: ctx.clock.now(), readOnly: isReadOnly(server) };
  let committed = false;
  let status = 0;
  const script = opts.commands.length ? opts.commands.join(';') : call.stdin;
  outer: for (const { text } of splitStatements(script)) {
    try {
      const stmt = parseStatement(text, 'postgres');
      if ((stmt.kind === 'select' || stmt.kind === 'insert' || stmt.kind === 'delete') && stmt.table.db === 'public') delete stmt.table.db;
      const result = execute(conn, stmt, text);
      if (result.kind === 'rows') call.out(opts.unaligned ? unaligned(result, opts.tuplesOnly) : aligned(result, opts.tuplesOnly));
      else {
        call.out(commandTag(result) + '\n');
        committed = true;
      }
    } catch (e) {
      if (e instanceof SqlSyntaxError) {
        const at = e.token.kind === 'end' ? 'at end of input' : `at or near "${e.token.text}"`;
        call.err(`ERROR:  syntax error ${at}\n${position(text, e.token.pos)}`);
      } else if (e instanceof DbError) {
        const { message, pos } = postgresError(e.problem);
        call.err(`ERROR:  ${message}\n${pos === undefined ? '' : position(text, pos)}`);
      } else throw e;
      status = 1;
      break outer;
    }
  }
  if (committed) notifyCommitted(ctx, server);
  return status;
};
