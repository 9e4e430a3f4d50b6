import { compile } from '../core/compile.js';
import type { CentricConfig } from '../core/config-types.js';
import { buildDigest, type Digest, type LintRecord, type TicketFacts } from '../core/digest.js';
import { latestSlot } from '../core/nudge-policy.js';
import { isGenericRole } from '../core/rules/specific-persona.js';
import type { Logger } from '../runtime/logger.js';
import type { Metrics } from '../runtime/metrics.js';
import type { Store } from '../store/database.js';
import { claimDigestRun, finishDigestRun, releaseDigestRun } from '../store/digest-runs.js';
import { lintHistory, ticketFacts, type ReportScope } from '../store/reports.js';
import { allSubscriptions, type Subscription } from '../store/subscriptions.js';
import { digestMentions } from '../store/user-links.js';
import { jiraStatusOf, slackFailureOf, type ChannelPoster, type DigestPost, type JiraPort } from './ports.js';

const WEEK = 7 * 86_400_000;
/** A claim older than this belongs to a process that died: another may take the run over. */
const STALE_CLAIM_MS = 10 * 60_000;
/** Posted this long after its slot, a digest says it is late. */
const LATE_MS = 15 * 60_000;

export interface DigestDeps {
  store: Store;
  config: CentricConfig;
  clock: () => number;
  jira: Pick<JiraPort, 'search'>;
  poster: ChannelPoster;
  logger: Logger;
  workerId: string;
  /** Counts the runs that failed; optional, as callers without a /metrics endpoint have none. */
  metrics?: Pick<Metrics, 'digestsFailed'>;
}

type ScopeDeps = Pick<DigestDeps, 'store' | 'config'> & { jira?: Pick<JiraPort, 'search'> };

/** The stored tickets of a scope: a project's, or the ones a JQL returns now; null when the JQL returns none. */
async function reportScope(deps: ScopeDeps, scope: { type: string; value: string }): Promise<ReportScope | null> {
  if (scope.type !== 'jql') return { project: scope.value };
  if (!deps.jira) throw new Error('a JQL digest needs Jira');
  const keys: string[] = [];
  for await (const page of deps.jira.search(scope.value, ['summary'])) keys.push(...page.map((i) => i.key));
  return keys.length > 0 ? { keys } : null;
}

/** Stored history and facts of a scope; owners named only when they opted in to digest mentions. */
async function scopeData(deps: ScopeDeps, scope: { type: string; value: string }, end: number): Promise<{ history: LintRecord[]; facts: TicketFacts[] }> {
  const stored = await reportScope(deps, scope);
  if (!stored) return { history: [], facts: [] };
  const history = await lintHistory(deps.store, stored, end - 13 * WEEK, end);
  const facts = await ticketFacts(deps.store, stored);
  const mentionable = await digestMentions(deps.store);
  return {
    history,
    facts: facts.map((f): TicketFacts => {
      const owner = f.assigneeAccountId ?? f.reporterAccountId;
      return { key: f.key, status: f.status, owner: owner ? (mentionable.get(owner) ?? null) : null, benefit: f.benefit, cost: f.cost, passing: f.passing, done: f.done };
    }),
  };
}

/** The digest of a scope for the period that ends at `end`, from the stored reports. */
export async function scopeDigest(deps: ScopeDeps, scope: { type: string; value: string }, end: number, periodMs = WEEK): Promise<Digest> {
  const { history, facts } = await scopeData(deps, scope, end);
  return digestOf(deps.config, history, facts, end, periodMs);
}

export function digestOf(config: CentricConfig, history: LintRecord[], facts: TicketFacts[], end: number, periodMs = WEEK): Digest {
  const languages = compile(config).languages;
  return buildDigest({
    end,
    periodMs,
    history,
    facts,
    isGenericRole: (role) => languages.some((lang) => isGenericRole(role, lang)),
    readyStatuses: config.digest.readyStatuses,
  });
}

/** The digest of one scope for the week that ends at `end`, as it is posted (the adapter renders it). */
export async function digestPost(deps: ScopeDeps, scope: { type: string; value: string }, end: number, late = false): Promise<DigestPost> {
  const digest = await scopeDigest(deps, scope, end);
  return { title: scope.type === 'project' ? scope.value : `"${scope.value}"`, digest, late };
}

export interface DigestRun {
  subscription: number;
  period: string;
  late: boolean;
  /**
   * posted; not in channel (the bot is not in it and cannot join it: the subscriber is asked to
   * invite it); undeliverable (refused for a reason no retry fixes this period, e.g. an archived
   * channel or a JQL Jira rejects: the subscriber is told, the next period is tried as usual);
   * failed (may pass: released, so the next tick tries again within the period).
   */
  status: 'posted' | 'not in channel' | 'undeliverable' | 'failed';
}

/** What a failed digest run means: its status and a reason for the log and the metric. */
function digestFailure(err: unknown): { status: Exclude<DigestRun['status'], 'posted'>; reason: string } {
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
  const digest = await digestPost(deps, { type: sub.scope_type, value: sub.scope }, slot, late);
  await postJoining(deps, sub.channel_id, digest);
  await deps.poster.uploadTrend(sub.channel_id, sub.scope, digest.digest.trend).catch((err: unknown) => {
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
  // A failed run is released, so the next tick (or another replica) tries again within the period.
  if (status === 'failed') await releaseDigestRun(deps.store, sub.id, period);
  else await finishDigestRun(deps.store, sub.id, period, { status, at: now, late });
  return { subscription: sub.id, period, late, status };
}

/**
 * Posts every digest whose slot has come and that no process posted for this period yet:
 * exactly once per subscription and period, even with several replicas, and late (saying so)
 * after a restart within the period. Each subscription runs on its own: one that fails (its
 * channel, its Jira search, even its stored schedule) is logged, counted and retried per its
 * status, and never keeps the others from being posted.
 */
export async function runDueDigests(deps: DigestDeps): Promise<DigestRun[]> {
  const now = deps.clock();
  const runs: DigestRun[] = [];
  for (const sub of await allSubscriptions(deps.store)) {
    try {
      const slot = latestSlot(now, sub.timezone, sub.weekday, sub.time);
      if (slot < sub.created_at) continue;
      const period = new Date(slot).toISOString();
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
