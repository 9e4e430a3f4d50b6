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

/** Folded words of three letters or more but heads, plural "s" dropped: what two names of one metric share. */
function contentWords(name: string, heads: Heads): Set<string> {
  const words = new Set<string>();
  for (const word of wordsOf(name.slice(0, MAX_NAME))) {
    if (word.length < 3 || heads.has(word)) continue;
    words.add(word.length > 4 && word.endsWith('s') ? word.slice(0, -1) : word);
  }
  return words;
}

const subset = (small: Set<string>, large: Set<string>): boolean => small.size > 0 && [...small].every((w) => large.has(w));

/** Each stage's KPIs as their words, read once per parsed configuration (and its heads). */
const kpiWords = new WeakMap<JourneyStageSettings, { heads: Heads; words: Array<Set<string>> }>();

function wordsOfKpis(stage: JourneyStageSettings, heads: Heads): Array<Set<string>> {
  let entry = kpiWords.get(stage);
  if (entry?.heads !== heads) kpiWords.set(stage, (entry = { heads, words: stage.kpis.map((kpi) => contentWords(kpi, heads)) }));
  return entry.words;
}

/**
 * True when the metric names one of the stage's KPIs: the words of one hold the other's
 * ("conversion" and "checkout conversion rate"), the heads of every vocabulary ("rate", "Quote",
 * "punteggio") left out. Words are compared as written: a KPI listed in English is not found in
 * a German metric name.
 */
export function isStageKpi(metric: string, stage: JourneyStageSettings, compiled: CompiledConfig): boolean {
  const heads = metricHeads(compiled);
  const words = contentWords(metric, heads);
  return wordsOfKpis(stage, heads).some((kpi) => subset(kpi, words) || subset(words, kpi));
}
