import type { Locale } from '../../locales.js';
import { textsOf, type Catalogs, type Translate } from '../../translate.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { pt } from './pt.js';

export const catalogs: Catalogs<typeof en> = { en, de, es, fr, it, nl, pt };

export type FixText = Translate<keyof typeof en>;

/** The Fix-it modal's errors in one language (English when none is given). */
export const fixText: (locale?: Locale) => FixText = textsOf(catalogs);
