import pLimit from 'p-limit';
import pRetry from 'p-retry';
import type { ScheduledTask } from 'node-cron';
import type { Env } from './config/env.js';
import { secretsOf } from './config/env.js';
import type { CentricConfig } from './core/config-types.js';
import { checkTicket, type CheckTicketDeps } from './flows/check-ticket.js';
import { dispatchNudges, nudgeFixed, queueNudge, snooze, type DispatchResult, type NudgeDeps } from './flows/nudges.js';
import { runCommand } from './flows/slash-commands.js';
import { passes } from './core/lint.js';
import { lineMessage } from './slack/blocks.js';
import { backgroundClient, channelPoster, slackDm } from './slack/dm.js';
import { digestFor, runDueDigests, type DigestDeps } from './flows/post-digest.js';
import { registerTicketButtons } from './slack/listeners/actions/ticket-buttons.js';
import { registerFixButton } from './slack/listeners/actions/fix-ticket.js';
import { registerFixModal } from './slack/listeners/views/fix-ticket-modal.js';
import { registerAppHome } from './slack/listeners/events/app-home-opened.js';
import { registerAppUninstalled } from './slack/listeners/events/app-uninstalled.js';
import { registerTokensRevoked } from './slack/listeners/events/tokens-revoked.js';
import { homeData, saveHomeSetting } from './flows/app-home.js';
import { homeView, WORKING_HOURS_CHOICES } from './slack/blocks.js';
import { applyFix, fixPrefill, validateFix, type FixDeps } from './flows/fix-ticket.js';
import { registerCentricCommand } from './slack/listeners/commands/centric.js';
import { slackUsers } from './slack/users.js';
import { lintAndStore } from './flows/lint-ticket.js';
import { InboxWorker, type EventHandler } from './jobs/inbox-worker.js';
import { startPoller } from './jobs/poller.js';
import { startSchedules } from './jobs/schedules.js';
import { customFieldsOf, JiraClient, type JiraClientDeps } from './jira/client.js';
import { checkIssue } from './jira/issue-schema.js';
import { JIRA_EVENT_KIND, jiraWebhookRoute, type JiraEventPayload } from './jira/webhook.js';
import { healthRoutes, Readiness, type Route } from './runtime/health.js';
import { createLogger, type Logger } from './runtime/logger.js';
import { Metrics } from './runtime/metrics.js';
import { createSlackHost, type SlackHost } from './slack/host.js';
import { openStore, ping, type Store } from './store/database.js';
import { depth, enqueue, type Enqueued, type NewEvent } from './store/inbox.js';
import { isMigrated, migrate } from './store/migrations.js';

export interface BotOptions {
  env: Env;
  config: CentricConfig;
  logger?: Logger;
  clock?: () => number;
  /** Retry pacing for Slack, Jira and the database at start-up; tests make it fast. */
  retry?: { minTimeout: number; maxTimeout: number };
  /** Jira client pacing (retry waits, retries); tests record waits instead of sleeping. */
  jira?: Pick<JiraClientDeps, 'sleep' | 'maxRetries' | 'random'>;
  /** Quiet time after a nudge is queued before DMs go out (a burst shares one DM); 5 s by default. */
  nudgeBatchMs?: number;
  /** Inbox worker settings beyond centric.yml (lease, retry pacing); tests make them fast. */
  worker?: Partial<import('./jobs/inbox-worker.js').WorkerSettings>;
}

export interface Bot {
  jira: JiraClient;
  store: Store;
  metrics: Metrics;
  readiness: Readiness;
  slack: SlackHost;
  logger: Logger;
  /** Stores an event (before it is acknowledged) and wakes the worker. */
  accept(event: NewEvent, source: string): Promise<Enqueued>;
  /** Sends the nudges the policy allows now (also run every minute). */
  dispatchNudges(): Promise<DispatchResult>;
  /** Posts the weekly digests that are due (also run every minute). */
  runDigests(): ReturnType<typeof runDueDigests>;
  /** Resolves once migrations ran and the worker is taking events. */
  ready: Promise<void>;
  /** Stops intake, drains work in flight (bounded), closes the database. */
  stop(drainMs?: number): Promise<void>;
}

interface HandlerDeps extends CheckTicketDeps {
  nudges: NudgeDeps;
  /** Asks for a nudge dispatch a few seconds from now, so a burst of tickets shares one DM. */
  nudgeSoon: () => void;
}

/** Event kinds and what processes them. */
function handlers(deps: HandlerDeps): Record<string, EventHandler> {
  return {
    [JIRA_EVENT_KIND]: async (event) => {
      const payload = event.payload as JiraEventPayload;
      const me = await deps.jira.myself();
      // Centric's own comment or label edit must not trigger Centric again.
      if (payload.userAccountId && payload.userAccountId === me.accountId) return;
      const outcome = await checkTicket(deps, event.ticketKey!);
      if (outcome.status !== 'linted' || !outcome.report) return;
      if (passes(outcome.report)) {
        await nudgeFixed(deps.nudges, outcome.key);
        return;
      }
      const queued = await queueNudge(
        deps.nudges,
        { key: outcome.key, summary: outcome.summary ?? '', reporterAccountId: outcome.reporterAccountId ?? null, assigneeAccountId: outcome.assigneeAccountId ?? null },
        outcome.report,
        payload.trigger,
      );
      if (queued > 0) deps.nudgeSoon();
    },
    'lint-issue': async (event) => {
      const check = checkIssue((event.payload as { issue?: unknown }).issue);
      if (!check.ok) throw new Error(`event ${event.id} holds no valid Jira issue: ${check.problem}`);
      await lintAndStore(deps, check.issue);
    },
  };
}

/** Starts Centric: HTTP routes first, then Slack, the database, Jira and the worker, each retried until reachable. */
export async function startBot(options: BotOptions): Promise<Bot> {
  const { env, config } = options;
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? createLogger({ level: env.LOG_LEVEL, secrets: secretsOf(env) });
  const pacing = { minTimeout: 1_000, maxTimeout: 60_000, ...options.retry };
  const stopping = new AbortController();
  const store = openStore(env.DATABASE_URL);
  const metrics = new Metrics({ processMetrics: true });
  const readiness = new Readiness();
  let migrated = false;
  readiness.addLive('database', async () => {
    await ping(store);
    return migrated ? { ok: true, detail: `${store.dialect}, migrations done` } : { ok: false, detail: 'reachable; migrations not run yet' };
  });
  readiness.set('jira', false, 'not checked yet');
  const jira = new JiraClient({ env, settings: config.jira, metrics, logger, customFields: customFieldsOf(config), ...options.jira });
  let selfAccountId: string | null = null;

  const accept = async (event: NewEvent, source: string): Promise<Enqueued> => {
    const result = await enqueue(store, event, clock());
    (result.duplicate ? metrics.eventsDuplicate : metrics.eventsReceived).inc({ source });
    if (!result.duplicate) worker.notify();
    return result;
  };
  const webhook = jiraWebhookRoute({
    secret: env.JIRA_WEBHOOK_SECRET,
    accept,
    selfAccountId: () => selfAccountId,
    acceptanceCriteriaField: () => config.acceptanceCriteriaField,
    debounceMs: () => config.jira.debounceSeconds * 1000,
    nudgeTriggers: () => ({ statuses: config.nudges.onStatuses, sprint: config.nudges.onSprint }),
    clock,
    logger,
    fieldNames: () => jira.fieldNames(),
  });
  const routes: Route[] = [...healthRoutes(readiness, metrics, async () => void metrics.queueDepth.set(await depth(store))), webhook];
  const slack = createSlackHost({ env, logger, readiness, routes, retry: pacing, countCall: (outcome) => metrics.slackCalls.inc({ outcome }) });
  const browse = (key: string) => new URL(`/browse/${key}`, env.JIRA_BASE_URL).toString();
  const users = slackUsers(slack.app);
  const background = backgroundClient(env.SLACK_BOT_TOKEN, env.SLACK_API_URL);
  const dm = slackDm(background);
  const nudgeDeps: NudgeDeps = { store, config, clock, users, dm, logger, browse, metrics };
  const oneDispatch = pLimit(1);
  // After tokens_revoked or app_uninstalled every post would fail: background posting stops, and /readyz says why.
  let slackRevoked: string | null = null;
  const revoked = (why: string) => {
    slackRevoked = why;
    readiness.set('slack-install', false, why);
  };
  const dispatchNow = () => oneDispatch(async (): Promise<DispatchResult> => (slackRevoked ? { sent: 0, held: 0, dropped: 0 } : dispatchNudges(nudgeDeps)));
  const runDigests = async () => (slackRevoked ? [] : runDueDigests(digestDeps));
  // Each queued nudge restarts a short quiet period; the minute tick sends whatever this misses.
  let nudgeTimer: NodeJS.Timeout | undefined;
  const nudgeSoon = () => {
    clearTimeout(nudgeTimer);
    nudgeTimer = setTimeout(() => void dispatchNow().catch((err: unknown) => logger.warn({ err }, 'nudge dispatch failed; the next minute retries')), options.nudgeBatchMs ?? 5_000);
    nudgeTimer.unref();
  };
  const digestDeps: DigestDeps = {
    store,
    config,
    clock,
    jira,
    logger,
    browse,
    workerId: `centric-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    poster: channelPoster(background, dm),
    metrics,
  };
  const worker = new InboxWorker({
    store,
    handlers: handlers({ store, config, metrics, clock, jira, logger, nudges: nudgeDeps, nudgeSoon }),
    logger,
    metrics,
    clock,
    settings: { concurrency: config.inbox.concurrency, maxAttempts: config.inbox.maxAttempts, leaseMs: config.inbox.leaseSeconds * 1000, ...options.worker },
  });
  let schedules: ScheduledTask[] = [];
  let stopPoller = (): void => undefined;
  const commandDeps = {
    store,
    config,
    metrics,
    clock,
    jira,
    jiraBaseUrl: env.JIRA_BASE_URL,
    users,
    logger,
    digestPreview: async (scope: { type: string; value: string }) => {
      const { chart: _chart, ...message } = await digestFor(digestDeps, scope, clock());
      return message;
    },
  };
  registerCentricCommand(slack.app, (ctx, command) => runCommand(commandDeps, ctx, command), logger);
  registerTicketButtons(
    slack.app,
    {
      async snooze(userId, key) {
        await snooze(nudgeDeps, userId, key);
        return lineMessage(`Snoozed ${key} for ${config.nudges.snoozeDays} days: no nudge about it until then, and never again about the same findings.`);
      },
      async notAStory(_userId, key) {
        await jira.updateLabels(key, [config.jira.exemptLabel], config.jira.label ? [config.jira.label] : []);
        await nudgeFixed(nudgeDeps, key);
        return lineMessage(`${key} is marked as not a story (label ${config.jira.exemptLabel}): Centric leaves it alone from now on.`);
      },
    },
    logger,
  );
  const fixDeps: FixDeps = { store, config, metrics, clock, jira, logger, nudges: nudgeDeps };
  registerFixButton(slack.app, (key) => fixPrefill(fixDeps, key), () => config.personas.map((p) => p.name), logger);
  registerFixModal(
    slack.app,
    {
      validate: (key, fix, hasMetric) => validateFix(fixDeps, key, fix, hasMetric),
      async apply(key, fix, _userId, userName) {
        const outcome = await applyFix(fixDeps, key, fix, userName);
        return lineMessage(outcome ? `Updated ${key} from Slack: it now scores ${outcome.report?.score}/100.` : `${key} could not be updated: it does not exist any more.`);
      },
    },
    logger,
  );
  const homeDeps = { store, clock, defaultWorkingHours: config.nudges.workingHours };
  registerTokensRevoked(slack.app, revoked, logger);
  registerAppUninstalled(slack.app, revoked, logger);
  registerAppHome(
    slack.app,
    {
      view: async (userId) => homeView(await homeData(homeDeps, userId), browse, (ms) => new Date(ms).toISOString().slice(0, 10)),
      mute: (userId) => saveHomeSetting(homeDeps, userId, { mutedUntil: clock() + config.nudges.snoozeDays * 86_400_000 }),
      unmute: (userId) => saveHomeSetting(homeDeps, userId, { mutedUntil: null }),
      digestMention: (userId, on) => saveHomeSetting(homeDeps, userId, { digestMention: on }),
      workingHours: async (userId, hours) => {
        if (WORKING_HOURS_CHOICES.includes(hours)) await saveHomeSetting(homeDeps, userId, { workingHours: hours });
      },
    },
    logger,
  );

  logger.info({ slackMode: slack.mode, port: env.PORT, database: store.location, jira: env.JIRA_BASE_URL, deployment: env.JIRA_DEPLOYMENT }, 'starting Centric');
  await slack.start();

  const retrying = <T>(what: string, task: () => Promise<T>): Promise<T> =>
    pRetry(task, {
      retries: Number.POSITIVE_INFINITY,
      factor: 2,
      randomize: true,
      ...pacing,
      signal: stopping.signal,
      onFailedAttempt: ({ error, attemptNumber }) => logger.warn({ attempt: attemptNumber, err: error }, `${what} failed; retrying`),
    });

  const ready = retrying('database migration', async () => {
    const applied = await migrate(store.db);
    migrated = await isMigrated(store.db);
    logger.info({ applied, database: store.location }, 'database ready');
  }).then(() => {
    worker.start();
    schedules = startSchedules(store, config, logger, clock, { nudges: dispatchNow, digests: runDigests });
    stopPoller = startPoller({ jira, config, accept, logger, metrics });
  });
  ready.catch(() => undefined);

  void retrying('Jira check (GET /myself)', async () => {
    try {
      const me = await jira.myself({ retries: 0 });
      selfAccountId = me.accountId;
      readiness.set('jira', true, `reachable as ${me.displayName}`);
      logger.info({ jira: env.JIRA_BASE_URL, account: me.displayName }, 'Jira is reachable');
    } catch (err) {
      readiness.set('jira', false, (err as Error).message);
      throw err;
    }
  }).catch(() => undefined);

  return {
    jira,
    store,
    metrics,
    readiness,
    slack,
    logger,
    ready,
    accept,
    dispatchNudges: dispatchNow,
    runDigests,
    async stop(drainMs = 10_000) {
      logger.info('stopping: no new events; finishing the ones in flight');
      stopping.abort();
      stopPoller();
      clearTimeout(nudgeTimer);
      await slack.stop();
      for (const task of schedules) await task.stop();
      const { unfinished } = await worker.stop(drainMs);
      if (unfinished > 0) logger.warn({ unfinished }, 'events still in flight at shutdown; another worker takes them over when their lease expires');
      await store.close();
      logger.info('stopped');
    },
  };
}
