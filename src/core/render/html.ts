import { passes } from '../lint.js';
import { RULE_IDS, type Finding, type LintResult } from '../types.js';
import { journeyLine } from '../journey/journey-line.js';
import { storyWho } from './story-line.js';
import { summaryLine } from './text.js';

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The rule id, linked to its explanation when the finding has the link. */
const ruleName = (f: Finding): string => (f.link ? `<a href="${escapeHtml(f.link)}">${escapeHtml(f.rule)}</a>` : escapeHtml(f.rule));

/** Vertical bars: how many tickets score 0-9, 10-19, … 90-100. */
function scoreChart(scores: number[]): string {
  const buckets = Array.from({ length: 10 }, (_, i) => scores.filter((s) => Math.min(9, Math.floor(s / 10)) === i).length);
  const max = Math.max(1, ...buckets);
  const bars = buckets
    .map((n, i) => {
      const h = Math.round((n / max) * 150);
      const x = 40 + i * 46;
      return `<rect x="${x}" y="${170 - h}" width="36" height="${h}" fill="${i >= 8 ? '#2a9d8f' : i >= 5 ? '#e9c46a' : '#e76f51'}"><title>${n} tickets scored ${i * 10}-${i === 9 ? 100 : i * 10 + 9}</title></rect>` +
        `<text x="${x + 18}" y="${165 - h}" text-anchor="middle" font-size="11">${n}</text>` +
        `<text x="${x + 18}" y="186" text-anchor="middle" font-size="10">${i * 10}</text>`;
    })
    .join('');
  return `<svg role="img" aria-label="Score distribution" viewBox="0 0 510 200" width="510" height="200">${bars}<line x1="36" y1="170" x2="504" y2="170" stroke="#333"/></svg>`;
}

/** Horizontal bars: the share of linted tickets each rule passes on. */
function ruleChart(result: LintResult): string {
  const linted = result.reports.filter((r) => !r.skipped);
  const rows = RULE_IDS.map((rule, i) => {
    const failing = linted.filter((r) => (r.findings ?? []).some((f) => f.rule === rule)).length;
    const share = linted.length === 0 ? 0 : (linted.length - failing) / linted.length;
    const w = Math.round(share * 300);
    const y = 10 + i * 28;
    return `<text x="150" y="${y + 14}" text-anchor="end" font-size="12">${rule}</text><rect x="158" y="${y}" width="300" height="18" fill="#eee"/><rect x="158" y="${y}" width="${w}" height="18" fill="#457b9d"/><text x="${164 + w}" y="${y + 14}" font-size="12">${Math.round(share * 100)}%</text>`;
  }).join('');
  return `<svg role="img" aria-label="Pass rate per rule" viewBox="0 0 520 ${RULE_IDS.length * 28 + 12}" width="520" height="${RULE_IDS.length * 28 + 12}">${rows}</svg>`;
}

/** A self-contained page (no scripts, no external assets) to share an audit. */
export function renderHtml(result: LintResult, title: string): string {
  const linted = result.reports.filter((r) => !r.skipped);
  const rows = result.reports
    .map((r) => {
      const verdict = r.skipped ? 'skipped' : passes(r) ? 'passes' : 'fails';
      const findings = (r.findings ?? []).map((f) => `<li><b>${ruleName(f)}</b> (${f.severity}): ${escapeHtml(f.message)}<br><i>${escapeHtml(f.hint)}</i></li>`).join('');
      const journey = journeyLine(r);
      const stage = journey ? `<p>${escapeHtml(journey)}</p>` : '';
      return `<tr class="${verdict}"><td>${escapeHtml(r.key)}</td><td>${r.skipped ? '–' : r.score}</td><td>${verdict}</td><td>${r.story ? escapeHtml(r.story.kind === 'job' ? storyWho(r.story) : r.story.role) : ''}</td><td>${stage}<ul>${findings}</ul></td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}tr.fails td:nth-child(3){color:#c0392b}tr.passes td:nth-child(3){color:#2a9d8f}ul{margin:0;padding-left:1rem}section{display:inline-block;margin-right:2rem;vertical-align:top}</style>
</head><body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(summaryLine(result.summary))}</p>
<section><h2>Score distribution</h2>${scoreChart(linted.map((r) => r.score ?? 0))}</section>
<section><h2>Pass rate per rule</h2>${ruleChart(result)}</section>
<h2>Tickets</h2>
<table><thead><tr><th>Ticket</th><th>Score</th><th>Result</th><th>Persona</th><th>Findings</th></tr></thead><tbody>
${rows}
</tbody></table>
</body></html>
`;
}
