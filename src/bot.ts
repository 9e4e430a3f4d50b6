import pLimit from 'p-limit';
import pRetry from 'p-retry';
import type { ScheduledTask } from 'node-cron';
import type { Env } from './config/env.js';
import { secretsOf } from './config/env.js';
import type { CentricConfig } from './core/config-types.js';
import { chooseWorkingHours, homeData, muteFor, saveHomeSetting, type HomeDeps } from './flows/app-home.js';
import { applyFix, fixPrefill, validateFix } from './flows/fix-ticket.js';
import { markNotAStory, snoozeTicket } from './flows/nudge-actions.js';
import { dispatchNudges, type DispatchResult, type NudgeDeps } from './flows/nudges.js';
import { answerOutcome, dispatchOutcomes, OUTCOME_EVENT_KIND, outcomeForAnswer, type OutcomeDeps, type OutcomeDispatch } from './flows/outcome-reviews.js';
import { writeOutcome, type OutcomeWriteDeps } from './flows/outcome-write.js';
import { isShipped, outcomeSettings } from './core/outcome/settings.js';
import { projectOf } from './core/ticket/project-of.js';
import { digestPost, runDueDigests, type DigestDeps } from './flows/post-digest.js';
import { RateLimiter } from './flows/rate-limit.js';
import { runCommand, type CommandDeps } from './flows/slash-commands.js';
import { ticketEventReceived, type TicketChangedDeps, type TicketEvent } from './flows/ticket-changed.js';
import { InboxWorker, type EventHandler } from './jobs/inbox-worker.js';
import { startPoller } from './jobs/poller.js';
import { startSchedules } from './jobs/schedules.js';
import { customFieldsOf, JiraClient, type JiraClientDeps } from './jira/client.js';
import { JIRA_EVENT_KIND, jiraWebhookRoutes } from './jira/webhook.js';
import { errorText } from './runtime/errors.js';
import { healthRoutes, publicHealthRoutes, Readiness, type Route } from './runtime/health.js';
import { HTTP_LIMITS, type HttpLimits } from './runtime/http-guard.js';
import { createLogger, type Logger } from './runtime/logger.js';
import { Metrics } from './runtime/metrics.js';
import { startOpsServer, type OpsServer } from './runtime/ops-server.js';
import { backgroundClient, channelPoster, outcomeAsker, slackChat, slackDm } from './slack/dm.js';
import { warmUpLint } from './runtime/warm-up.js';
import { createSlackHost, type SlackHost } from './slack/host.js';
import { registerListeners, type ListenerDeps } from './slack/listeners/index.js';
import { slackUsers } from './slack/users.js';
import { slackLanguages } from './slack/languages.js';
import { openConnections, openStore, ping, type Store } from './store/database.js';
import { depth, type Enqueued, type NewEvent } from './store/inbox.js';
import { InboxBatcher } from './store/inbox-batch.js';
import { isMigrated, migrate } from './store/migrations.js';
import { hasPendingReview } from './store/outcomes.js';

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
  /** Bounds of Centric's HTTP servers (body size, time-outs, connections); tests make them small. */
  http?: Partial<HttpLimits>;
}

export interface Bot {
  jira: JiraClient;
  store: Store;
  metrics: Metrics;
  readiness: Readiness;
  slack: SlackHost;
  logger: Logger;
  /**
   * Where /metrics and the detailed /readyz answer: the ops address (config.ops), PORT when
   * ops.port is null, or null when the ops address could not be bound.
   */
  opsUrl: string | null;
  /** Stores an event (before it is acknowledged) and wakes the worker. */
  accept(event: NewEvent, source: string): Promise<Enqueued>;
  /** Sends the nudges the policy allows now (also run every minute). */
  dispatchNudges(): Promise<DispatchResult>;
  /** Asks the outcome reviews that are due, reminds unanswered ones (also run every minute). */
  dispatchOutcomes(): Promise<OutcomeDispatch>;
  /** Posts the weekly digests that are due (also run every minute). */
  runDigests(): ReturnType<typeof runDueDigests>;
  /** Resolves once migrations ran and the worker is taking events. */
  ready: Promise<void>;
  /** Stops intake, drains work in flight (bounded), closes the database. */
  stop(drainMs?: number): Promise<void>;
}

/** Event kinds and what processes them: a Jira event (webhook or poll) is a "ticket changed"; an answered outcome is written to Jira. */
function handlers(deps: TicketChangedDeps, outcomes: OutcomeWriteDeps): Record<string, EventHandler> {
  return {
    [JIRA_EVENT_KIND]: async (event) => void (await ticketEventReceived(deps, event.ticketKey!, event.payload as TicketEvent)),
    [OUTCOME_EVENT_KIND]: async (event) => void (await writeOutcome(outcomes, Number((event.payload as { reviewId?: unknown }).reviewId))),
  };
}

interface ListenerWiring {
  tickets: TicketChangedDeps;
  /** The same, with Jira calls in the lane of people waiting in Slack. */
  people: TicketChangedDeps;
  commands: CommandDeps;
  home: HomeDeps;
  /** Outcome answers, with Jira calls in the lane of people waiting in Slack. */
  outcomes: OutcomeDeps;
  browse: (key: string) => string;
  /** Stops background posting after tokens_revoked or app_uninstalled. */
  revoked: (why: string) => void;
}

/** The flows, as the Slack listeners run them. */
function listenerDeps(w: ListenerWiring, logger: Logger): ListenerDeps {
  const { config } = w.tickets;
  return {
    logger,
    browse: w.browse,
    revoked: w.revoked,
    locale: (user) => w.commands.users.locale(user),
    runCommand: (ctx, command) => runCommand(w.commands, ctx, command),
    tickets: { snooze: (user, key) => snoozeTicket(w.tickets, user, key), notAStory: (userId, key, name) => markNotAStory(w.people, { userId, name }, key) },
    fix: {
      prefill: (userId, key) => fixPrefill(w.people, userId, key),
      personas: () => config.personas.map((p) => p.name),
      validate: (key, fix, hasMetric, locale) => validateFix(w.tickets, key, fix, hasMetric, locale),
      apply: (key, fix, userId, name) => applyFix(w.people, key, fix, { userId, name }),
    },
    home: {
      data: (user) => homeData(w.home, user),
      mute: (user) => muteFor(w.home, user, config.nudges.snoozeDays),
      unmute: (user) => saveHomeSetting(w.home, user, { mutedUntil: null }),
      digestMention: (user, on) => saveHomeSetting(w.home, user, { digestMention: on }),
      workingHours: (user, hours) => chooseWorkingHours(w.home, user, hours),
    },
    outcomes: {
      open: (userId, reviewId) => outcomeForAnswer(w.outcomes, userId, reviewId),
      answer: (userId, name, reviewId, choice, input) => answerOutcome(w.outcomes, { userId, name }, reviewId, choice, input),
    },
  };
}

/**
 * Nudges and digests, posted in the background: one nudge dispatch at a time, a burst of queued
 * nudges sent together, and nothing at all once Slack revoked the app.
 */
function backgroundPosting(nudges: NudgeDeps, digests: DigestDeps, outcomes: () => OutcomeDeps, readiness: Readiness, batchMs: number) {
  const oneDispatch = pLimit(1);
  const oneOutcomeDispatch = pLimit(1);
  // After tokens_revoked or app_uninstalled every post would fail: background posting stops, and /readyz says why.
  let revokedWhy: string | null = null;
  let timer: NodeJS.Timeout | undefined;
  const dispatch = () => oneDispatch(async (): Promise<DispatchResult> => (revokedWhy ? { sent: 0, held: 0, dropped: 0 } : dispatchNudges(nudges)));
  const askOutcomes = () =>
    oneOutcomeDispatch(async (): Promise<OutcomeDispatch> => (revokedWhy ? { asked: 0, reminded: 0, held: 0, failed: 0, undeliverable: 0 } : dispatchOutcomes(outcomes())));
  return {
    dispatch,
    askOutcomes,
    /** A review scheduled: asked at once when due at once (outcomes.defaultReviewAfter 0d). */
    outcomesSoon: () => void askOutcomes().catch((err: unknown) => nudges.logger.warn({ err }, 'outcome dispatch failed; the next minute retries')),
    digests: async () => (revokedWhy ? [] : runDueDigests(digests)),
    revoked(why: string) {
      revokedWhy = why;
      readiness.set('slack-install', false, why);
    },
    /** Each queued nudge restarts a short quiet period; the minute tick sends whatever this misses. */
    soon() {
      clearTimeout(timer);
      timer = setTimeout(() => void dispatch().catch((err: unknown) => nudges.logger.warn({ err }, 'nudge dispatch failed; the next minute retries')), batchMs);
      timer.unref();
    },
    stop: () => clearTimeout(timer),
  };
}

/**
 * A grant missing on Centric's Jira account (Administer projects for permission checks, Browse
 * users for e-mail links…) is said at start-up. Jira stays "ready": a restart fixes no grant, and
 * refusing Slack too would help nobody.
 */
async function warnOfMissingPermissions(jira: JiraClient, readiness: Readiness, logger: Logger, account: string): Promise<void> {
  const missing = await jira.missingPermissions({ retries: 0 }).catch((err: unknown) => {
    logger.warn({ err }, "could not list the Jira account's permissions");
    return [];
  });
  if (missing.length === 0) return;
  logger.warn({ missing: missing.map((p) => p.key) }, `the Jira account lacks permissions Centric needs: ${missing.map((p) => p.sentence).join('; ')}`);
  readiness.set('jira', true, `reachable as ${account}; missing permissions: ${missing.map((p) => p.key).join(', ')}`);
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

  // Group commit: the events that arrive together share one transaction; each is acked after it.
  const inbox = new InboxBatcher(store);
  const accept = async (event: NewEvent, source: string): Promise<Enqueued> => {
    const result = await inbox.enqueue(event, clock());
    (result.duplicate ? metrics.eventsDuplicate : metrics.eventsReceived).inc({ source });
    if (!result.duplicate) worker.notify();
    return result;
  };
  const webhook = jiraWebhookRoutes(config.jira.webhook, {
    secret: env.JIRA_WEBHOOK_SECRET,
    accept,
    selfAccountId: () => selfAccountId,
    acceptanceCriteriaField: () => config.acceptanceCriteriaField,
    debounceMs: () => config.jira.debounceSeconds * 1000,
    nudgeTriggers: () => ({ statuses: config.nudges.onStatuses, sprint: config.nudges.onSprint }),
    clock,
    logger,
    fieldNames: () => jira.fieldNames(),
    statusMatters: async (key, to) => {
      const settings = outcomeSettings(config, projectOf(key));
      return settings.enabled && (isShipped(to, settings) || (await hasPendingReview(store, key)));
    },
  });
  const limits: HttpLimits = { ...HTTP_LIMITS, ...options.http };
  // The detailed /readyz and /metrics on the ops address; PORT keeps /healthz and a bare /readyz.
  // With ops.port null, everything on PORT as before.
  const opsRoutes = healthRoutes(readiness, metrics, async () => void metrics.queueDepth.set(await depth(store)));
  const onPort = config.ops.port === null ? opsRoutes : publicHealthRoutes(readiness);
  const routes: Route[] = [...onPort, ...webhook];
  const slack = createSlackHost({ env, logger, readiness, routes, retry: pacing, limits, countCall: (outcome) => metrics.slackCalls.inc({ outcome }) });
  const browse = (key: string) => new URL(`/browse/${key}`, env.JIRA_BASE_URL).toString();
  const users = slackUsers(slack.app.client);
  const chat = slackChat(backgroundClient(env.SLACK_BOT_TOKEN, env.SLACK_API_URL));
  // People hear Centric in their Slack language; a channel in its project's `language:`.
  const languages = slackLanguages(users, config);
  const dm = slackDm(chat, browse, languages);
  const nudgeDeps: NudgeDeps = { store, config, clock, users, dm, logger, metrics };
  const workerId = `centric-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const digestDeps: DigestDeps = { store, config, clock, jira, logger, workerId, poster: channelPoster(chat, browse, languages), metrics };
  const asker = outcomeAsker(chat, browse, languages);
  // Built after `accept` and the worker exist; the answers' Jira calls take the people's lane.
  let outcomeDeps: OutcomeDeps;
  const posting = backgroundPosting(nudgeDeps, digestDeps, () => outcomeDeps, readiness, options.nudgeBatchMs ?? 5_000);
  const tickets: TicketChangedDeps = { store, config, metrics, clock, jira, logger, dm, nudgeSoon: posting.soon, asker, outcomesSoon: posting.outcomesSoon };
  const worker = new InboxWorker({
    store,
    handlers: handlers(tickets, { store, config, jira, logger }),
    logger,
    metrics,
    clock,
    settings: { concurrency: config.inbox.concurrency, maxAttempts: config.inbox.maxAttempts, leaseMs: config.inbox.leaseSeconds * 1000, ...options.worker },
  });
  let schedules: ScheduledTask[] = [];
  let stopPoller = (): void => undefined;
  // People waiting in Slack get Jira calls of their own lane: a burst of commands never delays webhooks.
  const interactiveJira = jira.interactive();
  const people: TicketChangedDeps = { ...tickets, jira: interactiveJira };
  const commands: CommandDeps = {
    ...people,
    jira: interactiveJira,
    users,
    limiter: new RateLimiter(config.slack.commandsPerMinute, clock),
    digestPreview: (scope) => digestPost({ ...digestDeps, jira: interactiveJira }, scope, clock()),
  };
  const home: HomeDeps = { store, clock, jira: interactiveJira, defaultWorkingHours: config.nudges.workingHours, config };
  outcomeDeps = { store, config, clock, logger, asker, users, accept, jira: interactiveJira };
  registerListeners(slack.app, listenerDeps({ tickets, people, commands, home, outcomes: outcomeDeps, browse, revoked: posting.revoked }, logger));

  logger.info({ slackMode: slack.mode, port: env.PORT, database: store.location, jira: env.JIRA_BASE_URL, deployment: env.JIRA_DEPLOYMENT }, 'starting Centric');
  await slack.start();
  // After PORT is bound: a start-up that fails there leaves no ops server holding the process open.
  const ops: OpsServer =
    config.ops.port === null
      ? { url: `http://127.0.0.1:${env.PORT}`, stop: async () => undefined }
      : await startOpsServer({ host: config.ops.host, port: config.ops.port, routes: opsRoutes, limits, logger });

  const retrying = <T>(what: string, task: () => Promise<T>): Promise<T> =>
    pRetry(task, {
      retries: Number.POSITIVE_INFINITY,
      factor: 2,
      randomize: true,
      ...pacing,
      signal: stopping.signal,
      onFailedAttempt: ({ error, attemptNumber }) => logger.warn({ attempt: attemptNumber, err: error }, `${what} failed; retrying`),
    });

  // Before the database check can pass (it waits for the migrations below), so /readyz says ready only once warm.
  warmUpLint(config, logger);
  const ready = retrying('database migration', async () => {
    const applied = await migrate(store.db);
    await openConnections(store, config.inbox.concurrency);
    migrated = await isMigrated(store.db);
    logger.info({ applied, database: store.location }, 'database ready');
  }).then(() => {
    worker.start();
    schedules = startSchedules(store, config, logger, clock, { nudges: posting.dispatch, digests: posting.digests, outcomes: posting.askOutcomes });
    stopPoller = startPoller({ jira, config, accept, logger, metrics });
  });
  ready.catch(() => undefined);

  void retrying('Jira check (GET /myself)', async () => {
    try {
      const me = await jira.myself({ retries: 0 });
      selfAccountId = me.accountId;
      readiness.set('jira', true, `reachable as ${me.displayName}`);
      await warnOfMissingPermissions(jira, readiness, logger, me.displayName);
      logger.info({ jira: env.JIRA_BASE_URL, account: me.displayName }, 'Jira is reachable');
    } catch (err) {
      readiness.set('jira', false, errorText(err));
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
    opsUrl: ops.url,
    ready,
    accept,
    dispatchNudges: posting.dispatch,
    dispatchOutcomes: posting.askOutcomes,
    runDigests: posting.digests,
    async stop(drainMs = 10_000) {
      logger.info('stopping: no new events; finishing the ones in flight');
      stopping.abort();
      stopPoller();
      posting.stop();
      await slack.stop();
      await ops.stop();
      for (const task of schedules) await task.stop();
      const { unfinished } = await worker.stop(drainMs);
      if (unfinished > 0) logger.warn({ unfinished }, 'events still in flight at shutdown; another worker takes them over when their lease expires');
      await inbox.drain();
      await store.close();
      logger.info('stopped');
    },
  };
}
