import type { CentricConfig } from '../config-types.js';
import { periodMs, type MetricPromise } from '../metric/promise.js';
import { durationMs } from '../duration.js';

/** A project's outcome review settings, with its centric.yml changes applied and durations read. */
export interface OutcomeSettings {
  enabled: boolean;
  defaultReviewAfterMs: number;
  /** reporter, assignee, or a Slack channel id. */
  ask: string;
  doneStatuses: string[];
  remindAfterMs: number;
  tooEarlyDelayMs: number;
  maxTooEarly: number;
}

export function outcomeSettings(config: Pick<CentricConfig, 'outcomes'>, project: string): OutcomeSettings {
  const merged = { ...config.outcomes, ...config.outcomes.projects[project] };
  return {
    enabled: merged.enabled,
    defaultReviewAfterMs: durationMs(merged.defaultReviewAfter),
    ask: merged.ask,
    doneStatuses: merged.doneStatuses,
    remindAfterMs: durationMs(merged.remindAfter),
    tooEarlyDelayMs: durationMs(merged.tooEarlyDelay),
    maxTooEarly: merged.maxTooEarly,
  };
}

/** Shipped: in Jira's "Done" status category, or in one of the project's configured statuses. */
export function isShipped(status: { name: string | null; categoryDone: boolean }, settings: Pick<OutcomeSettings, 'doneStatuses'>): boolean {
  if (status.categoryDone) return true;
  const name = status.name?.toLowerCase();
  return !!name && settings.doneStatuses.some((s) => s.toLowerCase() === name);
}

/** When to ask after shipping: the end of the promise's own timeframe ("within 6 weeks"), else the project's default. */
export function reviewAfterMs(promise: MetricPromise, settings: Pick<OutcomeSettings, 'defaultReviewAfterMs'>): number {
  return promise.period ? periodMs(promise.period) : settings.defaultReviewAfterMs;
}
