import type { CentricConfig } from '../config-types.js';
import { isLocale, type Locale } from './locales.js';

/**
 * The language Centric writes in about a project's ticket: the project's `language:` in
 * centric.yml when set, else the ticket's own language (its story's), else English.
 */
export function languageFor(config: Pick<CentricConfig, 'projects'>, project: string | null | undefined, ticketLanguage?: string | null): Locale {
  const configured = project ? config.projects[project]?.language : undefined;
  if (configured) return configured;
  return ticketLanguage && isLocale(ticketLanguage) ? ticketLanguage : 'en';
}
