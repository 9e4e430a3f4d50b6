import { passes } from '../lint.js';
import type { Finding, LintResult, Report } from '../types.js';
import { journeyLine } from '../journey/journey-line.js';
import { escapeMarkdown } from './digest-markdown.js';
import { epicDetail } from '../epic/epic-line.js';
import { storyLine } from './story-line.js';
import { summaryLine } from './text.js';

/** Escapes what would break a table cell or start markup. */
const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The rule id, linked to its explanation when the finding has the link. */
function ruleName(f: Finding): string {
  if (!f.link) return `**${f.rule}**`;
  // Parentheses would end the link target early.
  return `**[${f.rule}](${f.link.replace(/\(/g, '%28').replace(/\)/g, '%29')})**`;
}

function verdict(r: Report): string {
  if (r.skipped) return 'skipped';
  return passes(r) ? '✅ passes' : '❌ fails';
}

function section(r: Report): string[] {
  if (r.skipped || !r.findings) return [];
  const lines = [`### ${r.key} — ${r.score}/100`, ''];
  if (r.story) lines.push(`Story: ${cell(storyLine(r.story))}`, '');
  const journey = journeyLine(r);
  // The metric's name is the ticket's text: no markup of it may render.
  if (journey) lines.push(escapeMarkdown(journey).replace(/\n/g, ' '), '');
  const epic = epicDetail(r);
  // The persona and link are the epic's text: no markup of them may render.
  if (epic) lines.push(`Epic: ${escapeMarkdown(epic).replace(/\n/g, ' ')}`, '');
  if (r.findings.length === 0) lines.push('Every check passes.');
  for (const f of r.findings) {
    const icon = f.severity === 'error' ? '❌' : '⚠️';
    lines.push(`- ${icon} ${ruleName(f)} (${f.severity}): ${cell(f.message)}  `, `  _Fix:_ ${cell(f.hint)}`);
  }
  lines.push('');
  return lines;
}

export function renderMarkdown(result: LintResult): string {
  const rows = result.reports.map(
    (r) => `| ${cell(r.key)} | ${r.skipped ? '–' : r.score} | ${verdict(r)} | ${r.findings?.length ?? 0} |`,
  );
  return [
    '## Centric report',
    '',
    summaryLine(result.summary),
    '',
    '| Ticket | Score | Result | Findings |',
    '| --- | ---: | --- | ---: |',
    ...rows,
    '',
    ...result.reports.flatMap(section),
  ].join('\n');
}
