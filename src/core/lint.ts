import { compile, type CompiledConfig, type CompiledLanguage } from './compile.js';
import type { CentricConfig, LintConfig } from './config-types.js';
import { epicContextOf, type EpicContext } from './epic/context.js';
import { readEpic } from './epic/read-epic.js';
import { configForProfile, epicIssueTypes, overrideRules, profileOf, profilesForProject, projectBaseRules, type ProfiledConfig } from './profiles.js';
import { benefitOf } from './benefit/benefit-kind.js';
import { detectDomain, type Domain } from './hints/index.js';
import type { Locale } from './i18n/locales.js';
import { languageFor } from './i18n/project-language.js';
import { assignStage, journeyReportOf, stageText, type StageMatch } from './journey/index.js';
import { evidenceOf } from './rules/customer-evidence.js';
import { metricPromiseOf } from './rules/customer-metric.js';
import { RULES, ruleLink, type Rule, type RuleContext } from './rules/index.js';
import { score, type ScoredFailure } from './score.js';
import { jobStoryRange, parseStory } from './story/parse-story.js';
import { normalise, type JiraIssue } from './ticket/normalise.js';
import { projectOfIssue } from './ticket/project-of.js';
import type { Finding, LintResult, Report, RuleId, Story, Summary, TextBlock, Ticket } from './types.js';

const projectConfigs = new WeakMap<CentricConfig, Map<string, ProfiledConfig>>();

/** The configuration for one project: the base with the project's overrides laid over it, its profiles' too. */
export function configForProject(config: CentricConfig, project: string): ProfiledConfig {
  const override = config.projects[project];
  if (!override) return config;
  let byProject = projectConfigs.get(config);
  if (!byProject) projectConfigs.set(config, (byProject = new Map()));
  let resolved = byProject.get(project);
  if (!resolved) {
    resolved = {
      ...config,
      ...override,
      // working-backwards: warn in a project tunes its epics: a rule made for profiles stays off for its stories.
      rules: overrideRules(config.rules, projectBaseRules(config.rules, override.rules)),
      scoreWeights: { ...config.scoreWeights, ...override.scoreWeights },
      profiles: profilesForProject(config.profiles, override, config.rules),
    };
    byProject.set(project, resolved);
  }
  return resolved;
}

/** How much of the description hints read for domain words: about the story and a line or two after it. */
const HINT_CHARS = 400;

const languageOrders = new WeakMap<CompiledConfig, Map<string, CompiledLanguage[]>>();

/** The story's language first, then every other one. */
function languagesFor(compiled: CompiledConfig, code: string | undefined): CompiledLanguage[] {
  if (!code) return compiled.languages;
  let orders = languageOrders.get(compiled);
  if (!orders) languageOrders.set(compiled, (orders = new Map()));
  let order = orders.get(code);
  if (!order) {
    order = [...compiled.languages].sort((a, b) => Number(b.code === code) - Number(a.code === code));
    orders.set(code, order);
  }
  return order;
}

function proseOf(blocks: TextBlock[]): string {
  let text = '';
  for (const block of blocks) if (block.kind !== 'code') text += `${block.text}\n`;
  return text;
}

/** Linted: a type of a profile (an epic) that leaves a rule on, or else of the base `issueTypes`. */
export function isLinted(ticket: Ticket, config: ProfiledConfig): boolean {
  const profile = profileOf(ticket.issueType, config);
  if (profile) return configForProfile(config, profile) !== null;
  const type = ticket.issueType.toLowerCase();
  return config.issueTypes.some((t) => t.toLowerCase() === type);
}

/** What a lint may know besides the ticket: its epic's persona and metric, for hints only. */
export interface LintContext {
  epic?: EpicContext | undefined;
  /** The language of the findings (`centric lint --lang`); absent: see findingsLocale. */
  locale?: Locale | undefined;
}

/**
 * The language Centric writes a ticket's findings (and its comment) in: the project's `language:`
 * in centric.yml when set, else the language of the ticket's story, else English. A bare LintConfig
 * (no `projects`) has no project language.
 */
export function findingsLocale(config: LintConfig | CentricConfig, project: string, story: Pick<Story, 'language'> | null | undefined): Locale {
  const projects = 'projects' in config ? (config as CentricConfig).projects : {};
  return languageFor({ projects }, project, story?.language);
}

/** Lints one normalised ticket under a project's configuration, laid over by its profile's when its type has one. */
export function lintTicket(ticket: Ticket, projectConfig: ProfiledConfig, context: LintContext = {}): Report {
  const profile = profileOf(ticket.issueType, projectConfig);
  if (!profile && !isLinted(ticket, projectConfig)) return { key: ticket.key, skipped: true };
  const config = profile ? configForProfile(projectConfig, profile) : projectConfig;
  // A profile that leaves every rule off (working-backwards: off for a project's epics) lints nothing.
  if (!config) return { key: ticket.key, skipped: true };
  // A profile changes rules and weights only: the vocabulary compiled for the project serves it.
  const compiled = compile(projectConfig);
  const description = proseOf(ticket.description);
  // A job story in the description only before its acceptance criteria or steps to reproduce: there "When …" is a step.
  const story = parseStory([ticket.summary, description], compiled, [undefined, () => jobStoryRange(ticket.description, compiled)]);
  let domain: Domain | undefined;
  let stage: StageMatch | null | undefined;
  const hintText = `${ticket.summary}\n${description.slice(0, HINT_CHARS)}`;
  const blocks: TextBlock[] = [{ kind: 'heading', text: ticket.summary }, ...ticket.description, ...ticket.acceptanceCriteria];
  const ctx: RuleContext = {
    ticket,
    story,
    config,
    compiled,
    languages: languagesFor(compiled, story?.language),
    blocks,
    text: `${ticket.summary}\n${description}${proseOf(ticket.acceptanceCriteria)}`,
    // Only a failing hint needs it: a passing ticket never pays for the keyword scan.
    domain: () => (domain ??= detectDomain(hintText, config.domains)),
    ...(context.epic ? { epic: context.epic } : {}),
    locale: context.locale ?? findingsLocale(projectConfig, ticket.project, story),
    hintText,
    // Asked by the report for every ticket, and by a failing customer-metric hint first.
    // A language's journey keywords are read in a story of that language only; without a story, language by language.
    journey: () => (stage === undefined ? (stage = assignStage(ticket, stageText(ticket, story, hintText), config.journey, story?.language ?? null, compiled.languages)) : stage),
  };
  const findings: Finding[] = [];
  const failures: ScoredFailure[] = [];
  const notApplicable: RuleId[] = [];
  for (const rule of RULES as readonly Rule[]) {
    const id = rule.meta.id as RuleId;
    const setting = config.rules[id];
    if (setting.severity === 'off') continue;
    if (rule.needsStory && !story) {
      notApplicable.push(id);
      continue;
    }
    const failure = rule.check(ctx, setting);
    if (!failure) continue;
    const severity = failure.maxSeverity === 'warn' ? 'warn' : setting.severity;
    findings.push({ rule: id, severity, message: failure.message, hint: failure.hint, link: ruleLink(config.jira.rulesDocUrl, id) });
    failures.push(failure.share === undefined ? { rule: id, partial: failure.partial === true } : { rule: id, partial: false, share: Math.min(1, Math.max(0, failure.share)) });
  }
  const report: Report = { key: ticket.key, skipped: false, score: score(failures, config, notApplicable), story, findings };
  // The promise the outcome review will ask about: only a metric with a target is one.
  if (config.rules['customer-metric'].severity !== 'off' && !findings.some((f) => f.rule === 'customer-metric')) {
    const metric = metricPromiseOf(ctx.text, blocks, compiled);
    if (metric) report.metric = metric;
  }
  // Whose benefit the story states (customer, business or both): the ranking and the digest's balance read it.
  const benefit = benefitOf(story, ctx.languages);
  if (benefit) report.benefit = benefit;
  if (config.rules['customer-evidence'].severity !== 'off') report.evidence = evidenceOf(ctx);
  const journey = journeyReportOf(ctx.journey(), report.metric, compiled);
  // journeyStage is the contract's name for the stage (DESIGN.md); journey adds its KPIs and the metric's fit.
  if (journey) {
    report.journeyStage = journey.stage;
    report.journey = journey;
  }
  if (config.rules['working-backwards'].severity !== 'off') report.epic = { ...readEpic(ctx) };
  return report;
}

/** Normalises and lints one Jira issue as the REST API returns it. */
export function lintIssue(issue: JiraIssue, config: CentricConfig, context: LintContext = {}): Report {
  const projectConfig = configForProject(config, projectOfIssue(issue));
  return lintTicket(normalise(issue, projectConfig.acceptanceCriteriaField), projectConfig, context);
}

export const passes = (report: Report): boolean =>
  !report.skipped && !(report.findings ?? []).some((f) => f.severity === 'error');

/** Which reports call for a comment or a nudge: any finding at all, or only an error. */
export type AttentionWhen = 'any-finding' | 'failing';

export const needsAttention = (report: Report, when: AttentionWhen): boolean =>
  !report.skipped && (when === 'failing' ? !passes(report) : (report.findings ?? []).length > 0);

/** What a summary counts of one report (a CLI run over 10,000 issues keeps these, not the reports). */
export interface Tally {
  skipped: boolean;
  score: number;
  passes: boolean;
}

export const tallyOf = (report: Report): Tally => ({ skipped: report.skipped, score: report.score ?? 0, passes: passes(report) });

export function summariseTallies(tallies: Tally[]): Summary {
  const linted = tallies.filter((t) => !t.skipped);
  const total = linted.reduce((sum, t) => sum + t.score, 0);
  return {
    tickets: tallies.length,
    linted: linted.length,
    skipped: tallies.length - linted.length,
    passing: linted.filter((t) => t.passes).length,
    averageScore: linted.length > 0 ? Math.round(total / linted.length) : null,
  };
}

export const summarise = (reports: Report[]): Summary => summariseTallies(reports.map(tallyOf));

/**
 * Issues read one at a time: an array, or a CLI's list that parses each issue of a large file
 * only when asked (`typeAt` then gives an issue's type without parsing it again).
 */
export interface IssueList {
  readonly length: number;
  at(index: number): JiraIssue | undefined;
  typeAt?(index: number): string;
}

/**
 * Lints a set of issues and hands each report, in the order given, to `emit`. Epics are linted
 * first, so a story of an epic in the same set gets the epic's persona and metric as context for
 * its hints. Each issue is read (`at`) and normalised when it is linted, not all up front, and
 * never read again once its report is emitted: a run over 10,000 issues holds one at a time.
 */
export function lintEach(issues: IssueList, config: CentricConfig, emit: (report: Report, index: number) => void, locale?: Locale): void {
  const epicTypes = new Set(epicIssueTypes(config).map((t) => t.toLowerCase()));
  const lintOne = (issue: JiraIssue, context: LintContext): Report => {
    const projectConfig = configForProject(config, projectOfIssue(issue));
    return lintTicket(normalise(issue, projectConfig.acceptanceCriteriaField), projectConfig, locale ? { ...context, locale } : context);
  };
  const typeAt = (i: number) => (issues.typeAt ? issues.typeAt(i) : (issues.at(i)!.fields.issuetype?.name ?? ''));
  const epicReports = new Map<number, Report>();
  const epics = new Map<string, EpicContext>();
  for (let i = 0; i < issues.length; i++) {
    if (!epicTypes.has(typeAt(i).toLowerCase())) continue;
    const issue = issues.at(i)!;
    const report = lintOne(issue, {});
    epicReports.set(i, report);
    const epic = epicContextOf(issue.key, report);
    if (epic) epics.set(issue.key, epic);
  }
  for (let i = 0; i < issues.length; i++) {
    const done = epicReports.get(i);
    if (done) {
      emit(done, i);
      continue;
    }
    const issue = issues.at(i)!;
    const parent = issue.fields.parent?.key;
    const epic = parent ? epics.get(parent) : undefined;
    emit(lintOne(issue, epic ? { epic } : {}), i);
  }
}

/** Lints a set of issues, reports in the order given (see lintEach); findings in `locale` when given. */
export function lintIssues(issues: IssueList, config: CentricConfig, locale?: Locale): LintResult {
  const reports: Report[] = [];
  lintEach(issues, config, (report) => reports.push(report), locale);
  return { reports, summary: summarise(reports) };
}
