import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { loadJiraEnv, secretsOf, type Env } from '../config/env.js';
import { loadConfig } from '../config/load.js';
import { truncatedNote } from '../core/digest.js';
import type { Locale } from '../core/i18n/locales.js';
import { digestText } from '../core/i18n/messages/digest/index.js';
import { rankText as rankWords, type RankText } from '../core/i18n/messages/rank/index.js';
import { slackText } from '../core/i18n/messages/slack/index.js';
import type { MetricPromise } from '../core/metric/promise.js';
import { promiseText } from '../core/outcome/promise-text.js';
import { formulaIn, openStoriesJql, orderIn, rankIssues, type RankedStory, type Ranking, type RankWeights } from '../core/rank.js';
import { escapeMarkdown } from '../core/render/escape-markdown.js';
import { numberIn } from '../core/render/locale-format.js';
import { escapeHtml } from '../core/render/html.js';
import { searchCapped } from '../flows/post-digest.js';
import { customFieldsOf, JiraClient } from '../jira/client.js';
import { createLogger } from '../runtime/logger.js';
import { Metrics } from '../runtime/metrics.js';
import type { CliIo } from '../cli.js';
import { reachJira, searchOrSay } from './jira-reach.js';
import { AuditUsageError } from './usage-error.js';
import { projectOption } from './project-option.js';
import { reportLanguage } from './lang.js';

const FORMATS = ['text', 'json', 'markdown', 'html'] as const;
type Format = (typeof FORMATS)[number];

/** What a rendering needs: the ranking, what it is of, and where the search was cut (if it was). */
export interface RankView {
  /** "SHOP", or the JQL in quotes. */
  scope: string;
  ranking: Ranking;
  truncatedAt?: number;
}

/** One story in `--format json`: every field always there, null when unknown. */
export interface RankedJson {
  /** 1 for the first; null for a story that could not be ranked. */
  rank: number | null;
  key: string;
  summary: string;
  persona: string | null;
  /** Other open stories for the same persona. */
  reach: number;
  benefit: number | null;
  businessValue: number | null;
  cost: number | null;
  evidence: number;
  customerScore: number | null;
  businessScore: number | null;
  /** Why it is not ranked: "no benefit", "no cost", "no benefit, no cost". */
  unranked: string | null;
  promise: string | null;
  metric: MetricPromise | null;
  score: number | null;
}

export interface RankJson {
  scope: string;
  formula: string;
  ties: string;
  weights: RankWeights;
  /** Set when the search was cut: only the first this many issues were read. */
  truncatedAt: number | null;
  stories: RankedJson[];
}

/** The Slack ranking's words (formula label, ties, persona, scores): the CLI says the same. */
type SlackWords = ReturnType<typeof slackText>;
/** The words of one language: the ranking's own, the Slack ranking's, and its number format. */
interface Words {
  locale: Locale;
  r: RankText;
  s: SlackWords;
}
const wordsOf = (locale: Locale = 'en'): Words => ({ locale, r: rankWords(locale), s: slackText(locale) });

const promiseOf = (s: RankedStory, locale: Locale = 'en'): string | null => (s.metric ? promiseText(s.metric, locale) : null);
const num = (n: number | null, locale: Locale = 'en'): string => (n === null ? '–' : numberIn(n, locale));
const ranked = (r: Ranking): RankedStory[] => r.stories.filter((s) => s.unranked === null);
const unranked = (r: Ranking): RankedStory[] => r.stories.filter((s) => s.unranked !== null);
const headline = (v: RankView, w: Words = wordsOf()): string => w.r('headline', { scope: v.scope, count: v.ranking.stories.length, ranked: ranked(v.ranking).length });
const orderLine = (r: Ranking, w: Words = wordsOf()): string => orderIn(r, w.locale);
/** The formula in the language, unless it is not the one core words (then as it is). */
const truncatedText = (count: number, locale: Locale): string => slackText(locale)('digest.truncated', { count });
const reasonOf = (s: RankedStory, w: Words): string => w.r('unranked', { reason: s.unranked === 'no benefit' ? 'benefit' : s.unranked === 'no cost' ? 'cost' : 'both' });

export function rankJson(v: RankView): RankJson {
  const r = v.ranking;
  let n = 0;
  const stories = r.stories.map((s) => ({
    rank: s.unranked === null ? ++n : null,
    key: s.key, summary: s.summary, persona: s.persona, reach: s.reach,
    benefit: s.benefit, businessValue: s.businessValue, cost: s.cost, evidence: s.evidence,
    customerScore: s.customerScore, businessScore: s.businessScore, unranked: s.unranked,
    promise: promiseOf(s), metric: s.metric, score: s.score,
  }));
  return { scope: v.scope, formula: r.formula, ties: r.ties, weights: r.weights, truncatedAt: v.truncatedAt ?? null, stories };
}

/** The facts of one story in a line: what the room discusses. */
function factsText(s: RankedStory, w: Words): string {
  const n = (x: number | null) => num(x, w.locale);
  const persona = s.persona === null ? w.s('rank.noPersona') : `${w.s('rank.for', { persona: s.persona })} ${w.r('reach', { count: s.reach })}`;
  return [
    w.s('rank.customer', { score: n(s.customerScore) }),
    w.s('rank.business', { score: n(s.businessScore) }),
    w.r('benefit', { benefit: n(s.benefit) }),
    w.r('cost', { cost: n(s.cost) }),
    w.s('rank.evidence', { evidence: s.evidence }),
    persona,
    w.s('rank.lint', { score: n(s.score) }),
  ].join(' · ');
}

function storyText(head: string, s: RankedStory, w: Words): string[] {
  const promise = promiseOf(s, w.locale);
  return [`${head} ${s.key}  ${s.summary}`, `    ${factsText(s, w)}`, ...(promise ? [`    ${w.s('rank.promise', { promise })}`] : [])];
}

export function rankText(v: RankView, locale: Locale = 'en'): string {
  const r = v.ranking;
  const w = wordsOf(locale);
  const lines = [headline(v, w), ...(v.truncatedAt === undefined ? [] : [truncatedText(v.truncatedAt, locale)]), `${w.s('rank.formula')} ${formulaIn(r, locale)}`, orderLine(r, w), ''];
  const top = ranked(r);
  if (top.length === 0) lines.push(w.r('noneRanked'));
  top.forEach((s, i) => lines.push(...storyText(`${i + 1}.`, s, w)));
  const rest = unranked(r);
  if (rest.length > 0) lines.push('', w.r('notRanked', { count: rest.length }), ...rest.flatMap((s) => storyText(`- (${reasonOf(s, w)})`, s, w)));
  return `${lines.join('\n')}\n`;
}

/** A table cell: markdown escaped, no pipe or line break to end it. */
const cell = (s: string | null): string => (s === null ? '' : escapeMarkdown(s).replace(/\n/g, ' '));

const COLUMNS = ['ticket', 'summary', 'customer', 'business', 'benefit', 'cost', 'evidence', 'persona', 'reach', 'promise', 'lint'] as const;

export function rankMarkdown(v: RankView, locale: Locale = 'en'): string {
  const r = v.ranking;
  const w = wordsOf(locale);
  const n = (x: number | null) => num(x, locale);
  const note = v.truncatedAt === undefined ? [] : [`> **${digestText(locale)('md.note')}** ${truncatedText(v.truncatedAt, locale)}`, ''];
  const row = (place: string, s: RankedStory) =>
    `| ${place} | ${cell(s.key)} | ${cell(s.summary)} | ${n(s.customerScore)} | ${n(s.businessScore)} | ${n(s.benefit)} | ${n(s.cost)} | ${s.evidence} | ${cell(s.persona)} | ${s.reach} | ${cell(promiseOf(s, locale))} | ${n(s.score)} |`;
  let place = 0;
  const rows = r.stories.map((s) => row(s.unranked === null ? String(++place) : cell(reasonOf(s, w)), s));
  return [
    `## ${cell(headline(v, w))}`, '', ...note,
    `**${w.s('rank.formula')}** ${cell(formulaIn(r, locale))}`, '', cell(orderLine(r, w)), '',
    `| # | ${COLUMNS.map((c) => w.r(`column.${c}`)).join(' | ')} |`,
    `|${' --- |'.repeat(COLUMNS.length + 1)}`,
    ...rows, '',
  ].join('\n');
}

/** At most this many bars in the chart: it must fit the screen in the meeting. */
const CHART_BARS = 20;
const cutText = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Horizontal bars of the customer score, the business score as a thin bar under each. */
function rankChart(stories: RankedStory[]): string {
  const shown = stories.slice(0, CHART_BARS);
  const max = Math.max(1e-9, ...shown.map((s) => Math.max(s.customerScore ?? 0, s.businessScore ?? 0)));
  const width = (n: number | null) => Math.max(0, Math.round(((n ?? 0) / max) * 360));
  const rows = shown.map((s, i) => {
    const y = 10 + i * 34;
    const label = escapeHtml(`${i + 1}. ${s.key} ${cutText(s.summary, 28)}`);
    const c = width(s.customerScore);
    return `<text x="250" y="${y + 13}" text-anchor="end" font-size="12">${label}</text>` +
      `<rect x="258" y="${y}" width="${c}" height="16" fill="#2a9d8f"><title>${escapeHtml(`${s.key}: customer ${num(s.customerScore)}`)}</title></rect>` +
      `<text x="${264 + c}" y="${y + 13}" font-size="12">${num(s.customerScore)}</text>` +
      `<rect x="258" y="${y + 19}" width="${width(s.businessScore)}" height="6" fill="#e9c46a"><title>${escapeHtml(`${s.key}: business ${num(s.businessScore)}`)}</title></rect>`;
  });
  const height = shown.length * 34 + 12;
  return `<svg role="img" aria-label="Customer score per story" viewBox="0 0 700 ${height}" width="700" height="${height}">${rows.join('')}</svg>`;
}

/** A self-contained page (no scripts, no external assets) to put on the screen in the meeting. */
export function rankHtml(v: RankView): string {
  const r = v.ranking;
  const title = headline(v);
  let n = 0;
  const rows = r.stories
    .map((s) => {
      const place = s.unranked === null ? String(++n) : s.unranked;
      const cells = [place, s.key, s.summary, num(s.customerScore), num(s.businessScore), num(s.benefit), num(s.cost), String(s.evidence), s.persona ?? '', String(s.reach), promiseOf(s) ?? '', num(s.score)];
      return `<tr${s.unranked === null ? '' : ' class="unranked"'}>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  const note = v.truncatedAt === undefined ? '' : `<p class="note">${escapeHtml(truncatedNote(v.truncatedAt))}</p>\n`;
  const top = ranked(r);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:15px system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}tr.unranked td{color:#888}.formula{font-family:ui-monospace,monospace;background:#f4f4f4;padding:.5rem}.note{color:#c0392b}.legend span{display:inline-block;width:1rem;height:.7rem;margin:0 .3rem 0 1rem}</style>
</head><body>
<h1>${escapeHtml(title)}</h1>
${note}<p class="formula">${escapeHtml(r.formula)}</p>
<p>${escapeHtml(orderLine(r))}</p>
<h2>Ranking</h2>
${top.length === 0 ? '<p>No story has both a benefit and a cost to rank by.</p>' : `<p class="legend"><span style="background:#2a9d8f"></span>customer ÷ cost<span style="background:#e9c46a"></span>business ÷ cost</p>\n${rankChart(top)}`}
<h2>Stories</h2>
<table><thead><tr><th>#</th><th>Ticket</th><th>Summary</th><th>Customer ÷ cost</th><th>Business ÷ cost</th><th>Benefit</th><th>Cost</th><th>Evidence</th><th>Persona</th><th>Reach</th><th>Promise</th><th>Lint</th></tr></thead><tbody>
${rows}
</tbody></table>
</body></html>
`;
}

/** centric rank: the open stories of a project or a JQL, ranked for the prioritisation meeting, from Jira now. */
export async function runRank(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { project: { type: 'string', short: 'p' }, jql: { type: 'string' }, format: { type: 'string', short: 'f', default: 'text' }, lang: { type: 'string' }, config: { type: 'string', short: 'c' } },
  });
  if (!values.project === !values.jql) throw new AuditUsageError('centric rank needs --project KEY or --jql "…" (one of them)');
  const project = projectOption(values.project);
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new AuditUsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
  if (io.env === process.env) loadDotenv({ quiet: true });
  const config = loadConfig(values.config ?? (io.env.CENTRIC_CONFIG || undefined));
  // The HTML page stays English.
  const locale = reportLanguage(values.lang, io.env, project, () => config);
  const env = loadJiraEnv(io.env);
  const logger = createLogger({ level: 'error', secrets: secretsOf(env as Env), destination: io.stderr, pretty: false });
  const jira = new JiraClient({ env, settings: config.jira, metrics: new Metrics(), logger, customFields: customFieldsOf(config) });
  await reachJira(jira, env);
  const max = config.digest.maxIssues;
  const { issues, truncated } = await searchCapped(searchOrSay(jira.search(project ? openStoriesJql(project) : values.jql!)), max);
  const view: RankView = { scope: project ?? `"${values.jql}"`, ranking: rankIssues(issues, config), ...(truncated ? { truncatedAt: max } : {}) };
  if (truncated && format === 'json') io.stderr.write(`centric: ${truncatedText(max, locale)}\n`);
  const render = { text: (x: RankView) => rankText(x, locale), json: (x: RankView) => `${JSON.stringify(rankJson(x), null, 2)}\n`, markdown: (x: RankView) => rankMarkdown(x, locale), html: rankHtml };
  io.stdout.write(render[format](view));
  return 0;
}
