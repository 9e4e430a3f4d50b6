/**
 * What the flows need of the world outside the core and the database, declared once. Adapters
 * implement these (the Jira client in `jira/`, the Slack adapters in `slack/`): they may import
 * these types, flows never import them. Everything crossing a port is data: flows never build a
 * Slack message or a Jira request, and never see a platform's own error classes.
 */
import type { Digest, PeriodStats } from '../core/digest.js';
import type { Locale } from '../core/i18n/locales.js';
import type { MetricPromise } from '../core/metric/promise.js';
import type { OutcomeAnswer } from '../core/outcome/outcome.js';
import type { JiraIssue } from '../core/ticket/normalise.js';

// ── Inbox ─────────────────────────────────────────────────────────────────────────────────────

/** An event handed to the inbox (by the webhook route, the poller): stored before it is acknowledged. */
export interface NewEvent {
  /** Makes a redelivery recognisable (X-Atlassian-Webhook-Identifier); null when there is none. */
  deliveryId?: string | null;
  /**
   * The event's own identity, from its signed body (event type, issue id, Jira's timestamp): a
   * replay under a new delivery id is still one event. Null when the body cannot say.
   */
  identity?: string | null;
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

/** The Jira permissions Centric checks before it reads or writes a ticket on someone's behalf. */
export type JiraPermission = 'BROWSE_PROJECTS' | 'EDIT_ISSUES';

/** What a permission is asked about: one issue, or one project. */
export type PermissionTarget = { issueKey: string } | { projectKey: string };

/** Who asked for a write made on their behalf: recorded in Jira (issue history), named in the comment. */
export interface Actor {
  slackUserId: string;
  /** Their Slack display name. */
  slackName: string;
  /** Their linked Jira account. */
  jiraAccountId: string;
}

/** A comment as text, for the one-time link code. */
export interface CommentText {
  id: string;
  authorAccountId: string | null;
  /** The comment's plain text (ADF flattened on Cloud, wiki markup on Data Center). */
  text: string;
  /**
   * Edited since it was posted (by anyone: its last editor or its update time differ). Someone
   * allowed to edit all comments could otherwise put a code into another person's comment.
   */
  edited: boolean;
  /** Written by a person's account: not an app or automation (Cloud accountType "atlassian"), which may echo any text. */
  byPerson: boolean;
}

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
  /** Creates Centric's marked comment (or, `sticky: false`, an unmarked note); resolves to its id. */
  addComment(key: string, body: JiraBody, options?: { sticky?: boolean }): Promise<string>;
  updateComment(key: string, id: string, body: JiraBody): Promise<void>;
  deleteComment(key: string, id: string): Promise<void>;
  /** `actor`: the person it is done for, recorded in the issue's history. */
  updateLabels(key: string, add: string[], remove: string[], actor?: Actor): Promise<void>;
  updateDescription(key: string, description: JiraBody, actor?: Actor): Promise<void>;
  /**
   * The one Jira account whose e-mail is exactly this (case-insensitive), when Jira shows it;
   * null when there is none, several, or the e-mail is hidden: never a guess.
   */
  findAccountByEmail(email: string): Promise<string | null>;
  /**
   * Whether this account holds the permission on the issue or project (Jira's "find users with
   * permissions"); false when Jira does not know the account, the issue or the project. Answers
   * are remembered for `jira.permissionCacheSeconds`.
   */
  userMay(accountId: string, permission: JiraPermission, target: PermissionTarget): Promise<boolean>;
  /** The newest comments of an issue (at most `limit`), as text: where a one-time link code is looked for. */
  commentTexts(key: string, limit: number): Promise<CommentText[]>;
  /** Sets an issue property (JSON for other tools, e.g. the outcome of a review). */
  setIssueProperty(key: string, property: string, value: unknown): Promise<void>;
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
  /** `userId`: the person the DM is to, whose language the update speaks. */
  updateNudge(channel: string, ts: string, items: NudgeItem[], userId?: string): Promise<void>;
}

/** What flows need to know of a Slack user. */
export interface SlackUsers {
  /** The profile's e-mail, only when Slack says it is confirmed (is_email_confirmed); null otherwise. */
  email(userId: string): Promise<string | null>;
  timezone(userId: string): Promise<string>;
  /** The language the person's Slack is set to ('en' for one Centric does not speak); rejects, like `timezone`, when Slack cannot say. */
  locale(userId: string): Promise<Locale>;
  /** A workspace admin or owner. */
  isWorkspaceAdmin(userId: string): Promise<boolean>;
  /** Whether the person is a member of the channel; false when Centric cannot tell (not in it, private). */
  isMember(channelId: string, userId: string): Promise<boolean>;
  /** Tells a person their Jira account is now linked to someone else (who proved it is theirs). */
  linkMoved(userId: string, moved: LinkMoved): Promise<void>;
  /** Tells a person an admin removed their link (and that only an admin can link them again). */
  linkRemoved(userId: string, removed: { account: string; by: string }): Promise<void>;
}

/** A link taken over: the account, the Slack user who has it now, and their proof. */
export interface LinkMoved {
  account: string;
  to: string;
  by: 'email' | 'code' | 'admin';
}

/** A digest as posted: the adapter renders it (message and trend chart). */
export interface DigestPost {
  /** The project key, or the JQL in quotes. */
  title: string;
  digest: Digest;
  /** Posted well after its slot (Centric was not running, or earlier tries failed): the message says so. */
  late: boolean;
  /**
   * The scope had more issues than one digest reads (digest.maxIssues): the digest was built from
   * the first this many, and says so. Absent when it read them all.
   */
  truncatedAt?: number;
}

/** Why a subscriber's digest was not posted this period, for the note they get. */
export interface DigestNotice {
  scope: string;
  channel: string;
  status: 'not in channel' | 'undeliverable';
  /** The Slack error code, jira_http_<status>, or failed_repeatedly (retried all period, never posted). */
  reason: string;
  /** failed_repeatedly: how many times it was tried. */
  attempts?: number;
  /** failed_repeatedly: what to quote to whoever runs Centric, to find the errors in its log. */
  reference?: string;
}

/** How a chart is worded and dated: the digest's language, and the subscription's timezone for the weeks' dates. */
export interface ChartView {
  locale: Locale;
  timeZone: string;
}

/** Weekly digests to channels. */
export interface ChannelPoster {
  postDigest(channel: string, post: DigestPost): Promise<void>;
  /** Uploads the trend of the last periods of a scope as a chart, in the language and timezone given. */
  uploadTrend(channel: string, scope: string, trend: PeriodStats[], view: ChartView): Promise<void>;
  /** Joins a public channel; rejects for private ones. */
  join(channel: string): Promise<void>;
  /** Tells the person who subscribed why their digest was not posted. */
  notifySubscriber(userId: string, notice: DigestNotice): Promise<void>;
}

/** How an outcome question stands, as its message shows it. */
export type OutcomeState =
  | { kind: 'open' }
  | { kind: 'answered'; answer: OutcomeAnswer; measured: string | null; note: string | null; by: string; at: number }
  /** "Too early": asked again at `until`. */
  | { kind: 'later'; until: number; by: string }
  /** The ticket was reopened: no answer needed. */
  | { kind: 'cancelled' };

/** An outcome review's question: "SHOP-12 shipped on 3 Nov promising …. Did it happen?". */
export interface OutcomeQuestion {
  reviewId: number;
  key: string;
  summary: string;
  promise: MetricPromise;
  shippedAt: number;
  /** "Too early" is offered until the project's maxTooEarly is reached. */
  offerTooEarly: boolean;
  state: OutcomeState;
}

/** Outcome questions in Slack: to a person (a DM) or to a channel, by id. */
export interface OutcomeAsker {
  ask(to: string, question: OutcomeQuestion): Promise<{ channel: string; ts: string }>;
  /** A reminder under the question (a thread reply), which keeps its buttons. */
  /** `askedOf`: the person (or channel) asked, whose language the reminder speaks. */
  remind(channel: string, ts: string, question: OutcomeQuestion, askedOf?: string | null): Promise<void>;
  /** Rewrites the question in place once answered, put off or cancelled. */
  update(channel: string, ts: string, question: OutcomeQuestion, askedOf?: string | null): Promise<void>;
}
