/**
 * Finds keywords in text word by word, with no regular expression per keyword: the text is
 * folded and split into words once, and each word costs a handful of map lookups, so a
 * catalogue of hundreds of keywords stays linear in the text.
 *
 * A keyword is a word ("nurse"), a phrase ("tax return"), a word that also matches words
 * starting with it ("pflegekraft*": Pflegekraftmangel) or ending with it ("*schicht":
 * Nachtschicht). Case and accents do not matter ("Ärztin" = "arztin"), and a word with a
 * common inflectional ending matches its keyword ("patients", "Patienten", "Patientinnen").
 */

import { wordCodes } from '../compile.js';
import { fold } from '../fold.js';

/** Endings stripped from a word before its exact lookup: plural and feminine forms of the seven languages. */
const ENDINGS = ['innen', 'ern', 'nen', 'en', 'es', 'er', 'in', 'e', 'n', 's', 'i'];
/** The endings by their last letter: most words end in a letter no ending ends in. */
const ENDINGS_BY_LAST = new Map<number, string[]>();
for (const ending of ENDINGS) {
  const last = ending.charCodeAt(ending.length - 1);
  ENDINGS_BY_LAST.set(last, [...(ENDINGS_BY_LAST.get(last) ?? []), ending]);
}
const NONE: string[] = [];
/** A stem shorter than this keeps its ending: "taxi" is not "tax", "hrs" is not "hr". */
const MIN_STEM = 4;
/** Phrases longer than this are not matched; keeps the per-word cost fixed. */
const MAX_PHRASE_WORDS = 4;

/** Lower case without accents: how both keywords and text are compared (the shared fold). */
export { fold };

/**
 * The folded words of a text, at most `maxWords` of them. Split by the table the metric scan
 * uses (no regular expression: this runs over the start of every ticket a hint is built for);
 * only a word with a non-ASCII letter is folded on its own.
 */
export function wordsOf(text: string, maxWords = Number.POSITIVE_INFINITY): string[] {
  // The domain, its metric and its persona read the same ticket text in a row: split it once.
  if (lastSplit?.text === text && lastSplit.maxWords === maxWords) return lastSplit.words;
  const words = splitWords(text, maxWords);
  lastSplit = { text, maxWords, words };
  return words;
}

let lastSplit: { text: string; maxWords: number; words: string[] } | null = null;

function splitWords(text: string, maxWords: number): string[] {
  const codes = wordCodes();
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  let ascii = true;
  for (let i = 0; i <= lower.length && words.length < maxWords; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    if (codes[c] !== 0) {
      if (start < 0) [start, ascii] = [i, true];
      if (c >= 0x80) ascii = false;
      continue;
    }
    if (start < 0) continue;
    const word = lower.slice(start, i);
    start = -1;
    if (ascii) words.push(word);
    else {
      const folded = fold(word);
      if (folded.length > 0) words.push(folded);
    }
  }
  return words;
}

/** One keyword found: what it stands for (`tag`) and which keyword it was, folded ("ärztin*" -> "arztin*"). */
export interface KeywordHit<T> {
  tag: T;
  keyword: string;
}

export interface KeywordMatcher<T> {
  /**
   * Every keyword hit in the words, in word order (a keyword found twice is reported twice), with
   * the index of the word it starts on.
   */
  scan(words: readonly string[], onHit: (hit: KeywordHit<T>, at: number) => void): void;
}

type Hits<T> = KeywordHit<T>[];
const NO_HITS: never[] = [];
/** Words a matcher remembers the hits of (see scan). */
const MAX_KNOWN_WORDS = 4096;

/** Adds a hit once: the same word listed in several languages is one keyword. */
function addHit<T>(hits: Hits<T>, hit: KeywordHit<T>): void {
  if (!hits.some((h) => h.tag === hit.tag && h.keyword === hit.keyword)) hits.push(hit);
}

/** A wildcard keyword's fixed part ("pflegekraft" of "pflegekraft*") and its hits. */
interface Affix<T> {
  text: string;
  hits: Hits<T>;
}

/** A phrase after its first word: the words that must follow, the last one maybe inflected. */
interface Phrase<T> {
  rest: string[];
  hits: Hits<T>;
}

/** Wildcards are filed under their first (prefix) or last (suffix) three letters: one lookup per word. */
const AFFIX_KEY = 3;

/**
 * Three letters as one small integer: a map key with no string to allocate, and a small integer
 * (not a double) hashes fast. Letters that collide share a bucket; every candidate in it is
 * checked with startsWith/endsWith.
 */
const key3 = (s: string, at: number): number => ((s.charCodeAt(at) << 14) ^ (s.charCodeAt(at + 1) << 7) ^ s.charCodeAt(at + 2)) & 0x3fffffff;

function affixes<T>(table: Map<number, Affix<T>[]>, key: number, text: string): Hits<T> {
  const list = table.get(key) ?? [];
  table.set(key, list);
  let affix = list.find((a) => a.text === text);
  if (!affix) list.push((affix = { text, hits: [] }));
  return affix.hits;
}

/** True when the word is the keyword word, or it with an inflectional ending ("patients", "Patienten"). */
function isForm(word: string, keyword: string): boolean {
  if (word === keyword) return true;
  return keyword.length >= MIN_STEM && word.startsWith(keyword) && ENDINGS.includes(word.slice(keyword.length));
}

/** True when a keyword is well formed: a word or phrase; only a single word (3 letters or more) may carry a leading or trailing *. */
export function isKeyword(keyword: string): boolean {
  const trimmed = keyword.trim();
  if (!trimmed.includes('*')) return trimmed.length > 0;
  return /^\*?[\p{L}\p{N}]{3,}\*?$/u.test(trimmed);
}

/** Compiles keywords, each with the tag it reports; malformed or empty keywords are skipped. */
export function compileKeywords<T>(entries: Iterable<readonly [keyword: string, tag: T]>): KeywordMatcher<T> {
  const exact = new Map<string, Hits<T>>();
  const prefixes = new Map<number, Affix<T>[]>();
  const suffixes = new Map<number, Affix<T>[]>();
  const phrases = new Map<string, Phrase<T>[]>();
  for (const [keyword, tag] of entries) {
    const trimmed = keyword.trim();
    if (!isKeyword(trimmed)) continue;
    // Folded, so the same word listed in two languages counts once.
    const hit = { tag, keyword: fold(trimmed) };
    const words = wordsOf(trimmed);
    const first = words[0];
    if (first === undefined) continue;
    if (trimmed.endsWith('*')) addHit(affixes(prefixes, key3(first, 0), first), hit);
    if (trimmed.startsWith('*')) addHit(affixes(suffixes, key3(first, first.length - AFFIX_KEY), first), hit);
    if (trimmed.includes('*')) continue;
    if (words.length === 1) {
      const hits = exact.get(first) ?? [];
      exact.set(first, hits);
      addHit(hits, hit);
    } else if (words.length <= MAX_PHRASE_WORDS) {
      const list = phrases.get(first) ?? [];
      phrases.set(first, list);
      const rest = words.slice(1);
      let phrase = list.find((p) => p.rest.join(' ') === rest.join(' '));
      if (!phrase) list.push((phrase = { rest, hits: [] }));
      addHit(phrase.hits, hit);
    }
  }
  /** The hits of a word on its own (exact, inflected, prefix, suffix), in the order scan reports them. */
  const wordHits = (word: string): Hits<T> => {
    const found: Hits<T> = [];
    const add = (hits: Hits<T> | undefined) => {
      if (hits) for (const hit of hits) found.push(hit);
    };
    add(exact.get(word));
    for (const ending of ENDINGS_BY_LAST.get(word.charCodeAt(word.length - 1)) ?? NONE) {
      if (word.length - ending.length >= MIN_STEM && word.endsWith(ending)) add(exact.get(word.slice(0, -ending.length)));
    }
    if (word.length >= AFFIX_KEY) {
      const starting = prefixes.get(key3(word, 0));
      if (starting) for (const a of starting) if (word.startsWith(a.text)) add(a.hits);
      const ending = suffixes.get(key3(word, word.length - AFFIX_KEY));
      if (ending) for (const a of ending) if (word.endsWith(a.text)) add(a.hits);
    }
    return found.length > 0 ? found : NO_HITS;
  };
  // Tickets share most of their words ("the", "customer", "basket"): a word's own hits are looked
  // up once, not with the five or more lookups above. Emptied when full, so it stays small.
  const known = new Map<string, Hits<T>>();
  return {
    scan(words, onHit) {
      for (let i = 0; i < words.length; i++) {
        const word = words[i]!;
        let hits = known.get(word);
        if (hits === undefined) {
          hits = wordHits(word);
          if (known.size >= MAX_KNOWN_WORDS) known.clear();
          known.set(word, hits);
        }
        for (const hit of hits) onHit(hit, i);
        // A phrase's last word may be inflected ("tax returns"), its others are as written.
        const starts = phrases.get(word);
        if (!starts) continue;
        for (const phrase of starts) {
          const n = phrase.rest.length;
          if (i + n >= words.length) continue;
          let k = 0;
          while (k < n - 1 && words[i + 1 + k] === phrase.rest[k]) k++;
          if (k === n - 1 && isForm(words[i + n]!, phrase.rest[n - 1]!)) for (const hit of phrase.hits) onHit(hit, i);
        }
      }
    },
  };
}
