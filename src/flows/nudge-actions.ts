import { languageFor } from '../core/i18n/project-language.js';
import { renderNote } from '../core/render/jira-comment.js';
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
  await deps.jira.updateLabels(key, [exemptLabel], label ? [label] : [], actor);
  // An exempt ticket gets no sticky comment, so the trace is a note of its own, in the project's language (the story's is not read here).
  await deps.jira.addComment(key, renderNote(actorNote('notAStory', actor, languageFor(deps.config, projectOf(key))), deps.jira.cloud), { sticky: false });
  await ticketChanged(deps, { key }, { nudges: 'clear' });
  return { key, label: exemptLabel };
}
