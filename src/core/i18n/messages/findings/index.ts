import type { Locale } from '../../locales.js';
import { translator, type Catalogs, type Translate } from '../../translate.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { pt } from './pt.js';

export const catalogs: Catalogs<typeof en> = { en, de, es, fr, it, nl, pt };

export type FindingKey = keyof typeof en;
export type FindingsText = Translate<FindingKey>;

const translators = new Map<Locale, FindingsText>();

/**
 * French drops the "e" of "que" before a vowel: "en tant qu’utilisateur", not "en tant que
 * utilisateur". The role comes from the ticket, so the message cannot spell it out. A silent h
 * elides too ("qu’hôtelier"), an aspirated one does not ("que hacker"): French has no rule to
 * tell them apart, so the silent ones are the roles a ticket plausibly names.
 */
const H_MUET = 'h(?:abit|éberg|érit|istori|omme|ôpit|ôt|orlog|orticult|uissi|umain|ygién)';
const ELISION = new RegExp(`(?<![\\p{L}])(en tant qu)e (?=[aeiouyàâäéèêëîïôöùûüœæ]|${H_MUET})`, 'giu');
/** "en tant que infirmière" → "en tant qu’infirmière", for any French text that names a role (Fix it's story, the template). */
export const elideFrench = (text: string): string => text.replace(ELISION, '$1’');
const elided = (t: FindingsText): FindingsText => (key, values) => elideFrench(t(key, values));

/** The findings' words in one language (English when none is given). */
export function findingsText(locale: Locale = 'en'): FindingsText {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = locale === 'fr' ? elided(translator(catalogs, locale)) : translator(catalogs, locale)));
  return t;
}

const listFormats = new Map<string, Intl.ListFormat>();

/**
 * "a, b and c" / "a, b or c" as the language writes a list. English without the serial comma, as
 * Centric has always written it (British English lists, the en-GB convention).
 */
export function listOf(items: string[], locale: Locale, kind: 'and' | 'or' = 'and'): string {
  const id = `${locale}:${kind}`;
  let format = listFormats.get(id);
  if (!format) listFormats.set(id, (format = new Intl.ListFormat(locale === 'en' ? 'en-GB' : locale, { type: kind === 'and' ? 'conjunction' : 'disjunction' })));
  return format.format(items);
}
