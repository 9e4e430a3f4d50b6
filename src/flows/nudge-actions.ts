import { checkIssue } from '../core/check-issue.js';
import type { Locale } from '../core/i18n/locales.js';
import { languageFor } from '../core/i18n/project-language.js';
import { findingsLocale } from '../core/lint.js';
import { renderNote } from '../core/render/jira-comment.js';
import type { JiraIssue } from '../core/ticket/normalise.js';
import { projectOf } from '../core/ticket/project-of.js';
import { BROWSE_AND_EDIT, mayAct, type Denied } from './access.js';
import { actorNote, type Asker } from './fix-ticket.js';
import { snooze } from './nudges.js';
import { ticketChanged, type TicketChangedDeps } from './ticket-changed.js';

/** "Snooze a week" on a nudge; resolves to how long no nudge about the ticket comes. */
export async function snoozeTicket(deps: TicketChangedDeps, userId: string, key: string): Promise<{ key: string; days: number }> {
  await snooze(deps, userId, key);
  return { key, days: deps.config.nudges.snoozeDays };
}

/** The language of the ticket's comments, as lint picks it; the project's when the ticket cannot be read. */
function noteLanguage(deps: TicketChangedDeps, key: string, issue: JiraIssue | null): Locale {
  if (!issue) return languageFor(deps.config, projectOf(key));
  return findingsLocale(deps.config, projectOf(key), checkIssue(issue, deps.config).report.story);
}

/**
 * "Not a story" on a nudge, for someone whose Jira account may edit the ticket: it gets the
 * exemption label (and loses the needs-work one), then goes through "ticket changed", which finds
 * it exempt and thanks for it in the DMs. Jira's history and the comment name who asked.
 */
export async function markNotAStory(deps: TicketChangedDeps, asker: Asker, key: string): Promise<{ key: string; label: string } | Denied> {
  const access = await mayAct(deps, asker.userId, BROWSE_AND_EDIT, { issueKey: key });
  if (!access.ok) return access.denied;
  const actor = { slackUserId: asker.userId, slackName: asker.name, jiraAccountId: access.account };
  const { exemptLabel, label } = deps.config.jira;
  // Read once, before the label goes on: the note speaks the language its sticky comment spoke
  // (the project's, else the story's), and "ticket changed" gets the ticket as labelled.
  const issue = await deps.jira.getIssue(key).catch(() => null);
  const language = noteLanguage(deps, key, issue);
  await deps.jira.updateLabels(key, [exemptLabel], label ? [label] : [], actor);
  // An exempt ticket gets no sticky comment, so the trace is a note of its own.
  await deps.jira.addComment(key, renderNote(actorNote('notAStory', actor, language), deps.jira.cloud), { sticky: false });
  const labels = [...(issue?.fields.labels ?? []).filter((l) => l !== label && l !== exemptLabel), exemptLabel];
  await ticketChanged(deps, issue ? { issue: { ...issue, fields: { ...issue.fields, labels } } } : { key }, { nudges: 'clear' });
  return { key, label: exemptLabel };
}
