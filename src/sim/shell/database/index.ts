/** Database servers in pods (mysql, postgres): their clients as shell commands, their data directories. */
import type { CommandFn } from '../interpreter';
import { mysql } from './mysqlClient';
import { psql } from './psqlClient';

export { DataDir, MYSQL_LAYOUT, POSTGRES_LAYOUT, REPLICATION_FILE, databaseTools, imageEngine } from './dataDir';
export type { BinlogEntry, DataFs, Engine, EngineLayout, ReplicationState } from './dataDir';
export { apply } from './engine';
export { databaseContainer, podDataDir, REPLICATION_CONTROLLER } from './server';
export { parseStatement } from './sql';

/** The client commands, by name, for the shell's command table. */
export const DATABASE_COMMANDS: Record<string, CommandFn> = { mysql, psql };
