import type { CompiledConfig } from '../compile.js';
import type { Vocabulary } from '../config-types.js';
import { metricMentions } from './mentions.js';

/** Numbers that look like targets but are not: dates, versions, HTTP codes, story points, years. */
const NOT_TARGETS = new RegExp(
  [
    /\b\d{4}-\d{1,2}-\d{1,2}\b/,
    /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/,
    /\bv?\d+(?:\.\d+){2,}\b/,
    /\bv\d+(?:\.\d+)?\b/,
    /\b(?:http|status|error|code|response)(?:\s+code)?\s*[1-5]\d\d\b/,
    /\b\d+(?:[.,]\d+)?\s*(?:story[\s-]*points?|sp)\b/,
    /(?<![\d.,+\-±<>≤≥])(?:19|20)\d{2}(?![\d.,]|\s*(?:%|ms\b|s\b|k\b))/,
    // Ordinals: "2.º de ESO", "3rd floor", "1er étage", "2e".
    /\b\d+\.?\s?[ºª]|\b\d+(?:st|nd|rd|th|er|e|ème)\b/,
  ]
    .map((re) => re.source)
    .join('|'),
  'gi',
);

/** The sentence with every number that is no target blanked out. */
export const scrub = (sentence: string): string => sentence.replace(NOT_TARGETS, ' ');

/** Whether a sentence (or a table row) holds a target: "+3%", "≥ 95 %", "halve", "from 40 to 45". */
export const hasTarget = (sentence: string, compiled: CompiledConfig): boolean => compiled.target.test(scrub(sentence));

/**
 * A customer metric's promise as data: what is measured, which way it should move, from where
 * to where, in what unit, by when. What a hint or a report can say back to the writer.
 */
export interface MetricPromise {
  name: string;
  direction: 'up' | 'down' | null;
  /** The level today, when the sentence says "from X". */
  baseline: number | null;
  /** The level or change aimed at; null for a relative target ("halve"). */
  target: number | null;
  /** "level" for "to 45%", "change" for a signed "+3%", "relative" for "halve", "verdoppeln". */
  kind: 'level' | 'change' | 'relative' | null;
  /** The relative target as written ("halve", "um die Hälfte"). */
  relative: string | null;
  unit: string | null;
  /** As written: "within 4 weeks", "bis Q3", "entro 6 settimane". */
  timeframe: string | null;
}

interface Reader {
  number: RegExp;
  timeframe: RegExp;
  relative: RegExp;
  up: RegExp;
  down: RegExp;
}

const WORD_START = "(?<![\\p{L}\\p{N}_'])";
const WORD_END = '(?![\\p{L}\\p{N}_])';
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phrase = (s: string): string => escape(s).replace(/(?:\\-|\s)+/g, '[\\s-]+');
const alternation = (sources: string[]): string =>
  sources.length === 0 ? '(?!)' : `(?:${[...new Set(sources)].sort((a, b) => b.length - a.length).join('|')})`;
const words = (vocabularies: Vocabulary[], pick: (v: Vocabulary) => string[]): string =>
  `${WORD_START}${alternation(vocabularies.flatMap(pick).map(phrase))}${WORD_END}`;

const readers = new WeakMap<CompiledConfig, Reader>();

/** The patterns of a configuration, built once per compiled configuration, never per ticket. */
function readerOf(compiled: CompiledConfig): Reader {
  let reader = readers.get(compiled);
  if (!reader) {
    const vocabularies = compiled.languages.map((l) => l.vocab);
    const units = vocabularies.flatMap((v) => v.units.map((u) => (/^\p{L}/u.test(u) ? `${u}${WORD_END}` : u)));
    reader = {
      // Not a digit of a word ("Q3", "H1", "p95") and not from inside a run of digits.
      number: new RegExp(`(?<![\\p{L}\\p{N}.,])([+\\-±−]?|[<>≤≥]=?)\\s?(\\d+(?:[.,]\\d+)?)(?:\\s*(${alternation(units)}))?`, 'giu'),
      timeframe: new RegExp(
        `${words(vocabularies, (v) => v.timeframeWords)}\\s+(?:(?:of|von|de|di|van)\\s+)?(?:[QH][1-4](?:\\s*\\d{4})?|\\d{1,3}\\s*\\p{L}{2,}|(?:19|20)\\d{2})${WORD_END}`,
        'iu',
      ),
      relative: new RegExp(`${WORD_START}${alternation(vocabularies.flatMap((v) => v.relativeTargets))}${WORD_END}`, 'iu'),
      up: new RegExp(words(vocabularies, (v) => v.upWords), 'iu'),
      down: new RegExp(words(vocabularies, (v) => v.downWords), 'iu'),
    };
    readers.set(compiled, reader);
  }
  return reader;
}

/** "2,5" and "2.5" are 2.5; "1,000" is a thousand. */
function numberOf(written: string): number {
  return Number(/^\d+,\d{3}$/.test(written) ? written.replace(',', '') : written.replace(',', '.'));
}

interface Reading {
  sign: string;
  value: number;
  unit: string | null;
}

const WORD_BEFORE = /([\p{L}][\p{L}'-]{2,29})\s+$/u;

/**
 * The metric with the word that qualifies it, as a product manager names it: "checkout conversion",
 * not "conversion". Only a word right before it, with nothing between but blanks, that is not a
 * function word ("the", "of", "la"…); a label ("Success: conversion") is no qualifier.
 */
function qualified(sentence: string, metric: string, compiled: CompiledConfig): string {
  const at = sentence.toLowerCase().indexOf(metric.toLowerCase());
  if (at <= 0) return metric;
  const before = WORD_BEFORE.exec(sentence.slice(Math.max(0, at - 32), at))?.[1];
  if (!before) return metric;
  const word = before.toLowerCase();
  const { headStopWords, functionWords } = compiled.metrics;
  if (headStopWords.has(word) || functionWords.has(word) || /\d/.test(word) || readerOf(compiled).relative.test(before)) return metric;
  return `${word} ${metric}`;
}

/**
 * Reads a sentence that names a customer metric into its promise, or null when it names none.
 * Pure, and linear in the sentence (the caller passes one sentence or table row).
 */
export function readMetricPromise(sentence: string, compiled: CompiledConfig): MetricPromise | null {
  const mention = metricMentions(sentence, compiled.metrics)[0];
  if (!mention) return null;
  const reader = readerOf(compiled);
  let text = scrub(sentence);
  const timeframe = reader.timeframe.exec(text);
  if (timeframe) text = `${text.slice(0, timeframe.index)} ${text.slice(timeframe.index + timeframe[0].length)}`;
  const numbers: Reading[] = [];
  for (const m of text.matchAll(reader.number)) {
    numbers.push({ sign: m[1] ?? '', value: numberOf(m[2]!), unit: m[3] ? m[3].toLowerCase().replace(/\s+/g, ' ') : null });
    if (numbers.length === 2) break;
  }
  const relative = reader.relative.exec(text)?.[0] ?? null;
  const [first, second] = numbers;
  const baseline = second ? first!.value : null;
  const aim = second ?? first;
  const unit = aim?.unit ?? first?.unit ?? null;
  let direction: MetricPromise['direction'] = null;
  if (aim && /^[+>≥]/.test(aim.sign)) direction = 'up';
  else if (aim && /^[-−<≤]/.test(aim.sign)) direction = 'down';
  else if (baseline !== null && aim && aim.value !== baseline) direction = aim.value > baseline ? 'up' : 'down';
  else {
    const up = reader.up.exec(text)?.index ?? -1;
    const down = reader.down.exec(text)?.index ?? -1;
    if (up >= 0 || down >= 0) direction = down < 0 || (up >= 0 && up < down) ? 'up' : 'down';
  }
  const signed = aim !== undefined && /^[+\-±−]$/.test(aim.sign);
  return {
    name: qualified(sentence, mention.metric, compiled),
    direction,
    baseline,
    // A signed change keeps its sign: "churn −2 points" is a change of −2.
    target: aim ? (signed && /^[-−]/.test(aim.sign) ? -aim.value : aim.value) : null,
    kind: aim ? (signed ? 'change' : 'level') : relative ? 'relative' : null,
    relative,
    unit,
    timeframe: timeframe ? timeframe[0].trim() : null,
  };
}
