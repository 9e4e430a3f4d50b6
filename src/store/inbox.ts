import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { Enqueued, NewEvent } from '../flows/ports.js';
import type { Store } from './database.js';
import type { Database, InboxStatus, InboxTable } from './schema.js';

// Declared with the ports, as the webhook route and the poller hand events over through them.
export type { Enqueued, NewEvent };

type Candidate = { id: number; ticket_key: string | null };
type CandidateQuery = SelectQueryBuilder<Database, 'inbox', Candidate>;

export interface InboxEvent {
  id: number;
  deliveryId: string | null;
  kind: string;
  ticketKey: string | null;
  payload: unknown;
  attempts: number;
  createdAt: number;
}


const toEvent = (row: Pick<InboxTable, 'delivery_id' | 'kind' | 'ticket_key' | 'payload' | 'next_attempt_at' | 'created_at'> & { id: number; attempts: number }): InboxEvent => ({
  id: row.id,
  deliveryId: row.delivery_id,
  kind: row.kind,
  ticketKey: row.ticket_key,
  payload: JSON.parse(row.payload),
  attempts: row.attempts,
  createdAt: row.created_at,
});

/**
 * Stores an event before it is acknowledged. A delivery already stored (same delivery id), or the
 * same event under another delivery id (same identity: a replay), is not stored twice.
 * The webhook route stores through InboxBatcher (inbox-batch.ts): the same, many to a transaction.
 */
export async function enqueue(store: Store, event: NewEvent, now: number): Promise<Enqueued> {
  return insertEvent(store.db, event, now);
}

/** One event's insert and debounce update, on the database or inside a caller's transaction. */
export async function insertEvent(db: Kysely<Database> | Transaction<Database>, event: NewEvent, now: number): Promise<Enqueued> {
  const due = Math.max(now, event.notBefore ?? now);
  const row = await db
    .insertInto('inbox')
    .values(rowOf(event, now))
    // No conflict target: a clash on either unique column (delivery_id, event_identity) is a duplicate.
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return { id: null, duplicate: true };
  if (event.ticketKey && due > now) {
    await db
      .updateTable('inbox')
      .set({ next_attempt_at: due, updated_at: now })
      .where('ticket_key', '=', event.ticketKey)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<', due)
      .execute();
  }
  return { id: row.id, duplicate: false };
}

/** An event to store, with the time it arrived. */
export interface Arrival {
  event: NewEvent;
  now: number;
}

/**
 * Stores many events as `insertEvent` would one after the other, in arrival order, in two
 * statements: one multi-row insert (so a batch costs one round trip and one commit, not one per
 * event) and, when some are debounced, one update of their tickets' pending events. Copies within
 * the batch (same delivery id or same identity as an earlier event kept) answer duplicate without
 * reaching the database; the rows the insert returns are matched back by delivery id, else
 * identity. Events with neither cannot clash and are stored one by one.
 */
export async function insertEvents(db: Kysely<Database> | Transaction<Database>, arrivals: Arrival[]): Promise<Enqueued[]> {
  const results: Array<Enqueued | undefined> = new Array(arrivals.length);
  const deliveries = new Set<string>();
  const identities = new Set<string>();
  const batch: number[] = [];
  for (const [i, { event }] of arrivals.entries()) {
    const { deliveryId, identity } = event;
    if (!deliveryId && !identity) continue;
    if ((deliveryId && deliveries.has(deliveryId)) || (identity && identities.has(identity))) {
      results[i] = { id: null, duplicate: true };
      continue;
    }
    if (deliveryId) deliveries.add(deliveryId);
    if (identity) identities.add(identity);
    batch.push(i);
  }
  if (batch.length > 0) {
    const rows = await db
      .insertInto('inbox')
      .values(batch.map((i) => rowOf(arrivals[i]!.event, arrivals[i]!.now)))
      .onConflict((oc) => oc.doNothing())
      .returning(['id', 'delivery_id', 'event_identity'])
      .execute();
    const byDelivery = new Map(rows.filter((r) => r.delivery_id !== null).map((r) => [r.delivery_id!, r.id]));
    const byIdentity = new Map(rows.filter((r) => r.event_identity !== null).map((r) => [r.event_identity!, r.id]));
    for (const i of batch) {
      const { deliveryId, identity } = arrivals[i]!.event;
      const id = deliveryId ? byDelivery.get(deliveryId) : byIdentity.get(identity!);
      results[i] = id === undefined ? { id: null, duplicate: true } : { id, duplicate: false };
    }
    await debounceTickets(db, batch.filter((i) => results[i]!.id !== null).map((i) => arrivals[i]!));
  }
  for (const [i, { event, now }] of arrivals.entries()) results[i] ??= await insertEvent(db, event, now);
  return results as Enqueued[];
}

function rowOf(event: NewEvent, now: number) {
  return {
    delivery_id: event.deliveryId ?? null,
    event_identity: event.identity ?? null,
    kind: event.kind,
    ticket_key: event.ticketKey ?? null,
    payload: JSON.stringify(event.payload),
    next_attempt_at: Math.max(now, event.notBefore ?? now),
    locked_by: null,
    locked_until: null,
    last_error: null,
    coalesced_into: null,
    created_at: now,
    updated_at: now,
  };
}

/** The debounce of stored events, as insertEvent applies it: each ticket's pending events wait until its latest due time. */
async function debounceTickets(db: Kysely<Database> | Transaction<Database>, stored: Arrival[]): Promise<void> {
  const latest = new Map<string, { due: number; now: number }>();
  for (const { event, now } of stored) {
    const due = Math.max(now, event.notBefore ?? now);
    if (!event.ticketKey || due <= now) continue;
    const seen = latest.get(event.ticketKey);
    if (!seen || due > seen.due) latest.set(event.ticketKey, { due, now });
  }
  if (latest.size === 0) return;
  const tickets = [...latest.keys()];
  // Per ticket, one CASE over ticket_key: each row gets its own ticket's value.
  const perTicket = (eb: ExpressionBuilder<Database, 'inbox'>, pick: (l: { due: number; now: number }) => number) => {
    const value = (t: string) => eb.cast<number>(eb.val(pick(latest.get(t)!)), 'bigint');
    let out = eb.case('ticket_key').when(tickets[0]!).then(value(tickets[0]!));
    for (const t of tickets.slice(1)) out = out.when(t).then(value(t));
    return out.else(eb.cast<number>(eb.val(0), 'bigint')).end(); // never taken: the rows are of these tickets
  };
  await db
    .updateTable('inbox')
    .set((eb) => ({ next_attempt_at: perTicket(eb, (l) => l.due), updated_at: perTicket(eb, (l) => l.now) }))
    .where('ticket_key', 'in', tickets)
    .where('status', '=', 'pending')
    .where((eb) => eb('next_attempt_at', '<', perTicket(eb, (l) => l.due)))
    .execute();
}

/**
 * Claims up to `limit` events for one worker: due pending events, and events whose worker died
 * (lease expired). A ticket with an event in flight elsewhere is left alone. Of several claimable
 * events of one ticket the newest is processed and the older ones are marked coalesced into it.
 * Postgres: FOR UPDATE SKIP LOCKED, and a transaction-scoped advisory lock per ticket, so two
 * workers never claim the same event or the same ticket.
 */
export async function claim(store: Store, workerId: string, limit: number, now: number, leaseMs: number): Promise<InboxEvent[]> {
  return (await completeAndClaim(store, workerId, [], limit, now, leaseMs)).claimed;
}

/**
 * Marks `done` events done (as `complete` does) and claims up to `limit` more (as `claim` does),
 * in one transaction: a worker finishing events and taking new ones commits once, not once per
 * event, and the tickets it just finished are free to claim again at once.
 */
export async function completeAndClaim(store: Store, workerId: string, done: number[], limit: number, now: number, leaseMs: number): Promise<{ completed: number[]; claimed: InboxEvent[] }> {
  if (limit <= 0 && done.length === 0) return { completed: [], claimed: [] };
  if (limit <= 0) return { completed: await completeMany(store.db, done, workerId, now), claimed: [] };
  return store.db.transaction().execute(async (trx) => {
    const completed = await completeMany(trx, done, workerId, now);
    return { completed, claimed: await claimIn(trx, store.dialect, workerId, limit, now, leaseMs) };
  });
}

/** `claim` inside the caller's transaction. */
async function claimIn(trx: Transaction<Database>, dialect: Store['dialect'], workerId: string, limit: number, now: number, leaseMs: number): Promise<InboxEvent[]> {
  const postgres = dialect === 'postgres';
  const busyTicket = sql<boolean>`exists (select 1 from inbox busy where busy.ticket_key = inbox.ticket_key and busy.status = 'processing' and busy.locked_until >= ${now} and busy.id <> inbox.id)`;
  const notBusy = (q: CandidateQuery): CandidateQuery => q.where((eb) => eb.or([eb('ticket_key', 'is', null), eb.not(busyTicket)]));
  // Two scans, each along the inbox_claim index (status, next_attempt_at), so a claim reads about
  // what it takes however many events are stored or waiting: the due events oldest first (an
  // index range that stops at the limit), and the few whose worker died (lease expired).
  let due = notBusy(trx.selectFrom('inbox').select(['id', 'ticket_key']).where('status', '=', 'pending').where('next_attempt_at', '<=', now))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit * 4);
  let abandoned = notBusy(trx.selectFrom('inbox').select(['id', 'ticket_key']).where('status', '=', 'processing').where('locked_until', '<', now))
    .orderBy('id')
    .limit(limit * 4);
  if (postgres) {
    due = due.forUpdate().skipLocked();
    abandoned = abandoned.forUpdate().skipLocked();
  }
  let candidates = [...(await abandoned.execute()), ...(await due.execute())];
  if (postgres) candidates = await keepTicketsWeCanLock(trx, candidates, now);

  const newestPerTicket = new Map<string, number>();
  for (const c of candidates) if (c.ticket_key) newestPerTicket.set(c.ticket_key, Math.max(c.id, newestPerTicket.get(c.ticket_key) ?? 0));
  const chosen = candidates.filter((c) => !c.ticket_key || newestPerTicket.get(c.ticket_key) === c.id).slice(0, limit);
  const chosenTickets = new Set(chosen.map((c) => c.ticket_key));
  const coalesced = candidates.filter((c) => c.ticket_key && chosenTickets.has(c.ticket_key) && newestPerTicket.get(c.ticket_key) !== c.id);
  if (chosen.length === 0) return [];

  // One statement for all the coalesced events, each pointing at the newest event of its ticket.
  if (coalesced.length > 0) {
    await trx
      .updateTable('inbox')
      .set((eb) => {
        const [first, ...others] = [...new Set(coalesced.map((c) => c.ticket_key!))];
        const newest = (ticket: string) => eb.cast<number>(eb.val(newestPerTicket.get(ticket)!), 'integer');
        let into = eb.case('ticket_key').when(first!).then(newest(first!));
        for (const ticket of others) into = into.when(ticket).then(newest(ticket));
        return { status: 'coalesced', coalesced_into: into.end(), locked_by: null, locked_until: null, updated_at: now };
      })
      .where('id', 'in', coalesced.map((c) => c.id))
      .execute();
  }
  const rows = await trx
    .updateTable('inbox')
    .set((eb) => ({ status: 'processing', locked_by: workerId, locked_until: now + leaseMs, attempts: eb('attempts', '+', 1), updated_at: now }))
    .where('id', 'in', chosen.map((c) => c.id))
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.id - b.id).map(toEvent);
}

/**
 * Postgres: takes a transaction-scoped advisory lock per candidate ticket and drops the tickets
 * another claim holds, or that a claim committed in the meantime put in flight. Locks are taken
 * here, on the few candidates, not in the scan's WHERE, where Postgres would take one for every
 * row it reads.
 */
async function keepTicketsWeCanLock(trx: Transaction<Database>, candidates: Candidate[], now: number): Promise<Candidate[]> {
  const tickets = [...new Set(candidates.map((c) => c.ticket_key).filter((t): t is string => t !== null))];
  if (tickets.length === 0) return candidates;
  const locked = await sql<{ ticket: string }>`select t as ticket from unnest(${tickets}::text[]) as t where pg_try_advisory_xact_lock(hashtext(t))`.execute(trx);
  const ours = new Set(locked.rows.map((r) => r.ticket));
  if (ours.size > 0) {
    const busy = await trx
      .selectFrom('inbox')
      .select('ticket_key')
      .where('ticket_key', 'in', [...ours])
      .where('status', '=', 'processing')
      .where('locked_until', '>=', now)
      .where('id', 'not in', candidates.map((c) => c.id))
      .execute();
    for (const b of busy) ours.delete(b.ticket_key!);
  }
  return candidates.filter((c) => c.ticket_key === null || ours.has(c.ticket_key));
}

/** Extends the lease of events a live worker is still processing. */
export async function renew(store: Store, ids: number[], workerId: string, now: number, leaseMs: number): Promise<void> {
  if (ids.length === 0) return;
  await store.db
    .updateTable('inbox')
    .set({ locked_until: now + leaseMs, updated_at: now })
    .where('id', 'in', ids)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'processing')
    .execute();
}

/** Marks an event done; false when this worker no longer holds it (its lease was taken over). */
export async function complete(store: Store, id: number, workerId: string, now: number): Promise<boolean> {
  const result = await store.db
    .updateTable('inbox')
    .set({ status: 'done', locked_by: null, locked_until: null, last_error: null, updated_at: now })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'processing')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks events done in one statement; returns those this worker still held (the others' leases were taken over). */
export async function completeMany(db: Kysely<Database> | Transaction<Database>, ids: number[], workerId: string, now: number): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('inbox')
    .set({ status: 'done', locked_by: null, locked_until: null, last_error: null, updated_at: now })
    .where('id', 'in', ids)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'processing')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Records a failure: back to pending at `retryAt`, or dead-lettered when `retryAt` is null. */
export async function fail(store: Store, id: number, workerId: string, error: string, retryAt: number | null, now: number): Promise<void> {
  await store.db
    .updateTable('inbox')
    .set({
      status: retryAt === null ? 'dead' : 'pending',
      next_attempt_at: retryAt ?? now,
      locked_by: null,
      locked_until: null,
      last_error: error.slice(0, 2000),
      updated_at: now,
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

/** Events waiting or in flight: the queue depth. */
export async function depth(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('inbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['pending', 'processing'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface InboxRow {
  id: number;
  deliveryId: string | null;
  kind: string;
  ticketKey: string | null;
  status: InboxStatus;
  attempts: number;
  lastError: string | null;
  coalescedInto: number | null;
}

/** Every event, oldest first: for tests, the CLI and operators. */
export async function listEvents(store: Store): Promise<InboxRow[]> {
  const rows = await store.db.selectFrom('inbox').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    deliveryId: r.delivery_id,
    kind: r.kind,
    ticketKey: r.ticket_key,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    coalescedInto: r.coalesced_into,
  }));
}
