/**
 * The SQL subset the simulated mysql and postgres servers understand: a tokenizer and a recursive-descent
 * parser into a small statement tree (mirrors nothing upstream; the grammar is documented in docs/data.md).
 *
 * Simplified: CREATE DATABASE, CREATE TABLE (column names and types; constraints are skipped), DROP
 * TABLE/DATABASE, INSERT ... VALUES, SELECT * | columns | COUNT(*) FROM t [WHERE col = value], DELETE FROM t
 * [WHERE col = value], SHOW DATABASES / TABLES, USE. No joins, expressions, ORDER BY or transactions.
 */

/** A literal value as stored: numbers, strings or NULL. */
export type SqlValue = number | string | null;

export interface Token {
  kind: 'word' | 'quotedIdent' | 'number' | 'string' | 'punct' | 'end';
  text: string;
  /** Offset of the token in the statement text. */
  pos: number;
}

/** A table name, optionally qualified with a database (`shop.orders`). */
export interface TableRef {
  db?: string;
  name: string;
  pos: number;
}

export interface ColumnDef {
  name: string;
  type: string;
}

export interface Where {
  column: string;
  value: SqlValue;
  pos: number;
}

export type Statement =
  | { kind: 'createDatabase'; name: string; ifNotExists: boolean }
  | { kind: 'dropDatabase'; name: string; ifExists: boolean }
  | { kind: 'createTable'; table: TableRef; columns: ColumnDef[]; ifNotExists: boolean }
  | { kind: 'dropTable'; table: TableRef; ifExists: boolean }
  | { kind: 'insert'; table: TableRef; columns?: { name: string; pos: number }[]; rows: SqlValue[][] }
  | { kind: 'select'; table: TableRef; columns: { name: string; pos: number }[] | '*' | 'count'; where?: Where }
  | { kind: 'delete'; table: TableRef; where?: Where }
  | { kind: 'showDatabases' }
  | { kind: 'showTables' }
  | { kind: 'show'; what: string }
  | { kind: 'use'; name: string };

/** A statement the parser could not read: the token it stopped at (`end` at the end of input). */
export class SqlSyntaxError extends Error {
  constructor(
    readonly token: Token,
    readonly rest: string,
  ) {
    super(`syntax error at ${token.text || 'end of input'}`);
  }
}

/** Which server reads the text: postgres folds unquoted identifiers to lower case and quotes with `"`. */
export type Dialect = 'mysql' | 'postgres';

/** Splits a script into statements at `;` outside quotes; each keeps the 1-based line it starts on. */
export function splitStatements(script: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let start = 0;
  let quote = '';
  const push = (end: number) => {
    const raw = script.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const line = script.slice(0, start + lead).split('\n').length;
    if (raw.trim()) out.push({ text: raw.trim(), line });
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === ';') {
      push(i);
      start = i + 1;
    }
  }
  push(script.length);
  return out;
}

/** Tokens of one statement; unterminated strings end at the end of the text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'") {
      let j = i + 1;
      let value = '';
      while (j < text.length) {
        if (text[j] === "'" && text[j + 1] === "'") {
          value += "'";
          j += 2;
        } else if (text[j] === "'") break;
        else value += text[j++];
      }
      tokens.push({ kind: 'string', text: value, pos: i });
      i = j + 1;
    } else if (ch === '`' || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      const stop = end < 0 ? text.length : end;
      tokens.push({ kind: 'quotedIdent', text: text.slice(i + 1, stop), pos: i });
      i = stop + 1;
    } else if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^-?[0-9]+(\.[0-9]+)?/.exec(text.slice(i))!;
      tokens.push({ kind: 'number', text: m[0], pos: i });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(text.slice(i))!;
      tokens.push({ kind: 'word', text: m[0], pos: i });
      i += m[0].length;
    } else {
      tokens.push({ kind: 'punct', text: ch, pos: i });
      i++;
    }
  }
  tokens.push({ kind: 'end', text: '', pos: text.length });
  return tokens;
}

/** Parses one statement (without its `;`). Throws SqlSyntaxError where the grammar is left. */
export function parseStatement(text: string, dialect: Dialect): Statement {
  return new Parser(text, dialect).statement();
}

class Parser {
  private readonly tokens: Token[];
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly dialect: Dialect,
  ) {
    this.tokens = tokenize(text);
  }

  statement(): Statement {
    const first = this.keyword();
    let stmt: Statement;
    if (first === 'CREATE') stmt = this.create();
    else if (first === 'DROP') stmt = this.drop();
    else if (first === 'INSERT') stmt = this.insert();
    else if (first === 'SELECT') stmt = this.select();
    else if (first === 'DELETE') stmt = this.remove();
    else if (first === 'SHOW') stmt = this.show();
    else if (first === 'USE' && this.dialect === 'mysql') stmt = { kind: 'use', name: this.ident() };
    else return this.fail(this.tokens[0]!);
    if (this.peek().kind !== 'end') this.fail(this.peek());
    return stmt;
  }

  private create(): Statement {
    const what = this.keyword();
    if (what === 'DATABASE' || (what === 'SCHEMA' && this.dialect === 'mysql')) {
      const ifNotExists = this.optional('IF', 'NOT', 'EXISTS');
      return { kind: 'createDatabase', name: this.ident(), ifNotExists };
    }
    if (what !== 'TABLE') this.fail(this.tokens[this.i - 1]!);
    const ifNotExists = this.optional('IF', 'NOT', 'EXISTS');
    const table = this.tableRef();
    this.expect('(');
    const columns: ColumnDef[] = [];
    for (;;) {
      const head = this.peek();
      if (head.kind === 'word' && /^(PRIMARY|UNIQUE|KEY|INDEX|CONSTRAINT|FOREIGN)$/i.test(head.text)) this.skipDefinition();
      else {
        const name = this.ident();
        const typeTok = this.next();
        if (typeTok.kind !== 'word') this.fail(typeTok);
        columns.push({ name, type: typeTok.text.toUpperCase() });
        this.skipDefinition();
      }
      if (this.accept(')')) break;
      this.expect(',');
    }
    return { kind: 'createTable', table, columns, ifNotExists };
  }

  /** Skips the rest of a column or constraint definition up to the `,` or `)` that ends it. */
  private skipDefinition(): void {
    let depth = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'end') this.fail(t);
      if (depth === 0 && t.kind === 'punct' && (t.text === ',' || t.text === ')')) return;
      if (t.text === '(') depth++;
      if (t.text === ')') depth--;
      this.i++;
    }
  }

  private drop(): Statement {
    const what = this.keyword();
    if (what === 'DATABASE' || (what === 'SCHEMA' && this.dialect === 'mysql')) {
      const ifExists = this.optional('IF', 'EXISTS');
      return { kind: 'dropDatabase', name: this.ident(), ifExists };
    }
    if (what !== 'TABLE') this.fail(this.tokens[this.i - 1]!);
    const ifExists = this.optional('IF', 'EXISTS');
    return { kind: 'dropTable', table: this.tableRef(), ifExists };
  }

  private insert(): Statement {
    if (this.keyword() !== 'INTO') this.fail(this.tokens[this.i - 1]!);
    const table = this.tableRef();
    let columns: { name: string; pos: number }[] | undefined;
    if (this.accept('(')) {
      columns = [];
      do columns.push(this.column());
      while (this.accept(','));
      this.expect(')');
    }
    const values = this.keyword();
    if (values !== 'VALUES' && !(values === 'VALUE' && this.dialect === 'mysql')) this.fail(this.tokens[this.i - 1]!);
    const rows: SqlValue[][] = [];
    do {
      this.expect('(');
      const row: SqlValue[] = [];
      do row.push(this.literal());
      while (this.accept(','));
      this.expect(')');
      rows.push(row);
    } while (this.accept(','));
    return { kind: 'insert', table, ...(columns ? { columns } : {}), rows };
  }

  private select(): Statement {
    let columns: { name: string; pos: number }[] | '*' | 'count';
    if (this.accept('*')) columns = '*';
    else if (this.peek().kind === 'word' && this.peek().text.toUpperCase() === 'COUNT' && this.tokens[this.i + 1]?.text === '(') {
      this.i += 2;
      this.expect('*');
      this.expect(')');
      columns = 'count';
    } else {
      columns = [];
      do columns.push(this.column());
      while (this.accept(','));
    }
    if (this.keyword() !== 'FROM') this.fail(this.tokens[this.i - 1]!);
    const table = this.tableRef();
    const where = this.where();
    return { kind: 'select', table, columns, ...(where ? { where } : {}) };
  }

  private remove(): Statement {
    if (this.keyword() !== 'FROM') this.fail(this.tokens[this.i - 1]!);
    const table = this.tableRef();
    const where = this.where();
    return { kind: 'delete', table, ...(where ? { where } : {}) };
  }

  private where(): Where | undefined {
    const t = this.peek();
    if (t.kind !== 'word' || t.text.toUpperCase() !== 'WHERE') return undefined;
    this.i++;
    const col = this.column();
    this.expect('=');
    return { column: col.name, pos: col.pos, value: this.literal() };
  }

  private show(): Statement {
    const t = this.next();
    const what = t.text.toUpperCase();
    if (this.dialect === 'postgres') {
      if (t.kind !== 'word') this.fail(t);
      return { kind: 'show', what: t.text.toLowerCase() };
    }
    if (what === 'DATABASES' || what === 'SCHEMAS') return { kind: 'showDatabases' };
    if (what === 'TABLES') return { kind: 'showTables' };
    return this.fail(t);
  }

  private tableRef(): TableRef {
    const pos = this.peek().pos;
    const first = this.ident();
    if (this.accept('.')) return { db: first, name: this.ident(), pos };
    return { name: first, pos };
  }

  private column(): { name: string; pos: number } {
    const pos = this.peek().pos;
    return { name: this.ident(), pos };
  }

  private ident(): string {
    const t = this.next();
    if (t.kind === 'quotedIdent' && (this.dialect === 'postgres' ? this.text[t.pos] === '"' : this.text[t.pos] === '`')) return t.text;
    if (t.kind !== 'word') return this.fail(t);
    return this.dialect === 'postgres' ? t.text.toLowerCase() : t.text;
  }

  private literal(): SqlValue {
    const t = this.next();
    if (t.kind === 'number') return Number(t.text);
    if (t.kind === 'string') return t.text;
    if (t.kind === 'quotedIdent' && this.dialect === 'mysql' && this.text[t.pos] === '"') return t.text;
    if (t.kind === 'word' && t.text.toUpperCase() === 'NULL') return null;
    return this.fail(t);
  }

  private keyword(): string {
    const t = this.next();
    if (t.kind !== 'word') this.fail(t);
    return t.text.toUpperCase();
  }

  /** Consumes the keywords when all of them come next. */
  private optional(...words: string[]): boolean {
    const match = words.every((w, k) => this.tokens[this.i + k]?.kind === 'word' && this.tokens[this.i + k]!.text.toUpperCase() === w);
    if (match) this.i += words.length;
    return match;
  }

  private accept(punct: string): boolean {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === punct) {
      this.i++;
      return true;
    }
    return false;
  }

  private expect(punct: string): void {
    if (!this.accept(punct)) this.fail(this.peek());
  }

  private peek(): Token {
    return this.tokens[this.i]!;
  }

  private next(): Token {
    const t = this.tokens[this.i]!;
    if (t.kind !== 'end') this.i++;
    return t;
  }

  private fail(token: Token): never {
    throw new SqlSyntaxError(token, this.text.slice(token.pos));
  }
}
