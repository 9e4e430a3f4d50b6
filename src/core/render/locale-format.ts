import type { Locale } from '../i18n/locales.js';

const percents = new Map<Locale, Intl.NumberFormat>();
const numbers = new Map<Locale, Intl.NumberFormat>();

/** A share as a whole percentage: "60%" in English, as Centric always wrote it; "60 %", "60%"… as the other languages write it. */
export function percentIn(share: number, locale: Locale = 'en'): string {
  if (locale === 'en') return `${Math.round(share * 100)}%`;
  let format = percents.get(locale);
  if (!format) percents.set(locale, (format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })));
  return format.format(Math.round(share * 100) / 100);
}

/** A number a ticket gave, with the language's decimal mark ("2.1", "2,1") and no grouping; English as String() writes it. */
export function numberIn(value: number, locale: Locale = 'en'): string {
  if (locale === 'en') return String(value);
  let format = numbers.get(locale);
  if (!format) numbers.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 20, useGrouping: false })));
  return format.format(value);
}
