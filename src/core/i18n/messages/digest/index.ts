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

export type DigestText = Translate<keyof typeof en>;

const translators = new Map<Locale, DigestText>();

/** The digest's lines in one language (English when none is given). */
export function digestText(locale: Locale = 'en'): DigestText {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = translator(catalogs, locale)));
  return t;
}
