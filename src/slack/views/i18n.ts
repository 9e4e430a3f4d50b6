import type { Locale } from '../../core/i18n/locales.js';

export { slackText, type SlackKey, type SlackText } from '../../core/i18n/messages/slack/index.js';

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

/** A share as a whole percentage ("67%", "67 %"), as the language writes it: core's, so Slack and the reports agree. */
export { percentIn as percentText } from '../../core/render/locale-format.js';
