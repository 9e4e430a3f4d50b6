import type { Locale } from '../i18n/locales.js';
import { commentText, type CommentText } from '../i18n/messages/comment/index.js';
import { passes } from '../lint.js';
import { ruleLink } from '../rules/index.js';
import { journeyLine } from '../journey/journey-line.js';
import { escapeWikiText } from '../ticket/wiki.js';
import type { Finding, Report } from '../types.js';

type Adf = Record<string, unknown>;

export interface CommentOptions {
  /** Base URL of the rule explanations; each rule links to it + the rule's `meta.docs` anchor. */
  rulesDocUrl: string;
  exemptLabel: string;
  /** A line about the last change, e.g. "Story updated from Slack by Priya Shah." */
  note?: string;
  /** The language of Centric's own words, the same as the findings' (English when absent). */
  locale?: Locale;
}

function title(report: Report, t: CommentText): string {
  const score = String(report.score);
  const findings = report.findings ?? [];
  if (passes(report) && findings.length === 0) return t('title.allPass', { score });
  if (passes(report)) return t('title.passes', { score, count: findings.length });
  return t('title.fails', { score, count: findings.filter((f) => f.severity === 'error').length });
}

const ruleUrl = (options: CommentOptions, f: Finding) => ruleLink(options.rulesDocUrl, f.rule);

const text = (value: string, marks?: Adf[]): Adf => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });

/** The comment in Atlassian Document Format (Jira Cloud). */
export function renderAdfComment(report: Report, options: CommentOptions): Adf {
  const t = commentText(options.locale);
  const content: Adf[] = [{ type: 'heading', attrs: { level: 3 }, content: [text(title(report, t))] }];
  const findings = report.findings ?? [];
  if (findings.length === 0) {
    content.push({ type: 'paragraph', content: [text(t('pass'))] });
  } else {
    content.push({
      type: 'bulletList',
      content: findings.map((f) => ({
        type: 'listItem',
        content: [
          {
            type: 'paragraph',
            content: [
              text(f.severity === 'error' ? '❌ ' : '⚠️ '),
              text(f.rule, [{ type: 'strong' }, { type: 'link', attrs: { href: ruleUrl(options, f) } }]),
              text(`: ${f.message}`),
              { type: 'hardBreak' },
              text(t('fix', { hint: f.hint }), [{ type: 'em' }]),
            ],
          },
        ],
      })),
    });
  }
  const journey = journeyLine(report, options.locale);
  if (journey) content.push({ type: 'paragraph', content: [text(journey)] });
  if (options.note) content.push({ type: 'paragraph', content: [text(options.note)] });
  content.push({ type: 'paragraph', content: [text(t('footer', { label: options.exemptLabel }), [{ type: 'em' }])] });
  return { type: 'doc', version: 1, content };
}

/**
 * What the ticket or the person wrote, as text: a role, a goal, a Slack name in the note can open
 * no link, mention, image or macro in the comment (the same escaping as Fix it's).
 */
export const escapeWiki = escapeWikiText;

/** The comment in wiki markup (Jira Data Center). */
export function renderWikiComment(report: Report, options: CommentOptions): string {
  const t = commentText(options.locale);
  const lines = [`h3. ${escapeWiki(title(report, t))}`, ''];
  const findings = report.findings ?? [];
  if (findings.length === 0) lines.push(escapeWiki(t('pass')));
  for (const f of findings) {
    lines.push(`* ${f.severity === 'error' ? '(x)' : '(!)'} *[${f.rule}|${ruleUrl(options, f)}]*: ${escapeWiki(f.message)}`);
    lines.push(`** _${escapeWiki(t('fix', { hint: f.hint }))}_`);
  }
  const journey = journeyLine(report, options.locale);
  // The metric's name is the ticket's text: escaped like the rest.
  if (journey) lines.push('', escapeWiki(journey));
  if (options.note) lines.push('', escapeWiki(options.note));
  lines.push('', `_${escapeWiki(t('footer', { label: options.exemptLabel }))}_`);
  return lines.join('\n');
}

/** A one-line comment (the trace of a change made for someone): ADF on Cloud, escaped wiki markup on Data Center. */
export function renderNote(text: string, cloud: boolean): Adf | string {
  return cloud ? { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } : escapeWikiText(text);
}
