/**
 * An example persona for the "who exactly?" hint when the team keeps no persona catalogue: one
 * of the ticket's domain ("night-shift nurse on a ward"), not a shopper for every ticket.
 */
import type { Locale } from '../i18n/locales.js';
import { EXAMPLE_WORDS } from './default-domains-i18n.js';
import { DEFAULT_DOMAINS, FALLBACK_DOMAIN } from './default-domains.js';
import type { Domain } from './domain.js';
import { wordsOf } from './keyword-matcher.js';

const GENERIC_PERSONAS = DEFAULT_DOMAINS[FALLBACK_DOMAIN]!.personas;

const contentWords = (text: string): string[] => wordsOf(text.slice(0, 10_000)).filter((w) => w.length >= 4);

/** The hint asks about the same ticket's text for each failing rule in a row: its words are kept for the next ask. */
let lastTicket: { text: string; words: Set<string> } | null = null;

function ticketWordsOf(text: string): Set<string> {
  if (lastTicket?.text !== text) lastTicket = { text, words: new Set(contentWords(text)) };
  return lastTicket.words;
}

/** A persona's distinct content words, read once: every failing ticket compares them. */
const personasRead = new Map<string, string[]>();

function personaWords(persona: string): string[] {
  let words = personasRead.get(persona);
  if (!words) {
    // Personas come from config (and their translations): a bound keeps an edited catalogue from growing the map.
    if (personasRead.size > 1000) personasRead.clear();
    personasRead.set(persona, (words = [...new Set(contentWords(persona))]));
  }
  return words;
}

export interface PersonaExampleOptions {
  /** The ticket's text: of the domain's personas, the one sharing most words with it is proposed. */
  text?: string;
  /** The language the persona is written in (the findings'): a built-in persona is translated, a team's own kept. */
  locale?: Locale;
}

/**
 * One of the domain's example personas, the one closest to the ticket's words ("night shift"
 * picks the night-shift nurse), else the domain's first; the generic ones when it lists none.
 */
export function personaExample(domain: Domain, options: PersonaExampleOptions = {}): string {
  const words = options.locale ? EXAMPLE_WORDS[options.locale] : undefined;
  const builtIn = domain.personas.length > 0 ? domain.personas : GENERIC_PERSONAS;
  const personas = words ? builtIn.map((p) => words.personas[p] ?? p) : builtIn;
  if (!options.text || personas.length < 2) return personas[0]!;
  const ticketWords = ticketWordsOf(options.text);
  let best = personas[0]!;
  let bestScore = 0;
  for (const persona of personas) {
    let score = 0;
    for (const w of personaWords(persona)) if (ticketWords.has(w)) score++;
    if (score > bestScore) [best, bestScore] = [persona, score];
  }
  return best;
}
