import { randomUUID } from 'node:crypto';
import type { CentricConfig } from '../core/config-types.js';
import { decideNudge } from '../core/nudge-policy.js';
import type { Report } from '../core/types.js';
import type { Logger } from '../runtime/logger.js';
import type { Metrics } from '../runtime/metrics.js';
import type { Store } from '../store/database.js';
import {
  claimNudges,
  dropQueuedNudgesOf,
  lastFindingsHash,
  lastSentAt,
  markNudgesSent,
  moveNudge,
  nudgesInMessage,
  queuedNudges,
  queueNudgeOnce,
  requeueNudges,
  requeueStaleClaims,
  sentNudgesOf,
  setNudgeStatus,
  type NudgeRow,
} from '../store/nudges.js';
import { findingsHash } from '../store/reports.js';
import { saveSnooze, snoozesOf } from '../store/snoozes.js';
import { slackUsersOf } from '../store/user-links.js';
import { userSettingsOf } from '../store/user-settings.js';
import { slackFailureOf, type NudgeItem, type SlackDm, type SlackUsers } from './ports.js';

export interface NudgeDeps {
  store: Store;
  config: CentricConfig;
  clock: () => number;
  users: Pick<SlackUsers, 'timezone'>;
  dm: SlackDm;
  logger: Logger;
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
async function recipients(deps: Pick<NudgeDeps, 'store' | 'config'>, ticket: NudgeTicket): Promise<string[]> {
  const who = deps.config.nudges.recipients;
  const accounts = [who !== 'assignee' ? ticket.reporterAccountId : null, who !== 'reporter' ? ticket.assigneeAccountId : null].filter((a): a is string => !!a);
  return slackUsersOf(deps.store, accounts);
}

/** Queues a nudge for a failing ticket; the same findings are never queued twice for a person. */
export async function queueNudge(deps: Pick<NudgeDeps, 'store' | 'config' | 'clock'>, ticket: NudgeTicket, report: Report, trigger?: string): Promise<number> {
  // A move that matters (a status, a sprint) is worth one nudge even about findings already sent.
  const hash = trigger ? `${findingsHash(report)}|${trigger}` : findingsHash(report);
  const findings = [...(report.findings ?? [])].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]).slice(0, 2);
  const details = JSON.stringify({ summary: ticket.summary, score: report.score ?? null, findings });
  let queued = 0;
  for (const user of await recipients(deps, ticket)) {
    if (await queueNudgeOnce(deps.store, { slackUserId: user, ticketKey: ticket.key, findingsHash: hash, details, now: deps.clock() })) queued++;
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

const attemptsOf = (row: NudgeRow): number => {
  const attempts = (JSON.parse(row.details ?? '{}') as { attempts?: unknown }).attempts;
  return typeof attempts === 'number' ? attempts : 0;
};

/** One dispatch: its time, its deps and the tally it returns. */
interface Dispatch {
  deps: NudgeDeps;
  now: number;
  result: DispatchResult;
}

async function drop(d: Dispatch, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await setNudgeStatus(d.deps.store, ids, 'dropped');
  d.result.dropped += ids.length;
}

/** A Slack call for `user` failed: rows (still in `status`, 'queued' or the claim) are given up on, or wait for a retry. */
async function failed(d: Dispatch, user: string, rows: NudgeRow[], status: string, err: unknown): Promise<void> {
  const { deps, now, result } = d;
  const failure = slackFailureOf(err);
  const tickets = rows.map((r) => r.ticket_key);
  if (failure.kind === 'app') {
    // The bot's token, not this person: the nudges wait as they were, and the dispatch stops (every DM would fail alike).
    await requeueNudges(deps.store, rows.map((r) => r.id), status);
    throw err;
  }
  const attempts = Math.max(0, ...rows.map(attemptsOf)) + 1;
  const note = (row: NudgeRow) => JSON.stringify({ ...(JSON.parse(row.details ?? '{}') as object), attempts, lastError: failure.code });
  if (failure.kind === 'recipient' || attempts >= MAX_NUDGE_ATTEMPTS) {
    const reason = failure.kind === 'recipient' ? failure.code : 'attempts_exhausted';
    for (const row of rows) await moveNudge(deps.store, row.id, status, { status: 'undeliverable', sentAt: now, details: note(row) });
    deps.metrics?.nudgesUndeliverable.inc({ reason });
    result.undeliverable = (result.undeliverable ?? 0) + 1;
    deps.logger.warn({ err, user, code: failure.code, reason, attempts, tickets }, 'nudge undeliverable: this person\'s queued nudges are given up on');
    return;
  }
  const retryAt = now + Math.max(nudgeBackoffMs(attempts), failure.retryAfterMs ?? 0);
  for (const row of rows) await moveNudge(deps.store, row.id, status, { status: 'queued', sentAt: retryAt, details: note(row) });
  deps.metrics?.nudgesRetried.inc({ reason: failure.code });
  result.failed = (result.failed ?? 0) + 1;
  deps.logger.warn({ err, user, code: failure.code, attempts, retryAt: new Date(retryAt).toISOString(), tickets }, 'nudge DM failed; retried after a backoff');
}

/** The newest queued state of each of a person's tickets that they did not snooze; the rest is dropped. */
async function worthSending(d: Dispatch, user: string, rows: NudgeRow[]): Promise<NudgeRow[]> {
  const snoozes = await snoozesOf(d.deps.store, user);
  const findingsOf = (hash: string) => hash.split('|')[0];
  const snoozed = (r: NudgeRow) => snoozes.some((s) => s.ticket_key === r.ticket_key && (findingsOf(s.findings_hash) === findingsOf(r.findings_hash) || d.now < s.until));
  // Only the newest queued state of each ticket is worth a message.
  const newest = new Map(rows.map((r) => [r.ticket_key, r]));
  await drop(d, rows.filter((r) => newest.get(r.ticket_key) !== r || snoozed(r)).map((r) => r.id));
  return [...newest.values()].filter((r) => !snoozed(r));
}

/** Whether the policy lets a person be DMed now (working hours, mute, daily cap); null when Slack could not tell their timezone. */
async function mayDm(d: Dispatch, user: string, items: NudgeRow[]): Promise<boolean | null> {
  const { deps, now } = d;
  const settings = await userSettingsOf(deps.store, user);
  const last = await lastSentAt(deps.store, user);
  let timezone: string;
  try {
    timezone = await deps.users.timezone(user);
  } catch (err) {
    await failed(d, user, items, 'queued', err);
    return null;
  }
  const [start, end] = settings?.workingHours?.split('-') ?? [];
  const decision = decideNudge({
    now,
    timezone,
    hours: start && end ? { ...deps.config.nudges.workingHours, start, end } : deps.config.nudges.workingHours,
    mutedUntil: settings?.mutedUntil ?? null,
    lastSentAt: last,
    minGapMs: DAY / deps.config.nudges.perDay,
  });
  if (decision.send) return true;
  if (decision.retryAt === null) await drop(d, items.map((r) => r.id));
  else d.result.held += items.length;
  deps.logger.debug({ user, tickets: items.length, reason: decision.reason }, 'nudge not sent now');
  return false;
}

/** Claims a person's tickets, then sends them one DM listing them all. */
async function sendTo(d: Dispatch, user: string, items: NudgeRow[]): Promise<void> {
  const { deps, now } = d;
  // Claimed before sending, so a second dispatcher (another event, another replica) never DMs the same tickets.
  const claim = `sending:${randomUUID()}`;
  const claimed = await claimNudges(deps.store, items.map((r) => r.id), claim, now);
  if (claimed.length === 0) return;
  let posted: { channel: string; ts: string };
  try {
    posted = await deps.dm.postNudge(user, claimed.map(itemOf));
  } catch (err) {
    await failed(d, user, claimed, claim, err);
    return;
  }
  await markNudgesSent(deps.store, claimed.map((r) => r.id), posted, now);
  d.result.sent++;
  deps.logger.info({ user, tickets: claimed.map((r) => r.ticket_key) }, 'nudge sent');
}

async function dispatchTo(d: Dispatch, user: string, rows: NudgeRow[]): Promise<void> {
  const items = await worthSending(d, user, rows);
  if (items.length === 0) return;
  // The last DM to this person failed: everything for them waits out the backoff, together.
  if (items.some((r) => r.sent_at > d.now)) {
    d.result.held += items.length;
    d.deps.logger.debug({ user, tickets: items.length, retryAt: new Date(Math.max(...items.map((r) => r.sent_at))).toISOString() }, 'nudge not sent now: backing off after a failed DM');
    return;
  }
  if (await mayDm(d, user, items)) await sendTo(d, user, items);
}

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
  const d: Dispatch = { deps, now: deps.clock(), result: { sent: 0, held: 0, dropped: 0 } };
  // A dispatcher that died between claiming and sending left its claim behind: queue those again.
  await requeueStaleClaims(deps.store, d.now - STALE_CLAIM_MS);
  const byUser = new Map<string, NudgeRow[]>();
  for (const row of await queuedNudges(deps.store)) byUser.set(row.slack_user_id, [...(byUser.get(row.slack_user_id) ?? []), row]);
  for (const [user, rows] of byUser) await dispatchTo(d, user, rows);
  return d.result;
}

/** A fixed ticket: its queued nudges are dropped and the DMs that named it say "fixed, thank you". */
export async function nudgeFixed(deps: Pick<NudgeDeps, 'store' | 'dm'>, ticketKey: string): Promise<number> {
  await dropQueuedNudgesOf(deps.store, ticketKey);
  const sent = await sentNudgesOf(deps.store, ticketKey);
  if (sent.length === 0) return 0;
  await setNudgeStatus(deps.store, sent.map((r) => r.id), 'fixed');
  const messages = new Set(sent.map((r) => `${r.channel}|${r.message_ts}`));
  for (const message of messages) {
    const [channel, ts] = message.split('|') as [string, string];
    const rows = await nudgesInMessage(deps.store, channel, ts);
    // Its recipient's language, which a restart since the DM was sent does not forget.
    await deps.dm.updateNudge(channel, ts, rows.map(itemOf), rows[0]?.slack_user_id);
  }
  return messages.size;
}

/** "Snooze a week": no nudge about these findings again, and none at all for the week. */
export async function snooze(deps: Pick<NudgeDeps, 'store' | 'config' | 'clock'>, userId: string, ticketKey: string): Promise<void> {
  const last = await lastFindingsHash(deps.store, userId, ticketKey);
  await saveSnooze(deps.store, { slack_user_id: userId, ticket_key: ticketKey, findings_hash: (last ?? '').split('|')[0]!, until: deps.clock() + deps.config.nudges.snoozeDays * DAY });
}
