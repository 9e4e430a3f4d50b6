import type { Locale } from '../i18n/locales.js';
import { promiseWords } from '../i18n/messages/promise/index.js';
import type { MetricPromise } from '../metric/promise.js';
import { numberIn } from '../render/locale-format.js';

/** "2.1%", "200 ms", "3 points": a unit that is a word stands apart from its number. */
const withUnit = (value: number, unit: string | null, locale: Locale): string => {
  const number = numberIn(value, locale);
  return unit ? `${number}${/^\p{L}/u.test(unit) ? ' ' : ''}${unit}` : number;
};

/** The target as a person says it: "from 2.1% to 2.6%", "+3%", "to 40", "halve" (as the ticket wrote it). */
function targetText(p: MetricPromise, locale: Locale): string | null {
  if (p.kind === 'relative') return p.relative;
  if (p.target === null) return null;
  const t = promiseWords(locale);
  if (p.baseline !== null) return t('fromTo', { baseline: withUnit(p.baseline, p.unit, locale), target: withUnit(p.target, p.unit, locale) });
  if (p.kind === 'change') return `${p.target > 0 ? '+' : ''}${withUnit(p.target, p.unit, locale)}`;
  return t('to', { target: withUnit(p.target, p.unit, locale) });
}

/**
 * The promise in one line: "checkout conversion from 2.1% to 2.6% within 6 weeks", the words
 * around the numbers in `locale` (the metric's name and timeframe are the ticket's). Plain text:
 * the adapter escapes it.
 */
export function promiseText(p: MetricPromise, locale: Locale = 'en'): string {
  return [p.name, targetText(p, locale), p.timeframe].filter((part): part is string => !!part).join(' ');
}
