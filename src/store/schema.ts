import type { ColumnType, Generated } from 'kysely';

/** Times are milliseconds since the epoch, stored as integers in both databases. */
type Millis = number;

export interface ReportsTable {
  ticket_key: string;
  project: string;
  issue_type: string;
  status: string | null;
  score: number | null;
  passing: number;
  skipped: number;
  role: string | null;
  reporter_account_id: string | null;
  assignee_account_id: string | null;
  /** The report as `centric lint --format json` prints it. */
  report_json: string;
  /** Hash of the findings, to tell whether anything a person would see changed. */
  findings_hash: string;
  linted_at: Millis;
  /** Customer benefit and cost from the fields `digest.benefitField` and `digest.costField` name. */
  benefit: number | null;
  cost: number | null;
  /** 1 when the ticket's status is in Jira's "done" category. */
  done: number;
}

export interface ReportHistoryTable {
  id: Generated<number>;
  ticket_key: string;
  project: string;
  score: number | null;
  passing: number;
  role: string | null;
  /** Rule ids that failed, comma-separated. */
  failed_rules: string;
  linted_at: Millis;
  /** Customer-evidence items found (report.evidence.count); null when not known. */
  evidence_count: ColumnType<number | null, number | null | undefined, number | null>;
  /** Whose benefit the story states: customer, business or both (report.benefit.kind); null when none. */
  benefit_kind: ColumnType<string | null, string | null | undefined, string | null>;
  /** The customer-journey stage of the story (report.journey.stage); null when none matched. */
  journey_stage: ColumnType<string | null, string | null | undefined, string | null>;
  /** The epic the ticket belongs to (Jira's parent of a story); null when none. */
  epic_key: ColumnType<string | null, string | null | undefined, string | null>;
}

export type InboxStatus = 'pending' | 'processing' | 'done' | 'dead' | 'coalesced';

export interface InboxTable {
  id: Generated<number>;
  /** X-Atlassian-Webhook-Identifier, or another id that makes a redelivery recognisable. */
  delivery_id: string | null;
  kind: string;
  ticket_key: string | null;
  payload: string;
  status: ColumnType<InboxStatus, InboxStatus | undefined, InboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Millis;
  locked_by: string | null;
  locked_until: Millis | null;
  last_error: string | null;
  coalesced_into: number | null;
  /** The event's own identity (Jira: issue id, timestamp and event type): a replay under a new delivery id is not stored again. */
  event_identity: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Millis;
  updated_at: Millis;
}

export interface NudgesTable {
  id: Generated<number>;
  slack_user_id: string;
  ticket_key: string;
  findings_hash: string;
  channel: string | null;
  message_ts: string | null;
  /**
   * queued, sending:<claim id> (a dispatcher is sending it), sent, fixed, dropped, or undeliverable
   * (Slack refused the DM for good, or it failed too many times).
   */
  status: string;
  /**
   * sent: when it was sent; sending:…: when it was claimed; undeliverable: when it was given up on;
   * queued: not before this time (0 at once; later after a failed DM, the backoff).
   */
  sent_at: Millis;
  /**
   * What the DM shows of the ticket (JSON): summary, score, the top findings; after a failed DM
   * also `attempts` (failed attempts so far) and `lastError` (the Slack error code).
   */
  details: string | null;
  queued_at: Millis | null;
}

export interface DigestSubscriptionsTable {
  id: Generated<number>;
  channel_id: string;
  scope_type: string;
  scope: string;
  weekday: number;
  time: string;
  timezone: string;
  created_by: string;
  created_at: Millis;
}

export interface DigestRunsTable {
  subscription_id: number;
  period: string;
  status: string;
  claimed_by: string;
  posted_at: Millis | null;
  late: number;
  claimed_at: Millis | null;
  /** Failed attempts of this run so far. */
  attempts: ColumnType<number, number | undefined, number>;
  /** After a failure: not tried again before this time. */
  retry_at: Millis | null;
}

export interface UserLinksTable {
  slack_user_id: string;
  jira_account_id: string;
  /** email (verified e-mail matched), code (one-time code posted from the Jira account) or admin. */
  linked_by: string;
  linked_at: Millis;
  /** 1 when an admin allowed this account to be linked to several Slack users. */
  shared: ColumnType<number, number | undefined, number>;
}

/** A Slack user an admin unlinked: they may not link themselves again until an admin links them. */
export interface LinkBlocksTable {
  slack_user_id: string;
  blocked_by: string;
  blocked_at: Millis;
}

/** A pending one-time code proving a Slack user owns a Jira account: posted as a comment on `ticket_key`. */
export interface LinkCodesTable {
  slack_user_id: string;
  /** SHA-256 of the code: the code itself is only ever shown to the person. */
  code_hash: string;
  ticket_key: string;
  expires_at: Millis;
  created_at: Millis;
}

export interface SnoozesTable {
  slack_user_id: string;
  ticket_key: string;
  findings_hash: string;
  until: Millis;
}

export interface MutesTable {
  slack_user_id: string;
  until: Millis | null;
  working_hours: string | null;
  /** 1 when the person opted in to being mentioned in digests next to their tickets that need attention. */
  digest_mention: ColumnType<number, number | undefined, number>;
}

/** The one comment Centric keeps on a ticket, and what it last said. */
export interface StickyCommentsTable {
  ticket_key: string;
  comment_id: string;
  body_hash: string;
  passing: number;
  updated_at: Millis;
}

/**
 * An outcome review: a shipped story's customer metric, asked about once. Status: scheduled (asked
 * at due_at), sending:<claim> (a dispatcher is asking), asked (waiting for an answer), answered,
 * cancelled (the ticket was reopened), undeliverable (Slack refused the question for good).
 */
export interface OutcomeReviewsTable {
  id: Generated<number>;
  ticket_key: string;
  project: string;
  summary: string;
  /** The persona the story is for, for "who did we actually help?". */
  role: string | null;
  /** The report's `metric` (JSON). */
  promise: string;
  reporter_account_id: string | null;
  assignee_account_id: string | null;
  shipped_at: Millis;
  /** scheduled: when to ask (or to try again); sending:…: when it was claimed. */
  due_at: Millis;
  status: string;
  /** The Slack user or channel asked; null when nobody could be (owner not linked to Slack). */
  asked_of: string | null;
  channel: string | null;
  message_ts: string | null;
  asked_at: Millis | null;
  reminded_at: Millis | null;
  /** Times "Too early" was answered. */
  too_early: ColumnType<number, number | undefined, number>;
  /** Failed attempts to ask. */
  attempts: ColumnType<number, number | undefined, number>;
  outcome: string | null;
  measured: string | null;
  note: string | null;
  answered_by: string | null;
  answered_name: string | null;
  answered_account: string | null;
  answered_at: Millis | null;
  /** The outcome comment Centric wrote, once it is written (the Jira write is retried until then). */
  jira_comment_id: string | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface Database {
  sticky_comments: StickyCommentsTable;
  reports: ReportsTable;
  report_history: ReportHistoryTable;
  inbox: InboxTable;
  nudges: NudgesTable;
  digest_subscriptions: DigestSubscriptionsTable;
  digest_runs: DigestRunsTable;
  user_links: UserLinksTable;
  link_codes: LinkCodesTable;
  link_blocks: LinkBlocksTable;
  snoozes: SnoozesTable;
  mutes: MutesTable;
  outcome_reviews: OutcomeReviewsTable;
}
