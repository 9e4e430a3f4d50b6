import { type Kysely, type Selectable, sql } from 'kysely';
import { eachChunk } from './chunks.js';
import type { Store } from './database.js';
import { deleteInBatches, PRUNE_BATCH } from './reports.js';
import type { Database, NudgesTable } from './schema.js';

/** A nudge: one ticket's findings for one person, queued, being sent, sent, fixed, dropped or undeliverable. */
export type NudgeRow = Selectable<NudgesTable>;

export interface NewNudge {
  slackUserId: string;
  ticketKey: string;
  /** The findings (and the trigger, if any) it is about: the same ones are never queued twice. */
  findingsHash: string;
  /** What the DM shows of the ticket (JSON). */
  details: string;
  now: number;
}

/**
 * An update of many nudges by id, chunked (the list may outgrow the databases' parameter limits)
 * and in one transaction, so it happens to all of them or to none; nothing at all for no ids.
 */
async function inOneTransaction(store: Store, ids: number[], update: (db: Kysely<Database>, chunk: number[]) => Promise<unknown>): Promise<void> {
  if (ids.length === 0) return;
  await store.db.transaction().execute((trx) => eachChunk(ids, (chunk) => update(trx, chunk)));
}

/** Queues a nudge unless this person already had one about these findings; true when queued. */
export async function queueNudgeOnce(store: Store, nudge: NewNudge): Promise<boolean> {
  const seen = await store.db
    .selectFrom('nudges')
    .select('id')
    .where('slack_user_id', '=', nudge.slackUserId)
    .where('ticket_key', '=', nudge.ticketKey)
    .where('findings_hash', '=', nudge.findingsHash)
    .executeTakeFirst();
  if (seen) return false;
  await store.db
    .insertInto('nudges')
    .values({ slack_user_id: nudge.slackUserId, ticket_key: nudge.ticketKey, findings_hash: nudge.findingsHash, channel: null, message_ts: null, status: 'queued', sent_at: 0, details: nudge.details, queued_at: nudge.now })
    .execute();
  return true;
}

/** Queues again the nudges a dispatcher claimed before `claimedBefore` and never finished: it died. */
export async function requeueStaleClaims(store: Store, claimedBefore: number): Promise<void> {
  await store.db.updateTable('nudges').set({ status: 'queued', sent_at: 0 }).where('status', 'like', 'sending:%').where('sent_at', '<', claimedBefore).execute();
}

/** Every queued nudge, oldest first. */
export async function queuedNudges(store: Store): Promise<NudgeRow[]> {
  return store.db.selectFrom('nudges').selectAll().where('status', '=', 'queued').orderBy('id').execute();
}

export async function setNudgeStatus(store: Store, ids: number[], status: 'dropped' | 'fixed'): Promise<void> {
  await inOneTransaction(store, ids, (db, chunk) => db.updateTable('nudges').set({ status }).where('id', 'in', chunk).execute());
}

/** Puts nudges still in `fromStatus` back in the queue, to go at once. */
export async function requeueNudges(store: Store, ids: number[], fromStatus: string): Promise<void> {
  await inOneTransaction(store, ids, (db, chunk) => db.updateTable('nudges').set({ status: 'queued', sent_at: 0 }).where('id', 'in', chunk).where('status', '=', fromStatus).execute());
}

/** Moves one nudge on from `fromStatus` (a claim, or queued), unless someone else already did. */
export async function moveNudge(store: Store, id: number, fromStatus: string, to: { status: string; sentAt: number; details: string }): Promise<void> {
  await store.db.updateTable('nudges').set({ status: to.status, sent_at: to.sentAt, details: to.details }).where('id', '=', id).where('status', '=', fromStatus).execute();
}

/** When a person was last sent a DM (sent or since fixed); null when never. */
export async function lastSentAt(store: Store, slackUserId: string): Promise<number | null> {
  const row = await store.db
    .selectFrom('nudges')
    .select((eb) => eb.fn.max('sent_at').as('at'))
    .where('slack_user_id', '=', slackUserId)
    .where('status', 'in', ['sent', 'fixed'])
    .executeTakeFirst();
  return row?.at ? Number(row.at) : null;
}

/**
 * Claims queued nudges for one dispatcher (`claim` is its own "sending:<id>" status) and resolves
 * to the ones it got: a second dispatcher claiming the same rows gets none of them.
 */
export async function claimNudges(store: Store, ids: number[], claim: string, now: number): Promise<NudgeRow[]> {
  if (ids.length === 0) return [];
  await inOneTransaction(store, ids, (db, chunk) => db.updateTable('nudges').set({ status: claim, sent_at: now }).where('id', 'in', chunk).where('status', '=', 'queued').execute());
  return store.db.selectFrom('nudges').selectAll().where('status', '=', claim).orderBy('id').execute();
}

/** Records the DM that carried these nudges, to update it when a ticket is fixed. */
export async function markNudgesSent(store: Store, ids: number[], message: { channel: string; ts: string }, now: number): Promise<void> {
  await inOneTransaction(store, ids, (db, chunk) => db.updateTable('nudges').set({ status: 'sent', channel: message.channel, message_ts: message.ts, sent_at: now }).where('id', 'in', chunk).execute());
}

/** Drops a ticket's queued nudges: nothing about it is worth sending any more. */
export async function dropQueuedNudgesOf(store: Store, ticketKey: string): Promise<void> {
  await store.db.updateTable('nudges').set({ status: 'dropped' }).where('ticket_key', '=', ticketKey).where('status', '=', 'queued').execute();
}

export async function sentNudgesOf(store: Store, ticketKey: string): Promise<NudgeRow[]> {
  return store.db.selectFrom('nudges').selectAll().where('ticket_key', '=', ticketKey).where('status', '=', 'sent').execute();
}

/** The nudges one DM carried, in the order it lists them. */
export async function nudgesInMessage(store: Store, channel: string, ts: string): Promise<NudgeRow[]> {
  return store.db.selectFrom('nudges').selectAll().where('channel', '=', channel).where('message_ts', '=', ts).orderBy('id').execute();
}

/** The findings hash of the newest nudge to a person about a ticket. */
export async function lastFindingsHash(store: Store, slackUserId: string, ticketKey: string): Promise<string | undefined> {
  const row = await store.db
    .selectFrom('nudges')
    .select('findings_hash')
    .where('slack_user_id', '=', slackUserId)
    .where('ticket_key', '=', ticketKey)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.findings_hash;
}

/** Nudges nothing will change any more: everything but queued and being sent. */
const SETTLED = ['sent', 'fixed', 'dropped', 'undeliverable'];

/**
 * Deletes settled nudges queued and sent before `before`, in batches; the newest nudge of each
 * person, ticket and findings stays whatever its age (queueNudgeOnce looks for it: findings a
 * person was already sent are never sent again), and queued ones (or ones being sent) are never
 * touched. Resolves to how many went.
 */
export async function pruneNudges(store: Store, before: number, batch = PRUNE_BATCH): Promise<number> {
  return deleteInBatches(async (limit) => {
    const old = store.db
      .selectFrom('nudges as old')
      .select('old.id')
      .where('old.status', 'in', SETTLED)
      .where('old.sent_at', '<', before)
      .where(sql<number>`coalesce(old.queued_at, 0)`, '<', before)
      .where((eb) => eb.exists(eb.selectFrom('nudges as newer').select('newer.id').whereRef('newer.slack_user_id', '=', 'old.slack_user_id').whereRef('newer.ticket_key', '=', 'old.ticket_key').whereRef('newer.findings_hash', '=', 'old.findings_hash').whereRef('newer.id', '>', 'old.id')))
      .limit(limit);
    return (await store.db.deleteFrom('nudges').where('id', 'in', old).executeTakeFirst()).numDeletedRows;
  }, batch);
}
