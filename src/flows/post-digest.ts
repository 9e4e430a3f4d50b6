import { compile } from '../core/compile.js';
import type { CentricConfig } from '../core/config-types.js';
import { languageFor } from '../core/i18n/project-language.js';
import { buildDigest, type Digest, type LintRecord, type TicketFacts } from '../core/digest.js';
import { configForProject } from '../core/lint.js';
import type { EpicFact } from '../core/epic/epic-digest.js';
import { latestSlot } from '../core/nudge-policy.js';
import { epicIssueTypes } from '../core/profiles.js';
import type { ReviewFact } from '../core/outcome/stats.js';
import { isGenericRole } from '../core/rules/specific-persona.js';
import type { Logger } from '../runtime/logger.js';
import type { Metrics } from '../runtime/metrics.js';
import type { Store } from '../store/database.js';
import { abandonDigestRun, claimDigestRun, failDigestRun, failedDigestRuns, finishDigestRun, type FailedRun } from '../store/digest-runs.js';
import { scopeReviews } from '../store/outcome-stats.js';
import { lintHistory, storedEpics, ticketFacts, type ReportScope } from '../store/reports.js';
import { allSubscriptions, type Subscription } from '../store/subscriptions.js';
import { digestMentions, linkedAccount } from '../store/user-links.js';
import { jiraStatusOf, slackFailureOf, type ChannelPoster, type DigestNotice, type DigestPost, type JiraPort } from './ports.js';

const WEEK = 7 * 86_400_000;
/** The digest's trend, overall hit rate and personas span this many periods. */
const TREND_PERIODS = 12;
/** A claim older than this belongs to a process that died: another may take the run over. */
const STALE_CLAIM_MS = 10 * 60_000;
/** Posted this long after its slot, a digest says it is late. */
const LATE_MS = 15 * 60_000;
/** A failed run is retried after 1 minute, then 2, 4… never more than an hour apart. */
const RETRY_FIRST_MS = 60_000;
const RETRY_MAX_MS = 3_600_000;

/**
 * How long a run waits after its `attempts`-th failure: doubling from a minute, at most an hour,
 * and up to a quarter less at random (`random` in [0, 1)), so that the subscriptions a Jira outage
 * failed together do not all come back on the same tick.
 */
export function retryDelay(attempts: number, random: number): number {
  const base = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (1 - 0.25 * random));
}

export interface DigestDeps {
  store: Store;
  config: CentricConfig;
  clock: () => number;
  /** `userMay`: a channel sees a digest only while its subscriber may browse what it shows. */
  jira: Pick<JiraPort, 'search' | 'userMay'>;
  poster: ChannelPoster;
  logger: Logger;
  workerId: string;
  /** Counts the runs that failed; optional, as callers without a /metrics endpoint have none. */
  metrics?: Pick<Metrics, 'digestsFailed'>;
  /** The retry jitter's dice, in [0, 1); Math.random unless a test fixes it. */
  random?: () => number;
}

type ScopeDeps = Pick<DigestDeps, 'store' | 'config'> & { jira?: Pick<JiraPort, 'search'> };

/**
 * The issues of a JQL search, at most `max` of them: the search is not paged further once that
 * many were read (a 35,000-issue JQL made 351 search calls). `truncated` when the search was cut
 * there, though it may hold no more than that.
 */
export async function searchCapped<T extends { key: string }>(pages: AsyncIterable<T[]>, max: number): Promise<{ issues: T[]; truncated: boolean }> {
  const issues: T[] = [];
  const seen = new Set<string>();
  for await (const page of pages) {
    for (const issue of page) {
      if (seen.has(issue.key)) continue;
      seen.add(issue.key);
      issues.push(issue);
    }
    // Leaving the loop ends the search: no next page is asked for.
    if (issues.length >= max) return { issues: issues.slice(0, max), truncated: true };
  }
  return { issues, truncated: false };
}

/** The stored tickets of a scope: a project's, or the ones a JQL returns now (at most digest.maxIssues); null when the JQL returns none. */
async function reportScope(deps: ScopeDeps, scope: { type: string; value: string }): Promise<{ stored: ReportScope | null; truncatedAt?: number }> {
  if (scope.type !== 'jql') return { stored: { project: scope.value } };
  if (!deps.jira) throw new Error('a JQL digest needs Jira');
  const max = deps.config.digest.maxIssues;
  const { issues, truncated } = await searchCapped(deps.jira.search(scope.value, ['summary']), max);
  const stored = issues.length > 0 ? { keys: issues.map((i) => i.key) } : null;
  return truncated ? { stored, truncatedAt: max } : { stored };
}

interface ScopeData {
  history: LintRecord[];
  facts: TicketFacts[];
  /** The outcome reviews of the scope's tickets. */
  reviews: ReviewFact[];
  /** The stored epics among the scope's tickets and their stories' epics. */
  epics?: EpicFact[];
  /** Set when the JQL had more issues than one digest reads: the digest saw only the first this many. */
  truncatedAt?: number;
}

/** Stored history, facts and outcome reviews of a scope; owners named only when they opted in to digest mentions. */
async function scopeData(deps: ScopeDeps, scope: { type: string; value: string }, end: number, periodMs: number): Promise<ScopeData> {
  const { stored, truncatedAt } = await reportScope(deps, scope);
  const capped = truncatedAt === undefined ? {} : { truncatedAt };
  if (!stored) return { history: [], facts: [], reviews: [], ...capped };
  const history = await lintHistory(deps.store, stored, end - 13 * WEEK, end);
  const facts = await ticketFacts(deps.store, stored);
  // The epics the scope's stories belong to (in the scope or not), and the scope's own.
  const keys = new Set(history.flatMap((r) => (r.epicKey ? [r.key, r.epicKey] : [r.key])));
  const epics = await storedEpics(deps.store, [...keys], epicIssueTypes(deps.config));
  // A JQL scope: the reviews of the tickets the digest read, whatever their project.
  const reviews = await scopeReviews(deps.store, stored, end - TREND_PERIODS * periodMs);
  const mentionable = await digestMentions(deps.store);
  return {
    history,
    epics,
    reviews,
    facts: facts.map((f): TicketFacts => {
      const owner = f.assigneeAccountId ?? f.reporterAccountId;
      return { key: f.key, status: f.status, owner: owner ? (mentionable.get(owner) ?? null) : null, benefit: f.benefit, cost: f.cost, passing: f.passing, done: f.done };
    }),
    ...capped,
  };
}

/** The digest of a scope for the period that ends at `end`, from the stored reports, and whether its JQL was cut at digest.maxIssues. */
export async function scopeDigestRead(deps: ScopeDeps, scope: { type: string; value: string }, end: number, periodMs = WEEK): Promise<{ digest: Digest; truncatedAt?: number }> {
  const { history, facts, reviews, epics, truncatedAt } = await scopeData(deps, scope, end, periodMs);
  // A project may declare its own journey: its digest counts that project's stages.
  const config = scope.type === 'project' ? { ...deps.config, journey: configForProject(deps.config, scope.value).journey } : deps.config;
  const digest = digestOf(config, history, facts, end, periodMs, reviews, epics);
  return truncatedAt === undefined ? { digest } : { digest, truncatedAt };
}

/** The digest of a scope for the period that ends at `end`, from the stored reports. */
export async function scopeDigest(deps: ScopeDeps, scope: { type: string; value: string }, end: number, periodMs = WEEK): Promise<Digest> {
  return (await scopeDigestRead(deps, scope, end, periodMs)).digest;
}

/** `reviews`: the scope's outcome reviews; without them (a digest read from Jira) it has no outcomes. */
export function digestOf(config: CentricConfig, history: LintRecord[], facts: TicketFacts[], end: number, periodMs = WEEK, reviews?: ReviewFact[], epics?: EpicFact[]): Digest {
  const languages = compile(config).languages;
  return buildDigest({
    end,
    periodMs,
    history,
    facts,
    isGenericRole: (role) => languages.some((lang) => isGenericRole(role, lang)),
    readyStatuses: config.digest.readyStatuses,
    trendPeriods: TREND_PERIODS,
    customerShareTarget: config.digest.customerShareTarget,
    journey: { stages: config.journey.stages.map((s) => s.name), quietPeriods: config.journey.quietPeriods },
    ...(reviews ? { reviews } : {}),
    ...(epics ? { epics } : {}),
  });
}

/** The digest of one scope for the week that ends at `end`, as it is posted (the adapter renders it). */
export async function digestPost(deps: ScopeDeps, scope: { type: string; value: string }, end: number, late = false): Promise<DigestPost> {
  const { digest, truncatedAt } = await scopeDigestRead(deps, scope, end);
  return { title: scope.type === 'project' ? scope.value : `"${scope.value}"`, digest, late, ...(truncatedAt === undefined ? {} : { truncatedAt }) };
}

export interface DigestRun {
  subscription: number;
  period: string;
  late: boolean;
  /**
   * posted; not in channel (the bot is not in it and cannot join it: the subscriber is asked to
   * invite it); undeliverable (refused for a reason no retry fixes this period, e.g. an archived
   * channel or a JQL Jira rejects: the subscriber is told, the next period is tried as usual);
   * failed (may pass: tried again within the period, after a backoff that doubles from a
   * minute to an hour; once the next period is due, it is given up and the subscriber told).
   */
  status: 'posted' | 'not in channel' | 'undeliverable' | 'failed';
}

/** The subscriber no longer vouches for the digest: unlinked, or their Jira account may not browse the project. */
class SubscriberRefused extends Error {
  constructor(readonly reason: 'subscriber_not_linked' | 'subscriber_may_not_browse') {
    super(reason);
    this.name = 'SubscriberRefused';
  }
}

/**
 * Checked at every post, not only at subscribe time: someone who unlinked, or lost access to the
 * project, no longer feeds its digest to a channel.
 */
async function subscriberMay(deps: DigestDeps, sub: Subscription): Promise<void> {
  const account = await linkedAccount(deps.store, sub.created_by);
  if (!account) throw new SubscriberRefused('subscriber_not_linked');
  if (sub.scope_type === 'project' && !(await deps.jira.userMay(account, 'BROWSE_PROJECTS', { projectKey: sub.scope }))) throw new SubscriberRefused('subscriber_may_not_browse');
}

/** What a failed digest run means: its status and a reason for the log and the metric. */
function digestFailure(err: unknown): { status: Exclude<DigestRun['status'], 'posted'>; reason: string } {
  if (err instanceof SubscriberRefused) return { status: 'undeliverable', reason: err.reason };
  const jiraStatus = jiraStatusOf(err);
  if (jiraStatus !== undefined) {
    // A search Jira rejects (a JQL naming a deleted project, one the bot may not browse) fails the same way all period.
    const permanent = jiraStatus === 400 || jiraStatus === 403 || jiraStatus === 404;
    return { status: permanent ? 'undeliverable' : 'failed', reason: jiraStatus === null ? 'jira_unreachable' : `jira_http_${jiraStatus}` };
  }
  const slack = slackFailureOf(err);
  if (slack.code === 'not_in_channel' || slack.code === 'channel_not_found') return { status: 'not in channel', reason: slack.code };
  // An error of the bot's own token is not this channel's: released and retried like a transient one.
  return { status: slack.kind === 'recipient' ? 'undeliverable' : 'failed', reason: slack.code };
}

/** Posts to a channel; when the bot is not in it, joins it (public channels) and posts again. */
async function postJoining(deps: DigestDeps, channel: string, post: DigestPost): Promise<void> {
  try {
    await deps.poster.postDigest(channel, post);
  } catch (err) {
    if (slackFailureOf(err).code !== 'not_in_channel') throw err;
    // A private channel cannot be joined: the original not_in_channel stands and the subscriber is asked to invite the bot.
    const joined = await deps.poster.join(channel).then(() => true, () => false);
    if (!joined) throw err;
    deps.logger.info({ channel }, 'joined the channel to post the digest');
    await deps.poster.postDigest(channel, post);
  }
}

/** Builds and posts one subscription's digest, then its trend chart (a bonus: the digest stands without it). */
async function post(deps: DigestDeps, sub: Subscription, slot: number, late: boolean): Promise<void> {
  await subscriberMay(deps, sub);
  const digest = await digestPost(deps, { type: sub.scope_type, value: sub.scope }, slot, late);
  await postJoining(deps, sub.channel_id, digest);
  const view = { locale: languageFor(deps.config, sub.scope_type === 'project' ? sub.scope : null), timeZone: sub.timezone };
  await deps.poster.uploadTrend(sub.channel_id, sub.scope, digest.digest.trend, view).catch((err: unknown) => {
    deps.logger.warn({ err, subscription: sub.id, code: slackFailureOf(err).code }, 'trend chart not uploaded; the digest was posted without it');
  });
}

/** A run that did not post: logged, counted, and the subscriber told when no retry this period helps. */
async function notPosted(deps: DigestDeps, sub: Subscription, period: string, err: unknown): Promise<DigestRun['status']> {
  const failure = digestFailure(err);
  deps.metrics?.digestsFailed.inc({ reason: failure.reason });
  deps.logger.warn({ err, subscription: sub.id, channel: sub.channel_id, scope: sub.scope, period, code: failure.reason, status: failure.status }, failure.status === 'failed' ? 'digest not posted; the next run retries it' : 'digest not posted this period');
  if (failure.status !== 'failed') {
    await deps.poster.notifySubscriber(sub.created_by, { scope: sub.scope, channel: sub.channel_id, status: failure.status, reason: failure.reason }).catch((dmErr: unknown) => {
      deps.logger.warn({ err: dmErr, subscription: sub.id, user: sub.created_by }, 'could not tell the subscriber why the digest was not posted');
    });
  }
  return failure.status;
}

/** Posts one subscription's digest for the period it has claimed, and records how that went. */
async function runOne(deps: DigestDeps, sub: Subscription, slot: number, period: string, now: number): Promise<DigestRun> {
  const late = now - slot > LATE_MS;
  const status = await post(deps, sub, slot, late).then((): DigestRun['status'] => 'posted', (err: unknown) => notPosted(deps, sub, period, err));
  if (status === 'failed') {
    // Not released: claimable again (by this or another replica) only once its backoff has passed.
    const random = deps.random ?? Math.random;
    const retry = await failDigestRun(deps.store, sub.id, period, (attempts) => now + retryDelay(attempts, random()));
    deps.logger.info({ subscription: sub.id, period, attempts: retry.attempts, retryAt: new Date(retry.retryAt).toISOString() }, 'digest run failed; retried after a backoff');
  } else await finishDigestRun(deps.store, sub.id, period, { status, at: now, late });
  return { subscription: sub.id, period, late, status };
}

/**
 * Gives up the failed runs of a subscription's past periods (its next slot has come: that
 * digest is stale), telling the subscriber once: only the replica that gave a run up says so.
 */
async function abandonPastFailures(deps: DigestDeps, sub: Subscription, failed: FailedRun[], period: string, now: number): Promise<void> {
  for (const run of failed) {
    if (run.subscriptionId !== sub.id || run.period === period) continue;
    if (!(await abandonDigestRun(deps.store, sub.id, run.period, now))) continue;
    const reference = `digest ${sub.id} ${run.period}`;
    deps.logger.warn({ subscription: sub.id, channel: sub.channel_id, period: run.period, attempts: run.attempts }, 'digest given up: it failed every attempt until the next one was due');
    const notice: DigestNotice = { scope: sub.scope, channel: sub.channel_id, status: 'undeliverable', reason: 'failed_repeatedly', attempts: run.attempts, reference };
    await deps.poster.notifySubscriber(sub.created_by, notice).catch((dmErr: unknown) => {
      deps.logger.warn({ err: dmErr, subscription: sub.id, user: sub.created_by }, 'could not tell the subscriber their digest was given up');
    });
  }
}

/**
 * Posts every digest whose slot has come and that no process posted for this period yet:
 * exactly once per subscription and period, even with several replicas, and late (saying so)
 * after a restart within the period. Each subscription runs on its own: one that fails (its
 * channel, its Jira search, even its stored schedule) is logged, counted and retried per its
 * status (with a growing backoff, until the next period is due), and never keeps the others
 * from being posted.
 */
export async function runDueDigests(deps: DigestDeps): Promise<DigestRun[]> {
  const now = deps.clock();
  const runs: DigestRun[] = [];
  const failed = await failedDigestRuns(deps.store);
  for (const sub of await allSubscriptions(deps.store)) {
    try {
      const slot = latestSlot(now, sub.timezone, sub.weekday, sub.time);
      if (slot < sub.created_at) continue;
      const period = new Date(slot).toISOString();
      await abandonPastFailures(deps, sub, failed, period, now);
      const claim = { subscriptionId: sub.id, period, workerId: deps.workerId, now, staleBefore: now - STALE_CLAIM_MS };
      if (!(await claimDigestRun(deps.store, claim))) continue;
      runs.push(await runOne(deps, sub, slot, period, now));
    } catch (err) {
      // Not the post (runOne records that) but the run around it: a schedule that does not parse, the database.
      // A claim left behind is taken over when stale, so the run is retried without ever being posted twice.
      deps.metrics?.digestsFailed.inc({ reason: 'error' });
      deps.logger.warn({ err, subscription: sub.id, channel: sub.channel_id, scope: sub.scope }, 'digest run failed; the next run retries it');
    }
  }
  return runs;
}
