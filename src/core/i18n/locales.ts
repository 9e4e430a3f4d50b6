/** The languages Centric speaks: the same seven it reads stories in (src/core/vocab). */
export const LOCALES = ['en', 'de', 'es', 'fr', 'it', 'nl', 'pt'] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

/**
 * The Centric language of a locale tag as Slack ("de-DE"), a shell ("pt_BR.UTF-8") or a user
 * ("FR") writes it; `fallback` for anything else ("C", "ja-JP", empty).
 */
export function localeOf(tag: string | null | undefined, fallback: Locale = 'en'): Locale {
  const language = (tag ?? '').trim().toLowerCase().split(/[-_.@]/)[0] ?? '';
  return isLocale(language) ? language : fallback;
}
