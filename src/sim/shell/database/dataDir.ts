/**
 * A database server's data directory, kept as plain files on whatever volume is mounted there: databases
 * as directories, each table as one file of JSON lines (a header with the columns, then one row per line),
 * a binary log of committed writes, and the replication state the operator writes (mirrors nothing upstream;
 * the layout is documented in docs/data.md).
 *
 * Simplified: table files are readable text instead of InnoDB pages or postgres heap files; the binary log
 * holds statements (statement-based replication) with a global transaction number as a GTID.
 */
import type { SqlValue } from './sql';

/** The file operations the data directory needs; ContainerFs provides them. */
export interface DataFs {
  read(path: string): string | undefined;
  write(path: string, content: string, append?: boolean): void;
  remove(path: string): void;
  mkdir(path: string): void;
  children(path: string): string[] | undefined;
}

export type Engine = 'mysql' | 'postgres';

/** Where an engine keeps things under its data directory. */
export interface EngineLayout {
  engine: Engine;
  dataDir: string;
  /** The file whose presence means the directory was initialised (mysqld --initialize, initdb). */
  marker: string;
  /** Directory holding one directory per database. */
  databasesDir: string;
  binlog: string;
  /** Databases a fresh server has. */
  systemDatabases: readonly string[];
}

export const MYSQL_LAYOUT: EngineLayout = {
  engine: 'mysql',
  dataDir: '/var/lib/mysql',
  marker: 'auto.cnf',
  databasesDir: '',
  binlog: 'binlog.000001',
  systemDatabases: ['mysql', 'performance_schema', 'sys'],
};

export const POSTGRES_LAYOUT: EngineLayout = {
  engine: 'postgres',
  dataDir: '/var/lib/postgresql/data',
  marker: 'PG_VERSION',
  databasesDir: 'base',
  binlog: 'pg_wal/000000010000000000000001',
  systemDatabases: ['postgres', 'template0', 'template1'],
};

/** The engine an image runs: mysql for `mysql:*` (and mariadb), postgres for `postgres:*`. */
export function imageEngine(image: string): EngineLayout | undefined {
  const name = (image.split('@')[0] ?? image).replace(/:[^/:]*$/, '');
  const base = name.split('/').pop() ?? name;
  if (base === 'mysql' || base === 'mariadb' || base === 'percona-server') return MYSQL_LAYOUT;
  if (base === 'postgres' || base === 'postgresql') return POSTGRES_LAYOUT;
  return undefined;
}

/** The client tools an image puts on PATH: `mysql` in mysql images, `psql` in postgres images. */
export function databaseTools(image: string): string[] {
  const engine = imageEngine(image)?.engine;
  return engine === 'mysql' ? ['mysql'] : engine === 'postgres' ? ['psql'] : [];
}

/** The file the replication controller keeps in a data directory. */
export const REPLICATION_FILE = 'replication.json';

/** What a server knows about its place in a primary-replica group. */
export interface ReplicationState {
  role: 'primary' | 'replica';
  /** `cloning` while a replica copies its predecessor's data: the server is not accepting connections. */
  state?: 'cloning' | 'following';
  /** The pod this server clones from or follows. */
  source?: string;
  /** How far behind the primary this replica applies writes, in simulated milliseconds. */
  lagMs?: number;
}

/** One committed write in the binary log. */
export interface BinlogEntry {
  gtid: number;
  /** Simulated time of the commit on the primary that first ran it. */
  t: number;
  db: string;
  sql: string;
}

export interface Column {
  name: string;
  type: string;
}

export interface Table {
  columns: Column[];
  rows: SqlValue[][];
}

/** True for integer and decimal column types: stored as numbers and right-aligned in tables. */
export function isNumericType(type: string): boolean {
  return /^(TINYINT|SMALLINT|MEDIUMINT|INT|INTEGER|BIGINT|SERIAL|BIGSERIAL|DECIMAL|NUMERIC|FLOAT|DOUBLE|REAL)$/.test(type);
}

export class DataDir {
  constructor(
    readonly fs: DataFs,
    readonly layout: EngineLayout,
  ) {}

  private path(rel: string): string {
    return rel ? `${this.layout.dataDir}/${rel}` : this.layout.dataDir;
  }

  private dbDir(db: string): string {
    return this.path(this.layout.databasesDir ? `${this.layout.databasesDir}/${db}` : db);
  }

  private tablePath(db: string, table: string): string {
    return `${this.dbDir(db)}/${table}${this.layout.engine === 'mysql' ? '.ibd' : ''}`;
  }

  isInitialized(): boolean {
    return this.fs.read(this.path(this.layout.marker)) !== undefined;
  }

  /** What mysqld --initialize or initdb leaves behind: the marker and the system databases. */
  initialize(serverUuid: string): void {
    if (this.layout.engine === 'mysql') this.fs.write(this.path('auto.cnf'), `[auto]\nserver-uuid=${serverUuid}\n`);
    else this.fs.write(this.path('PG_VERSION'), '17\n');
    for (const db of this.layout.systemDatabases) this.fs.mkdir(this.dbDir(db));
    if (this.fs.read(this.path(this.layout.binlog)) === undefined) this.fs.write(this.path(this.layout.binlog), '');
  }

  /** Database names, sorted (directories under the databases directory). */
  databases(): string[] {
    const base = this.layout.databasesDir ? this.path(this.layout.databasesDir) : this.layout.dataDir;
    return (this.fs.children(base) ?? []).filter((n) => this.fs.children(`${base}/${n}`) !== undefined && n !== 'pg_wal').sort();
  }

  hasDatabase(db: string): boolean {
    return this.databases().includes(db);
  }

  createDatabase(db: string): void {
    this.fs.mkdir(this.dbDir(db));
  }

  dropDatabase(db: string): void {
    this.fs.remove(this.dbDir(db));
  }

  tables(db: string): string[] {
    const suffix = this.layout.engine === 'mysql' ? '.ibd' : '';
    return (this.fs.children(this.dbDir(db)) ?? [])
      .filter((n) => n.endsWith(suffix))
      .map((n) => (suffix ? n.slice(0, -suffix.length) : n))
      .sort();
  }

  readTable(db: string, table: string): Table | undefined {
    const text = this.fs.read(this.tablePath(db, table));
    if (text === undefined) return undefined;
    const [head, ...lines] = text.split('\n').filter((l) => l);
    const columns = head ? (JSON.parse(head) as { columns: Column[] }).columns : [];
    return { columns, rows: lines.map((l) => JSON.parse(l) as SqlValue[]) };
  }

  writeTable(db: string, table: string, data: Table): void {
    const lines = [JSON.stringify({ columns: data.columns }), ...data.rows.map((r) => JSON.stringify(r))];
    this.fs.write(this.tablePath(db, table), lines.join('\n') + '\n');
  }

  dropTable(db: string, table: string): void {
    this.fs.remove(this.tablePath(db, table));
  }

  /** The binary log's entries, oldest first. */
  binlog(): BinlogEntry[] {
    const text = this.fs.read(this.path(this.layout.binlog)) ?? '';
    return text
      .split('\n')
      .filter((l) => l)
      .map((l) => JSON.parse(l) as BinlogEntry);
  }

  /** The highest transaction number this server has committed (0 for none). */
  executedGtid(): number {
    const log = this.binlog();
    return log.length ? log[log.length - 1]!.gtid : 0;
  }

  appendBinlog(entry: BinlogEntry): void {
    this.fs.write(this.path(this.layout.binlog), JSON.stringify(entry) + '\n', true);
  }

  replication(): ReplicationState | undefined {
    const text = this.fs.read(this.path(REPLICATION_FILE));
    return text ? (JSON.parse(text) as ReplicationState) : undefined;
  }

  setReplication(state: ReplicationState): void {
    this.fs.write(this.path(REPLICATION_FILE), JSON.stringify(state) + '\n');
  }

  /**
   * Replaces this directory's data with a copy of `source`'s (what a clone or xtrabackup restore does),
   * keeping this server's own identity (auto.cnf) and replication state.
   */
  cloneFrom(source: DataDir): void {
    const keep = new Set([REPLICATION_FILE, 'auto.cnf']);
    for (const name of this.fs.children(this.layout.dataDir) ?? []) if (!keep.has(name)) this.fs.remove(this.path(name));
    for (const rel of walk(source.fs, this.layout.dataDir, '')) {
      if (keep.has(rel)) continue;
      const content = source.fs.read(source.path(rel));
      if (content === undefined) this.fs.mkdir(this.path(rel));
      else this.fs.write(this.path(rel), content);
    }
  }
}

/** Every file and empty directory under `dir`, relative to it, sorted. */
function walk(fs: DataFs, root: string, rel: string): string[] {
  const dir = rel ? `${root}/${rel}` : root;
  const names = fs.children(dir) ?? [];
  if (!names.length && rel) return [rel];
  const out: string[] = [];
  for (const name of names) {
    const child = rel ? `${rel}/${name}` : name;
    if (fs.read(`${root}/${child}`) !== undefined) out.push(child);
    else out.push(...walk(fs, root, child));
  }
  return out;
}
