import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { isMigrated, migrate } from '../../src/store/migrations.js';

/** Fails the next `count` queries as Postgres does when a schema it is reading is dropped meanwhile. */
function schemaDroppedMeanwhile(count: number, code = '3F000'): KyselyPlugin {
  let left = count;
  return {
    transformQuery: (args) => {
      if (left-- > 0) throw Object.assign(new Error('schema "centric_test_other" does not exist'), { code });
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
}

describe('asking whether the database is migrated', () => {
  it('reads again when another schema of the database was dropped during the read (Kysely reads them all)', async () => {
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    try {
      await migrate(db);
      expect(await isMigrated(db.withPlugin(schemaDroppedMeanwhile(1)))).toBe(true);
      // Not forever, and not for any other error.
      await expect(isMigrated(db.withPlugin(schemaDroppedMeanwhile(3)))).rejects.toThrow('does not exist');
      await expect(isMigrated(db.withPlugin(schemaDroppedMeanwhile(1, '42P01')))).rejects.toThrow('does not exist');
    } finally {
      await db.destroy();
    }
  });
});
