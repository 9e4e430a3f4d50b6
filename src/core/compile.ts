import type { LintConfig, Vocabulary } from './config-types.js';

/** Unicode-aware word boundaries: JavaScript's \b treats "für" or "così" as non-words. */
const WORD_START = "(?<![\\p{L}\\p{N}_'])";
const WORD_END = '(?![\\p{L}\\p{N}_])';

export interface CompiledLanguage {
  code: string;
  vocab: Vocabulary;
  /** Finds a role marker where a story may start (line start, after punctuation). */
  roleMarker: RegExp;
  /** Sticky: role, then the goal marker, from the end of a role marker. */
  roleThenGoal: RegExp;
  /** Finds the first benefit marker in a goal line. */
  benefitMarker: RegExp;
  /** Sticky: a line that starts with a benefit marker. */
  lineStartsWithBenefit: RegExp;
  nonRolePhrases: string[];
  articles: RegExp;
  genericRoles: Set<string>;
  vagueQualifiers: Set<string>;
  metricTerm: RegExp;
  metricHeadStopWords: Set<string>;
  target: RegExp;
  acceptanceHeading: RegExp;
  givenWhenThen: [RegExp, RegExp, RegExp];
  conjunction: RegExp;
  goalVerbs: Set<string>;
}

export interface CompiledConfig {
  languages: CompiledLanguage[];
  designDomains: string[];
  recordingDomains: string[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A plain phrase matched with any run of spaces or a hyphen between its words. */
const phrase = (s: string): string => escape(s).replace(/(?:\\-|\s)+/g, '[\\s-]+');

const byLengthDesc = (a: string, b: string): number => b.length - a.length;

const alternation = (sources: string[]): string =>
  sources.length === 0 ? '(?!)' : `(?:${[...sources].sort(byLengthDesc).join('|')})`;

function articlePattern(articles: string[]): string {
  const parts = articles.map((a) => (a.endsWith("'") ? `${escape(a)}\\s*` : `${escape(a)}${WORD_END}\\s*`));
  return alternation(parts);
}

function compileLanguage(code: string, v: Vocabulary): CompiledLanguage {
  const roles = alternation(v.roleMarkers);
  const goals = alternation(v.goalMarkers);
  const benefits = alternation(v.benefitMarkers);
  const storyStart = `(?<=^|[\\n.!?:;\\]\\)\\-–—|>"“]\\s*)`;
  const article = articlePattern(v.articles);
  const numberSource = '\\d+(?:[.,]\\d+)?';
  const units = alternation(v.units.map((u) => (/^[\p{L}]/u.test(u) ? `${u}${WORD_END}` : u)));
  const targetWords = alternation(v.targetWords.map(phrase));
  // A number becomes a target when it is a percentage or measurement, carries a sign, follows a
  // comparator, or follows a target word and is not followed by a counted noun ("to 3 items").
  const target = [
    `${numberSource}\\s*${units}`,
    `(?<![\\p{L}\\p{N}])[+\\-±]\\s?${numberSource}`,
    `[<>≤≥]=?\\s*${numberSource}`,
    `${WORD_START}${targetWords}\\s+[$€£]?${numberSource}(?=\\s*(?:$|[.,;:!?)\\]]|\\s(?:in|by|within|per|for|during|after|before|and|or)${WORD_END}))`,
  ].join('|');
  return {
    code,
    vocab: v,
    roleMarker: new RegExp(`${storyStart}${WORD_START}${roles}(?:\\s+${article}|\\s*(?=:))?\\s*[:\\-–—]?\\s*`, 'giu'),
    roleThenGoal: new RegExp(
      `([^\\n.;!?]{1,150}?)[\\s,;:\\-–—]+${WORD_START}${goals}${WORD_END}[\\s:]*`,
      'yiu',
    ),
    benefitMarker: new RegExp(`${WORD_START}${benefits}${WORD_END}\\s*:?\\s*`, 'iu'),
    lineStartsWithBenefit: new RegExp(`\\n\\s*${benefits}${WORD_END}\\s*:?\\s*`, 'yiu'),
    nonRolePhrases: v.nonRolePhrases.map((p) => p.toLowerCase()),
    articles: new RegExp(`^${article}`, 'iu'),
    genericRoles: new Set(v.genericRoles.map((r) => r.toLowerCase())),
    vagueQualifiers: new Set(v.vagueQualifiers.map((q) => q.toLowerCase())),
    metricTerm: new RegExp(
      `${WORD_START}(?:(${alternation(v.metricTerms.map(phrase))})|([\\p{L}]+)[\\s-]+(${alternation(v.metricHeads.map(phrase))}))${WORD_END}`,
      'giu',
    ),
    metricHeadStopWords: new Set(v.metricHeadStopWords.map((w) => w.toLowerCase())),
    target: new RegExp(target, 'iu'),
    acceptanceHeading: new RegExp(`^\\s*${alternation(v.acceptanceHeadings.map(phrase))}${WORD_END}\\s*:?\\s*`, 'iu'),
    givenWhenThen: v.givenWhenThen.map(
      (w) => new RegExp(`(?:^|\\n)\\s*(?:and\\s+|und\\s+|y\\s+|e\\s+|et\\s+|en\\s+)?${phrase(w)}${WORD_END}`, 'iu'),
    ) as [RegExp, RegExp, RegExp],
    conjunction: new RegExp(`\\s(?:${v.conjunctions.map(phrase).join('|')})(?=\\s)`, 'giu'),
    goalVerbs: new Set(v.goalVerbs.map((w) => w.toLowerCase())),
  };
}

const cache = new WeakMap<LintConfig, CompiledConfig>();

/** Compiles the vocabulary of a configuration once; later calls with the same object are free. */
export function compile(config: LintConfig): CompiledConfig {
  let compiled = cache.get(config);
  if (!compiled) {
    compiled = {
      languages: Object.entries(config.vocabulary).map(([code, v]) => compileLanguage(code, v)),
      designDomains: config.designDomains.map((d) => d.toLowerCase()),
      recordingDomains: config.recordingDomains.map((d) => d.toLowerCase()),
    };
    cache.set(config, compiled);
  }
  return compiled;
}
