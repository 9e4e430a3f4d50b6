import Database from 'better-sqlite3';
import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const folder = () => mkdtempSync(join(tmpdir(), 'centric-stored-'));

describe('centric digest and centric outcomes read the bot’s database, and only read it', () => {
  it('refuses a DATABASE_URL of another kind, without echoing its password', async () => {
    const run = await runCli(['digest', '--project', 'SHOP'], '', { DATABASE_URL: 'mysql://centric:s3cret@db/centric' });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'centric: DATABASE_URL must be sqlite:PATH or postgres://USER@HOST:PORT/DATABASE, not "mysql:…"\n' });
  });

  it('names DATABASE_URL when its SQLite file does not exist', async () => {
    const url = `sqlite:${join(folder(), 'nope.db')}`;
    expect((await runCli(['outcomes', '--project', 'SHOP'], '', { DATABASE_URL: url })).stderr).toBe(`centric: no stored outcomes: DATABASE_URL (${url}) does not exist. Run the bot first, or set DATABASE_URL to its database.\n`);
    expect((await runCli(['digest', '--project', 'SHOP'], '', { DATABASE_URL: url })).stderr).toBe(`centric: no stored reports: DATABASE_URL (${url}) does not exist. Run the bot, or \`centric audit --project SHOP --write\`, first; or use --jql to read Jira directly.\n`);
  });

  it('never creates tables: a database the bot has not set up is said to be one', async () => {
    const file = join(folder(), 'empty.db');
    writeFileSync(file, '');
    for (const command of ['digest', 'outcomes']) {
      const run = await runCli([command, '--project', 'SHOP'], '', { DATABASE_URL: `sqlite:${file}` });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^centric: no stored (reports|outcomes): DATABASE_URL \\(sqlite:${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\) has no Centric tables yet, or those of an older version: start the bot once \\(npm start\\) so it sets them up, then run this again\\.\\n$`));
    }
    expect(new Database(file).prepare('select name from sqlite_master').all()).toEqual([]);
  });

  it('names DATABASE_URL and the path when the SQLite file cannot be opened', async () => {
    const dir = folder();
    // A folder: SQLite's code for it varies by version (SQLITE_CANTOPEN, SQLITE_IOERR_READ).
    expect((await runCli(['digest', '--project', 'SHOP'], '', { DATABASE_URL: `sqlite:${dir}` })).stderr).toMatch(new RegExp(`^centric: cannot read the SQLite database of DATABASE_URL at ${dir} \\(SQLITE_\\w+\\): is it a file Centric's bot writes, and may you read it\\?\\n$`));
  });

  it('opens the database for reading only: its mode and journal stay as they were', async () => {
    const file = join(folder(), 'c.db');
    const { openStore } = await import('../../src/store/database.js');
    const { migrate } = await import('../../src/store/migrations.js');
    const store = openStore(`sqlite:${file}`);
    await migrate(store.db);
    await store.close();
    chmodSync(file, 0o640);
    const run = await runCli(['outcomes', '--project', 'SHOP'], '', { DATABASE_URL: `sqlite:${file}` });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('hides a password given as a parameter too', async () => {
    const run = await runCli(['outcomes', '--project', 'SHOP'], '', { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test?password=s3cret' });
    expect(run.stderr).toMatch(/^centric: cannot read DATABASE_URL \(postgres:\/\/postgres@127\.0\.0\.1:1\/test\?password=\*\*\*\)/);
    expect(run.stderr).not.toContain('s3cret');
  });

  it('says which database did not answer, with its password hidden', async () => {
    const run = await runCli(['outcomes', '--project', 'SHOP'], '', { DATABASE_URL: 'postgres://postgres:s3cret@127.0.0.1:1/test' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^centric: cannot read DATABASE_URL \(postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/test\): .*ECONNREFUSED/);
    expect(run.stderr).not.toContain('s3cret');
  });
});

describe('the bot’s own database', () => {
  it('names DATABASE_URL and the path when the SQLite file cannot be created', async () => {
    const { openStore } = await import('../../src/store/database.js');
    const blocker = join(folder(), 'a-file');
    writeFileSync(blocker, '');
    expect(() => openStore(`sqlite:${join(blocker, 'centric.db')}`)).toThrow(`cannot open the SQLite database of DATABASE_URL at ${join(blocker, 'centric.db')} (EEXIST): point DATABASE_URL at a file in a folder Centric may write, such as sqlite:./data/centric.db`);
  });

  it('logs where its data lives without a password, in the URL or as a parameter', async () => {
    const { openStore } = await import('../../src/store/database.js');
    const store = openStore('postgres://centric:s3cret@127.0.0.1:1/test?password=s3cret&sslmode=disable');
    expect(store.location).toBe('postgres://centric@127.0.0.1:1/test?sslmode=disable');
    await store.close();
  });
});
