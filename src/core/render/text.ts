import type { Locale } from '../i18n/locales.js';
import { commentText, type CommentText } from '../i18n/messages/comment/index.js';
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

function renderReport(report: Report, c: Palette, t: CommentText, locale: Locale): string[] {
  if (report.skipped) return [`${c.bold(report.key)}  ${c.dim(t('text.skipped'))}`];
  const verdict = passes(report) ? c.green(t('text.passes')) : c.red(t('text.fails'));
  const lines = [`${c.bold(report.key)}  ${report.score}/100  ${verdict}`];
  if (report.story) lines.push(`  ${c.dim(t('text.story'))}  ${storyLine(report.story)}`);
  const journey = journeyDetail(report, locale);
  if (journey) lines.push(`  ${c.dim(t('text.journey'))}  ${journey}`);
  const epic = epicDetail(report, locale);
  if (epic) lines.push(`  ${c.dim(t('text.epic'))}  ${epic}`);
  const width = Math.max(0, ...(report.findings ?? []).map((f) => f.rule.length));
  // The severity column is as wide as its longer word ("error" and "warn ", "Fehler" and "Hinweis").
  const [error, warn] = [t('text.error'), t('text.warn')];
  const column = Math.max(error.length, warn.length);
  for (const f of report.findings ?? []) {
    const severity = f.severity === 'error' ? c.red(error.padEnd(column)) : c.yellow(warn.padEnd(column));
    lines.push(`  ${severity}  ${f.rule.padEnd(width)}  ${f.message}`);
    lines.push(`${' '.repeat(6 + column + width)}${c.dim(`→ ${f.hint}`)}`);
  }
  return lines;
}

/** "3 tickets: 2 linted, 1 skipped, 1 passing, average score 63", numbers as the language writes them. */
export function summaryLine(s: Summary, locale: Locale = 'en'): string {
  const t = commentText(locale);
  const average = s.averageScore === null ? t('text.noScore') : t('text.averageScore', { score: s.averageScore });
  return t('text.summary', { tickets: s.tickets, linted: s.linted, skipped: s.skipped, passing: s.passing, average });
}

/** What a person wants at a terminal: key, score, each finding and its hint, a summary line; Centric's own words in `locale`. */
export function renderText(result: LintResult, colours: Palette = NO_COLOUR, locale: Locale = 'en'): string {
  const t = commentText(locale);
  const blocks = result.reports.map((r) => renderReport(r, colours, t, locale).join('\n'));
  return `${[...blocks, colours.bold(summaryLine(result.summary, locale))].join('\n\n')}\n`;
}
