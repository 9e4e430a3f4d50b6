/**
 * `--lang` of `centric lint` and `centric audit`: the language the findings and the text report
 * are written in. Without it, the environment's locale when Centric speaks it, else each ticket's
 * own language (as the bot writes its comments).
 */
import type { CentricConfig } from '../core/config-types.js';
import { isLocale, LOCALES, type Locale } from '../core/i18n/locales.js';
import { languageFor } from '../core/i18n/project-language.js';
import { AuditUsageError } from './usage-error.js';

/** The Centric language of a tag ("de", "FR", "pt-BR", "de_DE.UTF-8"), or null when it is none of the seven. */
function languageOf(tag: string): Locale | null {
  const language = tag.trim().toLowerCase().split(/[-_.@]/)[0] ?? '';
  return isLocale(language) ? language : null;
}

/** The usage error's message for a --lang value Centric does not speak. */
export const unknownLang = (value: string): string => `--lang must be one of ${LOCALES.join(', ')}, not "${value}"`;

/**
 * The language of a run: `--lang` (null when its value is none of the seven: a usage error), else
 * the locale of the environment as POSIX reads it (LC_ALL, else LC_MESSAGES, else LANG) when it is
 * one of the seven, else undefined: each ticket's findings in the ticket's own language.
 */
export function runLanguage(lang: string | undefined, env: NodeJS.ProcessEnv): Locale | null | undefined {
  if (lang !== undefined) return languageOf(lang);
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return tag ? (languageOf(tag) ?? undefined) : undefined;
}

/**
 * The language of a report about a project (`centric digest`, `outcomes`, `rank`): `--lang`, else
 * the project's `language:` in centric.yml (`config`, read only then), else the environment's
 * locale, else English: such a report has no single ticket whose language it could take.
 */
export function reportLanguage(lang: string | undefined, env: NodeJS.ProcessEnv, project: string | undefined, config: () => Pick<CentricConfig, 'projects'>): Locale {
  const asked = runLanguage(lang, env);
  if (asked === null) throw new AuditUsageError(unknownLang(lang!));
  return lang !== undefined && asked ? asked : languageFor(config(), project, asked);
}
