import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

// int8 columns (our millisecond times) come back from pg as strings; they fit a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, without any password: safe to log. */
  location: string;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** Postgres only: the schema to use (tests give each suite its own). */
  schema?: string;
}

function safeLocation(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

/** SQLite file by default (created on first start, WAL mode); Postgres for postgres:// URLs. */
export function openStore(databaseUrl: string, options: StoreOptions = {}): Store {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length);
    // Ticket text and Slack ids are in there: only Centric's own user may read them (the -wal and
    // -shm files SQLite creates take the database file's mode).
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const file = new SQLite(path);
    if (path !== ':memory:') chmodSync(path, 0o600);
    file.pragma('journal_mode = WAL');
    file.pragma('busy_timeout = 5000');
    file.pragma('foreign_keys = ON');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
    return { db, dialect: 'sqlite', location: `sqlite:${path}`, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    connectionTimeoutMillis: 5_000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // A client that loses its server (a restart, a failover, an admin's kill) must not crash the
  // process: idle ones are reported on the pool, checked-out ones on themselves; the query that
  // was running fails and is retried, and the pool opens new connections.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location: safeLocation(databaseUrl), close: () => db.destroy() };
}

/** A cheap round trip: is the database there? */
export async function ping(store: Store): Promise<void> {
  await sql`select 1`.execute(store.db);
}
