import { OUTCOME_ANSWERS, type OutcomeAnswer } from '../core/outcome/outcome.js';
import type { ReviewDetail } from '../core/outcome/stats.js';
import { selectInChunks } from './chunks.js';
import type { Store } from './database.js';
import { readStoredPromise, reviewsOf, type ReviewRow } from './outcomes.js';
import type { ReportScope } from './reports.js';

const answerOf = (outcome: string | null): OutcomeAnswer | null => (OUTCOME_ANSWERS as readonly string[]).includes(outcome ?? '') ? (outcome as OutcomeAnswer) : null;

/** A stored review as the outcome stats and lists read it. */
export function reviewDetail(row: ReviewRow): ReviewDetail {
  return {
    key: row.ticket_key,
    role: row.role,
    status: row.status,
    outcome: answerOf(row.outcome),
    shippedAt: Number(row.shipped_at),
    answeredAt: row.answered_at === null ? null : Number(row.answered_at),
    remindedAt: row.reminded_at === null ? null : Number(row.reminded_at),
    summary: row.summary,
    promise: readStoredPromise(row.promise).promise,
    measured: row.measured,
    note: row.note,
    answeredBy: row.answered_name,
    dueAt: Number(row.due_at),
    askedAt: row.asked_at === null ? null : Number(row.asked_at),
  };
}

/**
 * The reviews of a digest's scope (a project's, or those of the tickets a JQL returned) that
 * wait for an answer, or that shipped or were answered since `since`.
 */
export async function scopeReviews(store: Store, scope: ReportScope, since: number): Promise<ReviewDetail[]> {
  if (!('keys' in scope)) return (await reviewsOf(store, [scope.project], since)).map(reviewDetail);
  const rows = await selectInChunks(scope.keys, (keys) =>
    store.db
      .selectFrom('outcome_reviews')
      .selectAll()
      .where('ticket_key', 'in', keys)
      .where((eb) => eb.or([eb('status', 'in', ['scheduled', 'asked']), eb('status', 'like', 'sending:%'), eb('answered_at', '>=', since), eb('shipped_at', '>=', since)]))
      .execute(),
  );
  return rows.map(reviewDetail).sort((a, b) => a.shippedAt - b.shippedAt || a.key.localeCompare(b.key));
}
