import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { CentricConfig } from '../core/config-types.js';
import { decideNudge } from '../core/nudge-policy.js';
import type { Report } from '../core/types.js';
import type { Logger } from '../runtime/logger.js';
import type { Metrics } from '../runtime/metrics.js';
import { nudgeMessage, type NudgeItem, type SlackMessage } from '../slack/blocks.js';
import type { Store } from '../store/database.js';
import type { NudgesTable } from '../store/schema.js';
import { findingsHash } from '../store/reports.js';
import type { SlackUsers } from './slash-commands.js';

/** Direct messages to people. */
export interface SlackDm {
  post(userId: string, message: SlackMessage): Promise<{ channel: string; ts: string }>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
}

export interface NudgeDeps {
  store: Store;
  config: CentricConfig;
  clock: () => number;
  users: Pick<SlackUsers, 'timezone'>;
  dm: SlackDm;
  logger: Logger;
  browse: (key: string) => string;
  /** Counts the DMs that failed; optional, as callers without a /metrics endpoint have none. */
  metrics?: Pick<Metrics, 'nudgesRetried' | 'nudgesUndeliverable'>;
}

export interface NudgeTicket {
  key: string;
  summary: string;
  reporterAccountId: string | null;
  assigneeAccountId: string | null;
}

const DAY = 86_400_000;
const SEVERITY_ORDER = { error: 0, warn: 1 } as const;

/** Slack users to nudge about a ticket: its reporter and/or assignee, when linked to Slack. */
async function recipients(deps: NudgeDeps, ticket: NudgeTicket): Promise<string[]> {
  const who = deps.config.nudges.recipients;
  const accounts = [who !== 'assignee' ? ticket.reporterAccountId : null, who !== 'reporter' ? ticket.assigneeAccountId : null].filter((a): a is string => !!a);
  if (accounts.length === 0) return [];
  const rows = await deps.store.db.selectFrom('user_links').select('slack_user_id').where('jira_account_id', 'in', accounts).execute();
  return [...new Set(rows.map((r) => r.slack_user_id))];
}

/** Queues a nudge for a failing ticket; the same findings are never queued twice for a person. */
export async function queueNudge(deps: NudgeDeps, ticket: NudgeTicket, report: Report, trigger?: string): Promise<number> {
  // A move that matters (a status, a sprint) is worth one nudge even about findings already sent.
  const hash = trigger ? `${findingsHash(report)}|${trigger}` : findingsHash(report);
  const findings = [...(report.findings ?? [])].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]).slice(0, 2);
  const details = JSON.stringify({ summary: ticket.summary, score: report.score ?? null, findings });
  let queued = 0;
  for (const user of await recipients(deps, ticket)) {
    const seen = await deps.store.db.selectFrom('nudges').select('id').where('slack_user_id', '=', user).where('ticket_key', '=', ticket.key).where('findings_hash', '=', hash).executeTakeFirst();
    if (seen) continue;
    await deps.store.db
      .insertInto('nudges')
      .values({ slack_user_id: user, ticket_key: ticket.key, findings_hash: hash, channel: null, message_ts: null, status: 'queued', sent_at: 0, details, queued_at: deps.clock() })
      .execute();
    queued++;
  }
  return queued;
}

const itemOf = (row: { ticket_key: string; details: string | null; status: string }): NudgeItem => {
  const d = JSON.parse(row.details ?? '{}') as Omit<NudgeItem, 'key' | 'fixed'>;
  return { key: row.ticket_key, summary: d.summary ?? '', score: d.score ?? null, findings: d.findings ?? [], fixed: row.status === 'fixed' };
};

const STALE_CLAIM_MS = 10 * 60_000;
const MINUTE = 60_000;
/** Failed attempts to DM a person before their queued nudges are given up on (about 4 hours of backoff). */
export const MAX_NUDGE_ATTEMPTS = 10;
/** Wait after the n-th failed attempt: 1 minute, 2, 4, … capped at an hour. */
export const nudgeBackoffMs = (attempts: number): number => Math.min(60 * MINUTE, MINUTE * 2 ** Math.max(0, attempts - 1));

/**
 * What a failed Slack call means for what it was sending:
 * - `recipient`: this person, channel or message can never get it, however often it is retried
 *   (the user is gone or deactivated, the channel is archived or restricted, the message refused);
 * - `app`: the bot's own token or workspace is at fault (revoked, inactive, missing a scope): every
 *   call fails the same way, so nobody in particular is to blame and the work waits as it is;
 * - `transient`: it may pass (rate limits beyond the client's own retries, 5xx, network errors,
 *   time-outs, and any error not known to be one of the above).
 */
export interface SlackFailure {
  kind: 'recipient' | 'app' | 'transient';
  /** The Slack error code (`data.error`), or rate_limited, http_<status>, request_error, error. */
  code: string;
  /** Slack's Retry-After, when it said one. */
  retryAfterMs?: number;
}

/** Slack Web API error codes that no retry fixes, for this recipient or message. */
const RECIPIENT_ERRORS = new Set([
  // The person or conversation (chat.postMessage, users.info, conversations.join).
  'channel_not_found', 'not_in_channel', 'is_archived', 'user_not_found', 'users_not_found', 'user_not_visible', 'user_disabled', 'cannot_dm_bot',
  'messages_tab_disabled', 'team_access_not_granted', 'method_not_supported_for_channel_type',
  'restricted_action', 'restricted_action_read_only_channel', 'restricted_action_thread_only_channel', 'restricted_action_non_threadable_channel',
  // The message itself: sent again, it is refused again.
  'invalid_blocks', 'invalid_blocks_format', 'msg_too_long', 'no_text', 'too_many_attachments',
]);

/**
 * Errors of the bot's token or the workspace (chat.postMessage's `account_inactive` is the bot
 * token's account): they fail every call alike. Ambiguous codes (no_permission, access_denied) are
 * not here: they count as transient, so they are retried a few times and never hold anybody back.
 */
const APP_ERRORS = new Set([
  'not_authed', 'invalid_auth', 'account_inactive', 'token_revoked', 'token_expired', 'missing_scope', 'not_allowed_token_type',
  'org_login_required', 'ekm_access_denied', 'two_factor_setup_required', 'enterprise_is_restricted', 'accesslimited',
]);

/** Sorts an error thrown by @slack/web-api (or a stand-in shaped like it) into recipient, app or transient. */
export function classifySlackError(err: unknown): SlackFailure {
  const e = (err ?? {}) as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown; retryAfter?: unknown; message?: unknown };
  const platform = typeof e.data?.error === 'string' ? e.data.error : undefined;
  if (platform) return { kind: RECIPIENT_ERRORS.has(platform) ? 'recipient' : APP_ERRORS.has(platform) ? 'app' : 'transient', code: platform };
  if (e.code === 'slack_webapi_rate_limited_error') return { kind: 'transient', code: 'rate_limited', ...(typeof e.retryAfter === 'number' ? { retryAfterMs: e.retryAfter * 1000 } : {}) };
  if (e.code === 'slack_webapi_http_error') return { kind: 'transient', code: `http_${typeof e.statusCode === 'number' ? e.statusCode : 'error'}` };
  if (e.code === 'slack_webapi_request_error') return { kind: 'transient', code: 'request_error' };
  // What the client throws when a 429 outlasts its own retries: a plain Error.
  if (typeof e.message === 'string' && e.message.startsWith('A rate limit was exceeded')) return { kind: 'transient', code: 'rate_limited' };
  return { kind: 'transient', code: 'error' };
}

export interface DispatchResult {
  /** DMs sent. */
  sent: number;
  /** Queued nudges kept for later: outside working hours, the daily cap, a backoff after a failed DM. */
  held: number;
  /** Queued nudges no longer worth sending: superseded, snoozed, muted. */
  dropped: number;
  /** DMs that failed for a reason that may pass: their nudges wait out a backoff. Present when not 0. */
  failed?: number;
  /** DMs given up on (a permanent Slack error, or too many attempts): their nudges are `undeliverable`. Present when not 0. */
  undeliverable?: number;
}

type NudgeRow = Selectable<NudgesTable>;

const attemptsOf = (row: NudgeRow): number => {
  const attempts = (JSON.parse(row.details ?? '{}') as { attempts?: unknown }).attempts;
  return typeof attempts === 'number' ? attempts : 0;
};

/**
 * Sends what the policy allows: per person, one DM with every queued ticket, inside their working
 * hours, at most `perDay` a day, nothing while muted, nothing about findings they snoozed. Each
 * person's DM succeeds or fails on its own: a failure for one never holds back the people after
 * them. A permanent Slack error marks that person's nudges `undeliverable`; one that may pass
 * queues them again after a backoff (`sent_at` of a queued nudge is when it may go, the attempts
 * are counted in its `details`), and after MAX_NUDGE_ATTEMPTS they are given up on too. Only an
 * error of the bot's own token stops the dispatch: it throws, and nobody is marked.
 */
export async function dispatchNudges(deps: NudgeDeps): Promise<DispatchResult> {
  const now = deps.clock();
  // A dispatcher that died between claiming and sending left its claim behind: queue those again.
  await deps.store.db.updateTable('nudges').set({ status: 'queued', sent_at: 0 }).where('status', 'like', 'sending:%').where('sent_at', '<', now - STALE_CLAIM_MS).execute();
  const queued = await deps.store.db.selectFrom('nudges').selectAll().where('status', '=', 'queued').orderBy('id').execute();
  const byUser = new Map<string, typeof queued>();
  for (const row of queued) byUser.set(row.slack_user_id, [...(byUser.get(row.slack_user_id) ?? []), row]);
  const result: DispatchResult = { sent: 0, held: 0, dropped: 0 };
  const drop = async (ids: number[]) => {
    if (ids.length === 0) return;
    await deps.store.db.updateTable('nudges').set({ status: 'dropped' }).where('id', 'in', ids).execute();
    result.dropped += ids.length;
  };

  /** A Slack call for `user` failed: rows (still in `status`, 'queued' or the claim) are given up on, or wait for a retry. */
  const failed = async (user: string, rows: NudgeRow[], status: string, err: unknown): Promise<void> => {
    const failure = classifySlackError(err);
    const ids = rows.map((r) => r.id);
    const tickets = rows.map((r) => r.ticket_key);
    if (failure.kind === 'app') {
      // The bot's token, not this person: the nudges wait as they were, and the dispatch stops (every DM would fail alike).
      await deps.store.db.updateTable('nudges').set({ status: 'queued', sent_at: 0 }).where('id', 'in', ids).where('status', '=', status).execute();
      throw err;
    }
    const attempts = Math.max(0, ...rows.map(attemptsOf)) + 1;
    const note = (row: NudgeRow) => JSON.stringify({ ...(JSON.parse(row.details ?? '{}') as object), attempts, lastError: failure.code });
    if (failure.kind === 'recipient' || attempts >= MAX_NUDGE_ATTEMPTS) {
      const reason = failure.kind === 'recipient' ? failure.code : 'attempts_exhausted';
      for (const row of rows) await deps.store.db.updateTable('nudges').set({ status: 'undeliverable', sent_at: now, details: note(row) }).where('id', '=', row.id).where('status', '=', status).execute();
      deps.metrics?.nudgesUndeliverable.inc({ reason });
      result.undeliverable = (result.undeliverable ?? 0) + 1;
      deps.logger.warn({ err, user, code: failure.code, reason, attempts, tickets }, 'nudge undeliverable: this person\'s queued nudges are given up on');
      return;
    }
    const retryAt = now + Math.max(nudgeBackoffMs(attempts), failure.retryAfterMs ?? 0);
    for (const row of rows) await deps.store.db.updateTable('nudges').set({ status: 'queued', sent_at: retryAt, details: note(row) }).where('id', '=', row.id).where('status', '=', status).execute();
    deps.metrics?.nudgesRetried.inc({ reason: failure.code });
    result.failed = (result.failed ?? 0) + 1;
    deps.logger.warn({ err, user, code: failure.code, attempts, retryAt: new Date(retryAt).toISOString(), tickets }, 'nudge DM failed; retried after a backoff');
  };

  for (const [user, rows] of byUser) {
    const snoozes = await deps.store.db.selectFrom('snoozes').selectAll().where('slack_user_id', '=', user).execute();
    const findingsOf = (hash: string) => hash.split('|')[0];
    const snoozed = (r: (typeof rows)[number]) => snoozes.some((s) => s.ticket_key === r.ticket_key && (findingsOf(s.findings_hash) === findingsOf(r.findings_hash) || now < s.until));
    // Only the newest queued state of each ticket is worth a message.
    const newest = new Map(rows.map((r) => [r.ticket_key, r]));
    await drop(rows.filter((r) => newest.get(r.ticket_key) !== r || snoozed(r)).map((r) => r.id));
    const items = [...newest.values()].filter((r) => !snoozed(r));
    if (items.length === 0) continue;
    // The last DM to this person failed: everything for them waits out the backoff, together.
    if (items.some((r) => r.sent_at > now)) {
      result.held += items.length;
      deps.logger.debug({ user, tickets: items.length, retryAt: new Date(Math.max(...items.map((r) => r.sent_at))).toISOString() }, 'nudge not sent now: backing off after a failed DM');
      continue;
    }

    const mute = await deps.store.db.selectFrom('mutes').selectAll().where('slack_user_id', '=', user).executeTakeFirst();
    const last = await deps.store.db.selectFrom('nudges').select((eb) => eb.fn.max('sent_at').as('at')).where('slack_user_id', '=', user).where('status', 'in', ['sent', 'fixed']).executeTakeFirst();
    let timezone: string;
    try {
      timezone = await deps.users.timezone(user);
    } catch (err) {
      await failed(user, items, 'queued', err);
      continue;
    }
    const decision = decideNudge({
      now,
      timezone,
      hours: mute?.working_hours
        ? { ...deps.config.nudges.workingHours, start: mute.working_hours.split('-')[0]!, end: mute.working_hours.split('-')[1]! }
        : deps.config.nudges.workingHours,
      mutedUntil: mute?.until ?? null,
      lastSentAt: last?.at ? Number(last.at) : null,
      minGapMs: DAY / deps.config.nudges.perDay,
    });
    if (!decision.send) {
      if (decision.retryAt === null) await drop(items.map((r) => r.id));
      else result.held += items.length;
      deps.logger.debug({ user, tickets: items.length, reason: decision.reason }, 'nudge not sent now');
      continue;
    }
    // Claimed before sending, so a second dispatcher (another event, another replica) never DMs the same tickets.
    const claim = `sending:${randomUUID()}`;
    await deps.store.db.updateTable('nudges').set({ status: claim, sent_at: now }).where('id', 'in', items.map((r) => r.id)).where('status', '=', 'queued').execute();
    const claimed = await deps.store.db.selectFrom('nudges').selectAll().where('status', '=', claim).orderBy('id').execute();
    if (claimed.length === 0) continue;
    const ids = claimed.map((r) => r.id);
    let posted: { channel: string; ts: string };
    try {
      posted = await deps.dm.post(user, nudgeMessage(claimed.map(itemOf), deps.browse));
    } catch (err) {
      await failed(user, claimed, claim, err);
      continue;
    }
    await deps.store.db.updateTable('nudges').set({ status: 'sent', channel: posted.channel, message_ts: posted.ts, sent_at: now }).where('id', 'in', ids).execute();
    result.sent++;
    deps.logger.info({ user, tickets: claimed.map((r) => r.ticket_key) }, 'nudge sent');
  }
  return result;
}

/** A fixed ticket: its queued nudges are dropped and the DMs that named it say "fixed, thank you". */
export async function nudgeFixed(deps: NudgeDeps, ticketKey: string): Promise<number> {
  await deps.store.db.updateTable('nudges').set({ status: 'dropped' }).where('ticket_key', '=', ticketKey).where('status', '=', 'queued').execute();
  const sent = await deps.store.db.selectFrom('nudges').selectAll().where('ticket_key', '=', ticketKey).where('status', '=', 'sent').execute();
  if (sent.length === 0) return 0;
  await deps.store.db.updateTable('nudges').set({ status: 'fixed' }).where('id', 'in', sent.map((r) => r.id)).execute();
  const messages = new Set(sent.map((r) => `${r.channel}|${r.message_ts}`));
  for (const message of messages) {
    const [channel, ts] = message.split('|') as [string, string];
    const rows = await deps.store.db.selectFrom('nudges').selectAll().where('channel', '=', channel).where('message_ts', '=', ts).orderBy('id').execute();
    await deps.dm.update(channel, ts, nudgeMessage(rows.map(itemOf), deps.browse));
  }
  return messages.size;
}

/** "Snooze a week": no nudge about these findings again, and none at all for the week. */
export async function snooze(deps: Pick<NudgeDeps, 'store' | 'config' | 'clock'>, userId: string, ticketKey: string): Promise<void> {
  const last = await deps.store.db.selectFrom('nudges').select('findings_hash').where('slack_user_id', '=', userId).where('ticket_key', '=', ticketKey).orderBy('id', 'desc').executeTakeFirst();
  const row = { slack_user_id: userId, ticket_key: ticketKey, findings_hash: (last?.findings_hash ?? '').split('|')[0]!, until: deps.clock() + deps.config.nudges.snoozeDays * DAY };
  await deps.store.db
    .insertInto('snoozes')
    .values(row)
    .onConflict((oc) => oc.columns(['slack_user_id', 'ticket_key']).doUpdateSet({ findings_hash: row.findings_hash, until: row.until }))
    .execute();
}
