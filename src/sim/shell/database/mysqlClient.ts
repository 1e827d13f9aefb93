/**
 * The `mysql` command-line client (client/mysql.cc) in batch mode, as `kubectl exec pod -- mysql -e "..."`
 * runs it without a terminal: tab-separated results with a header row, or boxed tables with -t; errors as
 * `ERROR <code> (<state>) at line <n>: <message>`, stopping at the first one with exit status 1.
 *
 * Simplified: no interactive prompt (a script comes from -e or stdin); root is the only user; options
 * -e/--execute, -t/--table, -B/--batch, -N/--skip-column-names, -u, -p, -h, -D, -P and a database operand.
 */
import type { CommandCall, CommandFn } from '../interpreter';
import { DbError, execute } from './engine';
import type { Problem, Result } from './engine';
import { MYSQL_LAYOUT } from './dataDir';
import { isReadOnly, localServer, notifyCommitted, openServer, remoteServer } from './server';
import { SqlSyntaxError, parseStatement, splitStatements } from './sql';
import type { SqlValue } from './sql';

interface Options {
  execute?: string;
  table: boolean;
  skipColumnNames: boolean;
  user: string;
  password?: string;
  host?: string;
  database?: string;
}

function parseArgs(args: string[]): Options | string {
  const o: Options = { table: false, skipColumnNames: false, user: 'root' };
  const takes: Record<string, keyof Options> = { e: 'execute', u: 'user', h: 'host', D: 'database', P: 'user' };
  const long: Record<string, keyof Options> = { execute: 'execute', user: 'user', host: 'host', database: 'database' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [name, value] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
      if (name === 'table') o.table = true;
      else if (name === 'batch' || name === 'silent' || name === 'raw') continue;
      else if (name === 'skip-column-names') o.skipColumnNames = true;
      else if (name === 'password') o.password = value ?? '';
      else if (name === 'port') i += value === undefined ? 1 : 0;
      else if (long[name]) (o as unknown as Record<string, string>)[long[name]] = value ?? args[++i] ?? '';
      else return `mysql: [ERROR] unknown option '--${name}'.`;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const ch = a[k]!;
        if (ch === 't') o.table = true;
        else if (ch === 'B' || ch === 's' || ch === 'r') continue;
        else if (ch === 'N') o.skipColumnNames = true;
        else if (ch === 'p') {
          o.password = a.slice(k + 1);
          break;
        } else if (takes[ch]) {
          const value = a.slice(k + 1) || args[++i] || '';
          if (ch !== 'P') (o as unknown as Record<string, string>)[takes[ch]] = value;
          break;
        } else return `mysql: [ERROR] unknown option '-${ch}'.`;
      }
      continue;
    }
    o.database = a;
  }
  return o;
}

/** `ERROR 1146 (42S02)` and the message mysqld sends for a problem. */
export function mysqlError(p: Problem): { code: number; state: string; message: string } {
  switch (p.kind) {
    case 'noDatabase':
      return { code: 1046, state: '3D000', message: 'No database selected' };
    case 'unknownDatabase':
      return { code: 1049, state: '42000', message: `Unknown database '${p.db}'` };
    case 'databaseExists':
      return { code: 1007, state: 'HY000', message: `Can't create database '${p.db}'; database exists` };
    case 'dropUnknownDatabase':
      return { code: 1008, state: 'HY000', message: `Can't drop database '${p.db}'; database doesn't exist` };
    case 'tableMissing':
      return p.drop
        ? { code: 1051, state: '42S02', message: `Unknown table '${p.db}.${p.table}'` }
        : { code: 1146, state: '42S02', message: `Table '${p.db}.${p.table}' doesn't exist` };
    case 'tableExists':
      return { code: 1050, state: '42S01', message: `Table '${p.table}' already exists` };
    case 'unknownColumn':
      return { code: 1054, state: '42S22', message: `Unknown column '${p.column}' in '${p.clause}'` };
    case 'columnCount':
      return { code: 1136, state: '21S01', message: `Column count doesn't match value count at row ${p.row}` };
    case 'readOnly':
      return {
        code: 1290,
        state: 'HY000',
        message: 'The MySQL server is running with the --super-read-only option so it cannot execute this statement',
      };
    case 'unrecognizedParameter':
      return { code: 1064, state: '42000', message: syntaxMessage(p.name, 1) };
  }
}

function syntaxMessage(near: string, line: number): string {
  return `You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${near.slice(0, 80)}' at line ${line}`;
}

function cell(v: SqlValue): string {
  return v === null ? 'NULL' : String(v);
}

/** Batch output: a tab-separated header row, then one tab-separated line per row. */
function batch(result: Extract<Result, { kind: 'rows' }>, header: boolean): string {
  const lines = result.rows.map((r) => r.map(cell).join('\t'));
  if (header) lines.unshift(result.columns.join('\t'));
  return lines.map((l) => l + '\n').join('');
}

/** Table output (-t): `+----+` borders, numbers right-aligned, everything else left-aligned. */
function boxed(result: Extract<Result, { kind: 'rows' }>, header: boolean): string {
  const widths = result.columns.map((c, i) => Math.max(header ? c.length : 0, ...result.rows.map((r) => cell(r[i] ?? null).length)));
  const rule = '+' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '+\n';
  const line = (cells: string[], right: boolean[]) =>
    '|' + cells.map((c, i) => ' ' + (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)) + ' ').join('|') + '|\n';
  let out = rule;
  if (header) out += line(result.columns, result.columns.map(() => false)) + rule;
  for (const r of result.rows) out += line(r.map(cell), result.numeric.map((n, i) => n && r[i] !== null));
  return out + rule;
}

export const mysql: CommandFn = (call: CommandCall) => {
  const opts = parseArgs(call.args);
  if (typeof opts === 'string') {
    call.err(opts + '\n');
    return 1;
  }
  const { ctx } = call.session;
  if (opts.password) call.err('mysql: [Warning] Using a password on the command line interface can be insecure.\n');
  const host = opts.host && opts.host !== 'localhost' ? opts.host : undefined;
  const server = host ? remoteServer(call.session, host, MYSQL_LAYOUT) : localServer(call.session, MYSQL_LAYOUT);
  if (!server || !openServer(ctx, server)) {
    call.err(
      host
        ? `ERROR 2003 (HY000): Can't connect to MySQL server on '${host}:3306' (111)\n`
        : "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)\n",
    );
    return 1;
  }
  const rootPassword = server.env.get('MYSQL_ROOT_PASSWORD') ?? '';
  if (opts.user !== 'root' || (opts.password ?? '') !== rootPassword) {
    const from = host ? call.session.pod.status.podIP ?? 'localhost' : 'localhost';
    call.err(`ERROR 1045 (28000): Access denied for user '${opts.user}'@'${from}' (using password: ${opts.password ? 'YES' : 'NO'})\n`);
    return 1;
  }
  const conn = { dir: server.dir, db: undefined as string | undefined, now: ctx.clock.now(), readOnly: isReadOnly(server) };
  if (opts.database) {
    if (!server.dir.hasDatabase(opts.database)) {
      call.err(`ERROR 1049 (42000): Unknown database '${opts.database}'\n`);
      return 1;
    }
    conn.db = opts.database;
  }
  const script = opts.execute ?? call.stdin;
  let committed = false;
  let status = 0;
  for (const { text, line } of splitStatements(script)) {
    try {
      const result = execute(conn, parseStatement(text, 'mysql'), text);
      if (result.kind === 'rows' && result.rows.length) call.out(opts.table ? boxed(result, !opts.skipColumnNames) : batch(result, !opts.skipColumnNames));
      if (result.kind === 'done' && result.verb !== 'USE') committed = true;
    } catch (e) {
      if (e instanceof SqlSyntaxError) {
        call.err(`ERROR 1064 (42000) at line ${line}: ${syntaxMessage(e.rest, 1)}\n`);
      } else if (e instanceof DbError) {
        const { code, state, message } = mysqlError(e.problem);
        call.err(`ERROR ${code} (${state}) at line ${line}: ${message}\n`);
      } else throw e;
      status = 1;
      break;
    }
  }
  if (committed) notifyCommitted(ctx, server);
  return status;
};
