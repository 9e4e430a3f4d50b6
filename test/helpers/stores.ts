import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { openStore, type Store } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL;

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A fresh, migrated database; `open` again to get a second connection to the same one. */
  /** `migrated: false` leaves the schema empty, as on a first start. */
  create(options?: { migrated?: boolean }): Promise<{ store: Store; open: () => Store; url: string; schema?: string; drop: () => Promise<void> }>;
}

const sqlite: Backend = {
  name: 'sqlite',
  async create({ migrated = true } = {}) {
    const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'centric-db-')), 'centric.db')}`;
    const store = openStore(url);
    if (migrated) await migrate(store.db);
    return { store, open: () => openStore(url), url, drop: async () => undefined };
  },
};

const postgres: Backend = {
  name: 'postgres',
  async create({ migrated = true } = {}) {
    const url = POSTGRES_URL!;
    const schema = `centric_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const store = openStore(url, { schema });
    if (migrated) await migrate(store.db);
    return {
      store,
      open: () => openStore(url, { schema }),
      url,
      schema,
      drop: async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  },
};

/** SQLite always; Postgres when TEST_DATABASE_URL is set (.ci/run sets it). */
export const BACKENDS: Backend[] = POSTGRES_URL ? [sqlite, postgres] : [sqlite];
export const POSTGRES_SKIP_NOTE = POSTGRES_URL ? '' : ' (Postgres suite skipped: set TEST_DATABASE_URL=postgres://… to run it)';

/** A fresh, migrated database for each test of the calling suite, closed and dropped after it. */
export function storePerTest(backend: Backend): () => Store {
  let created: Awaited<ReturnType<Backend['create']>> | undefined;
  beforeEach(async () => {
    created = await backend.create();
  });
  afterEach(async () => {
    await created?.store.close();
    await created?.drop();
    created = undefined;
  });
  return () => created!.store;
}
