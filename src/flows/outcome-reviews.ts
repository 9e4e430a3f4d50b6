/**
 * Closing the loop on a story's customer metric: when a story with a promise ships, a review is
 * scheduled; when it is due, its owner is asked in Slack whether the metric moved; the answer is
 * recorded once and written to Jira (by the inbox worker, so a failing Jira write is retried).
 */
import { randomUUID } from 'node:crypto';
import type { CentricConfig } from '../core/config-types.js';
import type { MetricPromise } from '../core/metric/promise.js';
import { decideNudge } from '../core/nudge-policy.js';
import { oneLine, MAX_MEASURED_CHARS, MAX_NOTE_CHARS, type OutcomeAnswer } from '../core/outcome/outcome.js';
import { isShipped, outcomeSettings, reviewAfterMs, type OutcomeSettings } from '../core/outcome/settings.js';
import type { JiraIssue } from '../core/ticket/normalise.js';
import type { Report, Ticket } from '../core/types.js';
import type { Logger } from '../runtime/logger.js';
import type { Store } from '../store/database.js';
import {
  askedReviews,
  askLater,
  cancelPendingReview,
  claimReview,
  dueReviews,
  markReminded,
  postponeReview,
  readStoredPromise,
  recordAnswer,
  requeueStaleReviewClaims,
  reviewById,
  reviewsAskedOf,
  scheduleReviewOnce,
  settleClaim,
  storedPromiseJson,
  unmarkReminded,
  unwrittenAnswers,
  type ReviewRow,
} from '../store/outcomes.js';
import { linkedAccount, slackUsersOf } from '../store/user-links.js';
import { userSettingsOf } from '../store/user-settings.js';
import { BROWSE_AND_EDIT, mayAct, type Denied } from './access.js';
import { slackFailureOf, type Enqueued, type JiraPort, type NewEvent, type OutcomeAsker, type OutcomeQuestion, type OutcomeState, type SlackUsers } from './ports.js';

/** The inbox event that writes an answered review to Jira. */
export const OUTCOME_EVENT_KIND = 'outcome-answered';

export interface OutcomeDeps {
  store: Store;
  config: CentricConfig;
  clock: () => number;
  logger: Logger;
  asker: OutcomeAsker;
  users: Pick<SlackUsers, 'timezone'>;
  /** Hands the Jira write of an answer to the inbox (stored first, retried until it is done). */
  accept: (event: NewEvent, source: string) => Promise<Enqueued>;
  jira: Pick<JiraPort, 'userMay'>;
}

const STALE_CLAIM_MS = 10 * 60_000;
const MINUTE = 60_000;
/** Failed attempts to ask before a review is given up on (about 4 hours of backoff). */
const MAX_ASK_ATTEMPTS = 10;
const backoffMs = (attempts: number): number => Math.min(60 * MINUTE, MINUTE * 2 ** Math.max(0, attempts - 1));
/** An answer whose Jira write was not handed to the inbox this long after it was given is handed again. */
const UNWRITTEN_AFTER_MS = 5 * MINUTE;

/** The stored promise of a story written in `language` (its story's; absent when it had none). */
export const promiseJson = storedPromiseJson;

/** The metric the story promised, as it was reported (without the language stored beside it). */
export function promiseOf(row: Pick<ReviewRow, 'promise'>): MetricPromise {
  const { promise } = readStoredPromise(row.promise);
  // Scheduled only with a promise (scheduleReview); one edited by hand into something else stops here, named.
  if (!promise) throw new Error('the outcome review\'s stored promise is not a metric promise');
  return promise;
}

/** The language the reviewed story was written in; null for a review scheduled before it was stored (the project's language then). */
export const storyLanguageOf = (row: Pick<ReviewRow, 'promise'>): string | null => readStoredPromise(row.promise).language;

/** The question as its message shows it now. */
export function questionOf(row: ReviewRow, settings: Pick<OutcomeSettings, 'maxTooEarly'>, state: OutcomeState = stateOf(row)): OutcomeQuestion {
  return { reviewId: row.id, key: row.ticket_key, summary: row.summary, promise: promiseOf(row), shippedAt: row.shipped_at, offerTooEarly: row.too_early < settings.maxTooEarly, state };
}

function stateOf(row: ReviewRow): OutcomeState {
  if (row.status === 'answered' && row.outcome) return { kind: 'answered', answer: row.outcome as OutcomeAnswer, measured: row.measured, note: row.note, by: row.answered_by ?? '', at: row.answered_at ?? 0 };
  if (row.status === 'cancelled') return { kind: 'cancelled' };
  return { kind: 'open' };
}

// ── Scheduling: a story ships, or is reopened ────────────────────────────────────────────────

export interface ShipContext {
  issue: JiraIssue;
  ticket: Ticket;
  report: Report;
  /** The ticket's state at its previous lint; null when Centric never saw it before. */
  previous: { status: string | null; done: number } | null;
}

/**
 * After a lint: a story that moved into a done status with a customer-metric promise gets its
 * review scheduled (once: a redelivery or a second "done" finds it there); a ticket moved out of
 * done has its pending review cancelled. Only a move Centric saw counts as shipping: a ticket
 * first seen already done shipped before Centric was looking.
 */
export async function settleReview(deps: Pick<OutcomeDeps, 'store' | 'config' | 'clock' | 'logger'> & { asker?: OutcomeAsker }, ctx: ShipContext): Promise<'scheduled' | 'rescheduled' | 'cancelled' | null> {
  const settings = outcomeSettings(deps.config, ctx.ticket.project);
  if (!settings.enabled) return null;
  const shipped = isShipped({ name: ctx.ticket.status, categoryDone: ctx.issue.fields.status?.statusCategory?.key === 'done' }, settings);
  const wasShipped = ctx.previous !== null && isShipped({ name: ctx.previous.status, categoryDone: ctx.previous.done === 1 }, settings);
  // Only a ticket that was shipped at its last lint can have a review waiting: the others cost no query.
  if (!shipped) return wasShipped && (await cancel(deps, ctx.ticket.key, settings)) ? 'cancelled' : null;
  if (ctx.previous === null || wasShipped || !ctx.report.metric) return null;
  const now = deps.clock();
  const result = await scheduleReviewOnce(deps.store, {
    ticketKey: ctx.ticket.key,
    project: ctx.ticket.project,
    summary: ctx.ticket.summary,
    // A job story names no role (''): the review has no persona to ask about.
    role: ctx.report.story?.role || null,
    promise: promiseJson(ctx.report.metric, ctx.report.story?.language),
    reporterAccountId: ctx.ticket.reporter?.accountId ?? null,
    assigneeAccountId: ctx.ticket.assignee?.accountId ?? null,
    shippedAt: now,
    dueAt: now + reviewAfterMs(ctx.report.metric, settings),
    now,
  });
  if (result === 'exists') return null;
  deps.logger.info({ ticket: ctx.ticket.key, metric: ctx.report.metric.name, dueAt: new Date(now + reviewAfterMs(ctx.report.metric, settings)).toISOString() }, 'outcome review scheduled');
  return result;
}

async function cancel(deps: Pick<OutcomeDeps, 'store' | 'clock' | 'logger'> & { asker?: OutcomeAsker }, key: string, settings: OutcomeSettings): Promise<boolean> {
  const was = await cancelPendingReview(deps.store, key, deps.clock());
  if (!was) return false;
  deps.logger.info({ ticket: key }, 'outcome review cancelled: the ticket was reopened');
  if (was.channel && was.message_ts && deps.asker) {
    await deps.asker.update(was.channel, was.message_ts, questionOf(was, settings, { kind: 'cancelled' }), was.asked_of).catch((err: unknown) => deps.logger.warn({ err, ticket: key }, 'could not update the outcome question of a reopened ticket'));
  }
  return true;
}

// ── Asking and reminding ─────────────────────────────────────────────────────────────────────

export interface OutcomeDispatch {
  asked: number;
  reminded: number;
  /** Due, but not now: outside the person's working hours, muted, or backing off after a failure. */
  held: number;
  failed: number;
  undeliverable: number;
}

interface Run {
  deps: OutcomeDeps;
  now: number;
  result: OutcomeDispatch;
}

/** Whom to ask: a channel id, a DM to the owner's linked Slack user, or nobody (not linked). */
async function recipientOf(deps: OutcomeDeps, row: ReviewRow, settings: OutcomeSettings): Promise<{ to: string; dm: boolean } | null> {
  if (settings.ask !== 'reporter' && settings.ask !== 'assignee') return { to: settings.ask, dm: false };
  const account = settings.ask === 'reporter' ? row.reporter_account_id : row.assignee_account_id;
  const [user] = account ? await slackUsersOf(deps.store, [account]) : [];
  return user ? { to: user, dm: true } : null;
}

/** Whether a person may be DMed now (working hours, mute); the time to try again when not. */
async function notNow(run: Run, user: string): Promise<number | null> {
  const settings = await userSettingsOf(run.deps.store, user);
  const timezone = await run.deps.users.timezone(user);
  const [start, end] = settings?.workingHours?.split('-') ?? [];
  const hours = start && end ? { ...run.deps.config.nudges.workingHours, start, end } : run.deps.config.nudges.workingHours;
  // An outcome question is no nudge: the daily nudge cap does not hold it back.
  const decision = decideNudge({ now: run.now, timezone, hours, mutedUntil: settings?.mutedUntil ?? null, lastSentAt: null, minGapMs: 0 });
  if (decision.send) return null;
  return decision.retryAt ?? run.now + 86_400_000;
}

async function askFailed(run: Run, row: ReviewRow, claim: string, err: unknown): Promise<void> {
  const failure = slackFailureOf(err);
  if (failure.kind === 'app') {
    await settleClaim(run.deps.store, row.id, claim, { status: 'scheduled', due_at: run.now });
    throw err;
  }
  const attempts = row.attempts + 1;
  if (failure.kind === 'recipient' || attempts >= MAX_ASK_ATTEMPTS) {
    await settleClaim(run.deps.store, row.id, claim, { status: 'undeliverable', attempts, updated_at: run.now });
    run.result.undeliverable++;
    run.deps.logger.warn({ err, ticket: row.ticket_key, code: failure.code, attempts }, 'outcome question undeliverable: given up on');
    return;
  }
  await settleClaim(run.deps.store, row.id, claim, { status: 'scheduled', attempts, due_at: run.now + Math.max(backoffMs(attempts), failure.retryAfterMs ?? 0), updated_at: run.now });
  run.result.failed++;
  run.deps.logger.warn({ err, ticket: row.ticket_key, code: failure.code, attempts }, 'outcome question failed; asked again after a backoff');
}

async function askOne(run: Run, row: ReviewRow): Promise<void> {
  const { deps, now } = run;
  const settings = outcomeSettings(deps.config, row.project);
  const claim = `sending:${randomUUID()}`;
  if (!settings.enabled) {
    if (await claimReview(deps.store, row.id, claim, now)) await settleClaim(deps.store, row.id, claim, { status: 'cancelled', updated_at: now });
    return;
  }
  const recipient = await recipientOf(deps, row, settings);
  if (recipient?.dm) {
    const later = await notNow(run, recipient.to).catch(() => now + backoffMs(row.attempts + 1));
    if (later !== null) {
      await postponeReview(deps.store, row.id, later);
      run.result.held++;
      return;
    }
  }
  // Claimed before asking, so a second dispatcher (another replica) never asks the same review.
  if (!(await claimReview(deps.store, row.id, claim, now))) return;
  if (!recipient) {
    await settleClaim(deps.store, row.id, claim, { status: 'asked', asked_of: null, asked_at: now, updated_at: now });
    deps.logger.info({ ticket: row.ticket_key, ask: settings.ask }, 'outcome review due, but its owner has no linked Slack user: shown as pending');
    return;
  }
  let posted: { channel: string; ts: string };
  try {
    posted = await deps.asker.ask(recipient.to, questionOf(row, settings, { kind: 'open' }));
  } catch (err) {
    await askFailed(run, row, claim, err);
    return;
  }
  await settleClaim(deps.store, row.id, claim, { status: 'asked', asked_of: recipient.to, channel: posted.channel, message_ts: posted.ts, asked_at: now, attempts: 0, updated_at: now });
  run.result.asked++;
  deps.logger.info({ ticket: row.ticket_key, to: recipient.to }, 'outcome question asked');
}

/** One reminder under an unanswered question, once its remindAfter has passed. */
async function remindOne(run: Run, row: ReviewRow): Promise<void> {
  const { deps, now } = run;
  const settings = outcomeSettings(deps.config, row.project);
  if (row.reminded_at !== null || !row.channel || !row.message_ts || !row.asked_of || (row.asked_at ?? now) + settings.remindAfterMs > now) return;
  if (/^[UW]/.test(row.asked_of) && (await notNow(run, row.asked_of).catch(() => now)) !== null) return;
  if (!(await markReminded(deps.store, row.id, now))) return;
  try {
    await deps.asker.remind(row.channel, row.message_ts, questionOf(row, settings), row.asked_of);
    run.result.reminded++;
  } catch (err) {
    if (slackFailureOf(err).kind === 'transient') await unmarkReminded(deps.store, row.id);
    deps.logger.warn({ err, ticket: row.ticket_key }, 'outcome reminder failed');
  }
}

/** Answers given but not handed to the inbox (the process stopped in between): handed again; the inbox drops a duplicate. */
async function handUnwritten(run: Run): Promise<void> {
  for (const row of await unwrittenAnswers(run.deps.store, run.now - UNWRITTEN_AFTER_MS)) await handToJira(run.deps, row.id);
}

/**
 * Asks the due reviews (within each person's working hours, never while they are muted), reminds
 * the unanswered ones once, and hands answers whose Jira write went missing to the inbox again.
 * Only an error of the bot's own token stops it (it throws; nothing is marked).
 */
export async function dispatchOutcomes(deps: OutcomeDeps): Promise<OutcomeDispatch> {
  const run: Run = { deps, now: deps.clock(), result: { asked: 0, reminded: 0, held: 0, failed: 0, undeliverable: 0 } };
  await requeueStaleReviewClaims(deps.store, run.now - STALE_CLAIM_MS);
  for (const row of await dueReviews(deps.store, run.now)) await askOne(run, row);
  for (const row of await askedReviews(deps.store)) await remindOne(run, row);
  await handUnwritten(run);
  return run.result;
}

// ── Answering ────────────────────────────────────────────────────────────────────────────────

export type OutcomeChoice = OutcomeAnswer | 'too-early';

export interface OutcomeInput {
  measured?: string | null;
  note?: string | null;
}

export type AnswerResult =
  | { status: 'recorded'; key: string; answer: OutcomeAnswer }
  | { status: 'later'; key: string; until: number }
  /** Answered before (by this person or someone else), or no longer asked (reopened). */
  | { status: 'closed'; key: string; state: OutcomeState }
  | { status: 'no-more-later'; key: string; max: number }
  | { status: 'denied'; key: string; denied: Denied }
  | { status: 'gone' };

export interface Answerer {
  userId: string;
  name: string;
}

const handToJira = (deps: Pick<OutcomeDeps, 'accept'>, id: number) =>
  deps.accept({ deliveryId: `${OUTCOME_EVENT_KIND}:${id}`, kind: OUTCOME_EVENT_KIND, ticketKey: null, payload: { reviewId: id } }, 'slack-outcome');

/** Who may answer: the person asked, or anyone whose linked Jira account may edit the ticket. */
async function mayAnswer(deps: OutcomeDeps, row: ReviewRow, userId: string): Promise<{ ok: true; account: string | null } | { ok: false; denied: Denied }> {
  if (row.asked_of === userId) return { ok: true, account: await linkedAccount(deps.store, userId) };
  return mayAct(deps, userId, BROWSE_AND_EDIT, { issueKey: row.ticket_key });
}

async function updateQuestion(deps: OutcomeDeps, row: ReviewRow, state: OutcomeState): Promise<void> {
  if (!row.channel || !row.message_ts) return;
  const settings = outcomeSettings(deps.config, row.project);
  await deps.asker.update(row.channel, row.message_ts, questionOf(row, settings, state), row.asked_of).catch((err: unknown) => deps.logger.warn({ err, ticket: row.ticket_key }, 'could not update the outcome question'));
}

/**
 * An answer from Slack (a button, or the modal): recorded once — a double click or a redelivery
 * finds it answered — then written to Jira by the inbox worker, and the question updated in place.
 */
export async function answerOutcome(deps: OutcomeDeps, who: Answerer, reviewId: number, choice: OutcomeChoice, input: OutcomeInput = {}): Promise<AnswerResult> {
  const row = await reviewById(deps.store, reviewId);
  if (!row) return { status: 'gone' };
  if (row.status !== 'asked') return { status: 'closed', key: row.ticket_key, state: stateOf(row) };
  const access = await mayAnswer(deps, row, who.userId);
  if (!access.ok) return { status: 'denied', key: row.ticket_key, denied: access.denied };
  const now = deps.clock();
  if (choice === 'too-early') return later(deps, row, who, now);
  const measured = choice === 'not-measured' ? null : oneLine(input.measured, MAX_MEASURED_CHARS);
  const note = oneLine(input.note, MAX_NOTE_CHARS);
  const recorded = await recordAnswer(deps.store, row.id, { outcome: choice, measured, note, answeredBy: who.userId, answeredName: oneLine(who.name, 80) ?? who.userId, answeredAccount: access.account, now });
  if (!recorded) return { status: 'closed', key: row.ticket_key, state: stateOf((await reviewById(deps.store, row.id)) ?? row) };
  deps.logger.info({ ticket: row.ticket_key, answer: choice, by: who.userId }, 'outcome answered');
  await handToJira(deps, row.id);
  await updateQuestion(deps, row, { kind: 'answered', answer: choice, measured, note, by: who.userId, at: now });
  return { status: 'recorded', key: row.ticket_key, answer: choice };
}

async function later(deps: OutcomeDeps, row: ReviewRow, who: Answerer, now: number): Promise<AnswerResult> {
  const settings = outcomeSettings(deps.config, row.project);
  if (row.too_early >= settings.maxTooEarly) return { status: 'no-more-later', key: row.ticket_key, max: settings.maxTooEarly };
  const until = now + settings.tooEarlyDelayMs;
  if (!(await askLater(deps.store, row.id, until, now))) return { status: 'closed', key: row.ticket_key, state: stateOf((await reviewById(deps.store, row.id)) ?? row) };
  await updateQuestion(deps, row, { kind: 'later', until, by: who.userId });
  return { status: 'later', key: row.ticket_key, until };
}

/** What a person may do about a review from a button: the question, or why not (for the modal). */
export async function outcomeForAnswer(deps: OutcomeDeps, userId: string, reviewId: number): Promise<{ status: 'open'; question: OutcomeQuestion } | Exclude<AnswerResult, { status: 'recorded' | 'later' | 'no-more-later' }>> {
  const row = await reviewById(deps.store, reviewId);
  if (!row) return { status: 'gone' };
  if (row.status !== 'asked') return { status: 'closed', key: row.ticket_key, state: stateOf(row) };
  const access = await mayAnswer(deps, row, userId);
  if (!access.ok) return { status: 'denied', key: row.ticket_key, denied: access.denied };
  return { status: 'open', question: questionOf(row, outcomeSettings(deps.config, row.project)) };
}

/** The questions waiting for this person's answer (App Home lists them with the same buttons). */
export async function questionsAskedOf(deps: { store: Store; config: Pick<CentricConfig, 'outcomes'> }, userId: string): Promise<OutcomeQuestion[]> {
  return (await reviewsAskedOf(deps.store, userId)).map((row) => questionOf(row, outcomeSettings(deps.config, row.project)));
}
