import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { loadJiraEnv, secretsOf, type Env } from '../config/env.js';
import { loadConfig } from '../config/load.js';
import type { CentricConfig } from '../core/config-types.js';
import { slackText } from '../core/i18n/messages/slack/index.js';
import { lintIssue, passes } from '../core/lint.js';
import { planningFacts } from '../core/ticket/normalise.js';
import { renderDigestMarkdown } from '../core/render/digest-markdown.js';
import { digestOf, scopeDigest } from '../flows/post-digest.js';
import { customFieldsOf, JiraClient } from '../jira/client.js';
import { createLogger } from '../runtime/logger.js';
import { Metrics } from '../runtime/metrics.js';
import { openStoredData } from './stored-data.js';
import type { CliIo } from '../cli.js';
import { reachJira, oneScope, searchOrSay } from './jira-reach.js';
import { AuditUsageError } from './usage-error.js';
import { projectOption } from './project-option.js';
import { reportLanguage } from './lang.js';

const DAY = 86_400_000;
/** The Slack digest's words: the note on a truncated digest reads as in Slack and the Markdown. */

function since(value: string): number {
  const match = /^(\d{1,3})d$/.exec(value);
  if (!match || Number(match[1]) < 1) throw new AuditUsageError(`--since takes a number of days such as 7d, not "${value}"`);
  return Number(match[1]) * DAY;
}

/** centric digest: the digest of a project from the stored reports, or of a JQL from Jira now. */
export async function runDigest(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { project: { type: 'string', short: 'p' }, jql: { type: 'string' }, since: { type: 'string', default: '7d' }, format: { type: 'string', short: 'f', default: 'markdown' }, lang: { type: 'string' }, config: { type: 'string', short: 'c' } },
  });
  if (!values.project && !values.jql) throw new AuditUsageError('centric digest needs --project KEY (from the stored reports) or --jql "…" (from Jira)');
  oneScope(values, 'digest');
  const project = projectOption(values.project);
  if (values.format !== 'markdown' && values.format !== 'json') throw new AuditUsageError(`--format must be markdown or json, not "${values.format}"`);
  const periodMs = since(values.since!);
  if (io.env === process.env) loadDotenv({ quiet: true });
  const config: CentricConfig = loadConfig(values.config ?? (io.env.CENTRIC_CONFIG || undefined));
  const locale = reportLanguage(values.lang, io.env, project, () => config);
  const now = Date.now();
  let digest;
  let title;
  let truncatedAt: number | undefined;
  if (values.jql) {
    const env = loadJiraEnv(io.env);
    const logger = createLogger({ level: 'error', secrets: secretsOf(env as Env), destination: io.stderr, pretty: false });
    const jira = new JiraClient({ env, settings: config.jira, metrics: new Metrics(), logger, customFields: customFieldsOf(config) });
    await reachJira(jira, env);
    const history = [];
    const facts = [];
    const epics: Array<{ key: string; persona: string | null }> = [];
    // At most digest.maxIssues issues: the search is not paged further, and the digest says so.
    const max = config.digest.maxIssues;
    let read = 0;
    for await (const page of searchOrSay(jira.search(values.jql))) {
      const issues = page.slice(0, max - read);
      read += issues.length;
      for (const issue of issues) {
        const report = lintIssue(issue, config);
        if (report.skipped) continue;
        history.push({ key: issue.key, score: report.score ?? 0, role: report.story?.role ?? null, failedRules: (report.findings ?? []).map((f) => f.rule), lintedAt: now, evidence: report.evidence?.count ?? null, benefitKind: report.benefit?.kind ?? null, journeyStage: report.journey?.stage ?? null, epicKey: issue.fields.parent?.key ?? null });
        if (report.epic) epics.push({ key: issue.key, persona: report.epic.persona });
        const planning = planningFacts(issue, config.digest);
        facts.push({ key: issue.key, status: issue.fields.status?.name ?? null, owner: null, ...planning, passing: passes(report) });
      }
      if (read >= max) {
        truncatedAt = max;
        break;
      }
    }
    digest = digestOf(config, history, facts, now + 1, periodMs, undefined, epics);
    title = `"${values.jql}"`;
  } else {
    // Read-only: the bot (or `centric audit --write`) stores the reports; --jql reads Jira instead.
    const store = await openStoredData(io.env, 'stored reports', `Run the bot, or \`centric audit --project ${project} --write\`, first; or use --jql to read Jira directly.`);
    try {
      digest = await scopeDigest({ store, config }, { type: 'project', value: project! }, now + 1, periodMs);
    } finally {
      await store.close();
    }
    title = project!;
  }
  if (truncatedAt !== undefined && values.format === 'json') io.stderr.write(`centric: ${slackText(locale)('digest.truncated', { count: truncatedAt })}\n`);
  io.stdout.write(values.format === 'json' ? `${JSON.stringify(digest, null, 2)}\n` : renderDigestMarkdown(digest, title, truncatedAt, locale));
  return 0;
}
