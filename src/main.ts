import { config as loadDotenv } from 'dotenv';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { startBot } from './bot.js';
import { EnvError, loadEnv, secretsOf, SETUP_LINK, type Env } from './config/env.js';
import { ConfigError, loadConfig } from './config/load.js';
import type { CentricConfig } from './core/config-types.js';
import { checkJira } from './jira/setup-check.js';
import { errorText } from './runtime/errors.js';
import { createLogger } from './runtime/logger.js';

/**
 * Under a stream of webhooks nearly everything the bot allocates dies young, yet V8 lets the old
 * generation grow to several times what is live before a full collection: measured, a bot with
 * ~45 MB live peaked near 250 MB. A growth factor of 1.2 keeps the peak near what is live at the
 * cost of more (concurrent) full collections; ack p99 did not move. Read by V8 at each
 * collection, so setting it here, before the bot starts, takes effect. (The young generation's
 * size, --max-semi-space-size, is fixed when the heap is set up: it is given on node's command
 * line where the bot is started.)
 */
setFlagsFromString('--heap-growing-percent=20');

/** npm start: validates the environment and centric.yml, then runs the bot until SIGTERM. */
async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  const { values } = parseArgs({ options: { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write('Usage: npm start [-- --check]\n  --check  validate the environment and centric.yml, check Jira (reachable, signed in, permissions), then exit\n');
    return 0;
  }
  let env;
  let config;
  try {
    env = loadEnv(process.env);
    config = loadConfig(env.CENTRIC_CONFIG);
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`centric: cannot start; fix these environment variables (see ${SETUP_LINK}):\n${err.problems.map((p) => `  ${p}\n`).join('')}`);
      return 1;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`centric: cannot start; fix centric.yml:\n${err.message.split('\n').map((l) => `  ${l}\n`).join('')}`);
      return 1;
    }
    throw err;
  }
  if (values.check) return check(env, config);
  const logger = createLogger({ level: env.LOG_LEVEL, secrets: secretsOf(env) });
  // Before anything connects: a dependency that is down (Slack, Jira, the database) must delay
  // readiness, never end the process with a stack trace.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection; Centric keeps running'));
  const bot = await startBot({ env, config, logger });
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      bot.logger.info({ signal }, 'shutdown requested');
      void bot.stop().finally(resolve);
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
  return 0;
}

/** What is wrong with the set-up that validation alone cannot see. */
function setupProblems(env: Env, config: CentricConfig): string[] {
  if (config.jira.webhook === 'on' && !env.JIRA_WEBHOOK_SECRET) {
    return [
      'JIRA_WEBHOOK_SECRET is unset while jira.webhook is on: every Jira webhook delivery would be refused. Set JIRA_WEBHOOK_SECRET to the secret of the Jira webhook, or set jira.webhook: off in centric.yml when Centric polls instead (jira.poll)',
    ];
  }
  return [];
}

/** `--check`: the configuration, then Jira (reachable, signed in, permissions); 0 when all is well. */
async function check(env: Env, config: CentricConfig): Promise<number> {
  const slack = env.SLACK_APP_TOKEN ? 'Socket Mode' : `HTTP mode on port ${env.PORT}`;
  process.stdout.write(`centric: configuration OK (Slack ${slack}; Jira ${env.JIRA_DEPLOYMENT} at ${env.JIRA_BASE_URL}; database ${env.DATABASE_URL.startsWith('sqlite:') ? env.DATABASE_URL : 'postgres'})\n`);
  const logger = createLogger({ level: 'silent', secrets: secretsOf(env), destination: process.stderr, pretty: false });
  const jira = await checkJira(env, config.jira, logger);
  if (jira.account !== null && jira.problems.length === 0) {
    process.stdout.write(`centric: Jira OK (signed in as ${jira.account}; every permission Centric needs is granted)\n`);
  }
  const problems = [...setupProblems(env, config), ...jira.problems];
  if (problems.length === 0) return 0;
  process.stderr.write(`centric: not ready; fix these (see ${SETUP_LINK}):\n${problems.map((p) => `  ${p}\n`).join('')}`);
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`centric: failed to start: ${errorText(err)}\n`);
    process.exitCode = 1;
  },
);
