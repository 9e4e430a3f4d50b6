import { balanceText, QUESTIONS, type Digest } from '../digest.js';
import { coverageLines } from '../journey/coverage.js';
import { epicLineTexts } from '../epic/epic-digest.js';
import type { Locale } from '../i18n/locales.js';
import { digestText, type DigestText } from '../i18n/messages/digest/index.js';
import { slackText } from '../i18n/messages/slack/index.js';
import type { OutcomeStats } from '../outcome/stats.js';
import { percentIn } from './locale-format.js';
import { escapeMarkdown } from './escape-markdown.js';

const pct = (share: number | null | undefined, locale: Locale = 'en'): string => (share === null || share === undefined ? '–' : percentIn(share, locale));
function delta(now: number | null | undefined, before: number | null | undefined, scale = 1, unit = ''): string {
  if (now === null || now === undefined || before === null || before === undefined) return '';
  const d = Math.round((now - before) * scale);
  return d > 0 ? `▲${d}${unit}` : d < 0 ? `▼${-d}${unit}` : '=';
}

/** Overdue tickets and personas named in the outcomes line, at most. */
const OUTCOME_ITEMS = 8;

export interface OutcomesWording {
  /** "week", or "period" when the period is not known to be one. */
  period: 'week' | 'period';
  /** A ticket key as the target format shows it (a link, escaped). */
  key: (key: string) => string;
  /** A persona as the target format shows it (escaped). */
  role: (role: string) => string;
  /** The language of the line (English when absent). */
  locale?: Locale;
}

const named = (items: string[], t: DigestText): string => (items.length <= OUTCOME_ITEMS ? items : [...items.slice(0, OUTCOME_ITEMS), t('more', { count: items.length - OUTCOME_ITEMS })]).join(', ');

/** The period's reviews: how many hit of those hit or missed, and how many were not measured. */
function reviewedText(o: OutcomeStats, period: OutcomesWording['period'], t: DigestText, locale: Locale): string {
  const { hit, missed, notMeasured } = o.period;
  const thisPeriod = t('this', { period });
  if (hit + missed === 0) return notMeasured > 0 ? t('outcomes.notMeasured', { notMeasured, this: thisPeriod }) : t('outcomes.none', { this: thisPeriod });
  const values = { hit, total: hit + missed, rate: pct(o.period.hitRate, locale), this: thisPeriod };
  return notMeasured > 0 ? t('outcomes.hitNotMeasured', { ...values, notMeasured }) : t('outcomes.hit', values);
}

/**
 * The outcomes in one line, without its "Outcomes:" label: "1 of 1 hit (100%) this week; hit rate
 * over 12 weeks 67%; 2 overdue: SHOP-3, SHOP-9; who did we help: gift buyer 2/2, ward nurse 0/1".
 */
export function outcomesText(o: OutcomeStats, w: OutcomesWording): string {
  const locale = w.locale ?? 'en';
  const t = digestText(locale);
  const parts = [reviewedText(o, w.period, t, locale)];
  if (o.overall.hitRate !== null) parts.push(t('outcomes.hitRate', { count: o.trend.length, period: w.period, rate: pct(o.overall.hitRate, locale) }));
  if (o.overdue.length > 0) parts.push(t('outcomes.overdue', { count: o.overdue.length, keys: named(o.overdue.map(w.key), t) }));
  if (o.pending > 0) parts.push(t('outcomes.pending', { count: o.pending }));
  if (o.personas.length > 0) parts.push(t('outcomes.helped', { personas: named(o.personas.map((p) => `${w.role(p.role)} ${p.hit}/${p.hit + p.missed}`), t) }));
  return parts.join(t('separator'));
}

/** The Slack digest's words (its question labels, rankings and labels): the Markdown says the same. */
const QUESTION_KEYS = { who: 'digest.question.who', what: 'digest.question.what', why: 'digest.question.why', how: 'digest.question.how', see: 'digest.question.see', done: 'digest.question.done' } as const;
const questionLabel = (q: { id: string; label: string }, s: ReturnType<typeof slackText>): string => (Object.hasOwn(QUESTION_KEYS, q.id) ? s(QUESTION_KEYS[q.id as keyof typeof QUESTION_KEYS]) : q.label);

/**
 * The digest as markdown, for `centric digest` and wikis, in `locale` (English when absent).
 * `truncatedAt`: the scope had more issues than one digest reads, and the digest was built from
 * the first this many: it says so. The catalogs' words are plain text; keys, personas, stages and
 * the title are escaped here.
 */
export function renderDigestMarkdown(d: Digest, title: string, truncatedAt?: number, locale: Locale = 'en'): string {
  const t = digestText(locale);
  const s = slackText(locale);
  const pts = s('digest.pts');
  const percent = (share: number | null | undefined) => pct(share, locale);
  const lines = [`## ${t('md.title', { title: escapeMarkdown(title) })}`, ''];
  if (truncatedAt !== undefined) lines.push(`> **${t('md.note')}** ${s('digest.truncated', { count: truncatedAt })}`, '');
  lines.push(
    d.period.score === null
      ? t('md.quiet')
      : `**${t('md.score', { score: d.period.score })}** ${delta(d.period.score, d.previous.score)} ${t('md.tickets', { count: d.period.tickets, previous: d.previous.score ?? '–' })}`,
    '',
    `| ${t('md.question')} | ${t('md.share')} | ${t('md.change')} |`,
    '| --- | ---: | ---: |',
    ...QUESTIONS.map((q) => `| ${questionLabel(q, s)} | ${percent(d.period.shares[q.id])} | ${delta(d.period.shares[q.id], d.previous.shares[q.id], 100, pts)} |`),
    '',
  );
  if (d.period.evidence !== undefined) {
    lines.push(`**${t('md.evidence')}** ${t('md.evidenceShare', { share: percent(d.period.evidence) })} ${delta(d.period.evidence, d.previous.evidence, 100, pts)}`.trimEnd(), '');
  }
  const balance = balanceText(d, locale);
  if (balance) lines.push(`**${t('md.balance')}** ${balance}`, '');
  if (d.personas.length > 0) {
    const personas = d.personas.map((p) => `${escapeMarkdown(p.role)} (${p.count})`).join(', ');
    lines.push(`**${s('digest.builtFor')}** ${s('digest.genericShare', { personas, share: percent(d.genericShare) })}`, '');
  }
  const list = (heading: string, rows: string[]) => rows.length > 0 && lines.push(`**${heading}**`, ...rows.map((r) => `- ${r}`), '');
  list(s('digest.bang'), d.bangForBuck.map((b) => s('digest.bangRow', { link: escapeMarkdown(b.key), benefit: String(b.benefit), cost: String(b.cost) })));
  list(s('digest.improved'), d.mostImproved.map((m) => `${escapeMarkdown(m.key)}: ${m.from} → ${m.to}`));
  list(t('md.attention'), d.needsAttention.map((n) => `${escapeMarkdown(n.key)}: ${n.score}/100`));
  if (d.outcomes) lines.push(`**${s('digest.outcomes')}** ${outcomesText(d.outcomes, { period: 'period', key: escapeMarkdown, role: escapeMarkdown, locale })}`, '');
  if (d.journey) list(s('digest.journey'), coverageLines(d.journey, { period: 'period', stage: escapeMarkdown, locale }));
  if (d.epics) list(s('digest.epics'), epicLineTexts(d.epics, { key: escapeMarkdown, persona: escapeMarkdown, locale }));
  return `${lines.join('\n')}\n`;
}
