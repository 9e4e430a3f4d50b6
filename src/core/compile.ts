import type { LintSettings, Vocabulary } from './config-types.js';

/** Unicode-aware word boundaries: JavaScript's \b treats "für" or "così" as non-words. */
const WORD_START = "(?<![\\p{L}\\p{N}_'])";
const WORD_END = '(?![\\p{L}\\p{N}_])';

const MAX_ROLE = 150;
const MAX_ROLE_GAP = 40;
/** How far after a role marker's end its goal marker may start (a role, then blanks or commas). */
export const ROLE_REACH = MAX_ROLE + MAX_ROLE_GAP;

export interface CompiledLanguage {
  code: string;
  vocab: Vocabulary;
  /** Sticky: a role marker at a position where a story may start. */
  roleMarker: RegExp;
  /** Sticky: role, then the goal marker, from the end of a role marker. */
  roleThenGoal: RegExp;
  /** Global: the next goal marker; none near a role marker means roleThenGoal cannot match there. */
  goalMarker: RegExp;
  /** Finds the first benefit marker in a goal line. */
  benefitMarker: RegExp;
  /** Sticky: a line that starts with a benefit marker. */
  lineStartsWithBenefit: RegExp;
  nonRolePhrases: string[];
  /** Lower case, blanks collapsed: what may open a role slot without naming a person. */
  nonRoles: string[];
  /** Lower case: words that open a relative clause ("die", "who"). */
  relativePronouns: Set<string>;
  /** Lower case, blanks collapsed: words that hold a slot without filling it ("tbd"). */
  placeholders: Set<string>;
  articles: RegExp;
  genericRoles: Set<string>;
  vagueQualifiers: Set<string>;
  /** Given / When / Then, lower case: each must open a line. */
  givenWhenThen: [string, string, string];
  conjunction: RegExp;
  goalVerbs: Set<string>;
}

/**
 * A number is a target when it is a percentage or measurement, carries a sign, follows a
 * comparator, or follows a target word and no counted noun follows it ("to 3 items").
 */
function targetPattern(vocabularies: Vocabulary[]): RegExp {
  const number = '\\d+(?:[.,]\\d+)?';
  const unitSources = new Set(vocabularies.flatMap((v) => v.units.map((u) => (/^[\p{L}]/u.test(u) ? `${u}${WORD_END}` : u))));
  const wordSources = new Set(vocabularies.flatMap((v) => v.targetWords.map(phrase)));
  const source = [
    // Not from inside a run of digits: tried at every digit of "1111…", the match was quadratic.
    `(?<!\\p{N})${number}\\s*${alternation([...unitSources])}`,
    `(?<![\\p{L}\\p{N}])[+\\-±]\\s?${number}`,
    `[<>≤≥]=?\\s*${number}`,
    `${WORD_START}${alternation([...wordSources])}\\s+[$€£]?${number}(?=\\s*(?:$|[.,;:!?)\\]]|\\s(?:in|by|within|per|for|during|after|before|and|or)${WORD_END}))`,
  ].join('|');
  return new RegExp(source, 'iu');
}

/** Customer metrics of every language, looked up word by word. */
export interface MetricIndex {
  /** Hashes (see wordHash) of every term's first word and every head. */
  hashes: Set<number>;
  /** 1 at (hash & 0xffff) of every hash above: most words are ruled out by one array read. */
  hashFilter: Uint8Array;
  /** First word of a term -> the words of each term starting with it, longest first. */
  terms: Map<string, string[][]>;
  /** "rate", "time", "quote"…: "<qualifier> <head>" names a metric. */
  heads: Set<string>;
  /** Qualifiers that do not make a metric: "first time", "same time". */
  headStopWords: Set<string>;
}

export interface CompiledConfig {
  languages: CompiledLanguage[];
  metrics: MetricIndex;
  /** A metric target in any language: "+5%", "below 2 s", "from 40 to 45". */
  target: RegExp;
  /** An acceptance-criteria heading or label of any language, at the start of a block. */
  acceptanceHeading: RegExp;
  /** First letters of every role marker: a quick test before any regex runs. */
  roleInitials: Set<string>;
  designDomains: string[];
  recordingDomains: string[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A plain phrase matched with any run of spaces or a hyphen between its words. */
const phrase = (s: string): string => escape(s).replace(/(?:\\-|\s)+/g, '[\\s-]+');

const collapse = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

const byLengthDesc = (a: string, b: string): number => b.length - a.length;

const alternation = (sources: string[]): string =>
  sources.length === 0 ? '(?!)' : `(?:${[...sources].sort(byLengthDesc).join('|')})`;

function articlePattern(articles: string[]): string {
  const parts = articles.map((a) => (a.endsWith("'") ? `${escape(a)}\\s*` : `${escape(a)}${WORD_END}\\s*`));
  return alternation(parts);
}

function compileLanguage(code: string, v: Vocabulary): CompiledLanguage {
  // A marker ending in an apostrophe ("qu'") is glued to the next word: no boundary after it.
  const roles = alternation(v.roleMarkers.map((m) => (m.endsWith("'") ? m : `${m}${WORD_END}`)));
  const goals = alternation(v.goalMarkers);
  const benefits = alternation(v.benefitMarkers);
  const article = articlePattern(v.articles);
  return {
    code,
    vocab: v,
    roleMarker: new RegExp(`${roles}(?:\\s+${article}|\\s*(?=:))?\\s*[:\\-–—]?\\s*`, 'yiu'),
    // Both runs bounded: with an open-ended run of blanks or dashes after it, each of the role's
    // 150 lengths would scan the whole run again. A goal marker starts at most ROLE_REACH after
    // the role marker's end.
    roleThenGoal: new RegExp(
      `([^\\n.;!?]{1,${MAX_ROLE}}?)[\\s,;:\\-–—]{1,${MAX_ROLE_GAP}}${WORD_START}${goals}${WORD_END}[\\s:]{0,40}`,
      'yiu',
    ),
    goalMarker: new RegExp(`${WORD_START}${goals}${WORD_END}`, 'giu'),
    benefitMarker: new RegExp(`${WORD_START}${benefits}${WORD_END}\\s*:?\\s*`, 'iu'),
    lineStartsWithBenefit: new RegExp(`\\n\\s*${benefits}${WORD_END}\\s*:?\\s*`, 'yiu'),
    nonRolePhrases: v.nonRolePhrases.map((p) => p.toLowerCase()),
    nonRoles: v.nonRoles.map(collapse),
    relativePronouns: new Set(v.relativePronouns.map(collapse)),
    placeholders: new Set(v.placeholders.map(collapse)),
    articles: new RegExp(`^${article}`, 'iu'),
    genericRoles: new Set(v.genericRoles.map((r) => r.toLowerCase())),
    vagueQualifiers: new Set(v.vagueQualifiers.map((q) => q.toLowerCase())),
    givenWhenThen: v.givenWhenThen.map((w) => w.toLowerCase()) as [string, string, string],
    conjunction: new RegExp(`\\s(?:${v.conjunctions.map(phrase).join('|')})(?=\\s)`, 'giu'),
    goalVerbs: new Set(v.goalVerbs.map((w) => w.toLowerCase())),
  };
}

/** True for a lower-case letter or digit of the scripts tickets are written in. */
function isLowerWordCode(c: number): boolean {
  if (c < 0xc0) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  if (c === 0xd7 || c === 0xf7) return false;
  return c < 0x2000 || (c >= 0x2c00 && c < 0x2e00) || (c >= 0x3040 && c < 0xd800) || (c >= 0xf900 && c < 0xfff0);
}

let wordCodeTable: Uint16Array | null = null;

/**
 * Char code -> its lower-case form when it is part of a word, 0 when it separates words. A
 * table, not \p{L} or toLowerCase: the metric scan reads every character of every ticket.
 */
export function wordCodes(): Uint16Array {
  if (!wordCodeTable) {
    wordCodeTable = new Uint16Array(65536);
    for (let c = 0; c < 65536; c++) {
      const lower = String.fromCharCode(c).toLowerCase();
      const code = lower.length === 1 ? lower.charCodeAt(0) : c;
      wordCodeTable[c] = isLowerWordCode(code) ? code : 0;
    }
  }
  return wordCodeTable;
}

/** The hash of text[start, end) that the metric scan computes on the fly. */
export function wordHash(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/** Lower-case words of a phrase, split as the metric scan splits ticket text. */
export function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  const codes = wordCodes();
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const inWord = i < lower.length && codes[lower.charCodeAt(i)] !== 0;
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      out.push(lower.slice(start, i));
      start = -1;
    }
  }
  return out;
}

function metricIndex(vocabularies: Vocabulary[]): MetricIndex {
  const terms = new Map<string, string[][]>();
  for (const term of vocabularies.flatMap((v) => v.metricTerms)) {
    const words = wordsOf(term);
    if (words.length === 0) continue;
    const list = terms.get(words[0]!) ?? [];
    if (!list.some((t) => t.join(' ') === words.join(' '))) list.push(words);
    terms.set(words[0]!, list.sort((a, b) => b.length - a.length));
  }
  const heads = new Set(vocabularies.flatMap((v) => v.metricHeads.map((h) => h.toLowerCase())));
  const headStopWords = new Set(vocabularies.flatMap((v) => v.metricHeadStopWords.map((s) => s.toLowerCase())));
  const hashes = new Set([...terms.keys(), ...heads].map((w) => wordHash(w, 0, w.length)));
  const hashFilter = new Uint8Array(65536);
  for (const h of hashes) hashFilter[h & 0xffff] = 1;
  return { hashes, hashFilter, terms, heads, headStopWords };
}

const cache = new WeakMap<LintSettings, CompiledConfig>();

/** Compiles the vocabulary of a configuration once; later calls with the same object are free. */
export function compile(config: LintSettings): CompiledConfig {
  let compiled = cache.get(config);
  if (!compiled) {
    const vocabularies = Object.values(config.vocabulary);
    compiled = {
      languages: Object.entries(config.vocabulary).map(([code, v]) => compileLanguage(code, v)),
      metrics: metricIndex(vocabularies),
      target: targetPattern(vocabularies),
      acceptanceHeading: new RegExp(
        `^\\s*${alternation([...new Set(vocabularies.flatMap((v) => v.acceptanceHeadings.map(phrase)))])}${WORD_END}\\s*:?\\s*`,
        'iu',
      ),
      // A marker that starts with regex syntax rather than a letter turns the quick test off ('*').
      roleInitials: new Set(vocabularies.flatMap((v) => v.roleMarkers.map((m) => (/^\p{L}/u.test(m) ? m.charAt(0).toLowerCase() : '*')))),
      designDomains: config.designDomains.map((d) => d.toLowerCase()),
      recordingDomains: config.recordingDomains.map((d) => d.toLowerCase()),
    };
    cache.set(config, compiled);
  }
  return compiled;
}
