import { snooze } from './nudges.js';
import { ticketChanged, type TicketChangedDeps } from './ticket-changed.js';

/** "Snooze a week" on a nudge; resolves to how long no nudge about the ticket comes. */
export async function snoozeTicket(deps: TicketChangedDeps, userId: string, key: string): Promise<{ key: string; days: number }> {
  await snooze(deps, userId, key);
  return { key, days: deps.config.nudges.snoozeDays };
}

/**
 * "Not a story" on a nudge: the ticket gets the exemption label (and loses the needs-work one),
 * then goes through "ticket changed", which finds it exempt and thanks for it in the DMs.
 */
export async function markNotAStory(deps: TicketChangedDeps, key: string): Promise<{ key: string; label: string }> {
  const { exemptLabel, label } = deps.config.jira;
  await deps.jira.updateLabels(key, [exemptLabel], label ? [label] : []);
  await ticketChanged(deps, { key }, { nudges: 'clear' });
  return { key, label: exemptLabel };
}
