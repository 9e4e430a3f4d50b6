import { randomUUID } from 'node:crypto';
import type { CentricConfig } from '../core/config-types.js';
import { decideNudge } from '../core/nudge-policy.js';
import type { Report } from '../core/types.js';
import type { Logger } from '../runtime/logger.js';
import { nudgeMessage, type NudgeItem, type SlackMessage } from '../slack/blocks.js';
import type { Store } from '../store/database.js';
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

/**
 * Sends what the policy allows: per person, one DM with every queued ticket, inside their working
 * hours, at most `perDay` a day, nothing while muted, nothing about findings they snoozed.
 */
export async function dispatchNudges(deps: NudgeDeps): Promise<{ sent: number; held: number; dropped: number }> {
  const now = deps.clock();
  // A dispatcher that died between claiming and sending left its claim behind: queue those again.
  await deps.store.db.updateTable('nudges').set({ status: 'queued', sent_at: 0 }).where('status', 'like', 'sending:%').where('sent_at', '<', now - STALE_CLAIM_MS).execute();
  const queued = await deps.store.db.selectFrom('nudges').selectAll().where('status', '=', 'queued').orderBy('id').execute();
  const byUser = new Map<string, typeof queued>();
  for (const row of queued) byUser.set(row.slack_user_id, [...(byUser.get(row.slack_user_id) ?? []), row]);
  const result = { sent: 0, held: 0, dropped: 0 };
  const drop = async (ids: number[]) => {
    if (ids.length === 0) return;
    await deps.store.db.updateTable('nudges').set({ status: 'dropped' }).where('id', 'in', ids).execute();
    result.dropped += ids.length;
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

    const mute = await deps.store.db.selectFrom('mutes').selectAll().where('slack_user_id', '=', user).executeTakeFirst();
    const last = await deps.store.db.selectFrom('nudges').select((eb) => eb.fn.max('sent_at').as('at')).where('slack_user_id', '=', user).where('status', 'in', ['sent', 'fixed']).executeTakeFirst();
    const decision = decideNudge({
      now,
      timezone: await deps.users.timezone(user),
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
      await deps.store.db.updateTable('nudges').set({ status: 'queued', sent_at: 0 }).where('id', 'in', ids).execute();
      throw err;
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
