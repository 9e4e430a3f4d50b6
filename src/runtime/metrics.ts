import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What /metrics exposes, in Prometheus text format. One registry per running app. */
export class Metrics {
  readonly registry = new Registry();
  readonly eventsReceived = new Counter({ name: 'centric_events_received_total', help: 'Events accepted into the inbox, by source', labelNames: ['source'], registers: [this.registry] });
  readonly eventsDuplicate = new Counter({ name: 'centric_events_duplicate_total', help: 'Redeliveries of events already accepted, by source', labelNames: ['source'], registers: [this.registry] });
  readonly eventsProcessed = new Counter({ name: 'centric_events_processed_total', help: 'Events processed, by kind', labelNames: ['kind'], registers: [this.registry] });
  readonly eventsFailed = new Counter({ name: 'centric_events_failed_total', help: 'Failed attempts to process an event, by kind', labelNames: ['kind'], registers: [this.registry] });
  readonly eventsRetried = new Counter({ name: 'centric_events_retried_total', help: 'Failed events scheduled for another attempt, by kind', labelNames: ['kind'], registers: [this.registry] });
  readonly eventsDead = new Counter({ name: 'centric_events_dead_lettered_total', help: 'Events that kept failing and were dead-lettered, by kind', labelNames: ['kind'], registers: [this.registry] });
  readonly queueDepth = new Gauge({ name: 'centric_inbox_depth', help: 'Events waiting or in flight', registers: [this.registry] });
  readonly jiraCalls = new Counter({ name: 'centric_jira_calls_total', help: 'Calls to Jira, by outcome', labelNames: ['outcome'], registers: [this.registry] });
  readonly slackCalls = new Counter({ name: 'centric_slack_calls_total', help: 'Calls to Slack, by outcome', labelNames: ['outcome'], registers: [this.registry] });
  readonly nudgesRetried = new Counter({ name: 'centric_nudges_retried_total', help: 'Nudge DMs that failed for a reason that may pass and were queued again after a backoff, by reason (a Slack error code, rate_limited, http_<status>, request_error or error)', labelNames: ['reason'], registers: [this.registry] });
  readonly nudgesUndeliverable = new Counter({ name: 'centric_nudges_undeliverable_total', help: 'Nudge DMs given up on, their queued nudges marked undeliverable, by reason (a Slack error code, or attempts_exhausted)', labelNames: ['reason'], registers: [this.registry] });
  readonly digestsFailed = new Counter({ name: 'centric_digests_failed_total', help: 'Digest runs not posted, by reason (a Slack error code, jira_http_<status>, rate_limited, http_<status>, request_error or error)', labelNames: ['reason'], registers: [this.registry] });
  readonly pollsFailed = new Counter({ name: 'centric_poll_failures_total', help: 'Polls of one project that failed (the other projects are polled all the same), by project', labelNames: ['project'], registers: [this.registry] });
  readonly lintDuration = new Histogram({
    name: 'centric_lint_duration_seconds',
    help: 'Time to normalise and lint one ticket',
    buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1],
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'centric_' });
  }
}
