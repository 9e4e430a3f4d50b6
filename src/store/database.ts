import { chmodSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type Pg from 'pg';
import type { Database } from './schema.js';

// Only the driver a database URL needs is loaded (each weighs megabytes of memory), when the first
// store is opened. Both are CommonJS packages: required synchronously, so openStore stays synchronous.
const require = createRequire(import.meta.url);
let pgDriver: typeof Pg | undefined;
function loadPg(): typeof Pg {
  if (pgDriver) return pgDriver;
  pgDriver = require('pg') as typeof Pg;
  // int8 columns (our millisecond times) come back from pg as strings; they fit a JS number.
  pgDriver.types.setTypeParser(pgDriver.types.builtins.INT8, (v) => Number(v));
  return pgDriver;
}

/**
 * Kysely prepares every query it runs on SQLite anew; compiling the statement costs more than
 * running most of ours. Prepared statements are kept per SQL text (a bounded, least recently
 * used set: queries with `in (…)` lists make a new text for each list length) and reused unless
 * one is still being iterated (a streamed query).
 */
function withStatementCache(file: BetterSqlite3.Database, capacity = 200): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => file.close(),
    prepare(text: string): SqliteStatement {
      const cached = cache.get(text);
      if (cached && !cached.busy) {
        cache.delete(text);
        cache.set(text, cached);
        return cached as unknown as SqliteStatement;
      }
      const statement = file.prepare(text);
      cache.set(text, statement);
      if (cache.size > capacity) cache.delete(cache.keys().next().value!);
      return statement as unknown as SqliteStatement;
    },
  };
}

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /**
   * Postgres: a small pool of its own for storing incoming events, so a webhook's ack never
   * queues for a connection behind the worker's queries. SQLite: the same as `db`.
   */
  intake?: Kysely<Database>;
  /** Where the data lives, without any password: safe to log. */
  location: string;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** SQLite: open an existing file for reading only (no folder made, no mode or journal changed). */
  readonly?: boolean;
  /** Postgres only: the schema to use (tests give each suite its own). */
  schema?: string;
}

function safeLocation(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    // pg also takes the password as a parameter: ?password=…
    u.searchParams.delete('password');
    return u.toString();
  } catch {
    return 'postgres';
  }
}

/**
 * The SQLite file, created with its folder on first start. Ticket text and Slack ids are in there:
 * only Centric's own user may read them (the -wal and -shm files SQLite creates take the database
 * file's mode). A path Centric cannot write names DATABASE_URL, the path and why.
 */
function openSqliteFile(path: string, readonly: boolean): BetterSqlite3.Database {
  const SQLite = require('better-sqlite3') as typeof BetterSqlite3;
  if (path === ':memory:') return new SQLite(path);
  // A reader (centric digest, centric outcomes) changes nothing: not the folder, the mode or the journal.
  if (readonly) {
    try {
      return new SQLite(path, { readonly: true, fileMustExist: true });
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      throw new Error(`cannot read the SQLite database of DATABASE_URL at ${path} (${reason}): is it a file Centric's bot writes, and may you read it?`, { cause: err });
    }
  }
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const file = new SQLite(path);
    chmodSync(path, 0o600);
    return file;
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new Error(`cannot open the SQLite database of DATABASE_URL at ${path} (${reason}): point DATABASE_URL at a file in a folder Centric may write, such as sqlite:./data/centric.db`, { cause: err });
  }
}

/** SQLite file by default (created on first start, WAL mode); Postgres for postgres:// URLs. */
export function openStore(databaseUrl: string, options: StoreOptions = {}): Store {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length);
    const file = openSqliteFile(path, options.readonly === true);
    if (!options.readonly) file.pragma('journal_mode = WAL');
    file.pragma('busy_timeout = 5000');
    file.pragma('foreign_keys = ON');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
    return { db, intake: db, dialect: 'sqlite', location: `sqlite:${path}`, close: () => db.destroy() };
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: postgresPool(databaseUrl, MAIN_POOL_SIZE, options) }) });
  const intake = new Kysely<Database>({ dialect: new PostgresDialect({ pool: postgresPool(databaseUrl, INTAKE_POOL_SIZE, options) }) });
  return {
    db,
    intake,
    dialect: 'postgres',
    location: safeLocation(databaseUrl),
    close: async () => void (await Promise.all([db.destroy(), intake.destroy()])),
  };
}

const MAIN_POOL_SIZE = 10;
const INTAKE_POOL_SIZE = 4;

/**
 * Sizes per process: the worker's handlers and claims and the ops routes use about concurrency + 2
 * connections of the main pool, incoming events up to 4 of their own; two or three replicas stay
 * far below Postgres's default max_connections (100).
 */
function postgresPool(databaseUrl: string, max: number, options: StoreOptions): Pg.Pool {
  const pg = loadPg();
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max,
    connectionTimeoutMillis: 5_000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // A client that loses its server (a restart, a failover, an admin's kill) must not crash the
  // process: idle ones are reported on the pool, checked-out ones on themselves; the query that
  // was running fails and is retried, and the pool opens new connections.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/**
 * Postgres: opens the connections the first seconds of traffic will want (the intake pool's, and
 * a few of the main pool's for the worker) before the bot says it is ready. Each new connection
 * is a process Postgres forks and an authentication: opened lazily, they fall on the first
 * webhooks' acks. Queries issued in one turn each take a connection of their own.
 */
export async function openConnections(store: Store, main = 4): Promise<void> {
  if (store.dialect !== 'postgres') return;
  const pings = (db: Kysely<Database>, n: number) => Array.from({ length: n }, () => sql`select 1`.execute(db));
  await Promise.all([...pings(store.intake ?? store.db, INTAKE_POOL_SIZE), ...pings(store.db, Math.min(main, MAIN_POOL_SIZE))]);
}

/** A cheap round trip: is the database there? */
export async function ping(store: Store): Promise<void> {
  await sql`select 1`.execute(store.db);
}
