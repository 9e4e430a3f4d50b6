import { loadJiraEnv } from '../config/env.js';
import { DEFAULT_CONFIG } from '../core/default-config.js';
import { latestSlot } from '../core/nudge-policy.js';
import { runDueDigests, type DigestRun } from '../flows/post-digest.js';
import { JiraClient } from '../jira/client.js';
import { createLogger } from '../runtime/logger.js';
import { Metrics } from '../runtime/metrics.js';
import { backgroundClient, channelPoster, slackChat } from '../slack/dm.js';
import { openStore } from '../store/database.js';
import { allSubscriptions } from '../store/subscriptions.js';
import { BOT_ACCOUNT, DEMO_SECRETS } from './backlog.js';
import type { Demo } from './run.js';

const WEEK = 7 * 86_400_000;

/**
 * Runs the digests as the bot's minute tick will at the subscriptions' next slot (Monday 09:00 by
 * default): the same flow, on the same database, posting through the Slack stand-in, as a second
 * replica would. The demo cannot wait for Monday.
 */
export async function runDigestsAtNextSlot(demo: Pick<Demo, 'databaseUrl' | 'slack' | 'jira'>): Promise<DigestRun[]> {
  const store = openStore(demo.databaseUrl);
  try {
    const [sub] = await allSubscriptions(store);
    if (!sub) throw new Error('no digest subscription to run');
    const now = Date.now();
    const next = latestSlot(now + WEEK, sub.timezone, sub.weekday, sub.time);
    const logger = createLogger({ level: 'silent', secrets: Object.values(DEMO_SECRETS), pretty: false });
    const chat = slackChat(backgroundClient(DEMO_SECRETS.SLACK_BOT_TOKEN, `${demo.slack.url}/api/`));
    const env = loadJiraEnv({ JIRA_BASE_URL: demo.jira.url, JIRA_EMAIL: BOT_ACCOUNT.emailAddress, JIRA_API_TOKEN: DEMO_SECRETS.JIRA_API_TOKEN });
    return await runDueDigests({
      store,
      config: DEFAULT_CONFIG,
      clock: () => next + 60_000,
      jira: new JiraClient({ env, settings: DEFAULT_CONFIG.jira, metrics: new Metrics(), logger }),
      poster: channelPoster(chat, (key) => `${demo.jira.url}/browse/${key}`),
      logger,
      workerId: 'demo-monday',
    });
  } finally {
    await store.close();
  }
}
