import { accessSync, constants, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { loadJiraEnv, secretsOf, type Env } from '../config/env.js';
import { loadConfig } from '../config/load.js';
import { epicContextOf, type EpicContext } from '../core/epic/context.js';
import { lintIssue, passes, summarise } from '../core/lint.js';
import { chartSvgs } from '../charts/render.js';
import { rulePassSpec, scoreDistributionSpec } from '../core/charts/audit.js';
import { catalogs } from '../core/i18n/messages/report/index.js';
import { translator } from '../core/i18n/translate.js';
import { renderHtml, rulePassRates, type HtmlPage } from '../core/render/html.js';
import type { JiraIssue } from '../core/ticket/normalise.js';
import type { LintResult, Report } from '../core/types.js';
import { ticketChanged, type TicketChangedDeps } from '../flows/ticket-changed.js';
import { customFieldsOf, JiraClient, JiraError } from '../jira/client.js';
import { errorText } from '../runtime/errors.js';
import { createLogger } from '../runtime/logger.js';
import { Metrics } from '../runtime/metrics.js';
import { openStore, type Store } from '../store/database.js';
import { migrate } from '../store/migrations.js';
import type { CliIo } from '../cli.js';
import { reachJira, oneScope } from './jira-reach.js';
import { AuditUsageError } from './usage-error.js';
import { projectOption } from './project-option.js';
import type { Locale } from '../core/i18n/locales.js';
import { runLanguage, unknownLang } from './lang.js';

export interface AuditOutput {
  reports: Report[];
  /** Written to stdout in the chosen format by the caller. */
}

const AUDIT_FORMATS = ['text', 'json', 'markdown'] as const;

/** --write: the bot's own "ticket changed" (stored, comment and label in line), nudging nobody; an exempt ticket counts as skipped. */
async function writeOne(deps: TicketChangedDeps, issue: JiraIssue): Promise<Report> {
  const outcome = await ticketChanged(deps, { issue }, { nudges: 'off' });
  return outcome.status !== 'exempt' && outcome.report ? outcome.report : { key: issue.key, skipped: true };
}

/** Said before the audit runs, not after it: a report that cannot be written wastes the whole run. */
function htmlWritable(file: string): void {
  const folder = dirname(resolve(file));
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new AuditUsageError(`--html ${file}: the folder ${folder} does not exist or cannot be written to; create it or pick another path`);
  }
}

const HEADING_SCOPE_CHARS = 80;

/** The page with its charts (score distribution, pass rate per rule) drawn as inline SVG. */
async function htmlReport(result: LintResult, page: HtmlPage): Promise<string> {
  const locale = page.locale ?? 'en';
  const scores = result.reports.filter((r) => !r.skipped).map((r) => r.score ?? 0);
  const charts = await chartSvgs([scoreDistributionSpec(scores, locale), rulePassSpec(rulePassRates(result), locale)]);
  const scope = page.scope && ('project' in page.scope ? page.scope.project : page.scope.jql);
  // The heading cuts a long JQL; the page gives it whole under "Tickets".
  const heading = scope && scope.length > HEADING_SCOPE_CHARS ? `${scope.slice(0, HEADING_SCOPE_CHARS - 1)}…` : (scope ?? '');
  return renderHtml(result, translator(catalogs, locale)('pageTitle', { scope: heading }), { ...page, charts });
}

/** centric audit: lints a JQL search (or a project's open stories) straight from Jira. */
export async function runAudit(args: string[], io: CliIo, render: (reports: Report[], format: string, locale?: Locale) => string): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      jql: { type: 'string' },
      project: { type: 'string', short: 'p' },
      format: { type: 'string', short: 'f', default: 'text' },
      config: { type: 'string', short: 'c' },
      write: { type: 'boolean', default: false },
      html: { type: 'string' },
      lang: { type: 'string' },
    },
  });
  if (!values.jql && !values.project) throw new AuditUsageError('centric audit needs --jql "…" or --project KEY');
  oneScope(values, 'audit');
  values.project = projectOption(values.project);
  if (!AUDIT_FORMATS.includes(values.format as (typeof AUDIT_FORMATS)[number])) throw new AuditUsageError(`--format must be one of ${AUDIT_FORMATS.join(', ')}, not "${values.format}"`);
  const jql = values.jql ?? `project = "${values.project}" AND statusCategory != Done ORDER BY key`;
  const locale = runLanguage(values.lang, io.env) ?? undefined;
  if (locale === undefined && values.lang !== undefined) throw new AuditUsageError(unknownLang(values.lang));

  if (io.env === process.env) loadDotenv({ quiet: true });
  const env = loadJiraEnv(io.env);
  const config = loadConfig(values.config ?? (io.env.CENTRIC_CONFIG || undefined));
  // Errors only: a terminal gets the one line that stops the audit, not a JSON line per retry.
  const logger = createLogger({ level: 'error', secrets: secretsOf(env as Env), destination: io.stderr, pretty: false });
  const metrics = new Metrics();
  const jira = new JiraClient({ env, settings: config.jira, metrics, logger, customFields: customFieldsOf(config) });
  if (values.html) htmlWritable(values.html);
  await reachJira(jira, env);
  let store: Store | undefined;
  if (values.write) {
    try {
      store = openStore(env.DATABASE_URL);
      await migrate(store.db);
    } catch (err) {
      await store?.close().catch(() => undefined);
      throw new AuditUsageError(`--write stores the reports in DATABASE_URL, which cannot be used: ${errorText(err)}`);
    }
  }
  const progress = (io.stderr as NodeJS.WritableStream & { isTTY?: boolean }).isTTY === true;
  // The whole JQL once, on a line of its own; the line below it is rewritten as tickets come.
  if (progress) io.stderr.write(`Linting ${jql}\n`);
  const reports: Report[] = [];
  const summaries = new Map<string, string>();
  // Epics read so far: a story read after its epic gets the epic's persona and metric in its hints.
  const epics = new Map<string, EpicContext>();
  try {
    for await (const page of jira.search(jql)) {
      for (const issue of page) {
        const epic = issue.fields.parent?.key ? epics.get(issue.fields.parent.key) : undefined;
        const report = store ? await writeOne({ store, config, metrics, clock: Date.now, jira, logger }, issue) : lintIssue(issue, config, { ...(epic ? { epic } : {}), locale });
        const context = epicContextOf(issue.key, report);
        if (context) epics.set(issue.key, context);
        reports.push(report);
        if (values.html) summaries.set(issue.key, issue.fields.summary ?? '');
        if (progress) io.stderr.write(`\r${reports.length} tickets, ${reports.filter((r) => !r.skipped && !passes(r)).length} failing (${issue.key})   `);
      }
    }
  } catch (err) {
    if (progress) io.stderr.write('\n');
    if (err instanceof JiraError) throw new AuditUsageError(`audit stopped after ${reports.length} tickets: ${err.message}`);
    throw err;
  } finally {
    await store?.close();
  }
  if (progress) io.stderr.write(`\r${' '.repeat(100)}\r`);
  io.stdout.write(render(reports, values.format!, locale));
  if (values.html) {
    writeFileSync(values.html, await htmlReport({ reports, summary: summarise(reports) }, { site: env.JIRA_BASE_URL, scope: values.project ? { project: values.project } : { jql }, summaries, writtenAt: Date.now(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, ...(locale ? { locale } : {}) }));
    io.stderr.write(`centric: HTML report written to ${values.html}\n`);
  }
  return reports.some((r) => !r.skipped && !passes(r)) ? 1 : 0;
}
