import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { PEOPLE } from '../../src/demo/backlog.js';
import { eventually, startE2E, type E2E } from '../helpers/e2e.js';
import { POSTGRES_SKIP_NOTE, POSTGRES_URL } from '../helpers/stores.js';

let e: E2E | undefined;
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  await e?.stop();
  e = undefined;
  for (const c of cleanup.splice(0)) await c();
});

const created = (key: string) => ({ webhookEvent: 'jira:issue_created', user: { accountId: PEOPLE.priya.jira }, issue: { key } });

async function admin<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: POSTGRES_URL });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

describe.skipIf(!POSTGRES_URL)(`Postgres drops every connection of the bot${POSTGRES_SKIP_NOTE}`, () => {
  it('the bot reconnects by itself: events before and after are processed, none is lost', async () => {
    const schema = `centric_outage_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
    const app = `centric-outage-${schema}`;
    await admin((c) => c.query(`create schema ${schema}`));
    cleanup.push(() => admin((c) => c.query(`drop schema ${schema} cascade`)).then(() => undefined));
    const url = new URL(POSTGRES_URL!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    url.searchParams.set('application_name', app);
    // A short lease: an event whose "done" was lost with its connection is taken over in 2 s.
    e = await startE2E({ env: { DATABASE_URL: url.toString() }, config: { inbox: { ...DEFAULT_CONFIG.inbox, leaseSeconds: 2 } } });

    expect((await e.send.webhook(created('SHOP-2'), 'o-1')).status).toBe(202);
    await eventually('the first comment', () => e!.jira.ownComments('SHOP-2')[0]);
    // Only this bot's connections: the other suites share the server.
    const killed = await admin((c) => c.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [app]));
    expect(killed.rowCount).toBeGreaterThan(0);

    let status = 0;
    for (let i = 0; i < 50 && status !== 202; i++) {
      status = (await e.send.webhook(created('SHOP-4'), 'o-2')).status;
      if (status !== 202) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(202);
    await eventually('the comment after the outage', () => e!.jira.ownComments('SHOP-4')[0], 10_000);
    const inbox = () => admin((c) => c.query(`select delivery_id, status from ${schema}.inbox order by id`)).then((r) => r.rows);
    for (let i = 0; i < 200 && (await inbox()).some((r) => r.status !== 'done'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await inbox()).toEqual([{ delivery_id: 'o-1', status: 'done' }, { delivery_id: 'o-2', status: 'done' }]);
    expect(e.jira.calls(/\/comment$/, 'POST')).toHaveLength(2);
  }, 30_000);
});
