/**
 * Whether a story's metric is one of its stage's KPIs, compared by their words: "checkout
 * conversion" is "checkout conversion rate", "Conversion rate" is "conversion rate", "NPS" is
 * "NPS". Pure.
 */
import type { CompiledConfig } from '../compile.js';
import { fold, wordsOf } from '../hints/keyword-matcher.js';
import type { JourneyStageSettings } from './journey-schema.js';

/** A metric name is quoted in hints and compared here: longer is cut. */
const MAX_NAME = 160;

/** Heads any metric may have, of every vocabulary's metricHeads, folded as words are: "checkout conversion" and "checkout conversion rate" are one metric. */
type Heads = ReadonlySet<string>;

const headsOf = new WeakMap<CompiledConfig, Heads>();

/** The vocabularies' metric heads, folded once per compiled configuration. */
function metricHeads(compiled: CompiledConfig): Heads {
  let heads = headsOf.get(compiled);
  if (!heads) headsOf.set(compiled, (heads = new Set([...compiled.metrics.heads].map(fold))));
  return heads;
}

/** A name's folded words of three letters or more but heads, plural "s" dropped, and its heads apart. */
interface NameWords {
  words: Set<string>;
  heads: Set<string>;
}

function nameWords(name: string, heads: Heads): NameWords {
  const out: NameWords = { words: new Set(), heads: new Set() };
  for (const word of wordsOf(name.slice(0, MAX_NAME))) {
    if (word.length < 3) continue;
    if (heads.has(word)) out.heads.add(word);
    else out.words.add(word.length > 4 && word.endsWith('s') ? word.slice(0, -1) : word);
  }
  return out;
}

const subset = (small: Set<string>, large: Set<string>): boolean => small.size > 0 && [...small].every((w) => large.has(w));

/**
 * One metric under two names: the words of one hold the other's, and they name no different
 * heads ("checkout time" is not "checkout conversion rate": a time is no rate; "checkout
 * conversion" and "conversion rate" are "checkout conversion rate").
 */
function sameMetric(a: NameWords, b: NameWords): boolean {
  if (a.heads.size > 0 && b.heads.size > 0 && ![...a.heads].some((h) => b.heads.has(h))) return false;
  return subset(a.words, b.words) || subset(b.words, a.words);
}

/** Each stage's KPIs as their words, read once per parsed configuration (and its heads). */
const kpiWords = new WeakMap<JourneyStageSettings, { heads: Heads; words: NameWords[] }>();

function wordsOfKpis(stage: JourneyStageSettings, heads: Heads): NameWords[] {
  let entry = kpiWords.get(stage);
  if (entry?.heads !== heads) kpiWords.set(stage, (entry = { heads, words: stage.kpis.map((kpi) => nameWords(kpi, heads)) }));
  return entry.words;
}

/**
 * True when the metric names one of the stage's KPIs: the words of one hold the other's
 * ("conversion" and "checkout conversion rate"), the heads of every vocabulary ("rate", "Quote",
 * "punteggio") compared apart (see sameMetric). Words are compared as written: a KPI listed in English is not found in
 * a German metric name.
 */
export function isStageKpi(metric: string, stage: JourneyStageSettings, compiled: CompiledConfig): boolean {
  const heads = metricHeads(compiled);
  const metricWords = nameWords(metric, heads);
  return wordsOfKpis(stage, heads).some((kpi) => sameMetric(kpi, metricWords));
}
