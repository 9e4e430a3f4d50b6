import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { startBot, type Bot, type BotOptions } from '../../src/bot.js';
import { loadEnv } from '../../src/config/env.js';
import type { CentricConfig } from '../../src/core/config-types.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { BOT_ACCOUNT, DEMO_SECRETS, JIRA_PEOPLE, shopBacklog, SLACK_CHANNELS, SLACK_PEOPLE } from '../../src/demo/backlog.js';
import { senders } from '../../src/demo/senders.js';
import { freePort } from '../../src/demo/stand-ins/http-stand-in.js';
import { JiraCloudStandIn } from '../../src/demo/stand-ins/jira-cloud.js';
import { SlackStandIn } from '../../src/demo/stand-ins/slack-web.js';
import { inboxDrained, readyBot, TEST_OPS } from './bot.js';
import { capturedLogger } from './quiet.js';

export interface E2E {
  jira: JiraCloudStandIn;
  slack: SlackStandIn;
  bot: Bot;
  /** PORT: Slack's requests, the Jira webhook, /healthz and the bare /readyz. */
  base: string;
  /** The ops address: /metrics and the detailed /readyz. */
  ops: string;
  send: ReturnType<typeof senders>;
  lines: () => string[];
  /** The bot's clock runs this many ms ahead of the real one. */
  clock: { offset: number };
  drained: () => Promise<void>;
  /** Starts a second Centric on the same database and stand-ins (another replica); stopped with the first. */
  replica: () => Promise<Bot>;
  stop: () => Promise<void>;
}

/** The bot scopes manifest.yml asks for: the Slack stand-in refuses what they do not cover, as Slack would. */
export const MANIFEST_SCOPES: string[] = parse(readFileSync(resolve(import.meta.dirname, '../../manifest.yml'), 'utf8')).oauth_config.scopes.bot;

const ANY_HOUR = { ...DEFAULT_CONFIG.nudges, workingHours: { days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '23:59' } };

/** The real bot, in this process, against the Jira and Slack stand-ins over loopback HTTP. */
export async function startE2E(options: { config?: Partial<CentricConfig>; env?: Record<string, string | undefined>; bot?: Partial<BotOptions> } = {}): Promise<E2E> {
  const jira = new JiraCloudStandIn({ bot: BOT_ACCOUNT, apiToken: DEMO_SECRETS.JIRA_API_TOKEN, people: JIRA_PEOPLE });
  const slack = new SlackStandIn({ token: DEMO_SECRETS.SLACK_BOT_TOKEN, appToken: options.env?.SLACK_APP_TOKEN, people: SLACK_PEOPLE, channels: SLACK_CHANNELS, scopes: MANIFEST_SCOPES });
  const [jiraUrl, slackUrl, port] = await Promise.all([jira.listen(), slack.listen(), freePort()]);
  for (const issue of shopBacklog()) jira.put(issue);
  const raw: Record<string, string | undefined> = {
    ...DEMO_SECRETS,
    SLACK_API_URL: `${slackUrl}/api/`,
    JIRA_BASE_URL: jiraUrl,
    JIRA_EMAIL: BOT_ACCOUNT.emailAddress,
    PORT: String(port),
    DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'centric-e2e-')), 'centric.db')}`,
    ...options.env,
  };
  const env = loadEnv(Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => e[1] !== undefined)));
  const config: CentricConfig = { ...DEFAULT_CONFIG, nudges: ANY_HOUR, ops: TEST_OPS, ...options.config, jira: { ...DEFAULT_CONFIG.jira, debounceSeconds: 0, ...options.config?.jira } };
  const log = capturedLogger(Object.values(DEMO_SECRETS));
  const clock = { offset: 0 };
  const bot = await startBot({ env, config, logger: log.logger, clock: () => Date.now() + clock.offset, retry: { minTimeout: 20, maxTimeout: 100 }, worker: { pollMs: 20, retryBaseMs: 5, maxRetryMs: 20 }, nudgeBatchMs: 50, ...options.bot });
  await readyBot(bot);
  const base = `http://127.0.0.1:${port}`;
  const replicas: Bot[] = [];
  const replica = async (): Promise<Bot> => {
    const second = await startBot({ env: { ...env, PORT: await freePort() }, config, logger: log.logger, clock: () => Date.now() + clock.offset, retry: { minTimeout: 20, maxTimeout: 100 }, worker: { pollMs: 20, retryBaseMs: 5, maxRetryMs: 20 }, nudgeBatchMs: 50, ...options.bot });
    replicas.push(second);
    await readyBot(second);
    return second;
  };
  return {
    jira,
    slack,
    bot,
    base,
    ops: bot.opsUrl!,
    send: senders({ base, slack }),
    lines: log.lines,
    clock,
    drained: () => inboxDrained(bot),
    replica,
    async stop() {
      for (const r of replicas) await r.stop(1_000);
      await bot.stop(1_000);
      await Promise.all([jira.close(), slack.close()]);
    },
  };
}

/** Polls until `check` returns (or resolves to) something truthy; fails with `what` after `ms` (5 s). */
export async function eventually<T>(what: string, check: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
