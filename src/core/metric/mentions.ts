import { suffixKey, wordCodes, type MetricIndex } from '../compile.js';
import { MAX_SENTENCE_CHARS } from '../ticket/text.js';

const NEWLINE = 10;
const isStop = (c: number): boolean => c === 46 || c === 33 || c === 63; // . ! ?
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c);

/**
 * The bounds of the sentence (or line, or list item) around a position of the text, at most
 * MAX_SENTENCE_CHARS on either side: the target pattern runs over it.
 */
export function sentenceAround(text: string, at: number): [number, number] {
  let start = at;
  const first = Math.max(0, at - MAX_SENTENCE_CHARS);
  while (start > first) {
    const c = text.charCodeAt(start - 1);
    if (c === NEWLINE || (isStop(c) && isSpace(text.charCodeAt(start)))) break;
    start--;
  }
  let end = at;
  const last = Math.min(text.length, at + MAX_SENTENCE_CHARS);
  while (end < last) {
    const c = text.charCodeAt(end);
    if (c === NEWLINE || (isStop(c) && isSpace(text.charCodeAt(end + 1)))) break;
    end++;
  }
  return [start, end];
}

const isWordChar = (text: string, i: number): boolean => wordCodes()[text.charCodeAt(i)] !== 0;
/** Space, no-break spaces, hyphen, apostrophes: what joins the words of "taux d'abandon" or "no-shows". */
const isJoiner = (c: number): boolean => c === 32 || c === 45 || c === 39 || c === 0x2019 || c === 0xa0 || c === 0x202f;

/** The word that starts after `from` past joiners only, lower-cased, and where it ends. */
function nextWord(text: string, from: number): [string, number] | null {
  let start = from;
  while (start < text.length && isJoiner(text.charCodeAt(start))) start++;
  let end = start;
  while (end < text.length && isWordChar(text, end)) end++;
  return end > start && start > from ? [text.slice(start, end).toLowerCase(), end] : null;
}

/** The word that ends before `to` past joiners only, lower-cased, and where it starts. */
function previousWord(text: string, to: number): [string, number] | null {
  let end = to;
  while (end > 0 && isJoiner(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isWordChar(text, start - 1)) start--;
  return end > start && end < to ? [text.slice(start, end).toLowerCase(), start] : null;
}

/** A metric as the ticket writes it, blanks collapsed: "taux d'abandon", "NPS", "missed deliveries". */
function named(text: string, start: number, end: number, index: MetricIndex): string {
  const written = text.slice(start, end).replace(/\s+/g, ' ');
  return index.acronyms.has(written.toLowerCase()) ? written : written.toLowerCase();
}

/** The end of the phrase `words` (lower case) when the text spells it from the word at [start, end). */
function phraseEnd(text: string, end: number, words: string[]): number {
  let at = end;
  for (let k = 1; k < words.length; k++) {
    const next = nextWord(text, at);
    if (!next || next[0] !== words[k]) return -1;
    at = next[1];
  }
  return at;
}

/** A word written in capitals, as an acronym must be to name a metric ("NPS", not French "ces"). */
function inCapitals(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  return word === word.toUpperCase();
}

/** An event's singular or plural ("order" for "orders", "Bestellung" for "Bestellungen"), or a person. */
function isEventOrPerson(word: string, index: MetricIndex): boolean {
  const { events, people } = index;
  return people.has(word) || events.has(word) || events.has(`${word}s`) || events.has(`${word}es`) || events.has(`${word}en`) || events.has(`${word}n`) || events.has(`${word}e`);
}

interface Found {
  metric: string;
  strong: boolean;
}

/**
 * A counted customer event is a metric next to an outcome word ("missed deliveries", "pagos
 * fallidos") or before "per" and a unit ("tickets per order"); alone ("orders") it is a metric only
 * where its sentence holds a target, which the caller checks.
 */
function eventAt(text: string, start: number, end: number, index: MetricIndex): Found {
  const before = previousWord(text, start);
  if (before && index.eventQualifiers.has(before[0])) return { metric: named(text, before[1], end, index), strong: true };
  const after = nextWord(text, end);
  if (after && index.eventQualifiers.has(after[0])) return { metric: named(text, start, after[1], index), strong: true };
  if (after && index.per.has(after[0])) {
    const unit = nextWord(text, after[1]);
    if (unit && (/^\d/.test(unit[0]) || isEventOrPerson(unit[0], index))) return { metric: named(text, start, unit[1], index), strong: true };
  }
  return { metric: named(text, start, end, index), strong: false };
}

/** A word an outcome word can qualify: a noun, as far as a word list can tell (no article, preposition, number). */
const isNounLike = (word: string, index: MetricIndex): boolean => word.length >= 3 && !/^\d/.test(word) && !index.functionWords.has(word);

/**
 * An outcome word before or after a noun it qualifies ("late doses", "gemiste aansluitingen",
 * "incidencias fallidas"): a counted event the list does not know, a metric where a target is.
 */
function outcomeAt(text: string, start: number, end: number, index: MetricIndex): Found | null {
  const after = nextWord(text, end);
  if (after && isNounLike(after[0], index)) return { metric: named(text, start, after[1], index), strong: index.events.has(after[0]) };
  const before = previousWord(text, start);
  if (before && isNounLike(before[0], index)) return { metric: named(text, before[1], end, index), strong: index.events.has(before[0]) };
  return null;
}

/** The word after a lead ("time to" first login, "taux d'" abandon): past one function word. */
function completionOf(text: string, at: number, index: MetricIndex): [string, number] | null {
  const next = nextWord(text, at);
  if (!next || /^\d/.test(next[0])) return null;
  if (!index.headStopWords.has(next[0])) return next;
  const after = nextWord(text, next[1]);
  return after && isNounLike(after[0], index) ? after : null;
}

/** The metric a word at [start, end) opens, if any: a lead ("taux de …"), a term, "<word> rate", an event. */
function metricAt(text: string, start: number, end: number, index: MetricIndex): Found | null {
  const word = text.slice(start, end).toLowerCase();
  for (const lead of index.leads.get(word) ?? []) {
    const at = phraseEnd(text, end, lead);
    const completion = at < 0 ? null : completionOf(text, at, index);
    if (completion) return { metric: named(text, start, completion[1], index), strong: true };
  }
  for (const term of index.terms.get(word) ?? []) {
    if (term.length === 1 && index.acronyms.has(word) && !inCapitals(text, start, end)) continue;
    const at = phraseEnd(text, end, term);
    if (at >= 0) return { metric: named(text, start, at, index), strong: true };
  }
  if (index.heads.has(word)) {
    const qualifier = previousWord(text, start);
    if (qualifier && !/^\d/.test(qualifier[0]) && !index.headStopWords.has(qualifier[0])) return { metric: named(text, qualifier[1], end, index), strong: true };
  }
  if (index.events.has(word)) return eventAt(text, start, end, index);
  if (index.eventQualifiers.has(word)) return outcomeAt(text, start, end, index);
  return null;
}

const MIN_STEM = 4;
/**
 * English words ending in "-rate" after a vowel or t, b, d, g, c, p are verbs and adjectives
 * (generate, migrate, accurate); a German compound joins "rate" after another consonant
 * ("Klickrate", "Fehlerrate", "Abbruchrate") or "ng" ("Absprungrate").
 */
const COMPOUND_BEFORE_RATE = /(?:[hfsklmnrwz]|ng)$/;

/**
 * The compound the word at [start, end) is, if any: one ending in a metric suffix ("Wartezeit",
 * "Abbruchquote") is a metric, one ending in an event ("Zustellversuche") an event.
 */
function compoundAt(text: string, start: number, end: number, index: MetricIndex): Found | null {
  const candidates = index.suffixes.get(suffixKey(text, end));
  if (!candidates) return null;
  const codes = wordCodes();
  for (const { suffix, strong } of candidates) {
    if (end - start - suffix.length < MIN_STEM) continue;
    let k = suffix.length - 3;
    while (k >= 0 && codes[text.charCodeAt(end - suffix.length + k)] === suffix.charCodeAt(k)) k--;
    if (k >= 0) continue;
    const stem = text.slice(start, end - suffix.length).toLowerCase();
    if (index.headStopWords.has(stem) || (suffix.startsWith('rate') && !COMPOUND_BEFORE_RATE.test(stem))) return null;
    return { metric: text.slice(start, end).toLowerCase(), strong };
  }
  return null;
}

export interface MetricMention {
  metric: string;
  sentence: string;
  /**
   * False for a bare counted event ("orders", "Buchungen"): it is a metric only where its sentence
   * holds a target, and a sentence without one does not name a metric.
   */
  strong: boolean;
}

/**
 * Every customer metric named in the text, each with the sentence it stands in, in order; with
 * `enough`, only up to the first mention it accepts.
 */
export function metricMentions(text: string, index: MetricIndex, enough?: (mention: MetricMention) => boolean): MetricMention[] {
  const codes = wordCodes();
  const filter = index.hashFilter;
  const found: MetricMention[] = [];
  // One strong mention a sentence, and one bare event: each sentence is cut out at most twice.
  let sentenceEnd = -1;
  let weakEnd = -1;
  let start = -1;
  let hash = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? codes[text.charCodeAt(i)]! : 0;
    if (c !== 0) {
      if (start < 0) {
        start = i;
        hash = 0;
      }
      hash = (Math.imul(hash, 31) + c) | 0;
      continue;
    }
    if (start < 0 || start < sentenceEnd) {
      start = -1;
      continue;
    }
    let metric = filter[hash & 0xffff] === 1 && index.hashes.has(hash) ? metricAt(text, start, i, index) : null;
    if (!metric && i - start >= MIN_STEM + 4) metric = compoundAt(text, start, i, index);
    if (metric && (metric.strong || start >= weakEnd)) {
      const [from, to] = sentenceAround(text, start);
      if (metric.strong) sentenceEnd = to;
      else weakEnd = to;
      const mention = { metric: metric.metric, sentence: text.slice(from, to), strong: metric.strong };
      found.push(mention);
      // The caller has its answer (a metric with a target): the rest of the text is not read.
      if (enough?.(mention)) return found;
    }
    start = -1;
  }
  return found;
}
