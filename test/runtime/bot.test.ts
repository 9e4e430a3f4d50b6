import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type Bot } from '../../src/bot.js';
import { loadEnv } from '../../src/config/env.js';
import type { CentricConfig } from '../../src/core/config-types.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { listEvents } from '../../src/store/inbox.js';
import { latestReport } from '../../src/store/reports.js';
import { GOOD_AC, GOOD_DESIGN, GOOD_EVIDENCE, GOOD_STORY, issue } from '../helpers/issues.js';
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
// SHOP-1 passes every check (no finding: no comment to write), SHOP-2 fails.
const TICKETS = [issue(`${GOOD_STORY}\n\n${GOOD_AC}\n\nConversion +3% in Q3.\n\n${GOOD_DESIGN}\n\n${GOOD_EVIDENCE}`, {}, 'SHOP-1'), issue('As a user, I want X.', {}, 'SHOP-2')];

/** A Jira event about a ticket, as the webhook route stores it. */
const changed = (key: string, deliveryId?: string) => ({ ...(deliveryId ? { deliveryId } : {}), kind: 'jira-issue', ticketKey: key, payload: { webhookEvent: 'jira:issue_updated', userAccountId: 'acc-priya', source: 'webhook' } });

async function start(overrides: Record<string, string> = {}, ops: CentricConfig['ops'] = { host: '127.0.0.1', port: 0 }) {
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
  const bot = await startBot({ env, config: { ...DEFAULT_CONFIG, ops }, logger: log.logger, retry: { minTimeout: 20, maxTimeout: 100 } });
  running = { bot, standIns: [slack, jira] };
  return { bot, base: `http://127.0.0.1:${port}`, ops: bot.opsUrl, log, slack, jira };
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
  it('answers /healthz, then /readyz once the database, Slack and Jira are there: bare on PORT, in detail on the ops address', async () => {
    const { base, ops, slack, jira } = await start();
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await eventually(() => fetch(`${base}/readyz`), (r) => r.status === 200);
    // The public port says whether each check passes, never what the ops address says about them.
    expect(await ready.json()).toEqual({ status: 'ready', checks: { slack: { ok: true }, jira: { ok: true }, database: { ok: true } } });
    expect(ops).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const detailed = await fetch(`${ops}/readyz`);
    expect(detailed.status).toBe(200);
    expect(await detailed.json()).toEqual({
      status: 'ready',
      checks: {
        slack: { ok: true, detail: 'token verified (HTTP mode)' },
        jira: { ok: true, detail: 'reachable as Centric Bot' },
        database: { ok: true, detail: 'sqlite, migrations done' },
      },
    });
    expect((await fetch(`${ops}/healthz`)).status).toBe(200);
    expect(slack.requests.find((r) => r.path === '/api/auth.test')?.headers.authorization).toBe(`Bearer ${SECRETS.SLACK_BOT_TOKEN}`);
    expect(jira.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from(`centric@acme.io:${SECRETS.JIRA_API_TOKEN}`).toString('base64')}`);
  });

  it('says on the ops address what is missing while Jira is unreachable, only "not ready" on PORT, and keeps serving', async () => {
    const { base, ops } = await start({ JIRA_BASE_URL: 'http://127.0.0.1:9' });
    const ready = await eventually(() => fetch(`${ops}/readyz`).then((r) => r.json() as Promise<{ checks: Record<string, { detail: string }> }>), (b) => b.checks.jira?.detail.includes('no answer') === true);
    expect(ready).toMatchObject({ status: 'not ready', checks: { jira: { ok: false, detail: 'GET /myself: no answer from http://127.0.0.1:9 (ECONNREFUSED)' } } });
    const bare = await fetch(`${base}/readyz`);
    expect(bare.status).toBe(503);
    expect(await bare.json()).toMatchObject({ status: 'not ready', checks: { jira: { ok: false } } });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('serves Prometheus metrics on the ops address (not on PORT), processes an accepted event and counts it', async () => {
    const { bot, base, ops } = await start();
    await bot.ready;
    await eventually(() => fetch(`${base}/readyz`), (r) => r.status === 200);
    const event = changed('SHOP-1', 'd-1');
    expect(await bot.accept(event, 'test')).toMatchObject({ duplicate: false });
    expect(await bot.accept(event, 'test')).toEqual({ id: null, duplicate: true });
    await eventually(() => listEvents(bot.store), (events) => events[0]?.status === 'done');
    expect((await latestReport(bot.store, 'SHOP-1'))?.story?.role).toBe('returning customer');
    const onPort = await fetch(`${base}/metrics`);
    expect([onPort.status, await onPort.json()]).toEqual([404, { error: 'no GET /metrics here' }]);
    const metrics = await fetch(`${ops}/metrics`);
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

  it('with ops.port null serves /metrics and the detailed /readyz on PORT, as before', async () => {
    const { base, ops } = await start({}, { host: '127.0.0.1', port: null });
    expect(ops).toBe(base);
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
    const ready = await eventually(() => fetch(`${base}/readyz`).then((r) => r.json() as Promise<{ checks: Record<string, { detail?: string }> }>), (b) => b.checks.jira?.detail === 'reachable as Centric Bot');
    expect(ready.checks.database).toEqual({ ok: true, detail: 'sqlite, migrations done' });
  });

  it('keeps running when the ops address cannot be bound, and says what, where and what to do', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const { bot, base, log } = await start({}, { host: '127.0.0.1', port });
      expect(bot.opsUrl).toBeNull();
      const line = log.lines().map((l) => JSON.parse(l) as { level: number; msg: string }).find((l) => l.msg.startsWith('the ops endpoints'));
      expect(line?.level).toBe(50);
      expect(line?.msg).toBe(
        `the ops endpoints (/metrics, /readyz with details) cannot listen on http://127.0.0.1:${port}: listen EADDRINUSE: address already in use 127.0.0.1:${port}. ` +
          'Centric runs on without them. Free that port, or set ops.host / ops.port in centric.yml (ops.port: 0 picks a free port; null serves them on PORT).',
      );
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      await bot.ready;
    } finally {
      taken.close();
    }
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
