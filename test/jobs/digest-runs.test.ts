import { afterEach, describe, expect, it } from 'vitest';
import { loadJiraEnv } from '../../src/config/env.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { runDueDigests, type DigestDeps } from '../../src/flows/post-digest.js';
import { JiraClient } from '../../src/jira/client.js';
import { Metrics } from '../../src/runtime/metrics.js';
import type { SlackMessage } from '../../src/slack/blocks.js';
import type { Store } from '../../src/store/database.js';
import { capturedLogger } from '../helpers/quiet.js';
import { BACKENDS } from '../helpers/stores.js';

const MONDAY_0900_BERLIN = Date.parse('2026-11-23T08:00:00Z');
const open: Store[] = [];
const drops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await Promise.all(drops.splice(0).map((d) => d()));
});

const uploads: Array<{ channel: string; png: Buffer }> = [];

function deps(store: Store, clock: () => number, workerId: string, posts: Array<{ channel: string; message: SlackMessage }>, fail?: string, uploadFails = false): DigestDeps {
  const logger = capturedLogger().logger;
  const env = loadJiraEnv({ JIRA_BASE_URL: 'https://acme.atlassian.net', JIRA_EMAIL: 'c@acme.io', JIRA_API_TOKEN: 't' });
  return {
    store,
    config: DEFAULT_CONFIG,
    clock,
    jira: new JiraClient({ env, settings: DEFAULT_CONFIG.jira, metrics: new Metrics(), logger }),
    logger,
    browse: (k) => `https://acme.atlassian.net/browse/${k}`,
    workerId,
    poster: {
      post: async (channel, message) => {
        if (fail) throw Object.assign(new Error(fail), { data: { ok: false, error: fail } });
        posts.push({ channel, message });
      },
      dm: async (user, message) => void posts.push({ channel: `DM:${user}`, message }),
      upload: async (channel, png) => {
        if (uploadFails) throw Object.assign(new Error('upload failed'), { data: { ok: false, error: 'file_upload_failed' } });
        uploads.push({ channel, png });
      },
    },
  };
}

describe.each(BACKENDS)('weekly digest runs on $name', (backend) => {
  async function setup() {
    const db = await backend.create();
    open.push(db.store);
    drops.push(db.drop);
    await db.store.db
      .insertInto('digest_subscriptions')
      .values({ channel_id: 'C1', scope_type: 'project', scope: 'SHOP', weekday: 1, time: '09:00', timezone: 'Europe/Berlin', created_by: 'U1', created_at: MONDAY_0900_BERLIN - 30 * 86_400_000 })
      .execute();
    await db.store.db.insertInto('report_history').values({ ticket_key: 'SHOP-1', project: 'SHOP', score: 55, passing: 0, role: 'user', failed_rules: 'customer-value', linted_at: MONDAY_0900_BERLIN - 86_400_000 }).execute();
    return db;
  }

  it('two workers on one database post exactly one digest per subscription and period', async () => {
    const db = await setup();
    const second = db.open();
    open.push(second);
    const posts: Array<{ channel: string; message: SlackMessage }> = [];
    let now = MONDAY_0900_BERLIN - 60_000;
    const a = deps(db.store, () => now, 'a', posts);
    const b = deps(second, () => now, 'b', posts);
    // Just before Monday's slot, the current period began last Monday, and nobody posted it yet.
    const early = (await Promise.all([runDueDigests(a), runDueDigests(b)])).flat();
    expect(early).toEqual([{ subscription: 1, period: '2026-11-16T08:00:00.000Z', late: true, status: 'posted' }]);
    expect(posts).toHaveLength(1);
    posts.length = 0;
    now = MONDAY_0900_BERLIN + 30_000;
    const [ra, rb] = await Promise.all([runDueDigests(a), runDueDigests(b)]);
    expect([...ra, ...rb]).toEqual([{ subscription: 1, period: '2026-11-23T08:00:00.000Z', late: false, status: 'posted' }]);
    now += 60_000;
    expect([...(await runDueDigests(a)), ...(await runDueDigests(b))]).toEqual([]);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.channel).toBe('C1');
    expect(posts[0]!.message.text.split('\n')[0]).toBe('Customer-centricity of SHOP: 55/100 over 1 tickets');
    expect(uploads.at(-1)!.channel).toBe('C1');
  });

  it('posts the text digest even when the chart upload fails', async () => {
    const db = await setup();
    await db.store.db.insertInto('digest_runs').values({ subscription_id: 1, period: '2026-11-16T08:00:00.000Z', status: 'posted', claimed_by: 'old', posted_at: 0, late: 0, claimed_at: 0 }).execute();
    const posts: Array<{ channel: string; message: SlackMessage }> = [];
    const runs = await runDueDigests(deps(db.store, () => MONDAY_0900_BERLIN + 60_000, 'w', posts, undefined, true));
    expect(runs.map((r) => r.status)).toEqual(['posted']);
    expect(posts.map((p) => p.channel)).toEqual(['C1']);
  });

  it('a restart after a missed slot posts one late digest, saying so', async () => {
    const db = await setup();
    await db.store.db.insertInto('digest_runs').values({ subscription_id: 1, period: '2026-11-16T08:00:00.000Z', status: 'posted', claimed_by: 'old', posted_at: 0, late: 0, claimed_at: 0 }).execute();
    const posts: Array<{ channel: string; message: SlackMessage }> = [];
    const now = MONDAY_0900_BERLIN + 2 * 86_400_000; // the bot was down on Monday
    const d = deps(db.store, () => now, 'restarted', posts);
    expect(await runDueDigests(d)).toEqual([{ subscription: 1, period: '2026-11-23T08:00:00.000Z', late: true, status: 'posted' }]);
    expect(await runDueDigests(d)).toEqual([]);
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]!.message.blocks)).toContain('Late: Centric was not running at the scheduled time.');
  });

  it('asks the subscriber to invite it when it is not in the channel; a failed post is retried', async () => {
    const db = await setup();
    await db.store.db.insertInto('digest_runs').values({ subscription_id: 1, period: '2026-11-16T08:00:00.000Z', status: 'posted', claimed_by: 'old', posted_at: 0, late: 0, claimed_at: 0 }).execute();
    const posts: Array<{ channel: string; message: SlackMessage }> = [];
    const now = MONDAY_0900_BERLIN + 60_000;
    expect(await runDueDigests(deps(db.store, () => now, 'w', posts, 'not_in_channel'))).toEqual([{ subscription: 1, period: '2026-11-23T08:00:00.000Z', late: false, status: 'not in channel' }]);
    expect(posts.map((p) => p.channel)).toEqual(['DM:U1']);
    expect(posts[0]!.message.text).toContain('invite me there with `/invite @Centric`');
    await db.store.db.deleteFrom('digest_runs').where('period', '=', '2026-11-23T08:00:00.000Z').execute();
    expect((await runDueDigests(deps(db.store, () => now, 'w', posts, 'internal_error')))[0]!.status).toBe('failed');
    expect((await runDueDigests(deps(db.store, () => now, 'w', posts)))[0]!.status).toBe('posted');
  });
});
