import { wordsOf, type CompiledLanguage } from '../compile.js';
import type { PersonaDefinition } from '../config-types.js';
import { fold, WordForms } from './word-forms.js';

/**
 * The catalogue persona a ticket is about, by the meaning of its words rather than their spelling:
 * words are compared by stem ("shifts", "shift"), by the synonyms of each language, which share
 * one name across languages ("Pflegekraft" and "carer" are both "nurse"), and by the parts of
 * compounds ("Dienstplan" holds "Dienst"). Function words, generic roles and vague qualifiers say
 * nothing about a persona and are left out. No persona is proposed when none shares a meaning.
 */

/** The least score a persona needs: two words of the story in its description, or one of the summary, or one in its name. */
const MIN_SCORE = 2;
/** Words of a persona's name and aliases count twice: they say who it is. */
const NAME_WEIGHT = 2;
/** The summary names what the ticket is about in a few words: one of them is worth two of the story's. */
const SUMMARY_WEIGHT = 2;
/** The rest of the text says less about it than the story (goal and benefit). */
const REST_WEIGHT = 0.5;
/** A meaning found only inside a compound ("Ladestation" holds "station") is a weaker hint. */
const PART_WEIGHT = 0.5;
const MIN_WORD = 3;
/** A stem shorter than this says too little: "carer" is not "car" with an ending. */
const MIN_STEM = 4;
/** The shortest part of a compound that is read on its own ("dienst" in "Dienstplan"). */
const MIN_COMPOUND_PART = 5;
const MAX_FOCUS = 1_000;
const MAX_REST = 4_000;
const MAX_WORDS = 800;

/** Endings stripped before two words are compared, in every language: both sides lose the same ones. */
const STEM_ENDINGS = ['innen', 'ungen', 'ings', 'ing', 'ers', 'ern', 'ies', 'ied', 'ly', 'ed', 'es', 'en', 'er', 'in', 'os', 'as', 's', 'e', 'n', 'a', 'o', 'i'];

/** "shoppers" and "shopping" are "shop", "prices" and "price" are "pric": a comparison key, not a word. */
function stemOf(word: string): string {
  for (const e of STEM_ENDINGS) {
    if (word.length - e.length >= MIN_STEM && word.endsWith(e)) {
      const stem = word.slice(0, -e.length);
      const n = stem.length;
      // "shopp" is "shop", "plann" is "plan".
      return n > MIN_STEM && stem.charAt(n - 1) === stem.charAt(n - 2) ? stem.slice(0, -1) : stem;
    }
  }
  return word;
}

interface MeaningLexicon {
  /** Word -> the names of its synonym groups, its inflected forms included. */
  synonyms: WordForms<string>;
  /** Words that carry no meaning of their own, folded. */
  stop: Set<string>;
}

const lexicons = new WeakMap<CompiledLanguage, MeaningLexicon>();

function lexiconOf(lang: CompiledLanguage): MeaningLexicon {
  let lexicon = lexicons.get(lang);
  if (!lexicon) {
    const v = lang.vocab;
    const synonyms = new WordForms<string>([...new Set(v.inflectionEndings.map(fold))].sort((a, b) => b.length - a.length));
    for (const [name, words] of Object.entries(v.synonyms)) {
      const meaning = fold(name);
      synonyms.add(meaning, meaning);
      // Tickets are read word by word: a phrase or a hyphenated entry would never match whole.
      for (const w of words) if (!/[\s-]/.test(w.trim())) synonyms.add(w.trim(), meaning);
    }
    const stop = new Set<string>();
    const lists = [v.stopWords, v.articles, v.conjunctions, v.relativePronouns, v.roleLinkWords, v.genericRoles, v.vagueQualifiers, v.metricHeadStopWords, v.targetWords, v.placeholders];
    for (const list of lists) for (const entry of list) for (const w of fold(entry).split(/[^\p{L}\p{N}]+/u)) if (w) stop.add(w);
    lexicon = { synonyms, stop };
    lexicons.set(lang, lexicon);
  }
  return lexicon;
}

/** Comparison key -> how strongly a text holds it. "w:" keys are stems, "m:" keys are meanings. */
type Keys = Map<string, number>;

interface Reading {
  /** Languages whose inflected forms are read; the others' synonyms count only as written. */
  own: readonly MeaningLexicon[];
  others: readonly MeaningLexicon[];
}

const raise = (keys: Keys, key: string, weight: number): void => {
  if ((keys.get(key) ?? 0) < weight) keys.set(key, weight);
};

function meaningsOf(word: string, reading: Reading): Set<string> | undefined {
  for (const l of reading.own) {
    const m = l.synonyms.get(word);
    if (m) return m;
  }
  for (const l of reading.others) {
    const m = l.synonyms.get(word, true);
    if (m) return m;
  }
  return undefined;
}

const isStop = (word: string, reading: Reading): boolean => reading.own.some((l) => l.stop.has(word)) || reading.others.some((l) => l.stop.has(word));

/** The keys of one word: its stem, its meanings, or the meanings of the parts of a compound. */
function wordKeys(word: string, reading: Reading): Array<[string, number]> {
  const meanings = meaningsOf(word, reading);
  if (!meanings && isStop(word, reading)) return [];
  const keys: Array<[string, number]> = [[`w:${stemOf(word)}`, 1]];
  if (meanings) for (const m of meanings) keys.push([`m:${m}`, 1]);
  else if (word.length >= MIN_COMPOUND_PART + MIN_WORD) {
    for (let i = MIN_COMPOUND_PART; i <= word.length - MIN_WORD; i++) {
      for (const part of [word.slice(0, i), word.slice(word.length - i)]) {
        const found = meaningsOf(part, reading);
        if (found) for (const m of found) keys.push([`m:${m}`, PART_WEIGHT]);
      }
    }
  }
  return keys;
}

/** What one ticket's reading has found so far: its keys, and each word's keys (words repeat). */
interface TicketReading {
  keys: Keys;
  known: Map<string, Array<[string, number]>>;
  words: number;
}

/** Beyond this many words a memo starts afresh: it stays small whatever a ticket stream holds. */
const MAX_MEMO = 5_000;
const wordMemos = new WeakMap<readonly CompiledLanguage[], Map<string, Map<string, Array<[string, number]>>>>();

/** The keys of words already read in tickets of one language: a backlog repeats its words. */
function wordMemo(languages: readonly CompiledLanguage[], language: string): Map<string, Array<[string, number]>> {
  let byLanguage = wordMemos.get(languages);
  if (!byLanguage) wordMemos.set(languages, (byLanguage = new Map()));
  let memo = byLanguage.get(language);
  if (!memo || memo.size >= MAX_MEMO) byLanguage.set(language, (memo = new Map()));
  return memo;
}

function readText(text: string, maxChars: number, weight: number, reading: Reading, into: TicketReading): void {
  // The metric scan's word splitter: a table lookup per character, no Unicode regex.
  for (const raw of wordsOf(text.slice(0, maxChars))) {
    if (into.words-- <= 0) return;
    if (raw.length < MIN_WORD) continue;
    let keys = into.known.get(raw);
    if (!keys) into.known.set(raw, (keys = wordKeys(fold(raw), reading)));
    for (const [key, strength] of keys) raise(into.keys, key, strength * weight);
  }
}

/** A persona's words, each with its keys and its weight (name and aliases count more). */
interface PersonaWord {
  keys: Array<[string, number]>;
  weight: number;
}

const personaCache = new WeakMap<PersonaDefinition, { languages: readonly CompiledLanguage[]; words: PersonaWord[] }>();

function personaWords(persona: PersonaDefinition, languages: readonly CompiledLanguage[]): PersonaWord[] {
  const cached = personaCache.get(persona);
  if (cached && cached.languages === languages) return cached.words;
  // A catalogue may be written in any language: every language's forms are read.
  const reading: Reading = { own: languages.map(lexiconOf), others: [] };
  const byStem = new Map<string, PersonaWord>();
  const add = (text: string, weight: number): void => {
    for (const raw of wordsOf(text.slice(0, MAX_FOCUS))) {
      if (raw.length < MIN_WORD) continue;
      const keys = wordKeys(fold(raw), reading);
      const stem = keys[0]?.[0];
      if (!stem) continue;
      const known = byStem.get(stem);
      if (!known) byStem.set(stem, { keys, weight });
      else known.weight = Math.max(known.weight, weight);
    }
  };
  add([persona.name, ...persona.aliases].join(' '), NAME_WEIGHT);
  add(persona.description, 1);
  const words = [...byStem.values()];
  personaCache.set(persona, { languages, words });
  return words;
}

interface Catalogue {
  catalogue: PersonaWord[][];
  /** Key -> how many personas hold it. */
  holders: Map<string, number>;
}

const catalogues = new WeakMap<readonly PersonaDefinition[], { languages: readonly CompiledLanguage[]; value: Catalogue }>();

function catalogueOf(personas: readonly PersonaDefinition[], languages: readonly CompiledLanguage[]): Catalogue {
  const cached = catalogues.get(personas);
  if (cached && cached.languages === languages) return cached.value;
  const catalogue = personas.map((p) => personaWords(p, languages));
  // A meaning every persona shares tells them apart less: it is shared out among them.
  const holders = new Map<string, number>();
  for (const words of catalogue) {
    for (const key of new Set(words.flatMap((w) => w.keys.map(([k]) => k)))) holders.set(key, (holders.get(key) ?? 0) + 1);
  }
  const value = { catalogue, holders };
  catalogues.set(personas, { languages, value });
  return value;
}

/** What the persona is compared with: summary and story first, the rest of the ticket as a weaker hint. */
export interface TicketWords {
  summary?: string;
  /** The story's goal and benefit. */
  focus: string;
  /** The ticket's other text. */
  rest?: string;
  /** The story's language: its inflected forms are read; other languages' words only as listed. */
  language?: string;
}

/**
 * The catalogue persona whose name, aliases and description share most meaning with the ticket;
 * null when none shares enough (no persona is proposed at random). Ties go to the earlier persona.
 */
export function closestPersona(personas: readonly PersonaDefinition[], ticket: TicketWords | string, languages: readonly CompiledLanguage[] = []): PersonaDefinition | null {
  if (personas.length === 0) return null;
  const { summary = '', focus, rest = '', language } = typeof ticket === 'string' ? { focus: ticket } : ticket;
  const all = languages.map(lexiconOf);
  const own = languages.filter((l) => l.code === language).map(lexiconOf);
  const reading: Reading = own.length > 0 ? { own, others: all.filter((l) => !own.includes(l)) } : { own: all, others: [] };
  const read: TicketReading = { keys: new Map(), known: wordMemo(languages, language ?? ''), words: MAX_WORDS };
  readText(summary, MAX_FOCUS, SUMMARY_WEIGHT, reading, read);
  readText(focus, MAX_FOCUS, 1, reading, read);
  if (rest) readText(rest, MAX_REST, REST_WEIGHT, reading, read);
  const ticketKeys = read.keys;
  if (ticketKeys.size === 0) return null;

  const { catalogue, holders } = catalogueOf(personas, languages);
  let best: PersonaDefinition | null = null;
  let bestScore = 0;
  catalogue.forEach((words, i) => {
    let score = 0;
    for (const word of words) {
      let match = 0;
      for (const [key, strength] of word.keys) {
        const inTicket = ticketKeys.get(key);
        if (inTicket) match = Math.max(match, (Math.min(strength, 1) * inTicket) / (holders.get(key) ?? 1));
      }
      score += word.weight * match;
    }
    if (score > bestScore) [best, bestScore] = [personas[i]!, score];
  });
  return bestScore >= MIN_SCORE ? best : null;
}
