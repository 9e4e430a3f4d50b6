import { passes } from '../lint.js';
import type { LintResult, Report, Summary } from '../types.js';
import { journeyDetail } from '../journey/journey-line.js';
import { epicDetail } from '../epic/epic-line.js';
import { storyLine } from './story-line.js';

/** Colour functions; identity functions when colour is off. */
export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const plain = (s: string): string => s;
export const NO_COLOUR: Palette = { red: plain, yellow: plain, green: plain, dim: plain, bold: plain };

function renderReport(report: Report, c: Palette): string[] {
  if (report.skipped) return [`${c.bold(report.key)}  ${c.dim('skipped (issue type not linted)')}`];
  const verdict = passes(report) ? c.green('passes') : c.red('fails');
  const lines = [`${c.bold(report.key)}  ${report.score}/100  ${verdict}`];
  if (report.story) lines.push(`  ${c.dim('story')}  ${storyLine(report.story)}`);
  const journey = journeyDetail(report);
  if (journey) lines.push(`  ${c.dim('journey')}  ${journey}`);
  const epic = epicDetail(report);
  if (epic) lines.push(`  ${c.dim('epic')}  ${epic}`);
  const width = Math.max(0, ...(report.findings ?? []).map((f) => f.rule.length));
  for (const f of report.findings ?? []) {
    const severity = f.severity === 'error' ? c.red('error') : c.yellow('warn ');
    lines.push(`  ${severity}  ${f.rule.padEnd(width)}  ${f.message}`);
    lines.push(`${' '.repeat(11 + width)}${c.dim(`→ ${f.hint}`)}`);
  }
  return lines;
}

export function summaryLine(s: Summary): string {
  const average = s.averageScore === null ? 'no score' : `average score ${s.averageScore}`;
  const ticketWord = s.tickets === 1 ? 'ticket' : 'tickets';
  return `${s.tickets} ${ticketWord}: ${s.linted} linted, ${s.skipped} skipped, ${s.passing} passing, ${average}`;
}

/** What a person wants at a terminal: key, score, each finding and its hint, a summary line. */
export function renderText(result: LintResult, colours: Palette = NO_COLOUR): string {
  const blocks = result.reports.map((r) => renderReport(r, colours).join('\n'));
  return `${[...blocks, colours.bold(summaryLine(result.summary))].join('\n\n')}\n`;
}
