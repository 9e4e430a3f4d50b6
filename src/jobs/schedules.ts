import cron, { type ScheduledTask } from 'node-cron';
import type { CentricConfig } from '../core/config-types.js';
import type { Logger } from '../runtime/logger.js';
import type { Store } from '../store/database.js';
import { deleteExpiredLinkCodes } from '../store/link-codes.js';
import { prune } from '../store/reports.js';

const DAY_MS = 86_400_000;

/** Deletes report history and processed events past retention, and link codes past their expiry. */
export async function pruneOnce(store: Store, config: CentricConfig, now: number, logger: Logger): Promise<number> {
  const removed = (await prune(store, now - config.retention.historyDays * DAY_MS, now - config.retention.inboxDays * DAY_MS)) + (await deleteExpiredLinkCodes(store, now));
  logger.info({ removed, historyDays: config.retention.historyDays, inboxDays: config.retention.inboxDays }, 'retention: old rows pruned');
  return removed;
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
