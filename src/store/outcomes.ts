import type { Selectable } from 'kysely';
import type { MetricPromise } from '../core/metric/promise.js';
import type { Store } from './database.js';
import { deleteInBatches, PRUNE_BATCH } from './reports.js';
import type { OutcomeReviewsTable } from './schema.js';

/** An outcome review as stored. */
export type ReviewRow = Selectable<OutcomeReviewsTable>;

/**
 * The `promise` column, read: the story's metric, and the language the story is written in, kept
 * beside it for the outcome comment days later. Null where it holds neither (a row written by hand,
 * a review scheduled before the language was kept).
 */
export interface StoredPromise {
  promise: MetricPromise | null;
  language: string | null;
}

/** The `promise` column of a story's metric and its language (none when the story had none). */
export const storedPromiseJson = (metric: MetricPromise, language: string | null | undefined): string => JSON.stringify(language ? { ...metric, language } : metric);

/** Reads the `promise` column; what is no JSON, or no promise, reads as nulls rather than failing. */
export function readStoredPromise(json: string): StoredPromise {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { promise: null, language: null };
  }
  if (!value || typeof value !== 'object') return { promise: null, language: null };
  const { language, ...metric } = value as MetricPromise & { language?: unknown };
  return { promise: typeof metric.name === 'string' ? metric : null, language: typeof language === 'string' ? language : null };
}

export interface NewReview {
  ticketKey: string;
  project: string;
  summary: string;
  role: string | null;
  /** The report's `metric`, as JSON. */
  promise: string;
  reporterAccountId: string | null;
  assigneeAccountId: string | null;
  shippedAt: number;
  dueAt: number;
  now: number;
}

/** Statuses of a review still waiting for its answer. */
export const PENDING = ['scheduled', 'asked'] as const;

/**
 * Schedules the review of a shipped story once: a ticket already scheduled, asked or answered is
 * left alone (a redelivered "done", a ticket done twice); one cancelled by a reopening is
 * scheduled again. Resolves to what happened.
 */
export async function scheduleReviewOnce(store: Store, review: NewReview): Promise<'scheduled' | 'rescheduled' | 'exists'> {
  const values = {
    project: review.project,
    summary: review.summary,
    role: review.role,
    promise: review.promise,
    reporter_account_id: review.reporterAccountId,
    assignee_account_id: review.assigneeAccountId,
    shipped_at: review.shippedAt,
    due_at: review.dueAt,
    status: 'scheduled',
    updated_at: review.now,
  };
  const inserted = await store.db
    .insertInto('outcome_reviews')
    .values({ ticket_key: review.ticketKey, ...values, created_at: review.now })
    .onConflict((oc) => oc.column('ticket_key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return 'scheduled';
  const rearmed = await store.db
    .updateTable('outcome_reviews')
    .set({ ...values, asked_of: null, channel: null, message_ts: null, asked_at: null, reminded_at: null, too_early: 0, attempts: 0 })
    .where('ticket_key', '=', review.ticketKey)
    .where('status', '=', 'cancelled')
    .executeTakeFirst();
  return Number(rearmed.numUpdatedRows) > 0 ? 'rescheduled' : 'exists';
}

/** Cancels a ticket's review that waits for an answer (the ticket was reopened); resolves to the review as it was, or null. */
export async function cancelPendingReview(store: Store, ticketKey: string, now: number): Promise<ReviewRow | null> {
  const row = await store.db.selectFrom('outcome_reviews').selectAll().where('ticket_key', '=', ticketKey).where('status', 'in', [...PENDING]).executeTakeFirst();
  if (!row) return null;
  const done = await store.db.updateTable('outcome_reviews').set({ status: 'cancelled', updated_at: now }).where('id', '=', row.id).where('status', '=', row.status).executeTakeFirst();
  return Number(done.numUpdatedRows) > 0 ? row : null;
}

export async function reviewById(store: Store, id: number): Promise<ReviewRow | undefined> {
  return store.db.selectFrom('outcome_reviews').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function reviewOfTicket(store: Store, ticketKey: string): Promise<ReviewRow | undefined> {
  return store.db.selectFrom('outcome_reviews').selectAll().where('ticket_key', '=', ticketKey).executeTakeFirst();
}

/** Scheduled reviews whose time has come, oldest first. */
export async function dueReviews(store: Store, now: number): Promise<ReviewRow[]> {
  return store.db.selectFrom('outcome_reviews').selectAll().where('status', '=', 'scheduled').where('due_at', '<=', now).orderBy('due_at').orderBy('id').execute();
}

/** Takes a due review for one dispatcher: true when this one got it (another replica may have). */
export async function claimReview(store: Store, id: number, claim: string, now: number): Promise<boolean> {
  const result = await store.db.updateTable('outcome_reviews').set({ status: claim, due_at: now, updated_at: now }).where('id', '=', id).where('status', '=', 'scheduled').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Claims older than this were left by a dispatcher that died: scheduled again. */
export async function requeueStaleReviewClaims(store: Store, claimedBefore: number): Promise<void> {
  await store.db.updateTable('outcome_reviews').set({ status: 'scheduled' }).where('status', 'like', 'sending:%').where('due_at', '<', claimedBefore).execute();
}

/** Moves a review out of its claim; false when the claim was lost (it is no longer this dispatcher's). */
export async function settleClaim(store: Store, id: number, claim: string, set: Partial<Omit<ReviewRow, 'id'>>): Promise<boolean> {
  const result = await store.db.updateTable('outcome_reviews').set(set).where('id', '=', id).where('status', '=', claim).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Asked reviews without an answer (and the ones nobody could be asked), oldest first. */
export async function askedReviews(store: Store): Promise<ReviewRow[]> {
  return store.db.selectFrom('outcome_reviews').selectAll().where('status', '=', 'asked').orderBy('asked_at').orderBy('id').execute();
}

/** Marks a review reminded, once across replicas: true when this call did. */
export async function markReminded(store: Store, id: number, now: number): Promise<boolean> {
  const result = await store.db.updateTable('outcome_reviews').set({ reminded_at: now, updated_at: now }).where('id', '=', id).where('status', '=', 'asked').where('reminded_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function unmarkReminded(store: Store, id: number): Promise<void> {
  await store.db.updateTable('outcome_reviews').set({ reminded_at: null }).where('id', '=', id).execute();
}

export interface RecordedAnswer {
  outcome: string;
  measured: string | null;
  note: string | null;
  answeredBy: string;
  answeredName: string;
  answeredAccount: string | null;
  now: number;
}

/** Records the answer once: true for the first answer, false when it was answered (or cancelled) before. */
export async function recordAnswer(store: Store, id: number, answer: RecordedAnswer): Promise<boolean> {
  const result = await store.db
    .updateTable('outcome_reviews')
    .set({
      status: 'answered',
      outcome: answer.outcome,
      measured: answer.measured,
      note: answer.note,
      answered_by: answer.answeredBy,
      answered_name: answer.answeredName,
      answered_account: answer.answeredAccount,
      answered_at: answer.now,
      updated_at: answer.now,
    })
    .where('id', '=', id)
    .where('status', '=', 'asked')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** "Too early": asked again at `dueAt`; false when the review was no longer waiting for an answer. */
export async function askLater(store: Store, id: number, dueAt: number, now: number): Promise<boolean> {
  const row = await reviewById(store, id);
  if (!row || row.status !== 'asked') return false;
  const result = await store.db
    .updateTable('outcome_reviews')
    .set({ status: 'scheduled', due_at: dueAt, too_early: row.too_early + 1, reminded_at: null, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'asked')
    .where('too_early', '=', row.too_early)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function saveJiraComment(store: Store, id: number, commentId: string): Promise<void> {
  await store.db.updateTable('outcome_reviews').set({ jira_comment_id: commentId }).where('id', '=', id).execute();
}

/** The reviews of some projects (all when none are named) created or answered since `since`, for digests, the CLI and /centric outcomes. */
export async function reviewsOf(store: Store, projects: string[] | null, since: number): Promise<ReviewRow[]> {
  let query = store.db.selectFrom('outcome_reviews').selectAll();
  if (projects) query = query.where('project', 'in', projects.length > 0 ? projects : ['']);
  return query
    .where((eb) => eb.or([eb('status', 'in', ['scheduled', 'asked']), eb('status', 'like', 'sending:%'), eb('answered_at', '>=', since), eb('shipped_at', '>=', since)]))
    .orderBy('shipped_at')
    .orderBy('id')
    .execute();
}

/** Reviews waiting for this person's answer (App Home). */
export async function reviewsAskedOf(store: Store, slackUserId: string): Promise<ReviewRow[]> {
  return store.db.selectFrom('outcome_reviews').selectAll().where('status', '=', 'asked').where('asked_of', '=', slackUserId).orderBy('asked_at').execute();
}

/** Answers given before `answeredBefore` whose Jira comment is not written yet. */
export async function unwrittenAnswers(store: Store, answeredBefore: number): Promise<ReviewRow[]> {
  return store.db.selectFrom('outcome_reviews').selectAll().where('status', '=', 'answered').where('jira_comment_id', 'is', null).where('answered_at', '<=', answeredBefore).orderBy('id').limit(100).execute();
}

/** Whether a ticket's review waits for an answer (a status change of it matters: a reopening cancels it). */
export async function hasPendingReview(store: Store, ticketKey: string): Promise<boolean> {
  const row = await store.db.selectFrom('outcome_reviews').select('id').where('ticket_key', '=', ticketKey).where('status', 'in', [...PENDING]).executeTakeFirst();
  return row !== undefined;
}

/** A due review that may not be asked now (outside working hours, muted): looked at again at `dueAt`. */
export async function postponeReview(store: Store, id: number, dueAt: number): Promise<void> {
  await store.db.updateTable('outcome_reviews').set({ due_at: dueAt }).where('id', '=', id).where('status', '=', 'scheduled').execute();
}

/**
 * Deletes settled reviews last changed before `before`, in batches: cancelled, undeliverable, and
 * answered ones whose answer is written to Jira. Scheduled, asked and claimed ones (still waiting)
 * and answers Jira has not got yet are kept. Resolves to how many went.
 */
export async function pruneReviews(store: Store, before: number, batch = PRUNE_BATCH): Promise<number> {
  return deleteInBatches(async (limit) => {
    const settled = store.db
      .selectFrom('outcome_reviews')
      .select('id')
      .where('status', 'in', ['cancelled', 'undeliverable', 'answered'])
      .where((eb) => eb.or([eb('status', '<>', 'answered'), eb('jira_comment_id', 'is not', null)]))
      .where('updated_at', '<', before)
      .limit(limit);
    return (await store.db.deleteFrom('outcome_reviews').where('id', 'in', settled).executeTakeFirst()).numDeletedRows;
  }, batch);
}
