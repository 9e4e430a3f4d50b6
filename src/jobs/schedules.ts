import cron, { type ScheduledTask } from 'node-cron';
import type { CentricConfig } from '../core/config-types.js';
import type { Logger } from '../runtime/logger.js';
import type { Store } from '../store/database.js';
import { prune } from '../store/reports.js';

const DAY_MS = 86_400_000;

/** Deletes report history and processed events past retention. */
export async function pruneOnce(store: Store, config: CentricConfig, now: number, logger: Logger): Promise<number> {
  const removed = await prune(store, now - config.retention.historyDays * DAY_MS, now - config.retention.inboxDays * DAY_MS);
  logger.info({ removed, historyDays: config.retention.historyDays, inboxDays: config.retention.inboxDays }, 'retention: old rows pruned');
  return removed;
}

/** The recurring jobs: retention every night at 03:17 (off the hour, when cron jobs pile up). */
export function startSchedules(store: Store, config: CentricConfig, logger: Logger, clock: () => number): ScheduledTask[] {
  const retention = cron.schedule('17 3 * * *', () => pruneOnce(store, config, clock(), logger).then(() => undefined), { name: 'retention', noOverlap: true });
  return [retention];
}
