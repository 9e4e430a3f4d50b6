import { performance } from 'node:perf_hooks';
import { checkIssue, type CheckedIssue } from '../core/check-issue.js';
import type { CentricConfig } from '../core/config-types.js';
import { epicContextOf, type EpicContext } from '../core/epic/context.js';
import type { Locale } from '../core/i18n/locales.js';
import { findingsLocale, needsAttention, passes } from '../core/lint.js';
import { epicIssueTypes } from '../core/profiles.js';
import { planningFacts, type JiraIssue } from '../core/ticket/normalise.js';
import type { Report, Ticket } from '../core/types.js';
import type { Logger } from '../runtime/logger.js';
import type { Metrics } from '../runtime/metrics.js';
import type { Store } from '../store/database.js';
import { forgetReport, latestReport, saveReport } from '../store/reports.js';
import { nudgeFixed, queueNudge, type NudgeTicket } from './nudges.js';
import { settleReview } from './outcome-reviews.js';
import type { JiraPort, OutcomeAsker, SlackDm } from './ports.js';
import { syncComment, type CommentAction } from './sticky-comment.js';

export interface TicketChangedDeps {
  store: Store;
  config: CentricConfig;
  metrics: Pick<Metrics, 'lintDuration'>;
  clock: () => number;
  jira: JiraPort;
  logger: Logger;
  /** Updates the nudge DMs of a fixed ticket; only callers that never nudge (audit) go without. */
  dm?: SlackDm;
  /** Asks for a nudge dispatch a few seconds from now, so a burst of tickets shares one DM. */
  nudgeSoon?: () => void;
  /** Updates the outcome question of a reopened ticket. */
  asker?: OutcomeAsker;
  /** Asks for an outcome dispatch soon, once a review is scheduled (one due at once is asked at once). */
  outcomesSoon?: () => void;
}

/**
 * What a change does to nudges:
 * - `queue`: a failing ticket is nudged about, a passing one thanked for (a Jira edit, a poll);
 * - `clear`: a passing (or exempted) ticket is thanked for, a failing one not nudged about, as a
 *   person is looking at it right now (/centric check, Fix it, Not a story);
 * - `off`: nudges are left alone (audit --write).
 */
export type NudgeMode = 'queue' | 'clear' | 'off';

export interface ChangeOptions {
  nudges: NudgeMode;
  /** Bring the sticky comment and the label in line; true unless said otherwise. */
  write?: boolean;
  /** A line for the comment about the change, e.g. "Story updated from Slack by priya.", or how to say it in the comment's language. */
  note?: string | ((locale: Locale) => string);
  /** A move that matters (a status, a sprint): worth a nudge even about findings already sent. */
  trigger?: string;
}

/** The ticket to check: its key (fetched now), or the issue as the caller already has it. */
export type TicketSource = { key: string } | { issue: JiraIssue };

export interface TicketOutcome {
  key: string;
  /** gone: the issue no longer exists (or the bot may not see it); exempt: it has the exemption label. */
  status: 'linted' | 'skipped' | 'exempt' | 'gone';
  /** Present unless gone. An exempt ticket is linted for whoever asked, but neither stored nor written (its last report is forgotten). */
  ticket?: Ticket;
  report?: Report;
  comment: CommentAction;
  labels: { added: string[]; removed: string[] };
  /** Nudges queued. */
  queued: number;
}

const untouched = (key: string, status: TicketOutcome['status'], checked?: CheckedIssue): TicketOutcome => ({ key, status, ...checked, comment: 'none', labels: { added: [], removed: [] }, queued: 0 });

/**
 * The story's epic as its stored report describes it (persona, metric), for its hints; null when
 * the issue has no parent of an epic type, or the epic was not linted yet. One read, and only for
 * a story with an epic: its hints then ask whether it serves the epic's persona and metric.
 */
async function epicOf(deps: Pick<TicketChangedDeps, 'store' | 'config'>, issue: JiraIssue): Promise<EpicContext | null> {
  const parent = issue.fields.parent;
  const type = parent?.fields?.issuetype?.name?.toLowerCase();
  if (!parent?.key || !type || !epicIssueTypes(deps.config).some((t) => t.toLowerCase() === type)) return null;
  return epicContextOf(parent.key, await latestReport(deps.store, parent.key));
}

/** normalise -> lint -> store: the report and the Ticket it was made from. */
export async function lintAndStore(
  deps: Pick<TicketChangedDeps, 'store' | 'config' | 'metrics' | 'clock'>,
  issue: JiraIssue,
): Promise<CheckedIssue & { changed: boolean; previous: { status: string | null; done: number } | null }> {
  const epic = await epicOf(deps, issue);
  const started = performance.now();
  const checked = checkIssue(issue, deps.config, epic ? { epic } : {});
  deps.metrics.lintDuration.observe((performance.now() - started) / 1000);
  const { changed, previous } = await saveReport(deps.store, checked.ticket, checked.report, deps.clock(), planningFacts(issue, deps.config.digest));
  return { ...checked, changed, previous: previous ? { status: previous.status, done: previous.done } : null };
}

/** A story moved into (or out of) a done status: its outcome review is scheduled (or cancelled). */
async function settleOutcome(deps: TicketChangedDeps, issue: JiraIssue, checked: CheckedIssue & { previous: { status: string | null; done: number } | null }): Promise<void> {
  const settled = await settleReview(deps, { issue, ticket: checked.ticket, report: checked.report, previous: checked.previous });
  if (settled === 'scheduled' || settled === 'rescheduled') deps.outcomesSoon?.();
}

/** Brings the sticky comment and the "needs work" label in line with the report. */
async function writeBack(deps: TicketChangedDeps, ticket: Ticket, report: Report, note?: ChangeOptions['note']): Promise<Pick<TicketOutcome, 'comment' | 'labels'>> {
  // The comment speaks the findings' language: the project's, else the story's (as lint chose it); so does its note.
  const locale = findingsLocale(deps.config, ticket.project, report.story);
  const comment = await syncComment(deps, ticket.key, report, typeof note === 'function' ? note(locale) : note, locale);
  const label = deps.config.jira.label;
  const passing = passes(report);
  const add = label && !passing && !ticket.labels.includes(label) ? [label] : [];
  const remove = label && passing && ticket.labels.includes(label) ? [label] : [];
  await deps.jira.updateLabels(ticket.key, add, remove);
  deps.logger.info({ ticket: ticket.key, score: report.score, passing, comment, labelsAdded: add, labelsRemoved: remove }, 'ticket checked');
  return { comment, labels: { added: add, removed: remove } };
}

const nudgeTicketOf = (ticket: Ticket): NudgeTicket => ({
  key: ticket.key,
  summary: ticket.summary,
  reporterAccountId: ticket.reporter?.accountId ?? null,
  assigneeAccountId: ticket.assignee?.accountId ?? null,
});

/** Thanks for a ticket that needs no more nudging: its queued nudges go, its DMs say "fixed". */
async function clearNudges(deps: TicketChangedDeps, key: string): Promise<void> {
  if (!deps.dm) throw new Error('clearing nudges needs Slack (TicketChangedDeps.dm)');
  await nudgeFixed({ store: deps.store, dm: deps.dm }, key);
}

/** Queues or clears nudges about a linted ticket, as the mode says; resolves to the nudges queued. */
async function settleNudges(deps: TicketChangedDeps, ticket: Ticket, report: Report, options: ChangeOptions): Promise<number> {
  if (options.nudges === 'off') return 0;
  if (!needsAttention(report, deps.config.nudges.when)) {
    await clearNudges(deps, ticket.key);
    return 0;
  }
  if (options.nudges !== 'queue') return 0;
  const queued = await queueNudge(deps, nudgeTicketOf(ticket), report, options.trigger);
  if (queued > 0) deps.nudgeSoon?.();
  return queued;
}

/**
 * The one "ticket changed" sequence every entry point runs (the webhook worker, the poller,
 * /centric check, Fix it, Not a story, audit --write): fetch -> normalise -> lint -> store ->
 * sticky comment and label -> nudges queued or cleared. Idempotent: run twice on the same
 * ticket, the second run stores the same report, writes nothing and queues no second nudge.
 */
export async function ticketChanged(deps: TicketChangedDeps, source: TicketSource, options: ChangeOptions): Promise<TicketOutcome> {
  const issue = 'issue' in source ? source.issue : await deps.jira.getIssue(source.key);
  if (!issue) return untouched('key' in source ? source.key : '', 'gone');
  if ((issue.fields.labels ?? []).includes(deps.config.jira.exemptLabel)) {
    // Its last report (failing, most likely) would keep it in App Home and /centric mine with a Fix it button.
    await forgetReport(deps.store, issue.key);
    if (options.nudges !== 'off') await clearNudges(deps, issue.key);
    return untouched(issue.key, 'exempt', checkIssue(issue, deps.config));
  }
  const checked = await lintAndStore(deps, issue);
  const { ticket, report } = checked;
  if (report.skipped) return untouched(issue.key, 'skipped', { ticket, report });
  // audit --write (nudges off) only brings comments in line: old "done" tickets are no news.
  if (options.nudges !== 'off') await settleOutcome(deps, issue, checked);
  const written = options.write === false ? { comment: 'none' as const, labels: { added: [], removed: [] } } : await writeBack(deps, ticket, report, options.note);
  const queued = await settleNudges(deps, ticket, report, options);
  return { key: issue.key, status: 'linted', ticket, report, ...written, queued };
}

/** What the inbox keeps of a Jira event (webhook or poll) for this flow. */
export interface TicketEvent {
  /** Who caused it; null for a poll. */
  userAccountId: string | null;
  /** Set when a move that matters (a configured status, a sprint) is reason to nudge again. */
  trigger?: string;
}

/** A Jira event about a ticket (the inbox worker's handler for webhooks and polls). */
export async function ticketEventReceived(deps: TicketChangedDeps, key: string, event: TicketEvent): Promise<TicketOutcome | null> {
  const me = await deps.jira.myself();
  // Centric's own comment or label edit must not trigger Centric again.
  if (event.userAccountId && event.userAccountId === me.accountId) return null;
  return ticketChanged(deps, { key }, { nudges: 'queue', ...(event.trigger ? { trigger: event.trigger } : {}) });
}
