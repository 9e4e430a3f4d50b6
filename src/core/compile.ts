import type { LintSettings, Vocabulary } from './config-types.js';

/** Unicode-aware word boundaries: JavaScript's \b treats "für" or "così" as non-words. */
export const WORD_START = "(?<![\\p{L}\\p{N}_'])";
export const WORD_END = '(?![\\p{L}\\p{N}_])';

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
  /** Global: the benefit markers of a goal line, in order (the first that leaves a goal before it counts). */
  benefitMarker: RegExp;
  /** Global: purpose clauses ("pour exporter") that are a benefit only after the goal's verb phrase. */
  purposeMarker: RegExp;
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
  /** Given, When and Then, each as its alternatives ("gegeben|angenommen" in the vocabulary). */
  givenWhenThen: [string[], string[], string[]];
  conjunction: RegExp;
  goalVerbs: Set<string>;
  /** A whole word that is a verb's infinitive by its ending (case-sensitive: "Hochladen" is a noun). */
  infinitive: RegExp;
  /** Lower case: articles, possessives, quantifiers. */
  determiners: Set<string>;
  /** Lower case: words a benefit may add to its goal without saying more ("can", "kann"). */
  modalWords: Set<string>;
  /** Lower case: pronouns and nouns naming the person served. */
  personWords: Set<string>;
  /** Lower case, blanks collapsed: what a benefit may be about instead of the person ("code", "system"). */
  systemSubjects: Set<string>;
}

/**
 * A number is a target when it is a percentage or measurement, carries a sign, follows a
 * comparator, or follows a target word and no counted noun follows it ("to 3 items"); a relative
 * target ("halve", "verdoppeln", "de moitié") is one without a number. Comma decimals ("2,5 %")
 * and the no-break spaces French and German put before a unit (U+00A0, U+202F) are \\s and [.,].
 */
function targetPattern(vocabularies: Vocabulary[]): RegExp {
  const number = '\\d+(?:[.,]\\d+)?';
  const wordSources = new Set(vocabularies.flatMap((v) => v.targetWords.map(phrase)));
  // What may follow "to 45" for it to be a level, not a count ("to 3 items"): an end, a timeframe, "and".
  const followers = new Set(['in', 'by', 'within', 'per', 'for', 'during', 'after', 'before', 'and', 'or', ...vocabularies.flatMap((v) => [...v.timeframeWords, ...v.conjunctions, ...v.metricPer].map(phrase))]);
  const relative = new Set(vocabularies.flatMap((v) => v.relativeTargets));
  const source = [
    // Not from inside a run of digits: tried at every digit of "1111…", the match was quadratic.
    `(?<!\\p{N})${number}\\s*${unitAlternation(vocabularies.flatMap((v) => v.units))}`,
    `(?<![\\p{L}\\p{N}])[+\\-±]\\s?${number}`,
    `[<>≤≥⩽⩾]=?\\s*${number}`,
    `${WORD_START}${alternation([...wordSources])}\\s+[$€£]?${number}(?=\\s*(?:$|[.,;:!?)\\]|]|\\s${alternation([...followers])}${WORD_END}))`,
    `${WORD_START}${alternation([...relative])}${WORD_END}`,
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
  /** Qualifiers that do not make a metric: "first time", "same time"; stems, for suffixes: "Freizeit". */
  headStopWords: Set<string>;
  /** First word of a lead -> the words of each lead: "taux de", "tasso di" + the next word name a metric. */
  leads: Map<string, string[][]>;
  /**
   * Compound endings by their last two characters (see suffixKey), longest first: a metric suffix
   * ("Abbruchquote", "wachttijd") is strong; an event of a language that compounds its nouns
   * ("Zustellversuche", "bezorgingen") is an event. One map read rules out most words.
   */
  suffixes: Map<number, Array<{ suffix: string; strong: boolean }>>;
  /** Counted customer events ("deliveries", "Zahlungen"): a metric with an outcome word, "per", or a target. */
  events: Set<string>;
  /** Outcome words beside an event that make it a metric: "missed deliveries", "pagos fallidos". */
  eventQualifiers: Set<string>;
  /** "per", "pro", "por": "tickets per order" is a metric. */
  per: Set<string>;
  /** Words the role catalogue calls generic ("customer"): "calls per customer" is a metric. */
  people: Set<string>;
  /** Articles, prepositions, conjunctions, target and time words: no noun an outcome word can qualify. */
  functionWords: Set<string>;
  /** Terms written in capitals in the vocabulary (NPS, CES): they name a metric only in capitals. */
  acronyms: Set<string>;
}

export interface CompiledConfig {
  languages: CompiledLanguage[];
  metrics: MetricIndex;
  /** A metric target in any language: "+5%", "below 2 s", "from 40 to 45". */
  target: RegExp;
  /** An acceptance-criteria heading or label of any language, at the start of a block. */
  acceptanceHeading: RegExp;
  /**
   * Global, multiline: a benefit label of any language opening a line ("Why:", "Warum:", "## Por qué"),
   * followed by a colon or dash, or alone on its line (a heading). The benefit is what follows it.
   */
  benefitLabel: RegExp;
  /** First letters of every role marker: a quick test before any regex runs. */
  roleInitials: Set<string>;
  designDomains: string[];
  recordingDomains: string[];
}

/**
 * A dot inside a role that ends no sentence: before a letter or digit ("2.º", "utilisateur.rice")
 * or after a word of one to three letters, as abbreviations are ("RR. HH.", "Abt. IT", "Dr."). The
 * pattern is case-insensitive, so the parser checks afterwards, with case, that the short word is
 * an abbreviation and not a sentence's end ("via SSO. I want", "the app. I want").
 */
const ROLE_DOT = '\\.(?=[\\p{L}\\p{N}º°ª])|(?<=(?<![\\p{L}])\\p{Lu}{1,3})\\.';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A plain phrase matched with any run of spaces or a hyphen between its words. */
const phrase = (s: string): string => escape(s).replace(/(?:\\-|\s)+/g, '[\\s-]+');

const collapse = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

const byLengthDesc = (a: string, b: string): number => b.length - a.length;

const alternation = (sources: string[]): string =>
  sources.length === 0 ? '(?!)' : `(?:${[...sources].sort(byLengthDesc).join('|')})`;

const startsWithLetter = (unit: string): boolean => /^\p{L}/u.test(unit);

/**
 * Measurement units (regex sources: "%", "seconds?", "Prozent") as one alternation: a unit that
 * starts with a letter must end its word ("5 s", not "5 steps"). The word end is written once after
 * all of them: repeated per unit, its Unicode classes made the target pattern alone cost 70 ms to
 * compile, most of what linting one ticket took. The same strings match, with the same captures.
 */
export function unitAlternation(units: string[]): string {
  const unique = [...new Set(units)];
  return `(?:${alternation(unique.filter(startsWithLetter))}${WORD_END}|${alternation(unique.filter((u) => !startsWithLetter(u)))})`;
}

function articlePattern(articles: string[]): string {
  return wordAlternation(articles.map(escape), '\\s*');
}

/**
 * alternation() of words that each end a word, unless they end in an apostrophe ("l'", "qu'": glued
 * to the next word), each followed by `after`. Neighbours in alternation's order that end a word
 * share one WORD_END: "(?:einer|eine|ein)(?![…])\\s*" tries the same words in the same order and
 * matches what "einer(?![…])\\s*|eine(?![…])\\s*|ein(?![…])\\s*" matches, but every copy of
 * WORD_END's Unicode classes cost ~0.2 ms to compile (the i flag folds the case of every letter
 * in them), in every language's role and article patterns at every start. A source holding a "|"
 * of its own (a marker is a regular expression) keeps its own WORD_END, as before.
 */
function wordAlternation(sources: string[], after = ''): string {
  if (sources.length === 0) return '(?!)';
  const glued = (s: string): boolean => s.endsWith("'") || s.includes('|');
  const items = sources.map((s) => ({ s, full: s.endsWith("'") ? `${s}${after}` : `${s}${WORD_END}${after}` })).sort((a, b) => b.full.length - a.full.length);
  const parts: string[] = [];
  let run: string[] = [];
  const endRun = (): void => {
    if (run.length > 0) parts.push(run.length === 1 ? `${run[0]}${WORD_END}${after}` : `(?:${run.join('|')})${WORD_END}${after}`);
    run = [];
  };
  for (const item of items) {
    if (glued(item.s)) {
      endRun();
      parts.push(item.full);
    } else run.push(item.s);
  }
  endRun();
  return `(?:${parts.join('|')})`;
}

/**
 * A language's patterns, each made when first read and kept. Making a pattern already costs
 * (V8 parses it, and reads each \\p{L} from ICU): ~0.15 ms each, 60 of them for seven languages,
 * while a ticket reads the role marker of most languages but the other patterns of one or two.
 */
class LanguagePatterns {
  #roleMarker?: RegExp;
  #roleThenGoal?: RegExp;
  #goalMarker?: RegExp;
  #benefitMarker?: RegExp;
  #purposeMarker?: RegExp;
  #lineStartsWithBenefit?: RegExp;
  #articles?: RegExp;
  #conjunction?: RegExp;
  #infinitive?: RegExp;

  constructor(readonly vocab: Vocabulary) {}

  get roleMarker(): RegExp {
    // A marker ending in an apostrophe ("qu'") is glued to the next word: no boundary after it.
    return (this.#roleMarker ??= new RegExp(`${wordAlternation(this.vocab.roleMarkers)}(?:\\s+${articlePattern(this.vocab.articles)}|\\s*(?=:))?\\s*[:\\-–—]?\\s*`, 'yiu'));
  }

  get roleThenGoal(): RegExp {
    // Both runs bounded: with an open-ended run of blanks or dashes after it, each of the role's
    // 150 lengths would scan the whole run again. A goal marker starts at most ROLE_REACH after
    // the role marker's end.
    return (this.#roleThenGoal ??= new RegExp(
      `((?:[^\\n.;!?]|${ROLE_DOT}){1,${MAX_ROLE}}?)[\\s,;:\\-–—]{1,${MAX_ROLE_GAP}}${WORD_START}${alternation(this.vocab.goalMarkers)}${WORD_END}[\\s:]{0,40}`,
      'yiu',
    ));
  }

  get goalMarker(): RegExp {
    return (this.#goalMarker ??= new RegExp(`${WORD_START}${alternation(this.vocab.goalMarkers)}${WORD_END}`, 'giu'));
  }

  get benefitMarker(): RegExp {
    // "afin d'être", "pour qu'il": a marker ending in an apostrophe is glued to the next word.
    return (this.#benefitMarker ??= new RegExp(`${WORD_START}${alternation(this.vocab.benefitMarkers)}(?:(?<=')|${WORD_END})\\s*:?\\s*`, 'giu'));
  }

  get purposeMarker(): RegExp {
    return (this.#purposeMarker ??= new RegExp(`${WORD_START}${alternation(this.vocab.purposeMarkers)}${WORD_END}\\s*`, 'giu'));
  }

  get lineStartsWithBenefit(): RegExp {
    return (this.#lineStartsWithBenefit ??= new RegExp(`\\n\\s*${alternation(this.vocab.benefitMarkers)}(?:(?<=')|${WORD_END})\\s*:?\\s*`, 'yiu'));
  }

  get articles(): RegExp {
    return (this.#articles ??= new RegExp(`^${articlePattern(this.vocab.articles)}`, 'iu'));
  }

  get conjunction(): RegExp {
    return (this.#conjunction ??= new RegExp(`\\s(?:${this.vocab.conjunctions.map(phrase).join('|')})(?=\\s)`, 'giu'));
  }

  get infinitive(): RegExp {
    return (this.#infinitive ??= new RegExp(`^${alternation(this.vocab.infinitives)}$`, 'u'));
  }
}

class Language extends LanguagePatterns implements CompiledLanguage {
  readonly nonRolePhrases: string[];
  readonly nonRoles: string[];
  readonly relativePronouns: Set<string>;
  readonly placeholders: Set<string>;
  readonly genericRoles: Set<string>;
  readonly vagueQualifiers: Set<string>;
  readonly givenWhenThen: [string[], string[], string[]];
  readonly goalVerbs: Set<string>;
  readonly determiners: Set<string>;
  readonly modalWords: Set<string>;
  readonly personWords: Set<string>;
  readonly systemSubjects: Set<string>;

  constructor(readonly code: string, v: Vocabulary) {
    super(v);
    this.nonRolePhrases = v.nonRolePhrases.map((p) => p.toLowerCase());
    this.nonRoles = v.nonRoles.map(collapse);
    this.relativePronouns = new Set(v.relativePronouns.map(collapse));
    this.placeholders = new Set(v.placeholders.map(collapse));
    this.genericRoles = new Set(v.genericRoles.map((r) => r.toLowerCase()));
    this.vagueQualifiers = new Set(v.vagueQualifiers.map((q) => q.toLowerCase()));
    this.givenWhenThen = v.givenWhenThen.map((w) => w.toLowerCase().split('|').map((a) => a.trim()).filter(Boolean)) as [string[], string[], string[]];
    this.goalVerbs = new Set(v.goalVerbs.map((w) => w.toLowerCase()));
    this.determiners = new Set(v.determiners.map(collapse));
    this.modalWords = new Set(v.modalWords.map(collapse));
    this.personWords = new Set(v.personWords.map(collapse));
    this.systemSubjects = new Set(v.systemSubjects.map(collapse));
  }
}

/** One language compiled on its own (its patterns are made when first read). */
export const compileLanguage = (code: string, v: Vocabulary): CompiledLanguage => new Language(code, v);

/**
 * Makes every pattern of an object whose patterns are made when first read (a language here, its
 * story forms in story-forms.ts: each getter of its class), as a centric.yml is read: its markers
 * are each a valid regular expression, yet joined they may not be (two named groups of one name),
 * and a pattern made only when a ticket needs it would fail then. Resolves to the error's message.
 */
export function patternProblem(target: object): string | null {
  try {
    for (let proto = Object.getPrototypeOf(target); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) if (d.get) void (target as Record<string, unknown>)[name];
    }
    return null;
  } catch (err) {
    return (err as Error).message;
  }
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
    // 256 characters lower-cased by one call, not one call each (6 ms of every `centric lint`
    // start, now 1): a block whose lower case is not one character for one ("İ" becomes two) is read
    // a character at a time, as is Greek (a capital sigma's lower case depends on its neighbours).
    const block = new Array<number>(BLOCK);
    for (let start = 0; start < 65536; start += BLOCK) {
      for (let i = 0; i < BLOCK; i++) block[i] = start + i;
      const lower = start === GREEK ? '' : String.fromCharCode(...block).toLowerCase();
      for (let i = 0; i < BLOCK; i++) {
        const c = start + i;
        const code = lower.length === BLOCK ? lower.charCodeAt(i) : lowerCodeOf(c);
        wordCodeTable[c] = isLowerWordCode(code) ? code : 0;
      }
    }
  }
  return wordCodeTable;
}

const BLOCK = 256;
// The block of capital sigma (U+03A3).
const GREEK = 0x300;

/** A character's lower case on its own, or the character when that is not one character. */
function lowerCodeOf(c: number): number {
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
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

/** Phrases by their first word, each as its words, longest first. */
function byFirstWord(phrases: string[]): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const p of phrases) {
    const words = wordsOf(p);
    if (words.length === 0) continue;
    const list = map.get(words[0]!) ?? [];
    if (!list.some((t) => t.join(' ') === words.join(' '))) list.push(words);
    map.set(words[0]!, list.sort((a, b) => b.length - a.length));
  }
  return map;
}

/** The key of a word's last two characters (lower case, as wordCodes gives them) ending at `end`. */
export function suffixKey(text: string, end: number): number {
  const codes = wordCodes();
  return (codes[text.charCodeAt(end - 1)]! << 16) | codes[text.charCodeAt(end - 2)]!;
}

/** An acronym is written in capitals in the vocabulary ("NPS"): "ces" in French is not CES. */
const isAcronym = (term: string): boolean => /^[A-Z][A-Z0-9]{1,5}$/.test(term);

function metricIndex(vocabularies: Vocabulary[]): MetricIndex {
  const lower = (list: string[]): Set<string> => new Set(list.map((w) => w.toLowerCase()));
  const terms = byFirstWord(vocabularies.flatMap((v) => v.metricTerms));
  const leads = byFirstWord(vocabularies.flatMap((v) => v.metricLeads));
  const heads = lower(vocabularies.flatMap((v) => v.metricHeads));
  const headStopWords = lower(vocabularies.flatMap((v) => v.metricHeadStopWords));
  const events = lower(vocabularies.flatMap((v) => v.metricEvents));
  // A language with metric suffixes compounds its nouns: its events end compounds too.
  const compounding = vocabularies.filter((v) => v.metricSuffixes.length > 0);
  const suffixList = [
    ...[...lower(compounding.flatMap((v) => v.metricSuffixes))].map((suffix) => ({ suffix, strong: true })),
    ...[...lower(compounding.flatMap((v) => v.metricEvents))].map((suffix) => ({ suffix, strong: false })),
  ].sort((a, b) => b.suffix.length - a.suffix.length);
  const suffixes = new Map<number, Array<{ suffix: string; strong: boolean }>>();
  for (const s of suffixList) {
    const key = suffixKey(s.suffix, s.suffix.length);
    if (!suffixes.get(key)?.some((t) => t.suffix === s.suffix)) suffixes.set(key, [...(suffixes.get(key) ?? []), s]);
  }
  const eventQualifiers = lower(vocabularies.flatMap((v) => v.metricEventQualifiers));
  const hashes = new Set([...terms.keys(), ...leads.keys(), ...heads, ...events, ...eventQualifiers].map((w) => wordHash(w, 0, w.length)));
  const hashFilter = new Uint8Array(65536);
  for (const h of hashes) hashFilter[h & 0xffff] = 1;
  return {
    hashes, hashFilter, terms, heads, headStopWords, leads, suffixes, events,
    eventQualifiers,
    per: lower(vocabularies.flatMap((v) => v.metricPer)),
    people: lower(vocabularies.flatMap((v) => v.genericRoles)),
    functionWords: lower(
      vocabularies.flatMap((v) => [...v.metricHeadStopWords, ...v.articles, ...v.targetWords, ...v.timeframeWords, ...v.conjunctions, ...v.metricPer, ...v.relativePronouns]),
    ),
    acronyms: lower(vocabularies.flatMap((v) => v.metricTerms.filter(isAcronym))),
  };
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
      benefitLabel: new RegExp(
        `^[^\\S\\n]{0,40}(?:#{1,6}[^\\S\\n]{0,40})?[¿¡]?${alternation([...new Set(vocabularies.flatMap((v) => v.benefitLabels.map(phrase)))])}(?:[^\\S\\n]{0,40}\\?)?[^\\S\\n]{0,40}(?:[:：\\-–—][^\\S\\n]*|(?=\\n|$))`,
        'gimu',
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
