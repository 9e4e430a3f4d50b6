import type { MetricPromise } from '../../src/core/metric/promise.js';
import type { Store } from '../../src/store/database.js';

const DAY = 86_400_000;

/** "checkout conversion from 2.1% to 2.6% within 6 weeks", as the report's `metric` says it. */
export const CONVERSION: MetricPromise = { name: 'checkout conversion', direction: 'up', baseline: 2.1, target: 2.6, kind: 'level', relative: null, unit: '%', timeframe: 'within 6 weeks', period: { count: 6, unit: 'week' } };

export interface StoredReview {
  key: string;
  project?: string;
  summary?: string;
  role?: string | null;
  promise?: MetricPromise | string;
  status?: string;
  shippedAt: number;
  dueAt?: number;
  askedAt?: number | null;
  remindedAt?: number | null;
  outcome?: 'hit' | 'missed' | 'not-measured' | null;
  measured?: string | null;
  note?: string | null;
  answeredName?: string | null;
  answeredAt?: number | null;
}

/** Writes outcome reviews as the bot stores them, straight into the table. */
export async function storeReviews(store: Store, reviews: StoredReview[]): Promise<void> {
  for (const r of reviews) {
    const answered = r.outcome ? { status: 'answered', outcome: r.outcome, answered_by: 'U1', answered_name: r.answeredName ?? 'Priya Nair', answered_at: r.answeredAt ?? r.shippedAt + 42 * DAY } : {};
    await store.db
      .insertInto('outcome_reviews')
      .values({
        ticket_key: r.key,
        project: r.project ?? r.key.split('-')[0]!,
        summary: r.summary ?? `Summary of ${r.key}`,
        role: r.role === undefined ? 'gift buyer' : r.role,
        promise: typeof r.promise === 'string' ? r.promise : JSON.stringify(r.promise ?? CONVERSION),
        reporter_account_id: 'acc-priya',
        assignee_account_id: null,
        shipped_at: r.shippedAt,
        due_at: r.dueAt ?? r.shippedAt + 42 * DAY,
        status: r.status ?? 'scheduled',
        asked_at: r.askedAt ?? null,
        reminded_at: r.remindedAt ?? null,
        measured: r.measured ?? null,
        note: r.note ?? null,
        created_at: r.shippedAt,
        updated_at: r.shippedAt,
        ...answered,
      })
      .execute();
  }
}
