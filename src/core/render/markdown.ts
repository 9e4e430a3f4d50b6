import { passes } from '../lint.js';
import type { Finding, LintResult, Report } from '../types.js';
import { journeyLine } from '../journey/journey-line.js';
import { escapeMarkdown } from './digest-markdown.js';
import { epicDetail } from '../epic/epic-line.js';
import { storyLine } from './story-line.js';
import { summaryLine } from './text.js';

/** A URL as a link's target: a parenthesis would end it early, a space or a control character break the link, a backslash escape what follows it. */
const linkTarget = (url: string): string =>
  url.replace(/[()<>\\ \x00-\x1f\x7f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** The rule id, linked to its explanation when the finding has the link. */
function ruleName(f: Finding): string {
  if (!f.link) return `**${f.rule}**`;
  return `**[${f.rule}](${linkTarget(f.link)})**`;
}

function verdict(r: Report): string {
  if (r.skipped) return 'skipped';
  return passes(r) ? '✅ passes' : '❌ fails';
}

function section(r: Report): string[] {
  if (r.skipped || !r.findings) return [];
  const lines = [`### ${escapeMarkdown(r.key)} — ${r.score}/100`, ''];
  // The story, the metric's name, the epic's persona and link are the ticket's text: no markup of them may render.
  if (r.story) lines.push(`Story: ${escapeMarkdown(storyLine(r.story))}`, '');
  const journey = journeyLine(r);
  if (journey) lines.push(escapeMarkdown(journey), '');
  const epic = epicDetail(r);
  if (epic) lines.push(`Epic: ${escapeMarkdown(epic)}`, '');
  if (r.findings.length === 0) lines.push('Every check passes.');
  for (const f of r.findings) {
    const icon = f.severity === 'error' ? '❌' : '⚠️';
    // Messages quote the ticket and hold placeholders ("<who exactly>") that must show as written.
    lines.push(`- ${icon} ${ruleName(f)} (${f.severity}): ${escapeMarkdown(f.message)}  `, `  _Fix:_ ${escapeMarkdown(f.hint)}`);
  }
  lines.push('');
  return lines;
}

export function renderMarkdown(result: LintResult): string {
  const rows = result.reports.map(
    (r) => `| ${escapeMarkdown(r.key)} | ${r.skipped ? '–' : r.score} | ${verdict(r)} | ${r.findings?.length ?? 0} |`,
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
