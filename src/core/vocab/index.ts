import type { Vocabulary } from '../config-types.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { pt } from './pt.js';

/** Tried in this order: the first language whose role and goal markers both match wins. */
export const DEFAULT_VOCABULARY: Record<string, Vocabulary> = { en, de, nl, es, pt, it, fr };
