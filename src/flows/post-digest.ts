import { compile } from '../core/compile.js';
import type { CentricConfig } from '../core/config-types.js';
import { buildDigest, QUESTIONS, type Digest, type LintRecord, type TicketFacts } from '../core/digest.js';
import { latestSlot } from '../core/nudge-policy.js';
import { isGenericRole } from '../core/rules/specific-persona.js';
import type { RuleId } from '../core/types.js';
import { JiraError, type JiraClient } from '../jira/client.js';
import type { Logger } from '../runtime/logger.js';
import type { Metrics } from '../runtime/metrics.js';
import { digestMessage, escapeMrkdwn, lineMessage, type SlackMessage } from '../slack/blocks.js';
import { trendChart } from '../slack/chart.js';
import type { Store } from '../store/database.js';
import type { Selectable } from 'kysely';
import type { DigestSubscriptionsTable } from '../store/schema.js';
import { classifySlackError } from './nudges.js';

const WEEK = 7 * 86_400_000;
/** A claim older than this belongs to a process that died: another may take the run over. */
const STALE_CLAIM_MS = 10 * 60_000;
/** Posted this long after its slot, a digest says it is late. */
const LATE_MS = 15 * 60_000;

export interface ChannelPoster {
  post(channel: string, message: SlackMessage): Promise<void>;
  /** Uploads the trend chart (PNG) to the channel. */
  upload(channel: string, png: Buffer, title: string): Promise<void>;
  dm(userId: string, message: SlackMessage): Promise<void>;
  /** Joins a public channel (conversations.join); rejects for private ones. */
  join(channel: string): Promise<void>;
}

export interface DigestDeps {
  store: Store;
  config: CentricConfig;
  clock: () => number;
  jira: JiraClient;
  poster: ChannelPoster;
  logger: Logger;
  browse: (key: string) => string;
  workerId: string;
  /** Counts the runs that failed; optional, as callers without a /metrics endpoint have none. */
  metrics?: Pick<Metrics, 'digestsFailed'>;
}

type Subscription = Selectable<DigestSubscriptionsTable>;

type ScopeDeps = Pick<DigestDeps, 'store' | 'config'> & { jira?: JiraClient };

/** Jira account -> Slack user, for the people who opted in to being mentioned in digests. */
async function mentionableOwners(store: Store): Promise<Map<string, string>> {
  const rows = await store.db
    .selectFrom('user_links')
    .innerJoin('mutes', 'mutes.slack_user_id', 'user_links.slack_user_id')
    .select(['user_links.jira_account_id', 'user_links.slack_user_id'])
    .where('mutes.digest_mention', '=', 1)
    .execute();
  return new Map(rows.map((r) => [r.jira_account_id, r.slack_user_id]));
}

/** Stored history and facts of a scope: a project, or the tickets a JQL returns now. */
async function scopeData(deps: ScopeDeps, scope: { type: string; value: string }, end: number) {
  let keys: string[] | null = null;
  if (scope.type === 'jql') {
    if (!deps.jira) throw new Error('a JQL digest needs Jira');
    keys = [];
    for await (const page of deps.jira.search(scope.value, ['summary'])) keys.push(...page.map((i) => i.key));
    if (keys.length === 0) return { history: [], facts: [] };
  }
  let history = deps.store.db.selectFrom('report_history').select(['ticket_key', 'score', 'role', 'failed_rules', 'linted_at']).where('linted_at', '>=', end - 13 * WEEK).where('linted_at', '<', end);
  let facts = deps.store.db.selectFrom('reports').select(['ticket_key', 'status', 'passing', 'reporter_account_id', 'assignee_account_id', 'benefit', 'cost', 'done']).where('skipped', '=', 0);
  if (keys) {
    history = history.where('ticket_key', 'in', keys);
    facts = facts.where('ticket_key', 'in', keys);
  } else {
    history = history.where('project', '=', scope.value);
    facts = facts.where('project', '=', scope.value);
  }
  const mentionable = await mentionableOwners(deps.store);
  return {
    history: (await history.execute()).map((r): LintRecord => ({ key: r.ticket_key, score: r.score ?? 0, role: r.role, failedRules: (r.failed_rules ? r.failed_rules.split(',') : []) as RuleId[], lintedAt: r.linted_at })),
    facts: (await facts.execute()).map((r): TicketFacts => {
      const owner = r.assignee_account_id ?? r.reporter_account_id;
      return { key: r.ticket_key, status: r.status, owner: owner ? (mentionable.get(owner) ?? null) : null, benefit: r.benefit, cost: r.cost, passing: r.passing === 1, done: r.done === 1 };
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

/** The digest of one scope for the week that ends at `end`, as a Slack message (and its trend chart). */
export async function digestFor(deps: DigestDeps, scope: { type: string; value: string }, end: number, late = false): Promise<SlackMessage & { chart: Buffer }> {
  const digest = await scopeDigest(deps, scope, end);
  const title = scope.type === 'project' ? scope.value : `"${scope.value}"`;
  const chart = trendChart(digest.trend, QUESTIONS.map((q) => q.id));
  return { ...digestMessage({ title, digest, browse: deps.browse, late, questions: QUESTIONS }), chart };
}

/** Claims (subscription, period) before posting; false when another process has it. */
async function claim(deps: DigestDeps, sub: Subscription, period: string, now: number): Promise<boolean> {
  const inserted = await deps.store.db
    .insertInto('digest_runs')
    .values({ subscription_id: sub.id, period, status: 'claimed', claimed_by: deps.workerId, posted_at: null, late: 0, claimed_at: now })
    .onConflict((oc) => oc.columns(['subscription_id', 'period']).doNothing())
    .returning('subscription_id')
    .executeTakeFirst();
  if (inserted) return true;
  const takenOver = await deps.store.db
    .updateTable('digest_runs')
    .set({ claimed_by: deps.workerId, claimed_at: now })
    .where('subscription_id', '=', sub.id)
    .where('period', '=', period)
    .where('status', '=', 'claimed')
    .where('claimed_at', '<', now - STALE_CLAIM_MS)
    .executeTakeFirst();
  return Number(takenOver.numUpdatedRows) === 1;
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
  if (err instanceof JiraError) {
    // A search Jira rejects (a JQL naming a deleted project, one the bot may not browse) fails the same way all period.
    const permanent = err.status === 400 || err.status === 403 || err.status === 404;
    return { status: permanent ? 'undeliverable' : 'failed', reason: err.status === null ? 'jira_unreachable' : `jira_http_${err.status}` };
  }
  const slack = classifySlackError(err);
  if (slack.code === 'not_in_channel' || slack.code === 'channel_not_found') return { status: 'not in channel', reason: slack.code };
  // An error of the bot's own token is not this channel's: released and retried like a transient one.
  return { status: slack.kind === 'recipient' ? 'undeliverable' : 'failed', reason: slack.code };
}

/** What the subscriber is told when their digest cannot be posted this period. */
function failureNote(sub: Subscription, status: 'not in channel' | 'undeliverable', reason: string): string {
  const where = `I could not post the weekly digest of ${escapeMrkdwn(sub.scope)} to <#${sub.channel_id}>`;
  if (status === 'not in channel') return `${where}: invite me there with \`/invite @Centric\`, and I will post the next one.`;
  if (reason === 'is_archived') return `${where}: the channel is archived. Subscribe another channel with \`/centric subscribe\` there.`;
  if (reason.startsWith('restricted_action')) return `${where}: posting there is restricted to some members (${reason}). Ask a workspace admin, or subscribe another channel.`;
  if (reason.startsWith('jira_http_')) return `${where}: Jira refused its search (HTTP ${reason.slice('jira_http_'.length)}); check that the project or JQL still exists and that I may browse it. I will try again next week.`;
  return `${where}: Slack refused it (${reason}). I will try again next week.`;
}

/** Posts to a channel; when the bot is not in it, joins it (public channels) and posts again. */
async function postJoining(deps: DigestDeps, channel: string, message: SlackMessage): Promise<void> {
  try {
    await deps.poster.post(channel, message);
  } catch (err) {
    if (classifySlackError(err).code !== 'not_in_channel') throw err;
    // A private channel cannot be joined: the original not_in_channel stands and the subscriber is asked to invite the bot.
    const joined = await deps.poster.join(channel).then(() => true, () => false);
    if (!joined) throw err;
    deps.logger.info({ channel }, 'joined the channel to post the digest');
    await deps.poster.post(channel, message);
  }
}

/** Posts one subscription's digest for the period it has claimed, and records how that went. */
async function runOne(deps: DigestDeps, sub: Subscription, slot: number, period: string, now: number): Promise<DigestRun> {
  const late = now - slot > LATE_MS;
  let status: DigestRun['status'] = 'posted';
  try {
    const { chart, ...message } = await digestFor(deps, { type: sub.scope_type, value: sub.scope }, slot, late);
    await postJoining(deps, sub.channel_id, message);
    // The chart is a bonus: the digest stands without it when the upload fails.
    await deps.poster.upload(sub.channel_id, chart, `Customer-centricity trend: ${sub.scope}`).catch((err: unknown) => {
      deps.logger.warn({ err, subscription: sub.id, code: classifySlackError(err).code }, 'trend chart not uploaded; the digest was posted without it');
    });
  } catch (err) {
    const failure = digestFailure(err);
    status = failure.status;
    deps.metrics?.digestsFailed.inc({ reason: failure.reason });
    deps.logger.warn({ err, subscription: sub.id, channel: sub.channel_id, scope: sub.scope, period, code: failure.reason, status }, failure.status === 'failed' ? 'digest not posted; the next run retries it' : 'digest not posted this period');
    if (failure.status !== 'failed') {
      const note = failureNote(sub, failure.status, failure.reason);
      await deps.poster.dm(sub.created_by, lineMessage(note)).catch((dmErr: unknown) => {
        deps.logger.warn({ err: dmErr, subscription: sub.id, user: sub.created_by }, 'could not tell the subscriber why the digest was not posted');
      });
    }
  }
  if (status === 'failed') {
    // Released, so the next tick (or another replica) tries again within the period.
    await deps.store.db.deleteFrom('digest_runs').where('subscription_id', '=', sub.id).where('period', '=', period).execute();
  } else {
    await deps.store.db.updateTable('digest_runs').set({ status, posted_at: now, late: late ? 1 : 0 }).where('subscription_id', '=', sub.id).where('period', '=', period).execute();
  }
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
  const subs = await deps.store.db.selectFrom('digest_subscriptions').selectAll().orderBy('id').execute();
  for (const sub of subs) {
    try {
      const slot = latestSlot(now, sub.timezone, sub.weekday, sub.time);
      if (slot < sub.created_at) continue;
      const period = new Date(slot).toISOString();
      if (!(await claim(deps, sub, period, now))) continue;
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
