import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/core/i18n/locales.js';
import { commentText } from '../../../src/core/i18n/messages/comment/index.js';
import { markdownText } from '../../../src/core/i18n/messages/markdown/index.js';
import { catalogs as reportCatalogs } from '../../../src/core/i18n/messages/report/index.js';
import { slackText } from '../../../src/core/i18n/messages/slack/index.js';

/**
 * A team reads one ticket's result in the Jira comment, the terminal, Slack, the Markdown and the
 * HTML report: each concept must have one word per language, or "réussi" in one place reads as
 * something else than "conforme" in another. (Verdict and severity words have one source, the
 * comment catalog; the rest are checked here.)
 */
describe.each(LOCALES)('one word per concept in every report, %s', (locale) => {
  const comment = commentText(locale);
  const markdown = markdownText(locale);
  const html = reportCatalogs[locale];

  it('Slack says passes and fails as the comment does', () => {
    expect(slackText(locale)('report.header', { key: 'K-1', score: 90, passes: 'yes' })).toBe(`K-1 · 90/100 · ${comment('text.passes')}`);
    expect(slackText(locale)('report.header', { key: 'K-1', score: 10, passes: 'no' })).toBe(`K-1 · 10/100 · ${comment('text.fails')}`);
    expect(slackText(locale)('report.fallback', { key: 'K-1', score: 90, passes: 'yes', findings: 0 })).toMatch(new RegExp(`, ${comment('text.passes')}$`));
    expect(slackText(locale)('report.fallback', { key: 'K-1', score: 10, passes: 'no', findings: 0 })).toMatch(new RegExp(`, ${comment('text.fails')}$`));
    expect(slackText(locale)('report.allPass')).toBe(`:white_check_mark: ${markdown('allPass')}`);
  });

  it('the Markdown and the HTML report name the columns, a skipped ticket and a clean one alike, as the terminal does', () => {
    expect(html.findings).toBe(markdown('findings'));
    expect(html.skipped).toBe(markdown('skipped'));
    expect(html.everyCheckPasses).toBe(markdown('allPass'));
    expect(comment('text.skipped')).toBe(`${html.skipped} (${html.skippedWhy})`);
  });
});
