/**
 * Which stage of the customer journey a story serves: a ticket label or component a stage names
 * first, else the stage whose keywords the story's words hit most. Pure; compiled once per
 * journey (a WeakMap, as compile.ts does), so a ticket costs one split of a short text and a map
 * lookup per word.
 */
import { compileKeywords, wordsOf, type KeywordMatcher } from '../hints/keyword-matcher.js';
import type { Story, Ticket } from '../types.js';
import { BUILT_IN_MIN_KEYWORDS, DEFAULT_JOURNEY_STAGES } from './default-journey.js';
import type { JourneySettings, JourneyStageSettings } from './journey-schema.js';

/** The stage a story was put in. */
export interface StageMatch {
  stage: JourneyStageSettings;
  /** How: a label or component the stage names, or its keywords in the story. */
  by: 'label' | 'component' | 'keywords';
  /** The journey is the built-in e-commerce one, not the team's own: its KPIs fit a shop's stories only. */
  builtIn: boolean;
}

/** What a keyword hit stands for. */
interface KeywordTag {
  /** The index of the stage. */
  stage: number;
  /** The language whose list holds the keyword; null for a list read in every language. */
  language: string | null;
  /** Its words: a keyword standing inside a longer one's words is no sign of its own. */
  span: number;
}

interface CompiledJourney {
  stages: JourneyStageSettings[];
  /** Lower-case label -> the first stage naming it. */
  labels: Map<string, number>;
  components: Map<string, number>;
  keywords: KeywordMatcher<KeywordTag>;
  /** The languages with keywords of their own, in the order the journey first lists them. */
  languages: string[];
  builtIn: boolean;
  /** Distinct keywords a stage needs. */
  minKeywords: number;
}

/** The story's words read for keywords: the start of a long goal or benefit is enough, and bounds the cost. */
const MAX_TEXT = 2_000;
/** Keyword hits weighed per ticket: a story has a handful; the cap bounds the pairwise containment check. */
const MAX_HITS = 64;

const cache = new WeakMap<JourneySettings, CompiledJourney>();

/** Each name to the first stage (in journey order) that lists it: a tie goes to the stage declared first. */
function firstStageOf(stages: JourneyStageSettings[], names: (s: JourneyStageSettings) => string[]): Map<string, number> {
  const map = new Map<string, number>();
  stages.forEach((stage, i) => {
    for (const name of names(stage)) if (!map.has(name.toLowerCase())) map.set(name.toLowerCase(), i);
  });
  return map;
}

let builtInText: string | undefined;

/**
 * The built-in journey, whether defaulted or printed by `config --print` and pasted back
 * unchanged: compared by content, once per parsed configuration.
 */
function isBuiltIn(stages: JourneyStageSettings[]): boolean {
  if (stages === DEFAULT_JOURNEY_STAGES) return true;
  if (stages.length !== DEFAULT_JOURNEY_STAGES.length) return false;
  builtInText ??= JSON.stringify(DEFAULT_JOURNEY_STAGES);
  return JSON.stringify(stages) === builtInText;
}

function keywordEntries(stages: JourneyStageSettings[]): Array<readonly [string, KeywordTag]> {
  const entries: Array<readonly [string, KeywordTag]> = [];
  stages.forEach((stage, i) => {
    const { keywords } = stage.match;
    const lists: Array<[string | null, string[]]> = Array.isArray(keywords) ? [[null, keywords]] : Object.entries(keywords);
    for (const [language, list] of lists) {
      for (const keyword of list) entries.push([keyword, { stage: i, language, span: Math.max(1, wordsOf(keyword).length) }]);
    }
  });
  return entries;
}

function compileJourney(journey: JourneySettings): CompiledJourney {
  let compiled = cache.get(journey);
  if (!compiled) {
    const { stages } = journey;
    const builtIn = isBuiltIn(stages);
    const languages = new Set(stages.flatMap((s) => (Array.isArray(s.match.keywords) ? [] : Object.keys(s.match.keywords))));
    compiled = {
      stages,
      labels: firstStageOf(stages, (s) => s.match.labels),
      components: firstStageOf(stages, (s) => s.match.components),
      keywords: compileKeywords(keywordEntries(stages)),
      languages: [...languages],
      builtIn,
      minKeywords: builtIn ? BUILT_IN_MIN_KEYWORDS : 1,
    };
    cache.set(journey, compiled);
  }
  return compiled;
}

/** The first stage (in journey order) that names one of the values. */
function byName(values: string[], names: Map<string, number>): number | null {
  let best: number | null = null;
  for (const value of values) {
    const i = names.get(value.toLowerCase());
    if (i !== undefined && (best === null || i < best)) best = i;
  }
  return best;
}

/**
 * What the keywords are read in: the summary and the story's goal, benefit and situation (a job
 * story's "When …"); without a story, the summary and the start of the description (`hintText`).
 */
export function stageText(ticket: Pick<Ticket, 'summary'>, story: Story | null, hintText: string): string {
  if (!story) return hintText.slice(0, MAX_TEXT);
  // A job story's situation: added to Story by the job-story parser; read when present.
  const situation = (story as Story & { situation?: string | null }).situation ?? '';
  return `${ticket.summary}\n${situation}\n${story.goal}\n${story.benefit ?? ''}`.slice(0, MAX_TEXT);
}

interface Hit {
  tag: KeywordTag;
  keyword: string;
  at: number;
}

/** True when the hit stands inside a longer hit's words ("compra" in "finalizar compra"): not a sign of its own. */
const inside = (hit: Hit, hits: Hit[]): boolean =>
  hits.some((h) => h.tag.span > hit.tag.span && h.at <= hit.at && hit.at + hit.tag.span <= h.at + h.tag.span);

/**
 * The stage with the most distinct keywords among the hits read in `language` (and the lists of
 * every language); a tie goes to the stage declared first. Two keywords on the same word
 * ("warenkorb*" and "*warenkorb") are one. Null when no stage has `min` of them.
 */
function stageByKeywords(hits: Hit[], language: string | null, min: number): number | null {
  const read = hits.filter((h) => h.tag.language === null || h.tag.language === language);
  const counts = new Map<number, { keywords: Set<string>; at: Set<number> }>();
  for (const hit of read) {
    if (inside(hit, read)) continue;
    let count = counts.get(hit.tag.stage);
    if (!count) counts.set(hit.tag.stage, (count = { keywords: new Set(), at: new Set() }));
    if (!count.keywords.has(hit.keyword) && !count.at.has(hit.at)) count.at.add(hit.at);
    count.keywords.add(hit.keyword);
  }
  let best: number | null = null;
  let most = 0;
  for (const [i, { at }] of counts) {
    if (at.size > most || (at.size === most && best !== null && i < best)) [best, most] = [i, at.size];
  }
  return most >= min ? best : null;
}

/**
 * The stage of a ticket, or null when no label, component or keyword points to one (or the
 * journey has no stages). Keywords: the stage with the most distinct keywords in `text` wins; a
 * tie goes to the stage declared first; the built-in journey needs two of them. A language's
 * keywords are read only in a story of that `language`; without a story (null), each language
 * in turn, in `order` (the vocabularies' order) then the journey's: the first one that finds a
 * stage gives it, so the words of two languages never add up.
 */
export function assignStage(
  ticket: Pick<Ticket, 'labels' | 'components'>,
  text: string,
  journey: JourneySettings,
  language: string | null = null,
  order: readonly { code: string }[] = [],
): StageMatch | null {
  if (journey.stages.length === 0) return null;
  const compiled = compileJourney(journey);
  const { builtIn } = compiled;
  const byLabel = byName(ticket.labels, compiled.labels);
  if (byLabel !== null) return { stage: compiled.stages[byLabel]!, by: 'label', builtIn };
  const byComponent = byName(ticket.components, compiled.components);
  if (byComponent !== null) return { stage: compiled.stages[byComponent]!, by: 'component', builtIn };
  // Allocated on the first hit only: most tickets of a team's backlog hit one stage or none.
  let hits: Hit[] | null = null;
  compiled.keywords.scan(wordsOf(text), ({ tag, keyword }, at) => {
    hits ??= [];
    if (hits.length < MAX_HITS) hits.push({ tag, keyword, at });
  });
  if (!hits) return null;
  const found = (i: number | null): StageMatch | null => (i === null ? null : { stage: compiled.stages[i]!, by: 'keywords', builtIn });
  if (language !== null || compiled.languages.length === 0) return found(stageByKeywords(hits, language, compiled.minKeywords));
  for (const { code } of order) {
    if (!compiled.languages.includes(code)) continue;
    const i = stageByKeywords(hits, code, compiled.minKeywords);
    if (i !== null) return found(i);
  }
  for (const code of compiled.languages) {
    if (order.some((l) => l.code === code)) continue;
    const i = stageByKeywords(hits, code, compiled.minKeywords);
    if (i !== null) return found(i);
  }
  return null;
}
