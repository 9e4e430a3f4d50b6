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

export type RankText = Translate<keyof typeof en>;

/** The ranking's words in one language (English when none is given). */
export const rankText: (locale?: Locale) => RankText = textsOf(catalogs);
