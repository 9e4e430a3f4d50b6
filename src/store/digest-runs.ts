import type { Store } from './database.js';

/** One subscription's digest of one period: who claimed it, and when. */
export interface RunClaim {
  subscriptionId: number;
  /** The slot's ISO time: the period the digest covers. */
  period: string;
  workerId: string;
  now: number;
  /** A claim older than this belongs to a process that died: it may be taken over. */
  staleBefore: number;
}

/**
 * Claims (subscription, period) before posting; false when another process has it, or when it
 * failed and its retry time has not come. The primary key makes the claim atomic, across
 * replicas too; a stale claim, or a failed run due again, is taken over by one of them.
 */
export async function claimDigestRun(store: Store, run: RunClaim): Promise<boolean> {
  const inserted = await store.db
    .insertInto('digest_runs')
    .values({ subscription_id: run.subscriptionId, period: run.period, status: 'claimed', claimed_by: run.workerId, posted_at: null, late: 0, claimed_at: run.now })
    .onConflict((oc) => oc.columns(['subscription_id', 'period']).doNothing())
    .returning('subscription_id')
    .executeTakeFirst();
  if (inserted) return true;
  const takenOver = await store.db
    .updateTable('digest_runs')
    .set({ status: 'claimed', claimed_by: run.workerId, claimed_at: run.now })
    .where('subscription_id', '=', run.subscriptionId)
    .where('period', '=', run.period)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'claimed'), eb('claimed_at', '<', run.staleBefore)]),
        eb.and([eb('status', '=', 'failed'), eb('retry_at', '<=', run.now)]),
      ]),
    )
    .executeTakeFirst();
  return Number(takenOver.numUpdatedRows) === 1;
}

/**
 * Records a failed attempt of a claimed run: it stays failed, and is claimable again only from
 * the time `retryAt` gives for this attempt (1 for the first failure). Resolves to the attempt
 * and that time.
 */
export async function failDigestRun(store: Store, subscriptionId: number, period: string, retryAt: (attempts: number) => number): Promise<{ attempts: number; retryAt: number }> {
  const row = await store.db.selectFrom('digest_runs').select('attempts').where('subscription_id', '=', subscriptionId).where('period', '=', period).executeTakeFirst();
  const attempts = (row?.attempts ?? 0) + 1;
  const at = retryAt(attempts);
  await store.db.updateTable('digest_runs').set({ status: 'failed', attempts, retry_at: at }).where('subscription_id', '=', subscriptionId).where('period', '=', period).execute();
  return { attempts, retryAt: at };
}

/** A failed run still waiting for its retry. */
export interface FailedRun {
  subscriptionId: number;
  period: string;
  attempts: number;
}

/** Every run waiting for a retry. */
export async function failedDigestRuns(store: Store): Promise<FailedRun[]> {
  const rows = await store.db.selectFrom('digest_runs').select(['subscription_id', 'period', 'attempts']).where('status', '=', 'failed').execute();
  return rows.map((r) => ({ subscriptionId: r.subscription_id, period: r.period, attempts: r.attempts }));
}

/**
 * Stops retrying a failed run (its period is over): true for the one process that stopped it,
 * which tells the subscriber; false when it was not failed any more (another replica stopped it,
 * or a retry is running).
 */
export async function abandonDigestRun(store: Store, subscriptionId: number, period: string, now: number): Promise<boolean> {
  const result = await store.db
    .updateTable('digest_runs')
    .set({ status: 'abandoned', posted_at: now, retry_at: null })
    .where('subscription_id', '=', subscriptionId)
    .where('period', '=', period)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records how a claimed run ended (posted, or not for a reason no retry this period fixes). */
export async function finishDigestRun(store: Store, subscriptionId: number, period: string, outcome: { status: string; at: number; late: boolean }): Promise<void> {
  await store.db
    .updateTable('digest_runs')
    .set({ status: outcome.status, posted_at: outcome.at, late: outcome.late ? 1 : 0, retry_at: null })
    .where('subscription_id', '=', subscriptionId)
    .where('period', '=', period)
    .execute();
}
