/**
 * Whose benefit a story's "so that …" clause states: the customer's (what the persona gets: time
 * saved, a worry gone, a task done), the business's ("so that we increase revenue", "damit das
 * Unternehmen Kosten senkt"), or both ("so that I check out faster and we sell more"). Pure: the
 * words are the language's vocabulary (businessSubjects, businessOutcomes, endCustomers).
 */
import { wordsOf, type CompiledLanguage } from '../compile.js';
import type { Story } from '../types.js';

export type BenefitKind = 'customer' | 'business' | 'both';

/** What the report says of a story's benefit (E's ranking reads it). */
export interface BenefitInfo {
  kind: BenefitKind;
}

/**
 * Phrases by the key of their first word (see firstWordKey): only those under a word's key can
 * start at it, so a phrase list costs one lookup a word, not a comparison per phrase.
 */
type PhraseIndex = Map<string, string[][]>;

/** A language's benefit words, split into words once. */
interface BenefitWords {
  businessSubjects: PhraseIndex;
  businessOutcomes: PhraseIndex;
  endCustomers: PhraseIndex;
  /** Pronouns and nouns of the person served, without the business's own ("we", "our"). */
  personWords: Set<string>;
  /** Possessives of the person ("my", "ihre", "mis"): "my revenue" is the persona's own. */
  possessives: Set<string>;
  /** Articles and other determiners that may stand between a phrase's words ("increase the revenue"). */
  skippable: Set<string>;
  conjunctions: PhraseIndex;
}

/**
 * What sameWord needs two words to share: a word under four letters matches only itself, a
 * longer one only words with its first four letters (a prefix of four, or four in common).
 */
const firstWordKey = (word: string): string => (word.length < 4 ? word : word.slice(0, 4));

function indexPhrases(phrases: string[][]): PhraseIndex {
  const index: PhraseIndex = new Map();
  for (const phrase of phrases) {
    const key = firstWordKey(phrase[0]!);
    const list = index.get(key);
    if (list) list.push(phrase);
    else index.set(key, [phrase]);
  }
  return index;
}

const wordsCache = new WeakMap<CompiledLanguage, BenefitWords>();

function benefitWords(lang: CompiledLanguage): BenefitWords {
  let found = wordsCache.get(lang);
  if (found) return found;
  const split = (list: string[]): PhraseIndex => indexPhrases(list.map((phrase) => wordsOf(phrase)).filter((w) => w.length > 0));
  const v = lang.vocab;
  const business = new Set(v.businessSubjects.flatMap(wordsOf));
  const personWords = new Set([...lang.personWords].filter((w) => !business.has(w)));
  const possessives = new Set([...lang.determiners].filter((w) => personWords.has(w)));
  found = {
    businessSubjects: split(v.businessSubjects),
    businessOutcomes: split(v.businessOutcomes),
    endCustomers: split(v.endCustomers),
    personWords,
    possessives,
    skippable: new Set([...lang.determiners].filter((w) => !personWords.has(w))),
    conjunctions: split(v.conjunctions),
  };
  wordsCache.set(lang, found);
  return found;
}

/**
 * The same word, or an inflection of it: "sells" of "sell", "increasing" of "increase", "senkt"
 * of "senken". Short words ("we", "the") must be the same: "the" is not "they".
 */
export function sameWord(vocab: string, word: string): boolean {
  if (vocab === word) return true;
  if (vocab.length >= 4 && word.startsWith(vocab) && word.length - vocab.length <= 3) return true;
  if (Math.min(vocab.length, word.length) < 5) return false;
  let common = 0;
  while (common < vocab.length && vocab[common] === word[common]) common++;
  return common >= 4 && common >= Math.max(vocab.length, word.length) - 3;
}

/**
 * Where a phrase that starts at `at` ends, or -1: its words in order, determiners that are not the
 * person's possessives allowed between them ("increase the revenue", not "reduce my costs").
 */
function phraseEnd(words: string[], at: number, phrase: string[], skippable: ReadonlySet<string>): number {
  let i = at;
  for (let p = 0; p < phrase.length; p++) {
    if (p > 0) while (i < words.length && skippable.has(words[i]!) && !sameWord(phrase[p]!, words[i]!)) i++;
    if (i >= words.length || !sameWord(phrase[p]!, words[i]!)) return -1;
    i++;
  }
  return i;
}

function longestAt(words: string[], at: number, phrases: PhraseIndex, skippable: ReadonlySet<string>): number {
  const word = words[at];
  const candidates = word === undefined ? undefined : phrases.get(firstWordKey(word));
  let end = -1;
  if (candidates) for (const phrase of candidates) end = Math.max(end, phraseEnd(words, at, phrase, skippable));
  return end;
}

type Side = 'customer' | 'business';

/** No words may be skipped: conjunctions and customer nouns are read as written. */
const NONE: ReadonlySet<string> = new Set();

/** Most words of a benefit read: a clause is a sentence, not a document. */
const MAX_WORDS = 120;

/** The clauses of a benefit: split at punctuation, then at its language's conjunctions ("and", "und"). */
function clausesOf(benefit: string, bw: BenefitWords): string[][] {
  const clauses: string[][] = [];
  for (const part of benefit.split(/[,;:()]|\s[-–—]\s/)) {
    const words = wordsOf(part).slice(0, MAX_WORDS);
    let start = 0;
    for (let i = 0; i < words.length; i++) {
      const end = longestAt(words, i, bw.conjunctions, NONE);
      if (end < 0) continue;
      if (i > start) clauses.push(words.slice(start, i));
      start = end;
      i = end - 1;
    }
    if (start < words.length) clauses.push(words.slice(start));
  }
  return clauses;
}

const isRoleWord = (word: string, roleWords: string[]): boolean => roleWords.some((r) => r.length >= 3 && sameWord(r, word));

/**
 * Who the clause's subject is, by whoever it names first: the business ("we", "the company",
 * "marketing") or the person ("I", "they", a customer, the role). "our customers" names the
 * customers. Null when it names neither ("orders arrive on time").
 */
function subjectOf(words: string[], bw: BenefitWords, roleWords: string[]): Side | null {
  for (let i = 0; i < words.length; i++) {
    const end = longestAt(words, i, bw.businessSubjects, bw.skippable);
    if (end > 0) {
      const next = words[end];
      const customers = next !== undefined && (isRoleWord(next, roleWords) || longestAt(words, end, bw.endCustomers, NONE) > 0);
      return customers ? 'customer' : 'business';
    }
    const w = words[i]!;
    if (bw.personWords.has(w) || isRoleWord(w, roleWords) || longestAt(words, i, bw.endCustomers, NONE) > 0) return 'customer';
  }
  return null;
}

/** True when the clause names a business gain that is not the person's own ("my revenue"). */
function namesBusinessOutcome(words: string[], bw: BenefitWords): boolean {
  for (let i = 0; i < words.length; i++) {
    if (longestAt(words, i, bw.businessOutcomes, bw.skippable) < 0) continue;
    if (i > 0 && bw.possessives.has(words[i - 1]!)) continue;
    return true;
  }
  return false;
}

/**
 * Whose benefit the clause states. A clause that names neither a subject nor a gain ("and
 * faster") continues the one before it; the first one is the persona's, the subject a story leaves out.
 */
export function benefitKind(benefit: string, lang: CompiledLanguage, roleWords: string[] = []): BenefitKind {
  const bw = benefitWords(lang);
  const sides = new Set<Side>();
  let previous: Side = 'customer';
  for (const clause of clausesOf(benefit, bw)) {
    const subject = subjectOf(clause, bw, roleWords);
    const side: Side = subject === 'business' || namesBusinessOutcome(clause, bw) ? 'business' : subject ?? previous;
    sides.add(side);
    previous = side;
  }
  if (sides.size === 0) return 'customer';
  return sides.size === 2 ? 'both' : [...sides][0]!;
}

/** The language a story was parsed in, or the first one. */
export const languageOf = (story: Story, languages: CompiledLanguage[]): CompiledLanguage | undefined =>
  languages.find((l) => l.code === story.language) ?? languages[0];

/** Each story's answer: the rule and the report both ask, the clause is read once. */
const kinds = new WeakMap<Story, BenefitKind>();

/** The report's `benefit`: whose benefit the story's clause states; undefined for a story without one. */
export function benefitOf(story: Story | null, languages: CompiledLanguage[]): BenefitInfo | undefined {
  if (!story?.benefit) return undefined;
  let kind = kinds.get(story);
  if (!kind) {
    const lang = languageOf(story, languages);
    if (!lang) return undefined;
    kind = benefitKind(story.benefit, lang, wordsOf(story.role));
    kinds.set(story, kind);
  }
  return { kind };
}
