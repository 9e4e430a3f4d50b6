import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type Bot } from '../../src/bot.js';
import { loadEnv } from '../../src/config/env.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { listEvents } from '../../src/store/inbox.js';
import { latestReport } from '../../src/store/reports.js';
import { GOOD_STORY, issue } from '../helpers/issues.js';
import { capturedLogger } from '../helpers/quiet.js';
import { freePort, jiraStandIn, slackStandIn, type StandIn } from '../helpers/stand-in.js';

const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-SECRETBOTTOKEN',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99eeeeee85a5',
  JIRA_API_TOKEN: 'ATATT3xFfGF0-SECRET-JIRA-TOKEN',
  JIRA_WEBHOOK_SECRET: 'webhook-secret-1234567890',
};

let running: { bot: Bot; standIns: StandIn[] } | undefined;
afterEach(async () => {
  if (!running) return;
  await running.bot.stop(1_000);
  await Promise.all(running.standIns.map((s) => s.close()));
  running = undefined;
});

/** Jira's tickets in these tests: one that passes, one that fails. */
const TICKETS = [issue(`${GOOD_STORY}\n\nConversion +3% in Q3.`, {}, 'SHOP-1'), issue('As a user, I want X.', {}, 'SHOP-2')];

/** A Jira event about a ticket, as the webhook route stores it. */
const changed = (key: string, deliveryId?: string) => ({ ...(deliveryId ? { deliveryId } : {}), kind: 'jira-issue', ticketKey: key, payload: { webhookEvent: 'jira:issue_updated', userAccountId: 'acc-priya', source: 'webhook' } });

async function start(overrides: Record<string, string> = {}) {
  const slack = slackStandIn();
  const jira = jiraStandIn(TICKETS);
  const [slackUrl, jiraUrl, port] = await Promise.all([slack.listen(), jira.listen(), freePort()]);
  const env = loadEnv({
    ...SECRETS,
    SLACK_API_URL: `${slackUrl}/api/`,
    JIRA_BASE_URL: jiraUrl,
    JIRA_EMAIL: 'centric@acme.io',
    PORT: String(port),
    DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'centric-bot-')), 'centric.db')}`,
    LOG_LEVEL: 'debug',
    ...overrides,
  });
  const log = capturedLogger(Object.values(SECRETS));
  const bot = await startBot({ env, config: DEFAULT_CONFIG, logger: log.logger, retry: { minTimeout: 20, maxTimeout: 100 } });
  running = { bot, standIns: [slack, jira] };
  return { bot, base: `http://127.0.0.1:${port}`, log, slack, jira };
}

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the running bot over real HTTP (HTTP mode)', () => {
  it('answers /healthz, then /readyz once the database, Slack and Jira are there', async () => {
    const { base, slack, jira } = await start();
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await eventually(() => fetch(`${base}/readyz`), (r) => r.status === 200);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: {
        slack: { ok: true, detail: 'token verified (HTTP mode)' },
        jira: { ok: true, detail: 'reachable as Centric Bot' },
        database: { ok: true, detail: 'sqlite, migrations done' },
      },
    });
    expect(slack.requests.find((r) => r.path === '/api/auth.test')?.headers.authorization).toBe(`Bearer ${SECRETS.SLACK_BOT_TOKEN}`);
    expect(jira.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from(`centric@acme.io:${SECRETS.JIRA_API_TOKEN}`).toString('base64')}`);
  });

  it('says in /readyz what is missing while Jira is unreachable, and keeps serving', async () => {
    const { base } = await start({ JIRA_BASE_URL: 'http://127.0.0.1:9' });
    const ready = await eventually(() => fetch(`${base}/readyz`).then((r) => r.json() as Promise<{ checks: Record<string, { detail: string }> }>), (b) => b.checks.jira?.detail.includes('no answer') === true);
    expect(ready).toMatchObject({ status: 'not ready', checks: { jira: { ok: false, detail: 'GET /myself: no answer from http://127.0.0.1:9 (ECONNREFUSED)' } } });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('serves Prometheus metrics, processes an accepted event and counts it', async () => {
    const { bot, base } = await start();
    await bot.ready;
    await eventually(() => fetch(`${base}/readyz`), (r) => r.status === 200);
    const event = changed('SHOP-1', 'd-1');
    expect(await bot.accept(event, 'test')).toMatchObject({ duplicate: false });
    expect(await bot.accept(event, 'test')).toEqual({ id: null, duplicate: true });
    await eventually(() => listEvents(bot.store), (events) => events[0]?.status === 'done');
    expect((await latestReport(bot.store, 'SHOP-1'))?.story?.role).toBe('returning customer');
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await metrics.text();
    expect(text).toContain('centric_events_received_total{source="test"} 1');
    expect(text).toContain('centric_events_duplicate_total{source="test"} 1');
    expect(text).toContain('centric_events_processed_total{kind="jira-issue"} 1');
    expect(text).toContain('centric_inbox_depth 0');
    expect(text).toMatch(/centric_lint_duration_seconds_count 1\n/);
    expect(text).toContain('centric_process_resident_memory_bytes');
    // GET /myself at start-up; for the event, GET the issue and its comments (it passes: no comment, no label to write).
    expect(text).toContain('centric_jira_calls_total{outcome="ok"} 3');
    expect(text).toContain('centric_slack_calls_total{outcome="ok"} 1');
  });

  it('never writes a token or secret to the logs of a start-up and an event flow', async () => {
    const { bot, log } = await start();
    await bot.ready;
    await bot.accept(changed('SHOP-2'), 'test');
    bot.logger.info({ headers: { authorization: `Bearer ${SECRETS.SLACK_BOT_TOKEN}` }, note: `token is ${SECRETS.JIRA_API_TOKEN}` }, 'a careless line');
    await eventually(() => listEvents(bot.store), (events) => events[0]?.status === 'done');
    await bot.stop(1_000);
    running = undefined;
    const all = log.lines().join('\n');
    expect(log.lines().length).toBeGreaterThan(5);
    expect(all).toContain('starting Centric');
    expect(all).toContain('stopped');
    for (const secret of Object.values(SECRETS)) expect(all).not.toContain(secret);
    expect(all).toContain('[REDACTED]');
  });
});
