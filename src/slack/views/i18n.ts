import type { Locale } from '../../core/i18n/locales.js';
import { catalogs } from '../../core/i18n/messages/slack/index.js';
import { translator, type Translate } from '../../core/i18n/translate.js';

/** A key of Centric's Slack messages. */
export type SlackKey = Extract<keyof typeof catalogs.en, string>;
/** Centric's Slack messages in one language. */
export type SlackText = Translate<SlackKey>;

const byLocale = new Map<Locale, SlackText>();

/** The Slack messages in a language (English when none is given: what Centric said before it spoke others). */
export function slackText(locale: Locale = 'en'): SlackText {
  let t = byLocale.get(locale);
  if (!t) {
    t = translator(catalogs, locale);
    byLocale.set(locale, t);
  }
  return t;
}

/**
 * The language tag a date is written in: English dates keep the day-month order Centric always
 * used ("3 Nov 2024"), the others their own.
 */
const dateTag = (locale: Locale): string => (locale === 'en' ? 'en-GB' : locale);

/** "3 Nov 2024", "3. Nov. 2024", "3 nov 2024"…: a day in UTC, as the language writes it. */
export const dayText = (at: number, locale: Locale = 'en'): string => new Date(at).toLocaleDateString(dateTag(locale), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** The weekday (0 Sunday … 6 Saturday) by its name in the language. */
export const weekdayName = (weekday: number, locale: Locale = 'en'): string =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2023, 0, 1 + weekday));

/** A share as a whole percentage ("67%", "67 %"), as the language writes it. */
export const percentText = (share: number, locale: Locale = 'en'): string => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(Math.round(share * 100) / 100);
