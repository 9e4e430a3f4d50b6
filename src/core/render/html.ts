import { commentText } from '../i18n/messages/comment/index.js';
import { catalogs } from '../i18n/messages/report/index.js';
import type { Locale } from '../i18n/locales.js';
import { translator, type Translate } from '../i18n/translate.js';
import { passes } from '../lint.js';
import { RULE_IDS, type Finding, type LintResult, type Report } from '../types.js';
import { journeyLine } from '../journey/journey-line.js';
import { storyWho } from './story-line.js';
import { summaryLine } from './text.js';

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Where the report's tickets came from and when; what the page says about itself. */
export interface HtmlPage {
  /** The Jira site's base URL: each ticket links to its /browse/KEY page there. */
  site?: string;
  /** The audit's scope: a project's open stories, or the JQL given. */
  scope?: { project: string } | { jql: string };
  /** When the audit ran (ms since the epoch), shown in `timeZone`. */
  writtenAt?: number;
  timeZone?: string;
  /** Each ticket's summary, by key, as Jira gave it. */
  summaries?: ReadonlyMap<string, string>;
  /** The charts, drawn already (src/charts): inline SVG, shown as they are. */
  charts?: string[];
  locale?: Locale;
}

/**
 * Sorts the table by score when its header is pressed (ascending, then descending). The page is
 * complete without it: rows come in the audit's order. Allowed by the page's CSP by its hash.
 */
export const SORT_SCRIPT =
  "document.querySelectorAll('button[data-sort]').forEach(function(b){b.addEventListener('click',function(){var th=b.closest('th'),body=document.querySelector('#tickets tbody'),up=th.getAttribute('aria-sort')!=='ascending',rows=Array.prototype.slice.call(body.rows);rows.sort(function(x,y){var a=x.dataset.score,b=y.dataset.score;if(a===''||b==='')return (a==='')-(b==='');return (up?1:-1)*(a-b);});rows.forEach(function(r){body.appendChild(r);});th.setAttribute('aria-sort',up?'ascending':'descending');});});";
/** sha256 of SORT_SCRIPT, base64 (a test recomputes it). */
export const SORT_SCRIPT_HASH = 'sha256-PwDbDOildm1P+IdwC7OegQAqCzfE8QL1Fa2ahoHcaU0=';

const STYLE = `:root{color-scheme:light}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0 auto;padding:1.5rem;max-width:1280px;color:#1f2328;overflow-wrap:break-word}
h1,dd,td{overflow-wrap:anywhere}
h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
dl.about{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0 0 1rem}dl.about dt{font-weight:600}dl.about dd{margin:0}
.charts{display:flex;flex-wrap:wrap;gap:1.5rem}figure{margin:0;max-width:100%}figure svg{display:block;max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;table-layout:fixed}col.ticket{width:7.5rem}col.summary{width:20%}col.persona{width:13%}col.score{width:5.5rem}col.result{width:7rem}th,td{border-bottom:1px solid #d0d7de;padding:.45rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa;position:sticky;top:0}td.score{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:#0969da}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
.fails .verdict{color:#b3261e;font-weight:600}.passes .verdict{color:#1a7f37;font-weight:600}.skipped .verdict{color:#57606a}
ul{margin:0;padding-left:1.1rem}li{margin:.15rem 0}.hint{color:#57606a}
a{color:#0969da}
@media (max-width:760px){body{padding:1rem}table,thead,tbody,tr,td{display:block}colgroup,thead th{display:none}thead th[aria-sort]{display:block;border:0;background:none;padding:0 0 .5rem}thead tr{border:0;margin:0;padding:0}tr{border:1px solid #d0d7de;border-radius:6px;margin:0 0 .75rem;padding:.25rem .5rem}td{border:0;padding:.2rem 0}td.score{text-align:left}td::before{content:attr(data-label) ": ";font-weight:600;color:#57606a}}
@media print{body{max-width:none;padding:0;font-size:11pt}th button{all:unset}th[aria-sort] button::after{content:""}a{color:inherit;text-decoration:none}tr,figure{break-inside:avoid}th{position:static}}`;

const COLUMNS = ['ticket', 'summary', 'persona', 'score', 'result', 'findings'] as const;

/** The rule id, linked to its explanation when the finding has the link. */
const ruleName = (f: Finding): string => (f.link ? `<a href="${escapeHtml(f.link)}">${escapeHtml(f.rule)}</a>` : escapeHtml(f.rule));

const browseUrl = (site: string, key: string): string => `${site.replace(/\/+$/, '')}/browse/${encodeURIComponent(key)}`;

/** The site as the page may show it: a user name or password in JIRA_BASE_URL stays out of a page meant to be shared. */
function publicSite(site: string): string {
  try {
    const url = new URL(site);
    url.username = '';
    url.password = '';
    return url.href.replace(/\/+$/, '');
  } catch {
    return site;
  }
}

function verdictOf(r: Report): 'skipped' | 'passes' | 'fails' {
  if (r.skipped) return 'skipped';
  return passes(r) ? 'passes' : 'fails';
}

/** "passes" and "fails" as the Jira comment and every other report say them (comment catalog). */
function verdictText(verdict: 'skipped' | 'passes' | 'fails', t: Translate<keyof typeof catalogs.en>, locale: Locale): string {
  if (verdict === 'skipped') return t('skipped');
  return commentText(locale)(verdict === 'passes' ? 'text.passes' : 'text.fails');
}

function findingsCell(r: Report, t: Translate<keyof typeof catalogs.en>, locale: Locale): string {
  if (r.skipped) return escapeHtml(t('skippedWhy'));
  const journey = journeyLine(r, locale);
  const severity = commentText(locale);
  const stage = journey ? `<p>${escapeHtml(journey)}</p>` : '';
  const findings = r.findings ?? [];
  if (findings.length === 0) return `${stage}${escapeHtml(t('everyCheckPasses'))}`;
  const items = findings.map((f) => `<li><b>${ruleName(f)}</b> (${escapeHtml(severity(f.severity === 'error' ? 'text.error' : 'text.warn'))}): ${escapeHtml(f.message)}<br><span class="hint">${escapeHtml(t('fix'))}: ${escapeHtml(f.hint)}</span></li>`);
  return `${stage}<ul>${items.join('')}</ul>`;
}

function row(r: Report, page: HtmlPage, t: Translate<keyof typeof catalogs.en>): string {
  const verdict = verdictOf(r);
  const key = page.site ? `<a href="${escapeHtml(browseUrl(page.site, r.key))}" title="${escapeHtml(t('openInJira', { key: r.key }))}">${escapeHtml(r.key)}</a>` : escapeHtml(r.key);
  const persona = r.story ? escapeHtml(r.story.kind === 'job' ? storyWho(r.story) : r.story.role) : '';
  const cells = [
    ['ticket', key, ''],
    ['summary', escapeHtml(page.summaries?.get(r.key) ?? ''), ''],
    ['persona', persona, ''],
    ['score', r.skipped ? '–' : String(r.score), ' class="score"'],
    ['result', escapeHtml(verdictText(verdict, t, page.locale ?? 'en')), ' class="verdict"'],
    ['findings', findingsCell(r, t, page.locale ?? 'en'), ''],
  ] as const;
  const tds = cells.map(([label, html, attrs]) => `<td data-label="${escapeHtml(t(label))}"${attrs}>${html}</td>`).join('');
  // A skipped ticket has no score: the sort keeps it last both ways.
  return `<tr class="${verdict}" data-score="${r.skipped ? '' : r.score}">${tds}</tr>`;
}

function about(page: HtmlPage, t: Translate<keyof typeof catalogs.en>, locale: Locale): string {
  const items: string[] = [];
  if (page.site) items.push(`<dt>${escapeHtml(t('site'))}</dt><dd><a href="${escapeHtml(page.site)}">${escapeHtml(page.site)}</a></dd>`);
  if (page.scope) {
    const scope = 'project' in page.scope ? t('scopeProject', { project: page.scope.project }) : t('scopeJql', { jql: page.scope.jql });
    items.push(`<dt>${escapeHtml(t('scopeLabel'))}</dt><dd>${escapeHtml(scope)}</dd>`);
  }
  if (page.writtenAt !== undefined) {
    const when = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: page.timeZone ?? 'UTC', timeZoneName: 'short' }).format(page.writtenAt);
    items.push(`<dt>${escapeHtml(t('written'))}</dt><dd><time datetime="${new Date(page.writtenAt).toISOString()}">${escapeHtml(when)}</time></dd>`);
  }
  return items.length === 0 ? '' : `<dl class="about">${items.join('')}</dl>`;
}

/** A self-contained page (no external assets, one tiny script allowed by hash) to share an audit. */
export function renderHtml(result: LintResult, title: string, given: HtmlPage = {}): string {
  const page = given.site ? { ...given, site: publicSite(given.site) } : given;
  const locale = page.locale ?? 'en';
  const t = translator(catalogs, locale);
  const rows = result.reports.map((r) => row(r, page, t)).join('\n');
  const charts = page.charts?.length ? `<h2>${escapeHtml(t('charts'))}</h2>\n<div class="charts">${page.charts.map((svg) => `<figure>${svg}</figure>`).join('')}</div>` : '';
  const header = COLUMNS
    .map((label) => (label === 'score' ? `<th scope="col" aria-sort="none"><button type="button" data-sort="score" title="${escapeHtml(t('sortByScore'))}">${escapeHtml(t(label))}</button></th>` : `<th scope="col">${escapeHtml(t(label))}</th>`))
    .join('');
  const table = result.reports.length === 0 ? `<p>${escapeHtml(t('noTickets'))}</p>` : `<table id="tickets"><colgroup>${COLUMNS.map((c) => `<col class="${c}">`).join('')}</colgroup><thead><tr>${header}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '${SORT_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head><body>
<h1>${escapeHtml(title)}</h1>
${about(page, t, locale)}
<p>${escapeHtml(summaryLine(result.summary))}</p>
${charts}
<h2>${escapeHtml(t('tickets'))}</h2>
${table}
<script>${SORT_SCRIPT}</script>
</body></html>
`;
}

/** Each rule's share of the linted tickets that pass it, for the pass-rate chart. */
export function rulePassRates(result: LintResult): Array<{ rule: string; share: number }> {
  const linted = result.reports.filter((r) => !r.skipped);
  return RULE_IDS.map((rule) => {
    const failing = linted.filter((r) => (r.findings ?? []).some((f) => f.rule === rule)).length;
    return { rule, share: linted.length === 0 ? 0 : (linted.length - failing) / linted.length };
  });
}
