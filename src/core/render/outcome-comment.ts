import type { Locale } from '../i18n/locales.js';
import { commentText, type CommentKey, type CommentText } from '../i18n/messages/comment/index.js';
import type { OutcomeAnswer, OutcomeRecord } from '../outcome/outcome.js';
import { promiseText } from '../outcome/promise-text.js';
import { escapeWikiText } from '../ticket/wiki.js';

type Adf = Record<string, unknown>;

const ANSWERS: Record<OutcomeAnswer, CommentKey> = { hit: 'outcome.hit', missed: 'outcome.missed', 'not-measured': 'outcome.notMeasured' };

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

/** "15 Dec", "15. Dez.", "15 déc.": the day the answer came, as the language writes it (British English for English). */
function day(at: number, locale: Locale): string {
  let format = dayFormats.get(locale);
  if (!format) dayFormats.set(locale, (format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })));
  return format.format(new Date(at));
}

/** "target hit — checkout conversion 2.7%" or, with no value, "missed — promised checkout conversion +3% within 6 weeks". */
function what(record: OutcomeRecord, t: CommentText, locale: Locale): string {
  const answer = t(ANSWERS[record.answer]);
  if (record.measured) return t('outcome.measured', { answer, metric: record.promise.name, measured: record.measured });
  return t('outcome.promised', { answer, promise: promiseText(record.promise, locale) });
}

const byWhom = (record: OutcomeRecord, t: CommentText, locale: Locale): string => t('outcome.byWhom', { name: record.answeredBy.name, date: day(record.answeredAt, locale) });

/** The outcome comment in Atlassian Document Format (Jira Cloud): every value a person typed is a text node. */
export function renderAdfOutcome(record: OutcomeRecord, locale: Locale = 'en'): Adf {
  const t = commentText(locale);
  const content: Adf[] = [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: t('outcome.label'), marks: [{ type: 'strong' }] },
        { type: 'text', text: `${what(record, t, locale)} ${byWhom(record, t, locale)}` },
      ],
    },
  ];
  if (record.note) content.push({ type: 'paragraph', content: [{ type: 'text', text: t('outcome.note'), marks: [{ type: 'em' }] }, { type: 'text', text: record.note }] });
  return { type: 'doc', version: 1, content };
}

/** The outcome comment in wiki markup (Jira Data Center): every value escaped. */
export function renderWikiOutcome(record: OutcomeRecord, locale: Locale = 'en'): string {
  const t = commentText(locale);
  const lines = [`*${escapeWikiText(t('outcome.label').trimEnd())}* ${escapeWikiText(what(record, t, locale))} ${escapeWikiText(byWhom(record, t, locale))}`];
  if (record.note) lines.push(`_${escapeWikiText(t('outcome.note').trimEnd())}_ ${escapeWikiText(record.note)}`);
  return lines.join('\n\n');
}
