import { describe, expect, it } from 'vitest';
import { SqlSyntaxError, parseStatement, splitStatements } from '../../../src/sim/shell/database/sql';

describe('SQL subset parser', () => {
  it.each([
    ['CREATE DATABASE shop', { kind: 'createDatabase', name: 'shop', ifNotExists: false }],
    ['create database if not exists shop', { kind: 'createDatabase', name: 'shop', ifNotExists: true }],
    ['SHOW DATABASES', { kind: 'showDatabases' }],
    ['show tables', { kind: 'showTables' }],
    ['USE shop', { kind: 'use', name: 'shop' }],
    ['DELETE FROM t', { kind: 'delete', table: { name: 't', pos: 12 } }],
  ])('mysql: %s', (text, expected) => {
    expect(parseStatement(text, 'mysql')).toEqual(expected);
  });

  it('reads CREATE TABLE columns and skips constraints', () => {
    const stmt = parseStatement('CREATE TABLE shop.orders (id INT NOT NULL PRIMARY KEY, item VARCHAR(40), PRIMARY KEY (id))', 'mysql');
    expect(stmt).toMatchObject({ kind: 'createTable', table: { db: 'shop', name: 'orders' }, columns: [{ name: 'id', type: 'INT' }, { name: 'item', type: 'VARCHAR' }] });
  });

  it('reads INSERT with several rows, quotes and NULL', () => {
    const stmt = parseStatement("INSERT INTO t (a, b) VALUES (1, 'it''s'), (-2, NULL)", 'mysql');
    expect(stmt).toMatchObject({ kind: 'insert', rows: [[1, "it's"], [-2, null]] });
  });

  it('reads SELECT with columns, COUNT(*) and WHERE', () => {
    expect(parseStatement("SELECT id, item FROM t WHERE item = 'pear'", 'mysql')).toMatchObject({ columns: [{ name: 'id' }, { name: 'item' }], where: { column: 'item', value: 'pear' } });
    expect(parseStatement('SELECT COUNT(*) FROM t', 'mysql')).toMatchObject({ columns: 'count' });
  });

  it('folds unquoted identifiers to lower case for postgres only', () => {
    expect(parseStatement('SELECT * FROM Orders', 'postgres')).toMatchObject({ table: { name: 'orders' } });
    expect(parseStatement('SELECT * FROM Orders', 'mysql')).toMatchObject({ table: { name: 'Orders' } });
  });

  it.each([
    ['SELEC 1', 'SELEC 1'],
    ['SELECT * FROM', ''],
    ['INSERT INTO t VALUES (1', ''],
    ['USE', ''],
  ])('rejects %j, pointing at %j', (text, rest) => {
    try {
      parseStatement(text, 'mysql');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SqlSyntaxError);
      expect((e as SqlSyntaxError).rest).toBe(rest);
    }
  });

  it('splits statements at semicolons outside quotes, keeping the line each starts on', () => {
    expect(splitStatements("INSERT INTO t VALUES ('a;b');\nSELECT * FROM t;\n")).toEqual([
      { text: "INSERT INTO t VALUES ('a;b')", line: 1 },
      { text: 'SELECT * FROM t', line: 2 },
    ]);
  });
});
