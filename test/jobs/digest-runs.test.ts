import { afterEach, describe, expect, it } from 'vitest';
import { loadJiraEnv } from '../../src/config/env.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { digestPost, retryDelay, runDueDigests, scopeDigest, type DigestDeps } from '../../src/flows/post-digest.js';
import { lintAndStore } from '../../src/flows/ticket-changed.js';
import { JiraClient } from '../../src/jira/client.js';
import { Metrics } from '../../src/runtime/metrics.js';
import type { SlackMessage } from '../../src/slack/views/limits.js';
import { channelPoster, type SlackChat } from '../../src/slack/dm.js';
import type { Store } from '../../src/store/database.js';
import { saveUserSettings } from '../../src/store/user-settings.js';
import type { JiraIssue } from '../../src/core/ticket/normalise.js';
import type { JiraPort } from '../../src/flows/ports.js';
import { GOOD_STORY, issue } from '../helpers/issues.js';
import { JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';
import { capturedLogger } from '../helpers/quiet.js';
import { BACKENDS } from '../helpers/stores.js';

const MONDAY_0900_BERLIN = Date.parse('2026-11-23T08:00:00Z');
const open: Store[] = [];
const drops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await Promise.all(drops.splice(0).map((d) => d()));
  resetNetwork();
});

const uploads: Array<{ channel: string; png: Buffer }> = [];

const browse = (k: string) => `https://acme.atlassian.net/browse/${k}`;

/** Slack's side of posting, recorded; the real adapter renders the digest (and chart) into it. */
function chat(posts: Array<{ channel: string; message: SlackMessage }>, fail?: string, uploadFails = false, joinable = false): Pick<SlackChat, 'post' | 'dm' | 'join' | 'upload'> {
  let joined = false;
  return {
    post: async (channel, message) => {
      if (fail && !joined) throw Object.assign(new Error(fail), { data: { ok: false, error: fail } });
      posts.push({ channel, message });
    },
    join: async (channel) => {
      if (!joinable) throw Object.assign(new Error('method_not_supported_for_channel_type'), { data: { ok: false, error: 'method_not_supported_for_channel_type' } });
      joined = true;
      posts.push({ channel: `JOIN:${channel}`, message: { text: '', blocks: [] } });
    },
    dm: async (user, message) => {
      posts.push({ channel: `DM:${user}`, message });
      return { channel: `D-${user}`, ts: '1.1' };
    },
    upload: async (channel, png) => {
      if (uploadFails) throw Object.assign(new Error('upload failed'), { data: { ok: false, error: 'file_upload_failed' } });
      uploads.push({ channel, png });
    },
  };
}

function deps(store: Store, clock: () => number, workerId: string, posts: Array<{ channel: string; message: SlackMessage }>, fail?: string, uploadFails = false, joinable = false): DigestDeps {
  const logger = capturedLogger().logger;
  const env = loadJiraEnv({ JIRA_BASE_URL: 'https://acme.atlassian.net', JIRA_EMAIL: 'c@acme.io', JIRA_API_TOKEN: 't' });
  return {
    store,
    config: DEFAULT_CONFIG,
    clock,
    jira: subscriberMayBrowse(new JiraClient({ env, settings: DEFAULT_CONFIG.jira, metrics: new Metrics(), logger })),
    logger,
    workerId,
    poster: channelPoster(chat(posts, fail, uploadFails, joinable), browse),
    // No jitter: a failed run is retried exactly 1, 2, 4… minutes later.
    random: () => 0,
  };
}

/** Jira's search, and a subscriber whose account may browse every project (tests of refusals override it). */
const subscriberMayBrowse = (client: Pick<JiraPort, 'search'>): Pick<JiraPort, 'search' | 'userMay'> => ({ search: (jql, fields) => client.search(jql, fields), userMay: async () => true });

/** A Jira search of `pages` pages of `size` issues (BIG-1, BIG-2…), counting the pages it was asked for. */
function pagedSearch(pages: number, size: number) {
  const asked = { pages: 0 };
  const jira: Pick<JiraPort, 'search' | 'userMay'> = {
    userMay: async () => true,
    async *search() {
      for (let p = 0; p < pages; p++) {
        asked.pages++;
        yield Array.from({ length: size }, (_, i) => ({ key: `BIG-${p * size + i + 1}`, fields: {} }) as JiraIssue);
      }
    },
  };
  return { jira, asked };
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
    // The subscribers are linked: a digest is posted only while its subscriber vouches for it.
    await db.store.db.insertInto('user_links').values([{ slack_user_id: 'U1', jira_account_id: 'acc-priya', linked_by: 'email', linked_at: 0 }, { slack_user_id: 'U2', jira_account_id: 'acc-marek', linked_by: 'email', linked_at: 0 }]).execute();
    return db;
  }

  it('is not posted once its subscriber is unlinked or may no longer browse the project; the subscriber is told', async () => {
    const db = await setup();
    const posts: Array<{ channel: string; message: SlackMessage }> = [];
    const base = deps(db.store, () => MONDAY_0900_BERLIN + 60_000, 'w', posts);
    const denied: DigestDeps = { ...base, jira: { ...base.jira, userMay: async (account, permission, target) => !(account === 'acc-priya' && permission === 'BROWSE_PROJECTS' && 'projectKey' in target && target.projectKey === 'SHOP') } };
    expect((await runDueDigests(denied)).map((r) => r.status)).toEqual(['undeliverable']);
    expect(posts.map((p) => [p.channel, p.message.text])).toEqual([
      ['DM:U1', 'I could not post the weekly digest of SHOP to <#C1>: you subscribed it, and your Jira account may no longer browse SHOP. Ask someone who may to subscribe the channel instead.'],
    ]);
  });

  it('is not posted for a subscriber who is no longer linked', async () => {
    const db = await setup();
    await db.store.db.deleteFrom('user_links').where('slack_user_id', '=', 'U1').execute();
    const posts: Array<{ channel: string; message: SlackMessage }> = [];
    expect((await runDueDigests(deps(db.store, () => MONDAY_0900_BERLIN + 60_000, 'w', posts))).map((r) => r.status)).toEqual(['undeliverable']);
    expect(posts.map((p) => p.channel)).toEqual(['DM:U1']);
    expect(posts[0]!.message.text).toMatch(/your Slack user is no longer linked to a Jira account/);
  });

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
    expect(posts[0]!.message.text.split('\n')[0]).toBe('Customer-centricity of SHOP: 55/100 over 1 ticket');
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
    expect(JSON.stringify(posts[0]!.message.blocks)).toContain('Late: posted after its scheduled time (Centric was not running, or the first tries failed).');
  });

  it('joins a public channel it is not in, then posts', async () => {
    const db = await setup();
    await db.store.db.insertInto('digest_runs').values({ subscription_id: 1, period: '2026-11-16T08:00:00.000Z', status: 'posted', claimed_by: 'old', posted_at: 0, late: 0, claimed_at: 0 }).execute();
    const posts: Array<{ channel: string; message: SlackMessage }> = [];
    const runs = await runDueDigests(deps(db.store, () => MONDAY_0900_BERLIN + 60_000, 'w', posts, 'not_in_channel', false, true));
    expect(runs.map((r) => r.status)).toEqual(['posted']);
    expect(posts.map((p) => p.channel)).toEqual(['JOIN:C1', 'C1']);
  });

  it('asks the subscriber to invite it to a private channel it cannot join; a failed post is retried after its backoff', async () => {
    const db = await setup();
    await db.store.db.insertInto('digest_runs').values({ subscription_id: 1, period: '2026-11-16T08:00:00.000Z', status: 'posted', claimed_by: 'old', posted_at: 0, late: 0, claimed_at: 0 }).execute();
    const posts: Array<{ channel: string; message: SlackMessage }> = [];
    const now = MONDAY_0900_BERLIN + 60_000;
    expect(await runDueDigests(deps(db.store, () => now, 'w', posts, 'not_in_channel'))).toEqual([{ subscription: 1, period: '2026-11-23T08:00:00.000Z', late: false, status: 'not in channel' }]);
    expect(posts.map((p) => p.channel)).toEqual(['DM:U1']);
    expect(posts[0]!.message.text).toContain('invite me there with `/invite @Centric`');
    await db.store.db.deleteFrom('digest_runs').where('period', '=', '2026-11-23T08:00:00.000Z').execute();
    expect((await runDueDigests(deps(db.store, () => now, 'w', posts, 'internal_error')))[0]!.status).toBe('failed');
    expect(await runDueDigests(deps(db.store, () => now + 59_999, 'w', posts))).toEqual([]);
    expect((await runDueDigests(deps(db.store, () => now + 60_000, 'w', posts)))[0]!.status).toBe('posted');
  });

  it('backs a failing run off 1, 2, 4… minutes (at most an hour, jittered), then gives it up when the next slot comes, telling the subscriber once', async () => {
    const db = await setup();
    await db.store.db.insertInto('digest_runs').values({ subscription_id: 1, period: '2026-11-16T08:00:00.000Z', status: 'posted', claimed_by: 'old', posted_at: 0, late: 0, claimed_at: 0 }).execute();
    const posts: Array<{ channel: string; message: SlackMessage }> = [];
    let now = MONDAY_0900_BERLIN + 60_000;
    // Slack fails every post; the dice say 0.5: each wait is 7/8 of its nominal backoff.
    const d: DigestDeps = { ...deps(db.store, () => now, 'w', posts, 'internal_error'), random: () => 0.5 };
    const row = () => d.store.db.selectFrom('digest_runs').select(['status', 'attempts', 'retry_at']).where('period', '=', '2026-11-23T08:00:00.000Z').executeTakeFirstOrThrow();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect(await runDueDigests(d)).toEqual([{ subscription: 1, period: '2026-11-23T08:00:00.000Z', late: now - MONDAY_0900_BERLIN > 15 * 60_000, status: 'failed' }]);
      const { status, attempts, retry_at } = await row();
      expect([status, attempts]).toEqual(['failed', attempt]);
      waits.push(retry_at! - now);
      // Not a minute tick earlier.
      now = retry_at! - 1;
      expect(await runDueDigests(d)).toEqual([]);
      now = retry_at!;
    }
    expect(waits).toEqual([52_500, 105_000, 210_000, 420_000, 840_000, 1_680_000, 3_150_000, 3_150_000, 3_150_000, 3_150_000]);
    expect(waits.map((w, i) => w / retryDelay(i + 1, 0))).toEqual(Array(10).fill(0.875));
    expect(posts).toEqual([]);

    // The next Monday's slot: last week's digest is given up, its subscriber told once, and this week's is tried.
    now = MONDAY_0900_BERLIN + 7 * 86_400_000 + 30_000;
    expect(await runDueDigests(d)).toEqual([{ subscription: 1, period: '2026-11-30T08:00:00.000Z', late: false, status: 'failed' }]);
    expect(posts.map((p) => [p.channel, p.message.text])).toEqual([
      [
        'DM:U1',
        'I could not post the weekly digest of SHOP to <#C1>: it failed 10 times that week, and the next one is due, so I stopped trying. Whoever runs Centric finds why in its log under `digest 1 2026-11-23T08:00:00.000Z`. I will post the next one as usual.',
      ],
    ]);
    expect(await row()).toEqual({ status: 'abandoned', attempts: 10, retry_at: null });
    now += 60_000;
    expect((await runDueDigests(d)).map((r) => r.status)).toEqual(['failed']);
    expect(posts).toHaveLength(1);
  });

  it('reads at most digest.maxIssues of a JQL: a 35,000-issue search is asked for 50 pages, and the digest says so', async () => {
    const db = await setup();
    await db.store.db.updateTable('digest_subscriptions').set({ scope_type: 'jql', scope: 'project = BIG' }).where('id', '=', 1).execute();
    await db.store.db.insertInto('digest_runs').values({ subscription_id: 1, period: '2026-11-16T08:00:00.000Z', status: 'posted', claimed_by: 'old', posted_at: 0, late: 0, claimed_at: 0 }).execute();
    // Lints of the first issue, the 5,000th, and the 5,001st (past the cap: not in the digest).
    const lint = (key: string, score: number) => ({ ticket_key: key, project: 'BIG', score, passing: 0, role: 'night nurse', failed_rules: 'customer-metric', linted_at: MONDAY_0900_BERLIN - 86_400_000 });
    await db.store.db.insertInto('report_history').values([lint('BIG-1', 40), lint('BIG-5000', 60), lint('BIG-5001', 100)]).execute();
    const { jira, asked } = pagedSearch(350, 100);
    const posts: Array<{ channel: string; message: SlackMessage }> = [];
    const d: DigestDeps = { ...deps(db.store, () => MONDAY_0900_BERLIN + 60_000, 'w', posts), jira };
    expect((await runDueDigests(d)).map((r) => r.status)).toEqual(['posted']);
    expect(asked.pages).toBe(50);
    const { text, blocks } = posts[0]!.message;
    expect(text.split('\n').slice(0, 2)).toEqual([
      'Customer-centricity of "project = BIG": 50/100 over 2 tickets',
      'Based on the first 5,000 issues of this scope only (the most one digest reads): narrow the scope for a complete digest.',
    ]);
    expect(blocks.slice(1, 3)).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*Customer-centricity of "project = BIG": 50/100 over 2 tickets*' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: ':warning: Based on the first 5,000 issues of this scope only (the most one digest reads): narrow the scope for a complete digest.' }] },
    ]);
  });

  it('/centric digest of a JQL stops paging at digest.maxIssues too; a search within it is read whole and says nothing', async () => {
    const db = await setup();
    const config = { ...DEFAULT_CONFIG, digest: { ...DEFAULT_CONFIG.digest, maxIssues: 300 } };
    const big = pagedSearch(10, 100);
    const capped = await digestPost({ store: db.store, config, jira: big.jira }, { type: 'jql', value: 'project = BIG' }, MONDAY_0900_BERLIN);
    expect([big.asked.pages, capped.truncatedAt]).toEqual([3, 300]);
    const small = pagedSearch(2, 100);
    const whole = await digestPost({ store: db.store, config, jira: small.jira }, { type: 'jql', value: 'project = BIG' }, MONDAY_0900_BERLIN);
    expect([small.asked.pages, 'truncatedAt' in whole]).toEqual([2, false]);
  });

  it('ranks open stories by stored benefit / cost and mentions owners who opted in', async () => {
    const db = await setup();
    const config = { ...DEFAULT_CONFIG, digest: { ...DEFAULT_CONFIG.digest, benefitField: 'customfield_10050' } };
    const lintDeps = { store: db.store, config, metrics: new Metrics(), clock: () => MONDAY_0900_BERLIN - 3_600_000 };
    const story = (key: string, benefit: unknown, points: unknown, status = 'To Do', category = 'new', assignee?: string) =>
      lintAndStore(lintDeps, issue(GOOD_STORY, { status: { name: status, statusCategory: { key: category } }, customfield_10050: benefit, customfield_10016: points, ...(assignee ? { assignee: { accountId: assignee } } : {}) }, key));
    await story('SHOP-10', 8, 2); // 4
    await story('SHOP-11', { value: '9' }, 3); // 3, a select option
    await story('SHOP-12', 4, 1, 'Done', 'done'); // done: not ranked
    await story('SHOP-13', 12, 3); // 4, ties SHOP-10 and wins on benefit
    await story('SHOP-14', 'n/a', 2); // no benefit: not ranked
    await story('SHOP-15', 5, null, 'Ready for Development', 'indeterminate', 'acc-ana'); // no cost: not ranked; needs attention
    await story('SHOP-16', 2, 0, 'Ready for Development', 'indeterminate', 'acc-ben'); // zero cost: not ranked
    await db.store.db.insertInto('user_links').values([{ slack_user_id: 'U7', jira_account_id: 'acc-ana', linked_by: 'email', linked_at: 0 }, { slack_user_id: 'U8', jira_account_id: 'acc-ben', linked_by: 'email', linked_at: 0 }]).execute();
    await saveUserSettings(db.store, 'U7', { digestMention: true });

    const digest = await scopeDigest({ store: db.store, config }, { type: 'project', value: 'SHOP' }, MONDAY_0900_BERLIN);
    expect(digest.bangForBuck).toEqual([
      { key: 'SHOP-13', benefit: 12, cost: 3, ratio: 4 },
      { key: 'SHOP-10', benefit: 8, cost: 2, ratio: 4 },
      { key: 'SHOP-11', benefit: 9, cost: 3, ratio: 3 },
    ]);
    expect(digest.needsAttention.map((n) => [n.key, n.owner])).toEqual([['SHOP-15', 'U7'], ['SHOP-16', null]]);

    const posts: Array<{ channel: string; message: SlackMessage }> = [];
    await db.store.db.insertInto('digest_runs').values({ subscription_id: 1, period: '2026-11-16T08:00:00.000Z', status: 'posted', claimed_by: 'old', posted_at: 0, late: 0, claimed_at: 0 }).execute();
    await runDueDigests({ ...deps(db.store, () => MONDAY_0900_BERLIN + 60_000, 'w', posts), config });
    const sections = posts[0]!.message.blocks.map((b: any) => b.text?.text ?? '');
    expect(sections).toContain('*Biggest bang for the buck*\n• <https://acme.atlassian.net/browse/SHOP-13|SHOP-13>: benefit 12 / cost 3\n• <https://acme.atlassian.net/browse/SHOP-10|SHOP-10>: benefit 8 / cost 2\n• <https://acme.atlassian.net/browse/SHOP-11|SHOP-11>: benefit 9 / cost 3');
    const attention = sections.find((t: string) => t.startsWith('*Needs attention'))!;
    expect(attention).toContain('SHOP-15>: ');
    expect(attention).toContain(' · <@U7>');
    expect(attention).not.toContain('<@U8>');
  });

  /** Subscription 1 (C1, SHOP, from setup) and a second one (C2, SHOP) due in the same run; Slack refuses what `refuse` says, per channel. */
  async function twoSubscriptions(refuse: (channel: string) => string | undefined) {
    const db = await setup();
    await db.store.db
      .insertInto('digest_subscriptions')
      .values({ channel_id: 'C2', scope_type: 'project', scope: 'SHOP', weekday: 1, time: '09:00', timezone: 'Europe/Berlin', created_by: 'U2', created_at: MONDAY_0900_BERLIN - 30 * 86_400_000 })
      .execute();
    const posts: Array<{ channel: string; message: SlackMessage }> = [];
    const metrics = new Metrics();
    const log = capturedLogger();
    const clock = { now: MONDAY_0900_BERLIN + 60_000 };
    const base = deps(db.store, () => clock.now, 'w', posts);
    const d: DigestDeps = {
      ...base,
      logger: log.logger,
      metrics,
      poster: channelPoster(
        {
          ...chat(posts),
          post: async (channel, message) => {
            const code = refuse(channel);
            if (code) throw Object.assign(new Error(`An API error occurred: ${code}`), { code: 'slack_webapi_platform_error', data: { ok: false, error: code } });
            posts.push({ channel, message });
          },
        },
        browse,
      ),
    };
    const failures = async () => (await metrics.registry.metrics()).split('\n').filter((l) => l.startsWith('centric_digests_failed_total'));
    const warnings = () => log.lines().map((l) => JSON.parse(l) as Record<string, any>).filter((l) => l.level === 40);
    return { db, d, posts, clock, failures, warnings };
  }

  it("one subscription's channel failing for good (archived) never blocks the next one; it is not retried this period, and is counted", async () => {
    const t = await twoSubscriptions((channel) => (channel === 'C1' ? 'is_archived' : undefined));
    expect(await runDueDigests(t.d)).toEqual([
      { subscription: 1, period: '2026-11-23T08:00:00.000Z', late: false, status: 'undeliverable' },
      { subscription: 2, period: '2026-11-23T08:00:00.000Z', late: false, status: 'posted' },
    ]);
    expect(t.posts.map((p) => p.channel)).toEqual(['DM:U1', 'C2']);
    expect(t.posts[0]!.message.text).toBe('I could not post the weekly digest of SHOP to <#C1>: the channel is archived. Subscribe another channel with `/centric subscribe` there.');
    expect(await t.failures()).toEqual(['centric_digests_failed_total{reason="is_archived"} 1']);
    expect(t.warnings()).toEqual([expect.objectContaining({ subscription: 1, channel: 'C1', code: 'is_archived', err: expect.objectContaining({ type: 'Error', message: 'An API error occurred: is_archived', stack: expect.any(String) }) })]);
    // Exactly once per subscription and period: the next minutes post nothing, and do not try C1 again.
    t.clock.now += 60_000;
    expect(await runDueDigests(t.d)).toEqual([]);
    expect(t.posts.map((p) => p.channel)).toEqual(['DM:U1', 'C2']);
    expect((await t.db.store.db.selectFrom('digest_runs').select(['subscription_id', 'status']).orderBy('subscription_id').execute()).map((r) => [r.subscription_id, r.status])).toEqual([
      [1, 'undeliverable'],
      [2, 'posted'],
    ]);
  });

  it("a failure that may pass (Slack's internal_error) is retried a minute later, within the period, and the next subscription is posted", async () => {
    let down = true;
    const t = await twoSubscriptions((channel) => (down && channel === 'C1' ? 'internal_error' : undefined));
    expect((await runDueDigests(t.d)).map((r) => [r.subscription, r.status])).toEqual([
      [1, 'failed'],
      [2, 'posted'],
    ]);
    expect(await t.failures()).toEqual(['centric_digests_failed_total{reason="internal_error"} 1']);
    down = false;
    t.clock.now += 60_000;
    expect((await runDueDigests(t.d)).map((r) => [r.subscription, r.status])).toEqual([[1, 'posted']]);
    expect(t.posts.map((p) => p.channel)).toEqual(['C2', 'C1']);
  });

  it("a JQL subscription whose search Jira rejects (HTTP 400) is told so, and the next subscription is posted", async () => {
    isolateNetwork();
    const jira = new JiraFake(3);
    jira.install();
    jira.failNext('GET', '/rest/api/3/search/jql', { status: 400 });
    const t = await twoSubscriptions(() => undefined);
    await t.db.store.db.updateTable('digest_subscriptions').set({ scope_type: 'jql', scope: 'project = GONE' }).where('id', '=', 1).execute();
    expect((await runDueDigests(t.d)).map((r) => [r.subscription, r.status])).toEqual([
      [1, 'undeliverable'],
      [2, 'posted'],
    ]);
    expect(t.posts.map((p) => p.channel)).toEqual(['DM:U1', 'C2']);
    expect(t.posts[0]!.message.text).toMatch(/^I could not post the weekly digest of project = GONE to <#C1>: Jira refused its search \(HTTP 400\)/);
    expect(await t.failures()).toEqual(['centric_digests_failed_total{reason="jira_http_400"} 1']);
    expect(t.warnings()).toEqual([expect.objectContaining({ subscription: 1, code: 'jira_http_400', err: expect.objectContaining({ type: 'JiraError', status: 400 }) })]);
  });

  it('a subscription whose stored schedule does not parse is logged and skipped; the next one is posted', async () => {
    const t = await twoSubscriptions(() => undefined);
    await t.db.store.db.updateTable('digest_subscriptions').set({ timezone: 'Mars/Olympus_Mons' }).where('id', '=', 1).execute();
    expect((await runDueDigests(t.d)).map((r) => [r.subscription, r.status])).toEqual([[2, 'posted']]);
    expect(t.posts.map((p) => p.channel)).toEqual(['C2']);
    expect(t.warnings()).toEqual([expect.objectContaining({ subscription: 1, err: expect.objectContaining({ type: 'RangeError' }) })]);
    expect(await t.failures()).toEqual(['centric_digests_failed_total{reason="error"} 1']);
  });
});
