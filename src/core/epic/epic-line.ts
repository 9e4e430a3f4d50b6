/** An epic's answers in one line, for `centric lint` text and markdown: the findings say what is missing. */
import type { Locale } from '../i18n/locales.js';
import { commentText } from '../i18n/messages/comment/index.js';
import type { Report } from '../types.js';

/** 'customer "night nurse", metric "checkout conversion", PR/FAQ https://…'; null when the report is no epic's or names nothing. */
export function epicDetail(report: Report, locale: Locale = 'en'): string | null {
  const e = report.epic;
  if (!e) return null;
  const t = commentText(locale);
  const parts = [
    ...(e.persona ? [t('epic.customer', { persona: e.persona })] : []),
    ...(e.metric ? [t('epic.metric', { metric: e.metric })] : []),
    ...(e.prfaq ? [e.prfaq === 'description' ? t('epic.prfaqInDescription') : t('epic.prfaq', { link: e.prfaq })] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : null;
}
