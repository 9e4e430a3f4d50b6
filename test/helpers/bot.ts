import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type Bot, type BotOptions } from '../../src/bot.js';
import { loadEnv } from '../../src/config/env.js';
import type { CentricConfig } from '../../src/core/config-types.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { listEvents } from '../../src/store/inbox.js';
import { JIRA } from './jira-fake.js';
import { capturedLogger } from './quiet.js';
import { freePort, slackStandIn, type SlackStandInSetup, type StandIn } from './stand-in.js';

export const TEST_SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-SECRETBOTTOKEN',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99eeeeee85a5',
  JIRA_API_TOKEN: 'ATATT3xFfGF0-SECRET-JIRA-TOKEN',
  JIRA_WEBHOOK_SECRET: 'webhook-secret-1234567890',
};

export interface TestBot {
  bot: Bot;
  /** PORT: Slack's requests, the Jira webhook, /healthz and the bare /readyz. */
  base: string;
  /** The ops address: /metrics and the detailed /readyz. */
  ops: string;
  lines: () => string[];
  slack: StandIn;
  /** Origin of the Slack stand-in (response_url posts go there too). */
  slackUrl: string;
  stop: () => Promise<void>;
  /** Posts a Jira webhook (an object as JSON, a string as it is), signed with the test secret unless `x-hub-signature` is given. */
  webhook: (body: unknown, headers?: Record<string, string>) => Promise<Response>;
  /** Resolves once no event is pending or in flight. */
  drained: () => Promise<void>;
}

/** The ops endpoints on any free loopback port, never 9464: tests run side by side. */
export const TEST_OPS = { host: '127.0.0.1', port: 0 };

/** Waits until the bot says it is ready (database, Slack and Jira reached). */
export async function readyBot(bot: Bot): Promise<void> {
  await bot.ready;
  for (let i = 0; i < 200 && !(await bot.readiness.snapshot()).ready; i++) await new Promise((r) => setTimeout(r, 20));
}

/** Resolves once no event is pending or in flight in the bot's inbox. */
export async function inboxDrained(bot: Bot): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const events = await listEvents(bot.store);
    if (events.every((e) => e.status !== 'pending' && e.status !== 'processing')) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the inbox did not drain');
}

export async function startTestBot(options: { env?: Record<string, string>; config?: Partial<CentricConfig>; bot?: Partial<BotOptions>; slack?: SlackStandInSetup } = {}): Promise<TestBot> {
  const { createHmac } = await import('node:crypto');
  const slack = slackStandIn(options.slack);
  const [slackUrl, port] = await Promise.all([slack.listen(), freePort()]);
  const env = loadEnv({
    ...TEST_SECRETS,
    SLACK_API_URL: `${slackUrl}/api/`,
    JIRA_BASE_URL: JIRA,
    JIRA_EMAIL: 'centric@acme.io',
    PORT: String(port),
    DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'centric-bot-')), 'centric.db')}`,
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const config: CentricConfig = { ...DEFAULT_CONFIG, ops: TEST_OPS, ...options.config, jira: { ...DEFAULT_CONFIG.jira, debounceSeconds: 0, ...options.config?.jira } };
  const log = capturedLogger(Object.values(TEST_SECRETS));
  const bot = await startBot({
    env,
    config,
    logger: log.logger,
    retry: { minTimeout: 20, maxTimeout: 100 },
    jira: { sleep: async () => undefined, maxRetries: 2 },
    worker: { pollMs: 20, retryBaseMs: 5, maxRetryMs: 20 },
    ...options.bot,
  });
  await readyBot(bot);
  const base = `http://127.0.0.1:${port}`;
  return {
    bot,
    base,
    ops: bot.opsUrl!,
    lines: log.lines,
    slack,
    slackUrl,
    async stop() {
      await bot.stop(1_000);
      await slack.close();
    },
    webhook(body, headers = {}) {
      const raw = typeof body === 'string' ? body : JSON.stringify(body);
      const signature = `sha256=${createHmac('sha256', TEST_SECRETS.JIRA_WEBHOOK_SECRET).update(raw).digest('hex')}`;
      return fetch(`${base}/jira/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature': signature, ...headers }, body: raw });
    },
    drained: () => inboxDrained(bot),
  };
}
