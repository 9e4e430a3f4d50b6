/**
 * What the flows need of the world outside the core and the database, declared once. Adapters
 * implement these (the Jira client in `jira/`, the Slack adapters in `slack/`): they may import
 * these types, flows never import them. Everything crossing a port is data: flows never build a
 * Slack message or a Jira request, and never see a platform's own error classes.
 */
import type { Digest, PeriodStats } from '../core/digest.js';
import type { JiraIssue } from '../core/ticket/normalise.js';

// ── Inbox ─────────────────────────────────────────────────────────────────────────────────────

/** An event handed to the inbox (by the webhook route, the poller): stored before it is acknowledged. */
export interface NewEvent {
  /** Makes a redelivery recognisable (X-Atlassian-Webhook-Identifier); null when there is none. */
  deliveryId?: string | null;
  kind: string;
  /** Events of one ticket are processed one at a time, newest state first, older ones coalesced. */
  ticketKey?: string | null;
  payload: unknown;
  /**
   * Debounce: not processed before this time. The ticket's other pending events are pushed back
   * to it too, so a burst of edits is processed once, after the last one.
   */
  notBefore?: number;
}

export interface Enqueued {
  id: number | null;
  /** True when this delivery was accepted before: nothing new was stored. */
  duplicate: boolean;
}

// ── Jira ──────────────────────────────────────────────────────────────────────────────────────

/** A comment or description body: ADF on Jira Cloud, wiki markup on Data Center. */
export type JiraBody = string | Record<string, unknown>;

/** The Jira calls flows make, and no others. `JiraClient` implements them. */
export interface JiraPort {
  /** Cloud takes ADF bodies; Data Center takes wiki markup. */
  readonly cloud: boolean;
  /** The bot's own account: events it caused are not acted on, and its comment is found by it. */
  myself(): Promise<{ accountId: string }>;
  /** The issue as it is now; null when it does not exist or the bot may not see it. */
  getIssue(key: string): Promise<JiraIssue | null>;
  search(jql: string, fields?: string[]): AsyncIterable<JiraIssue[]>;
  comments(key: string): Promise<Array<{ id: string; authorAccountId: string | null }>>;
  /** Which of these comment ids carry Centric's mark. */
  commentsMarkedAsOurs(ids: string[]): Promise<string[]>;
  /** Creates Centric's marked comment; resolves to its id. */
  addComment(key: string, body: JiraBody): Promise<string>;
  updateComment(key: string, id: string, body: JiraBody): Promise<void>;
  deleteComment(key: string, id: string): Promise<void>;
  updateLabels(key: string, add: string[], remove: string[]): Promise<void>;
  updateDescription(key: string, description: JiraBody): Promise<void>;
  findAccountByEmail(email: string): Promise<string | null>;
}

/** How a JiraPort call fails: an Error carrying the HTTP status Jira answered, null when it did not answer. */
export interface JiraCallError extends Error {
  status: number | null;
}

/** The Jira status of a failed JiraPort call (null: no answer); undefined when `err` is not a Jira failure. */
export function jiraStatusOf(err: unknown): number | null | undefined {
  if (!(err instanceof Error) || !('status' in err)) return undefined;
  const status = (err as JiraCallError).status;
  return typeof status === 'number' || status === null ? status : undefined;
}

// ── Slack ─────────────────────────────────────────────────────────────────────────────────────

/**
 * What a failed Slack call means for what it was sending:
 * - `recipient`: this person, channel or message can never get it, however often it is retried
 *   (the user is gone or deactivated, the channel is archived or restricted, the message refused);
 * - `app`: the bot's own token or workspace is at fault (revoked, inactive, missing a scope): every
 *   call fails the same way, so nobody in particular is to blame and the work waits as it is;
 * - `transient`: it may pass (rate limits, 5xx, network errors, time-outs, anything unknown).
 */
export interface SlackFailure {
  kind: 'recipient' | 'app' | 'transient';
  /** Slack's error code, or rate_limited, http_<status>, request_error, error. */
  code: string;
  /** Slack's Retry-After, when it said one. */
  retryAfterMs?: number;
}

/**
 * What a failed Slack port call means. The Slack adapters reject with Slack's own error, so the
 * logs keep its type, code and stack, carrying their reading of it as `failure`; an error without
 * one (not from an adapter) may pass.
 */
export function slackFailureOf(err: unknown): SlackFailure {
  const failure = (err as { failure?: SlackFailure } | null | undefined)?.failure;
  return failure ?? { kind: 'transient', code: 'error' };
}

/** One ticket in a nudge DM. */
export interface NudgeItem {
  key: string;
  summary: string;
  score: number | null;
  /** Its most important findings; `link` is the rule's README section (absent in nudges queued before it existed). */
  findings: Array<{ rule: string; severity: string; message: string; hint: string; link?: string }>;
  /** Fixed since the DM was sent: shown as "fixed, thank you". */
  fixed: boolean;
}

/** Nudge DMs: the adapter renders the items. */
export interface SlackDm {
  /** Sends a person one DM listing these tickets; resolves to where it went, to update it later. */
  postNudge(userId: string, items: NudgeItem[]): Promise<{ channel: string; ts: string }>;
  /** Rewrites a nudge DM already sent, e.g. once one of its tickets is fixed. */
  updateNudge(channel: string, ts: string, items: NudgeItem[]): Promise<void>;
}

/** What flows need to know of a Slack user. */
export interface SlackUsers {
  email(userId: string): Promise<string | null>;
  timezone(userId: string): Promise<string>;
}

/** A digest as posted: the adapter renders it (message and trend chart). */
export interface DigestPost {
  /** The project key, or the JQL in quotes. */
  title: string;
  digest: Digest;
  /** Posted after its slot (Centric was not running): the message says so. */
  late: boolean;
}

/** Why a subscriber's digest was not posted this period, for the note they get. */
export interface DigestNotice {
  scope: string;
  channel: string;
  status: 'not in channel' | 'undeliverable';
  /** The Slack error code, or jira_http_<status>. */
  reason: string;
}

/** Weekly digests to channels. */
export interface ChannelPoster {
  postDigest(channel: string, post: DigestPost): Promise<void>;
  /** Uploads the trend of the last periods of a scope as a chart. */
  uploadTrend(channel: string, scope: string, trend: PeriodStats[]): Promise<void>;
  /** Joins a public channel; rejects for private ones. */
  join(channel: string): Promise<void>;
  /** Tells the person who subscribed why their digest was not posted. */
  notifySubscriber(userId: string, notice: DigestNotice): Promise<void>;
}
