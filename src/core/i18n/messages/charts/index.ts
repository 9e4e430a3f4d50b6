import type { Catalogs } from '../../translate.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { pt } from './pt.js';

export const catalogs: Catalogs<typeof en> = { en, de, es, fr, it, nl, pt };
