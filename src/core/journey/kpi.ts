/**
 * Whether a story's metric is one of its stage's KPIs, compared by their words: "checkout
 * conversion" is "checkout conversion rate", "Conversion rate" is "conversion rate", "NPS" is
 * "NPS". Pure.
 */
import { wordsOf } from '../hints/keyword-matcher.js';
import type { JourneyStageSettings } from './journey-schema.js';

/** Heads any metric may have: "checkout conversion" and "checkout conversion rate" are one metric. */
const HEADS = new Set(['rate', 'rates', 'ratio', 'share', 'score', 'percentage', 'percent', 'number', 'count', 'average', 'mean', 'median', 'level']);

/** A metric name is quoted in hints and compared here: longer is cut. */
const MAX_NAME = 160;

/** Folded words of three letters or more but heads, plural "s" dropped: what two names of one metric share. */
function contentWords(name: string): Set<string> {
  const words = new Set<string>();
  for (const word of wordsOf(name.slice(0, MAX_NAME))) {
    if (word.length < 3 || HEADS.has(word)) continue;
    words.add(word.length > 4 && word.endsWith('s') ? word.slice(0, -1) : word);
  }
  return words;
}

const subset = (small: Set<string>, large: Set<string>): boolean => small.size > 0 && [...small].every((w) => large.has(w));

/** Each stage's KPIs as their words, read once per parsed configuration. */
const kpiWords = new WeakMap<JourneyStageSettings, Array<Set<string>>>();

function wordsOfKpis(stage: JourneyStageSettings): Array<Set<string>> {
  let words = kpiWords.get(stage);
  if (!words) kpiWords.set(stage, (words = stage.kpis.map(contentWords)));
  return words;
}

/**
 * True when the metric names one of the stage's KPIs: the words of one hold the other's
 * ("conversion" and "checkout conversion rate"). Words are compared as written: a KPI listed in
 * English is not found in a German metric name.
 */
export function isStageKpi(metric: string, stage: JourneyStageSettings): boolean {
  const words = contentWords(metric);
  return wordsOfKpis(stage).some((kpi) => subset(kpi, words) || subset(words, kpi));
}
