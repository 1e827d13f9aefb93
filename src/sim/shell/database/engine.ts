/**
 * Runs parsed statements against a data directory, the way a server's executor would: resolves the current
 * database, checks tables and columns, refuses writes on a read-only replica, and appends every committed
 * write to the binary log. Errors carry a problem the client turns into mysql's or postgres's words.
 *
 * Simplified: every statement commits at once (autocommit); no types are enforced beyond storing integer
 * columns as numbers; postgres has one schema (public) per database.
 */
import type { Column, DataDir, Table } from './dataDir';
import { isNumericType } from './dataDir';
import type { SqlValue, Statement, TableRef } from './sql';

/** What went wrong, independent of how each server words it. */
export type Problem =
  | { kind: 'noDatabase' }
  | { kind: 'unknownDatabase'; db: string }
  | { kind: 'databaseExists'; db: string }
  | { kind: 'dropUnknownDatabase'; db: string }
  | { kind: 'tableMissing'; db: string; table: string; pos: number; drop?: boolean }
  | { kind: 'tableExists'; table: string }
  | { kind: 'unknownColumn'; column: string; clause: 'field list' | 'where clause'; pos: number }
  | { kind: 'columnCount'; row: number; more: boolean }
  | { kind: 'readOnly'; verb: string }
  | { kind: 'unrecognizedParameter'; name: string };

export class DbError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.kind);
  }
}

/** The outcome of one statement. */
export type Result =
  | { kind: 'rows'; columns: string[]; numeric: boolean[]; rows: SqlValue[][] }
  | { kind: 'done'; verb: string; count: number };

/** A client connection: the data directory, the current database, and what commits need. */
export interface Connection {
  dir: DataDir;
  db: string | undefined;
  /** Simulated now, stamped on binary log entries. */
  now: number;
  /** True when this server refuses writes (a replica). */
  readOnly: boolean;
}

const WRITES = new Set(['createDatabase', 'dropDatabase', 'createTable', 'dropTable', 'insert', 'delete']);

/** Runs one statement; `text` is what the binary log records for a write. Throws DbError. */
export function execute(conn: Connection, stmt: Statement, text: string): Result {
  if (WRITES.has(stmt.kind) && conn.readOnly) throw new DbError({ kind: 'readOnly', verb: verbOf(stmt) });
  const result = run(conn, stmt);
  if (WRITES.has(stmt.kind) && !(result.kind === 'done' && result.count < 0)) {
    conn.dir.appendBinlog({ gtid: conn.dir.executedGtid() + 1, t: conn.now, db: conn.db ?? '', sql: text });
  }
  return result.kind === 'done' && result.count < 0 ? { ...result, count: 0 } : result;
}

/** Replays a binary log entry on a replica (the SQL applier thread): no read-only check. */
export function apply(dir: DataDir, stmt: Statement, entry: { gtid: number; t: number; db: string; sql: string }): void {
  try {
    run({ dir, db: entry.db || undefined, now: entry.t, readOnly: false }, stmt);
  } catch (e) {
    if (!(e instanceof DbError)) throw e;
  }
  dir.appendBinlog(entry);
}

function verbOf(stmt: Statement): string {
  return { createDatabase: 'CREATE DATABASE', dropDatabase: 'DROP DATABASE', createTable: 'CREATE TABLE', dropTable: 'DROP TABLE', insert: 'INSERT', delete: 'DELETE' }[
    stmt.kind as 'insert'
  ];
}

/** Runs the statement; a `done` count of -1 means nothing changed (IF [NOT] EXISTS skipped it). */
function run(conn: Connection, stmt: Statement): Result {
  const { dir } = conn;
  switch (stmt.kind) {
    case 'use':
      if (!dir.hasDatabase(stmt.name)) throw new DbError({ kind: 'unknownDatabase', db: stmt.name });
      conn.db = stmt.name;
      return { kind: 'done', verb: 'USE', count: 0 };
    case 'showDatabases':
      return list(['Database'], dir.layout.engine === 'mysql' ? ['information_schema', ...dir.databases()].sort() : dir.databases());
    case 'showTables': {
      const db = currentDb(conn);
      return list([`Tables_in_${db}`], dir.tables(db));
    }
    case 'show':
      throw new DbError({ kind: 'unrecognizedParameter', name: stmt.what });
    case 'createDatabase':
      if (dir.hasDatabase(stmt.name)) {
        if (stmt.ifNotExists) return { kind: 'done', verb: 'CREATE DATABASE', count: -1 };
        throw new DbError({ kind: 'databaseExists', db: stmt.name });
      }
      dir.createDatabase(stmt.name);
      return { kind: 'done', verb: 'CREATE DATABASE', count: 1 };
    case 'dropDatabase':
      if (!dir.hasDatabase(stmt.name)) {
        if (stmt.ifExists) return { kind: 'done', verb: 'DROP DATABASE', count: -1 };
        throw new DbError({ kind: 'dropUnknownDatabase', db: stmt.name });
      }
      dir.dropDatabase(stmt.name);
      if (conn.db === stmt.name && dir.layout.engine === 'mysql') conn.db = undefined;
      return { kind: 'done', verb: 'DROP DATABASE', count: 0 };
    case 'createTable': {
      const db = tableDb(conn, stmt.table);
      if (dir.readTable(db, stmt.table.name)) {
        if (stmt.ifNotExists) return { kind: 'done', verb: 'CREATE TABLE', count: -1 };
        throw new DbError({ kind: 'tableExists', table: stmt.table.name });
      }
      dir.writeTable(db, stmt.table.name, { columns: stmt.columns, rows: [] });
      return { kind: 'done', verb: 'CREATE TABLE', count: 0 };
    }
    case 'dropTable': {
      const db = tableDb(conn, stmt.table);
      if (!dir.readTable(db, stmt.table.name)) {
        if (stmt.ifExists) return { kind: 'done', verb: 'DROP TABLE', count: -1 };
        throw new DbError({ kind: 'tableMissing', db, table: stmt.table.name, pos: stmt.table.pos, drop: true });
      }
      dir.dropTable(db, stmt.table.name);
      return { kind: 'done', verb: 'DROP TABLE', count: 0 };
    }
    case 'insert':
      return insert(conn, stmt);
    case 'select':
      return select(conn, stmt);
    case 'delete': {
      const { db, table } = openTable(conn, stmt.table);
      const match = matcher(table, stmt.where);
      const kept = table.rows.filter((r) => !match(r));
      dir.writeTable(db, stmt.table.name, { columns: table.columns, rows: kept });
      return { kind: 'done', verb: 'DELETE', count: table.rows.length - kept.length };
    }
  }
}

function list(header: string[], names: string[]): Result {
  return { kind: 'rows', columns: header, numeric: [false], rows: names.map((n) => [n]) };
}

function currentDb(conn: Connection): string {
  if (!conn.db) throw new DbError({ kind: 'noDatabase' });
  return conn.db;
}

function tableDb(conn: Connection, ref: TableRef): string {
  const db = ref.db ?? currentDb(conn);
  if (ref.db && !conn.dir.hasDatabase(ref.db)) throw new DbError({ kind: 'unknownDatabase', db: ref.db });
  return db;
}

function missingTable(db: string, ref: TableRef): DbError {
  return new DbError({ kind: 'tableMissing', db, table: ref.name, pos: ref.pos });
}

function openTable(conn: Connection, ref: TableRef): { db: string; table: Table } {
  const db = ref.db ?? currentDb(conn);
  const table = conn.dir.readTable(db, ref.name);
  if (!table) throw missingTable(db, ref);
  return { db, table };
}

function columnIndex(columns: Column[], name: string, clause: 'field list' | 'where clause', pos: number): number {
  const i = columns.findIndex((c) => c.name.toLowerCase() === name.toLowerCase());
  if (i < 0) throw new DbError({ kind: 'unknownColumn', column: name, clause, pos });
  return i;
}

function coerce(column: Column, value: SqlValue): SqlValue {
  if (value === null) return null;
  if (isNumericType(column.type)) {
    const n = Number(value);
    return Number.isNaN(n) ? 0 : n;
  }
  return String(value);
}

function insert(conn: Connection, stmt: Extract<Statement, { kind: 'insert' }>): Result {
  const { db, table } = openTable(conn, stmt.table);
  const targets = stmt.columns
    ? stmt.columns.map((c) => columnIndex(table.columns, c.name, 'field list', c.pos))
    : table.columns.map((_, i) => i);
  const postgres = conn.dir.layout.engine === 'postgres';
  const rows = stmt.rows.map((values, r) => {
    if (values.length > targets.length || (values.length < targets.length && (!postgres || stmt.columns))) {
      throw new DbError({ kind: 'columnCount', row: r + 1, more: values.length > targets.length });
    }
    const row: SqlValue[] = table.columns.map(() => null);
    values.forEach((v, k) => (row[targets[k]!] = coerce(table.columns[targets[k]!]!, v)));
    return row;
  });
  conn.dir.writeTable(db, stmt.table.name, { columns: table.columns, rows: [...table.rows, ...rows] });
  return { kind: 'done', verb: 'INSERT', count: rows.length };
}

function matcher(table: Table, where: Extract<Statement, { kind: 'select' }>['where']): (row: SqlValue[]) => boolean {
  if (!where) return () => true;
  const i = columnIndex(table.columns, where.column, 'where clause', where.pos);
  const want = where.value;
  return (row) => {
    const have = row[i];
    if (have === null || have === undefined || want === null) return false;
    return typeof have === 'number' ? have === Number(want) : have === String(want);
  };
}

function select(conn: Connection, stmt: Extract<Statement, { kind: 'select' }>): Result {
  const { table } = openTable(conn, stmt.table);
  const match = matcher(table, stmt.where);
  const rows = table.rows.filter(match);
  if (stmt.columns === 'count') {
    const header = conn.dir.layout.engine === 'mysql' ? 'COUNT(*)' : 'count';
    return { kind: 'rows', columns: [header], numeric: [true], rows: [[rows.length]] };
  }
  const picked =
    stmt.columns === '*' ? table.columns.map((_, i) => i) : stmt.columns.map((c) => columnIndex(table.columns, c.name, 'field list', c.pos));
  return {
    kind: 'rows',
    columns: stmt.columns === '*' ? table.columns.map((c) => c.name) : stmt.columns.map((c) => c.name),
    numeric: picked.map((i) => isNumericType(table.columns[i]!.type)),
    rows: rows.map((r) => picked.map((i) => r[i] ?? null)),
  };
}
