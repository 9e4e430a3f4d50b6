import type { Locale } from '../../core/i18n/locales.js';
import type { Denied } from '../../flows/access.js';
import { slackText } from './i18n.js';
import { howToLink } from './link.js';

/**
 * Why Centric will not do it for this person. The same words whether the ticket exists or not:
 * a refusal must not tell what is there.
 */
export function deniedLine(denied: Denied, locale: Locale = 'en'): string {
  const t = slackText(locale);
  if (denied.kind === 'not-linked') return t('denied.notLinked', { how: howToLink(locale) });
  return t('denied.forbidden', { permission: denied.permission, target: denied.target });
}
