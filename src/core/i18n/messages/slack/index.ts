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

/** A key of Centric's Slack messages. */
export type SlackKey = Extract<keyof typeof en, string>;
/** Centric's Slack messages in one language. */
export type SlackText = Translate<SlackKey>;

/** The Slack messages in a language (English when none is given: what Centric said before it spoke others). */
export const slackText: (locale?: Locale) => SlackText = textsOf(catalogs);
