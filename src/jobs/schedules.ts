import cron, { type ScheduledTask } from 'node-cron';
import type { CentricConfig } from '../core/config-types.js';
import type { Logger } from '../runtime/logger.js';
import type { Store } from '../store/database.js';
import { deleteExpiredLinkCodes } from '../store/link-codes.js';
import { pruneNudges } from '../store/nudges.js';
import { pruneReviews } from '../store/outcomes.js';
import { prune } from '../store/reports.js';

const DAY_MS = 86_400_000;

/**
 * Deletes what is past retention (report history, processed events, settled nudges and outcome
 * reviews) in bounded batches, and link codes past their expiry; pending work is never touched.
 */
export async function pruneOnce(store: Store, config: CentricConfig, now: number, logger: Logger): Promise<number> {
  const { historyDays, inboxDays, nudgesDays, outcomesDays } = config.retention;
  const removed = {
    historyAndInbox: await prune(store, now - historyDays * DAY_MS, now - inboxDays * DAY_MS),
    nudges: await pruneNudges(store, now - nudgesDays * DAY_MS),
    outcomeReviews: await pruneReviews(store, now - outcomesDays * DAY_MS),
    linkCodes: await deleteExpiredLinkCodes(store, now),
  };
  const total = removed.historyAndInbox + removed.nudges + removed.outcomeReviews + removed.linkCodes;
  logger.info({ removed: total, ...removed, historyDays, inboxDays, nudgesDays, outcomesDays }, 'retention: old rows pruned');
  return total;
}

export interface MinuteJobs {
  /** Sends the nudges that are due (working hours, daily caps). */
  nudges: () => Promise<unknown>;
  /** Posts the digests whose weekly slot has come (each subscription has its own weekday, time and timezone). */
  digests: () => Promise<unknown>;
  /** Asks the outcome reviews that are due, reminds the unanswered ones. */
  outcomes?: () => Promise<unknown>;
}

/**
 * The recurring jobs: nudges and digests every minute (a digest's slot is checked against its
 * subscription's own schedule and timezone, claimed in the database so one replica posts it), and
 * retention every night at 03:17 (off the hour, when cron jobs pile up).
 */
export function startSchedules(store: Store, config: CentricConfig, logger: Logger, clock: () => number, jobs?: MinuteJobs): ScheduledTask[] {
  const guarded = (what: string, job: () => Promise<unknown>) => () =>
    job().then(
      () => undefined,
      (err: unknown) => logger.warn({ err }, `${what} failed; the next minute retries`),
    );
  const tasks = [cron.schedule('17 3 * * *', () => pruneOnce(store, config, clock(), logger).then(() => undefined), { name: 'retention', noOverlap: true })];
  if (jobs) {
    tasks.push(cron.schedule('* * * * *', guarded('nudge dispatch', jobs.nudges), { name: 'nudges', noOverlap: true }));
    tasks.push(cron.schedule('* * * * *', guarded('digest run', jobs.digests), { name: 'digests', noOverlap: true }));
    if (jobs.outcomes) tasks.push(cron.schedule('* * * * *', guarded('outcome dispatch', jobs.outcomes), { name: 'outcomes', noOverlap: true }));
  }
  return tasks;
}
