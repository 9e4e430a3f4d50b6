import { LogLevel, WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { lintIssue } from '../../src/core/lint.js';
import { dispatchNudges, MAX_NUDGE_ATTEMPTS, queueNudge, type NudgeDeps } from '../../src/flows/nudges.js';
import { Metrics } from '../../src/runtime/metrics.js';
import { slackChat, slackDm } from '../../src/slack/dm.js';
import { slackUsers } from '../../src/slack/users.js';
import type { Store } from '../../src/store/database.js';
import { issue } from '../helpers/issues.js';
import { capturedLogger } from '../helpers/quiet.js';
import { slackArgs, slackStandIn, type StandIn } from '../helpers/stand-in.js';
import { BACKENDS } from '../helpers/stores.js';

/** Monday 15:00 in Berlin; nudges may go at any hour in these tests. */
const NOW = Date.parse('2026-11-23T14:00:00Z');
const MINUTE = 60_000;
const CONFIG = { ...DEFAULT_CONFIG, nudges: { ...DEFAULT_CONFIG.nudges, perDay: 24, workingHours: { days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '23:59' } } };

let store: Store | undefined;
let slack: StandIn | undefined;
afterEach(async () => {
  await store?.close();
  await slack?.close();
  store = undefined;
  slack = undefined;
});

/**
 * Two people with a failing ticket each, U1 queued first, and the real Slack client (its own
 * retries off: what it throws is what is left once they are spent) against the Slack stand-in.
 */
async function setup(people: Array<[slack: string, jira: string]> = [['U1', 'acc-priya'], ['U2', 'acc-marek']]) {
  store = (await BACKENDS[0]!.create()).store;
  slack = slackStandIn();
  await slack.listen();
  const client = new WebClient('xoxb-test', { slackApiUrl: `${slack.url}/api/`, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
  const clock = { now: NOW };
  const metrics = new Metrics();
  const log = capturedLogger();
  const deps: NudgeDeps = {
    store,
    config: CONFIG,
    clock: () => clock.now,
    users: slackUsers(client),
    dm: slackDm(slackChat(client), (key) => `https://acme.atlassian.net/browse/${key}`),
    logger: log.logger,
    metrics,
  };
  for (const [i, [user, account]] of people.entries()) {
    await store.db.insertInto('user_links').values({ slack_user_id: user, jira_account_id: account, linked_by: 'email', linked_at: 0 }).execute();
    const key = `SHOP-${i + 1}`;
    const report = lintIssue(issue('As a user, I want to pay.', { summary: `Ticket ${key}` }, key), DEFAULT_CONFIG);
    expect(await queueNudge(deps, { key, summary: `Ticket ${key}`, reporterAccountId: account, assigneeAccountId: null }, report)).toBe(1);
  }
  const dmsTo = (user: string) => slack!.calls('/api/chat.postMessage').filter((r) => slackArgs(r.body).channel === user);
  const accepted = (user: string) => dmsTo(user).filter((r) => (r.answer as { ok?: boolean } | undefined)?.ok === true);
  const rows = async (user: string) => (await store!.db.selectFrom('nudges').selectAll().where('slack_user_id', '=', user).execute()).map((r) => ({ status: r.status, sentAt: r.sent_at, details: JSON.parse(r.details ?? '{}') as { attempts?: number; lastError?: string } }));
  const metric = async (name: string) => (await metrics.registry.metrics()).split('\n').filter((l) => l.startsWith(name));
  const warnings = () => log.lines().map((l) => JSON.parse(l) as Record<string, any>).filter((l) => l.level === 40);
  return { deps, clock, slack, dmsTo, accepted, rows, metric, warnings };
}

describe("one person's failed nudge holds nobody back", () => {
  it('a DM Slack refuses for good (channel_not_found): their nudges are undeliverable, never retried, counted; the next person gets theirs', async () => {
    const t = await setup();
    t.slack.on('POST', '/api/chat.postMessage', (req) => (slackArgs(req.body).channel === 'U1' ? { body: { ok: false, error: 'channel_not_found' } } : undefined));

    expect(await dispatchNudges(t.deps)).toEqual({ sent: 1, held: 0, dropped: 0, undeliverable: 1 });
    expect(t.accepted('U2')).toHaveLength(1);
    expect(slackArgs(t.accepted('U2')[0]!.body).text).toBe('1 of your tickets needs a customer: SHOP-2');
    expect((await t.rows('U1')).map((r) => [r.status, r.details.lastError])).toEqual([['undeliverable', 'channel_not_found']]);
    expect((await t.rows('U2')).map((r) => r.status)).toEqual(['sent']);
    expect(await t.metric('centric_nudges_undeliverable_total')).toEqual(['centric_nudges_undeliverable_total{reason="channel_not_found"} 1']);

    // Logged once, as the Error itself (pino's serializer: type, message, stack), with the person and Slack's code.
    const [warning, ...more] = t.warnings();
    expect(more).toEqual([]);
    expect(warning).toMatchObject({ user: 'U1', code: 'channel_not_found', tickets: ['SHOP-1'], err: { type: 'Error', code: 'slack_webapi_platform_error', message: 'An API error occurred: channel_not_found' } });
    expect(warning!.err.stack).toMatch(/^Error: An API error occurred: channel_not_found\n/);

    // The next dispatches leave them alone: one DM attempt in all.
    t.clock.now += 2 * 60 * MINUTE;
    expect(await dispatchNudges(t.deps)).toEqual({ sent: 0, held: 0, dropped: 0 });
    expect(t.dmsTo('U1')).toHaveLength(1);
  });

  it.each([
    { what: 'HTTP 500', answer: { status: 500, body: 'upstream error' }, reason: 'http_500' },
    { what: 'a rate limit outlasting the client’s retries', answer: { status: 429, headers: { 'Retry-After': '0' }, body: { ok: false, error: 'ratelimited' } }, reason: 'rate_limited' },
  ])('a DM failing with $what is queued again after a backoff (1 min, then 2, …); the next person gets theirs; after the backoff it goes out', async ({ answer, reason }) => {
    const t = await setup();
    let down = true;
    t.slack.on('POST', '/api/chat.postMessage', (req) => (down && slackArgs(req.body).channel === 'U1' ? answer : undefined));

    expect(await dispatchNudges(t.deps)).toEqual({ sent: 1, held: 0, dropped: 0, failed: 1 });
    expect(t.accepted('U2')).toHaveLength(1);
    expect(await t.rows('U1')).toEqual([{ status: 'queued', sentAt: NOW + MINUTE, details: expect.objectContaining({ attempts: 1, lastError: reason }) }]);
    expect(await t.metric('centric_nudges_retried_total')).toEqual([`centric_nudges_retried_total{reason="${reason}"} 1`]);
    expect(t.warnings()).toEqual([expect.objectContaining({ user: 'U1', code: reason, attempts: 1, err: expect.objectContaining({ type: 'Error', stack: expect.any(String) }) })]);

    // Within the backoff: held, not tried.
    t.clock.now = NOW + 30_000;
    expect(await dispatchNudges(t.deps)).toEqual({ sent: 0, held: 1, dropped: 0 });
    expect(t.dmsTo('U1')).toHaveLength(1);

    // Failing again doubles the wait.
    t.clock.now = NOW + MINUTE;
    expect(await dispatchNudges(t.deps)).toEqual({ sent: 0, held: 0, dropped: 0, failed: 1 });
    expect((await t.rows('U1'))[0]).toMatchObject({ status: 'queued', sentAt: NOW + 3 * MINUTE, details: { attempts: 2 } });

    down = false;
    t.clock.now = NOW + 3 * MINUTE;
    expect(await dispatchNudges(t.deps)).toEqual({ sent: 1, held: 0, dropped: 0 });
    expect(t.accepted('U1')).toHaveLength(1);
    expect(slackArgs(t.accepted('U1')[0]!.body).text).toBe('1 of your tickets needs a customer: SHOP-1');
    expect((await t.rows('U1')).map((r) => r.status)).toEqual(['sent']);
    expect(await t.metric('centric_nudges_undeliverable_total')).toEqual([]);
  });

  it(`gives up after ${MAX_NUDGE_ATTEMPTS} failed attempts, backing off up to an hour between them`, async () => {
    const t = await setup([['U1', 'acc-priya']]);
    t.slack.on('POST', '/api/chat.postMessage', () => ({ status: 503, body: '' }));
    const waits: number[] = [];
    for (let attempt = 1; attempt < MAX_NUDGE_ATTEMPTS; attempt++) {
      expect(await dispatchNudges(t.deps)).toMatchObject({ sent: 0, failed: 1 });
      const [row] = await t.rows('U1');
      waits.push((row!.sentAt - t.clock.now) / MINUTE);
      t.clock.now = row!.sentAt;
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(await dispatchNudges(t.deps)).toEqual({ sent: 0, held: 0, dropped: 0, undeliverable: 1 });
    expect((await t.rows('U1')).map((r) => [r.status, r.details.attempts])).toEqual([['undeliverable', MAX_NUDGE_ATTEMPTS]]);
    expect(await t.metric('centric_nudges_undeliverable_total')).toEqual(['centric_nudges_undeliverable_total{reason="attempts_exhausted"} 1']);
    t.clock.now += 24 * 60 * MINUTE;
    await dispatchNudges(t.deps);
    expect(t.dmsTo('U1')).toHaveLength(MAX_NUDGE_ATTEMPTS);
  });

  it('a person Slack does not know (users.info: user_not_found) is undeliverable, and the next person gets their DM', async () => {
    const t = await setup([['U9', 'acc-gone'], ['U1', 'acc-priya']]);
    expect(await dispatchNudges(t.deps)).toEqual({ sent: 1, held: 0, dropped: 0, undeliverable: 1 });
    expect(t.dmsTo('U9')).toEqual([]);
    expect(t.accepted('U1')).toHaveLength(1);
    expect((await t.rows('U9')).map((r) => r.status)).toEqual(['undeliverable']);
    expect(await t.metric('centric_nudges_undeliverable_total')).toEqual(['centric_nudges_undeliverable_total{reason="user_not_found"} 1']);
  });

  it("an error of the bot's own token (invalid_auth) stops the dispatch and marks nobody undeliverable", async () => {
    const t = await setup();
    t.slack.on('POST', '/api/chat.postMessage', () => ({ body: { ok: false, error: 'invalid_auth' } }));
    await expect(dispatchNudges(t.deps)).rejects.toThrow('invalid_auth');
    expect(t.slack.calls('/api/chat.postMessage')).toHaveLength(1);
    expect([...(await t.rows('U1')), ...(await t.rows('U2'))].map((r) => [r.status, r.sentAt])).toEqual([
      ['queued', 0],
      ['queued', 0],
    ]);
    expect(await t.metric('centric_nudges_undeliverable_total')).toEqual([]);
  });
});
