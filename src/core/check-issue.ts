import type { CentricConfig } from './config-types.js';
import { configForProject, lintTicket, type LintContext } from './lint.js';
import { normalise, type JiraIssue } from './ticket/normalise.js';
import { projectOfIssue } from './ticket/project-of.js';
import type { Report, Ticket } from './types.js';

export interface CheckedIssue {
  /** The issue as the rules read it: what the store keeps beside the report. */
  ticket: Ticket;
  report: Report;
}

export { projectOfIssue };

/**
 * Normalises and lints one Jira issue under its project's configuration, keeping the Ticket:
 * callers that store the report need both, and must not lint a second way to get it.
 */
export function checkIssue(issue: JiraIssue, config: CentricConfig, context: LintContext = {}): CheckedIssue {
  const projectConfig = configForProject(config, projectOfIssue(issue));
  const ticket = normalise(issue, projectConfig.acceptanceCriteriaField);
  return { ticket, report: lintTicket(ticket, projectConfig, context) };
}
