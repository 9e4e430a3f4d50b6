import { performance } from 'node:perf_hooks';
import type { CentricConfig } from '../core/config-types.js';
import { configForProject, lintTicket } from '../core/lint.js';
import { normalise, planningFacts, type JiraIssue } from '../core/ticket/normalise.js';
import type { Report } from '../core/types.js';
import type { Metrics } from '../runtime/metrics.js';
import type { Store } from '../store/database.js';
import { saveReport } from '../store/reports.js';

export interface LintTicketDeps {
  store: Store;
  config: CentricConfig;
  metrics: Metrics;
  clock: () => number;
}

export interface LintOutcome {
  report: Report;
  /** False when the stored report already said the same. */
  changed: boolean;
}

/** normalise -> lint -> store: the sequence every entry point shares. */
export async function lintAndStore(deps: LintTicketDeps, issue: JiraIssue): Promise<LintOutcome> {
  const project = issue.fields.project?.key ?? issue.key.slice(0, issue.key.lastIndexOf('-'));
  const config = configForProject(deps.config, project);
  const started = performance.now();
  const ticket = normalise(issue, config.acceptanceCriteriaField);
  const report = lintTicket(ticket, config);
  deps.metrics.lintDuration.observe((performance.now() - started) / 1000);
  const { changed } = await saveReport(deps.store, ticket, report, deps.clock(), planningFacts(issue, deps.config.digest));
  return { report, changed };
}
