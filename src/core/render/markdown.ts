import type { Locale } from '../i18n/locales.js';
import { commentText, type CommentText } from '../i18n/messages/comment/index.js';
import { markdownText, type MarkdownText } from '../i18n/messages/markdown/index.js';
import { passes } from '../lint.js';
import type { Finding, LintResult, Report } from '../types.js';
import { journeyLine } from '../journey/journey-line.js';
import { escapeMarkdown } from './escape-markdown.js';
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

/** The verdict and severity words are the Jira comment's and the terminal's (comment catalog), so every report says them alike. */
function verdict(r: Report, t: MarkdownText, words: CommentText): string {
  if (r.skipped) return t('skipped');
  return passes(r) ? `✅ ${words('text.passes')}` : `❌ ${words('text.fails')}`;
}

function section(r: Report, t: MarkdownText, words: CommentText, locale: Locale): string[] {
  if (r.skipped || !r.findings) return [];
  const lines = [`### ${escapeMarkdown(r.key)} — ${r.score}/100`, ''];
  // The story, the metric's name, the epic's persona and link are the ticket's text: no markup of them may render.
  if (r.story) lines.push(t('story', { story: escapeMarkdown(storyLine(r.story)) }), '');
  const journey = journeyLine(r, locale);
  if (journey) lines.push(escapeMarkdown(journey), '');
  const epic = epicDetail(r, locale);
  if (epic) lines.push(t('epic', { epic: escapeMarkdown(epic) }), '');
  if (r.findings.length === 0) lines.push(t('allPass'));
  for (const f of r.findings) {
    const icon = f.severity === 'error' ? '❌' : '⚠️';
    // Messages quote the ticket and hold placeholders ("<who exactly>") that must show as written.
    const severity = t('severity', { severity: words(f.severity === 'error' ? 'text.error' : 'text.warn') });
    lines.push(`- ${icon} ${ruleName(f)} ${severity} ${escapeMarkdown(f.message)}  `, `  _${t('fix')}_ ${escapeMarkdown(f.hint)}`);
  }
  lines.push('');
  return lines;
}

/** The reports as Markdown (GFM): Centric's own words in `locale`, the findings in their own language. */
export function renderMarkdown(result: LintResult, locale: Locale = 'en'): string {
  const t = markdownText(locale);
  const words = commentText(locale);
  const rows = result.reports.map(
    (r) => `| ${escapeMarkdown(r.key)} | ${r.skipped ? '–' : r.score} | ${verdict(r, t, words)} | ${r.findings?.length ?? 0} |`,
  );
  return [
    `## ${t('title')}`,
    '',
    summaryLine(result.summary, locale),
    '',
    `| ${t('ticket')} | ${t('score')} | ${t('result')} | ${t('findings')} |`,
    '| --- | ---: | --- | ---: |',
    ...rows,
    '',
    ...result.reports.flatMap((r) => section(r, t, words, locale)),
  ].join('\n');
}
