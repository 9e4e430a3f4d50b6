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

export type CommandText = Translate<keyof typeof en>;

/** What `/centric` says of a text it cannot read, in one language (English when none is given). */
export const commandText: (locale?: Locale) => CommandText = textsOf(catalogs);
