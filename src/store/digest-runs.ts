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
 * Claims (subscription, period) before posting; false when another process has it. The primary
 * key makes the claim atomic, across replicas too; a stale claim is taken over by one of them.
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
    .set({ claimed_by: run.workerId, claimed_at: run.now })
    .where('subscription_id', '=', run.subscriptionId)
    .where('period', '=', run.period)
    .where('status', '=', 'claimed')
    .where('claimed_at', '<', run.staleBefore)
    .executeTakeFirst();
  return Number(takenOver.numUpdatedRows) === 1;
}

/** Gives a claim up, so the next tick (or another replica) tries the run again. */
export async function releaseDigestRun(store: Store, subscriptionId: number, period: string): Promise<void> {
  await store.db.deleteFrom('digest_runs').where('subscription_id', '=', subscriptionId).where('period', '=', period).execute();
}

/** Records how a claimed run ended (posted, or not for a reason no retry this period fixes). */
export async function finishDigestRun(store: Store, subscriptionId: number, period: string, outcome: { status: string; at: number; late: boolean }): Promise<void> {
  await store.db
    .updateTable('digest_runs')
    .set({ status: outcome.status, posted_at: outcome.at, late: outcome.late ? 1 : 0 })
    .where('subscription_id', '=', subscriptionId)
    .where('period', '=', period)
    .execute();
}
