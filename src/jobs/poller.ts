import type { CentricConfig } from '../core/config-types.js';
import type { JiraClient } from '../jira/client.js';
import { JIRA_EVENT_KIND, type JiraEventPayload } from '../jira/webhook.js';
import type { Logger } from '../runtime/logger.js';
import type { Metrics } from '../runtime/metrics.js';
import type { Enqueued, NewEvent } from '../flows/ports.js';

export interface PollerDeps {
  jira: JiraClient;
  config: CentricConfig;
  accept: (event: NewEvent, source: string) => Promise<Enqueued>;
  logger: Logger;
  /** Counts the projects whose poll failed; optional. */
  metrics?: Pick<Metrics, 'pollsFailed'>;
}

/** The JQL of one poll of one project: what changed since the last poll, with a safety margin. */
export function pollJql(project: string, intervalMinutes: number): string {
  return `project = "${project}" AND updated >= -${intervalMinutes + 2}m ORDER BY updated ASC`;
}

/**
 * Feeds tickets changed since the last poll into the inbox. The delivery id carries the ticket's
 * `updated` time, so a ticket already queued for that version is not queued again, and a
 * webhook for the same edit simply coalesces with it. Each project is polled on its own: one
 * whose search fails (a deleted project, one the bot may not browse, Jira answering 5xx) is
 * logged and counted, and the other projects are polled all the same; the next poll tries it again.
 */
export async function pollOnce(deps: PollerDeps): Promise<{ seen: number; queued: number; failed?: string[] }> {
  const { intervalMinutes, projects } = deps.config.jira.poll;
  let seen = 0;
  let queued = 0;
  const failed: string[] = [];
  for (const project of projects) {
    try {
      for await (const page of deps.jira.search(pollJql(project, intervalMinutes), ['updated', 'issuetype'])) {
        for (const issue of page) {
          seen++;
          const payload: JiraEventPayload = { webhookEvent: 'poll', userAccountId: null, source: 'poll' };
          const updated = String((issue.fields as { updated?: unknown }).updated ?? '');
          const stored = await deps.accept({ deliveryId: `poll:${issue.key}:${updated}`, kind: JIRA_EVENT_KIND, ticketKey: issue.key, payload }, 'jira-poll');
          if (!stored.duplicate) queued++;
        }
      }
    } catch (err) {
      failed.push(project);
      deps.metrics?.pollsFailed.inc({ project });
      deps.logger.warn({ err, project, status: (err as { status?: unknown }).status ?? null }, 'Jira poll of a project failed; the other projects are polled, the next poll retries it');
    }
  }
  deps.logger.info({ projects, seen, queued, ...(failed.length > 0 ? { failed } : {}) }, 'Jira poll done');
  return { seen, queued, ...(failed.length > 0 ? { failed } : {}) };
}

/** Polls every `intervalMinutes`, never two polls at once; returns a stop function. */
export function startPoller(deps: PollerDeps): () => void {
  const { intervalMinutes, projects } = deps.config.jira.poll;
  if (intervalMinutes <= 0 || projects.length === 0) return () => undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await pollOnce(deps);
    } catch (err) {
      deps.logger.warn({ err }, 'Jira poll failed; next poll retries');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMinutes * 60_000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
