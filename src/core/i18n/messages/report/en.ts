import type { Catalog } from '../../translate.js';

/** The HTML report's own words (centric audit --html). */
export const en = {
  pageTitle: "Centric audit: {scope}",
  site: "Jira site",
  scopeLabel: "Tickets",
  scopeProject: "the open stories of {project}",
  scopeJql: "JQL {jql}",
  written: "Written",
  charts: "Charts",
  tickets: "Tickets",
  ticket: "Ticket",
  summary: "Summary",
  persona: "Persona",
  score: "Score",
  result: "Result",
  findings: "Findings",
  skipped: "skipped",
  skippedWhy: "issue type not linted",
  everyCheckPasses: "Every check passes.",
  sortByScore: "Sort by score",
  noTickets: "The search found no tickets.",
  fix: "Fix",
  openInJira: "Open {key} in Jira",
} as const satisfies Catalog;
