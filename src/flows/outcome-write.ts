import type { CentricConfig } from '../core/config-types.js';
import { outcomeProperty, type OutcomeAnswer, type OutcomeRecord } from '../core/outcome/outcome.js';
import { renderAdfOutcome, renderWikiOutcome } from '../core/render/outcome-comment.js';
import { LOCALES, type Locale } from '../core/i18n/locales.js';
import { catalogs as commentCatalogs, commentText } from '../core/i18n/messages/comment/index.js';
import { languageFor } from '../core/i18n/project-language.js';
import type { Logger } from '../runtime/logger.js';
import type { Store } from '../store/database.js';
import { reviewById, saveJiraComment, type ReviewRow } from '../store/outcomes.js';
import { promiseOf, storyLanguageOf } from './outcome-reviews.js';
import { jiraStatusOf, type JiraPort } from './ports.js';

export interface OutcomeWriteDeps {
  store: Store;
  config: CentricConfig;
  jira: Pick<JiraPort, 'cloud' | 'myself' | 'commentTexts' | 'addComment' | 'updateLabels' | 'setIssueProperty'>;
  logger: Logger;
}

function recordOf(row: ReviewRow, locale: Locale): OutcomeRecord {
  return {
    ticketKey: row.ticket_key,
    answer: row.outcome as OutcomeAnswer,
    measured: row.measured,
    note: row.note,
    promise: promiseOf(row),
    shippedAt: row.shipped_at,
    answeredAt: row.answered_at ?? row.updated_at,
    answeredBy: { slackUserId: row.answered_by ?? '', name: row.answered_name ?? row.answered_by ?? commentText(locale)('outcome.someone'), jiraAccountId: row.answered_account },
  };
}

/** The label each answer puts on the ticket (the other answers' labels come off). */
function labelsFor(config: CentricConfig, answer: OutcomeAnswer): { add: string[]; remove: string[] } {
  const { hit, missed, notMeasured } = config.outcomes.labels;
  const byAnswer: Record<OutcomeAnswer, string | null> = { hit, missed, 'not-measured': notMeasured };
  const mine = byAnswer[answer];
  return { add: mine ? [mine] : [], remove: Object.values(byAnswer).filter((l): l is string => !!l && l !== mine) };
}

/** Centric's outcome comment in any of its languages: "Outcome: …", "Ergebnis: …" (ADF on Cloud, "*Outcome:* …" in wiki markup). */
const OUTCOME_COMMENT = new RegExp(`^\\*?(${LOCALES.map((l) => commentCatalogs[l]['outcome.label'].trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);

/**
 * The comment's language, as the ticket's sticky comment picks it: the project's `language:` when
 * set, else the story's (stored with the review when it was scheduled), else English. A review
 * scheduled before the story's language was stored has only the project's.
 */
const outcomeLocale = (config: CentricConfig, row: Pick<ReviewRow, 'ticket_key' | 'project' | 'promise'>): Locale => languageFor(config, row.project, storyLanguageOf(row));

/**
 * The outcome comment's id: the one already there (written by an attempt that stopped before
 * storing its id), or a new one. A ticket is reviewed once, so it has at most one.
 */
async function outcomeComment(deps: OutcomeWriteDeps, record: OutcomeRecord, locale: Locale): Promise<string> {
  const me = await deps.jira.myself();
  const existing = (await deps.jira.commentTexts(record.ticketKey, 100)).find((c) => c.authorAccountId === me.accountId && OUTCOME_COMMENT.test(c.text.trim()));
  if (existing) return existing.id;
  return deps.jira.addComment(record.ticketKey, deps.jira.cloud ? renderAdfOutcome(record, locale) : renderWikiOutcome(record, locale), { sticky: false });
}

/**
 * Writes an answered review to Jira: the comment (once: its id is stored), the answer's label and
 * the issue property; each is idempotent, so the inbox may retry the whole. The person who answered
 * is named in the comment and, through their linked account, in the issue's history.
 */
export async function writeOutcome(deps: OutcomeWriteDeps, reviewId: number): Promise<'written' | 'nothing'> {
  const row = await reviewById(deps.store, reviewId);
  if (!row || row.status !== 'answered' || !row.outcome) return 'nothing';
  const locale = outcomeLocale(deps.config, row);
  const record = recordOf(row, locale);
  try {
    if (!row.jira_comment_id) await saveJiraComment(deps.store, row.id, await outcomeComment(deps, record, locale));
    const { add, remove } = labelsFor(deps.config, record.answer);
    const actor = record.answeredBy.jiraAccountId ? { slackUserId: record.answeredBy.slackUserId, slackName: record.answeredBy.name, jiraAccountId: record.answeredBy.jiraAccountId } : undefined;
    await deps.jira.updateLabels(row.ticket_key, add, remove, actor);
    await deps.jira.setIssueProperty(row.ticket_key, deps.config.outcomes.property, outcomeProperty(record));
  } catch (err) {
    // A ticket deleted since (or hidden from Centric): nothing to write to, and retrying cannot help.
    if (jiraStatusOf(err) === 404) {
      deps.logger.warn({ err, ticket: row.ticket_key }, 'outcome not written to Jira: the ticket is gone');
      return 'nothing';
    }
    throw err;
  }
  deps.logger.info({ ticket: row.ticket_key, answer: record.answer }, 'outcome written to Jira');
  return 'written';
}
