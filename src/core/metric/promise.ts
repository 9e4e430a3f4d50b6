import { unitAlternation, type CompiledConfig } from '../compile.js';
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
  /** "level" for "to 45%", "change" for a signed "+3%" or "by 20%", "relative" for "halve", "verdoppeln". */
  kind: 'level' | 'change' | 'relative' | null;
  /** The relative target as written ("halve", "um die Hälfte"). */
  relative: string | null;
  unit: string | null;
  /** As written: "within 4 weeks", "bis Q3", "entro un mese". */
  timeframe: string | null;
  /** The timeframe as a duration ("within one quarter": 1 quarter); null for a date ("by Q3", "bis Ende 2027"). */
  period: MetricPeriod | null;
}

export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** A duration: "within 6 weeks" is { count: 6, unit: 'week' }. */
export interface MetricPeriod {
  count: number;
  unit: PeriodUnit;
}

const DAY_MS = 86_400_000;
const UNIT_DAYS: Record<PeriodUnit, number> = { day: 1, week: 7, month: 30, quarter: 91, year: 365 };

/** A period in milliseconds (a month is 30 days, a quarter 91, a year 365): when to ask how it went. */
export const periodMs = (period: MetricPeriod): number => period.count * UNIT_DAYS[period.unit] * DAY_MS;

interface Reader {
  number: RegExp;
  /** Groups: `opening` (the timeframe word), `unit` (a time unit, when the timeframe is a duration). */
  timeframe: RegExp;
  /** Lower case: number words ("one", "zwei", "une") to their value. */
  numberWords: Map<string, number>;
  /** Lower case: time-unit words ("weeks", "Quartals") to their unit. */
  timeUnits: Map<string, PeriodUnit>;
  /** Lower case: words that make a timeframe a point in time ("end", "Ende"). */
  timeframeEnds: Set<string>;
  relative: RegExp;
  /** A change word ending the text: "reduce churn by ", "um ". */
  change: RegExp;
  /** A comparator of more than one word ending the text: "por debajo de ", "au-dessus de " (its "de" is no change word). */
  comparator: RegExp;
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

/** The first language's value wins where two languages spell a word alike. */
function lowerKeys<V>(entries: Array<[string, V]>): Map<string, V> {
  const map = new Map<string, V>();
  for (const [key, value] of entries) if (!map.has(key.toLowerCase())) map.set(key.toLowerCase(), value);
  return map;
}

/**
 * A timeframe: its opening word, then filler and number words ("the next", "zwei", "les 3
 * prochains"), then a time unit ("within one quarter", "innerhalb von zwei Monaten", "dans les 3
 * prochains mois", "entro la fine dell'anno"), a quarter or half ("by Q3", "bis Ende Q3"), a year
 * or a date ("bis Ende 2027"), or a number and a word that is no measurement unit ("in 2 sprints").
 * One loop of whole words, each ending at a blank or an elided article ("l'"): linear in the text.
 */
function timeframePattern(vocabularies: Vocabulary[], units: string): RegExp {
  const list = (pick: (v: Vocabulary) => string[]): string => alternation(vocabularies.flatMap(pick).map(phrase));
  const fillers = list((v) => [...v.timeframeFillers, ...v.timeframeEnds, ...Object.keys(v.numberWords)]);
  const timeUnits = list((v) => Object.keys(v.timeUnits));
  const digits = '\\d{1,3}(?:[.,]\\d+)?';
  const elided = "(?<=['’])";
  const token = `(?:${fillers}(?:${elided}|${WORD_END})|${digits}${WORD_END})`;
  const separator = `(?:\\s+|${elided})`;
  // A time unit after a number or a filler, never right after the opening ("in an hour" is no year).
  const duration = `(?:(?:${separator}${token})+${separator}|${separator}${digits}\\s*)(?<unit>${timeUnits})`;
  const date = [
    '[QH][1-4](?:\\s*\\d{4})?',
    '\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}',
    '(?:19|20)\\d{2}(?![\\d/-]|[.,]\\d|\\s*(?:%|ms\\b|s\\b|k\\b))',
    // A count of something else ("2 sprints"), not a measurement ("within 2 hours" is a target).
    `${digits}\\s*(?!${units})\\p{L}{2,}`,
  ].join('|');
  const opening = `${WORD_START}(?<opening>${list((v) => v.timeframeWords)})${WORD_END}`;
  return new RegExp(`${opening}(?:${duration}|(?:${separator}${token})*${separator}(?:${date}))${WORD_END}`, 'iu');
}

const readers = new WeakMap<CompiledConfig, Reader>();

/** The patterns of a configuration, built once per compiled configuration, never per ticket. */
function readerOf(compiled: CompiledConfig): Reader {
  let reader = readers.get(compiled);
  if (!reader) {
    const vocabularies = compiled.languages.map((l) => l.vocab);
    const units = unitAlternation(vocabularies.flatMap((v) => v.units));
    reader = {
      // Not a digit of a word ("Q3", "H1", "p95") and not from inside a run of digits.
      number: new RegExp(`(?<![\\p{L}\\p{N}.,])([+\\-±−]?|[<>≤≥]=?)\\s?(\\d+(?:[.,]\\d+)?)(?:\\s*(${units}))?`, 'giu'),
      timeframe: timeframePattern(vocabularies, units),
      numberWords: lowerKeys(vocabularies.flatMap((v) => Object.entries(v.numberWords))),
      timeUnits: lowerKeys(vocabularies.flatMap((v) => Object.entries(v.timeUnits))),
      timeframeEnds: new Set(vocabularies.flatMap((v) => v.timeframeEnds.map((w) => w.toLowerCase()))),
      relative: new RegExp(`${WORD_START}${alternation(vocabularies.flatMap((v) => v.relativeTargets))}${WORD_END}`, 'iu'),
      change: new RegExp(`${words(vocabularies, (v) => v.changeWords)}\\s+$`, 'iu'),
      comparator: new RegExp(`${words(vocabularies, (v) => [...v.targetWords, ...v.upWords, ...v.downWords].filter((w) => /[\s-]/.test(w.trim())))}\\s+$`, 'iu'),
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
  /** Where it starts in the text it was read from. */
  index: number;
}

const WORD_BEFORE = /([\p{L}][\p{L}'-]{2,29})\s+$/u;

/**
 * The metric with the word that qualifies it, as a product manager names it: "checkout conversion",
 * not "conversion". Only a word right before it, with nothing between but blanks, that is not a
 * function word ("the", "of", "la"…); a label ("Success: conversion") is no qualifier.
 */
/** Words joined by hyphens right before the metric, the last hyphen included: "add-to-" of "add-to-cart rate". */
const HYPHENATED_BEFORE = /(?<![\p{L}\p{N}-])((?:[\p{L}\p{N}]+-)+)$/u;

function qualified(sentence: string, metric: string, compiled: CompiledConfig): string {
  const at = sentence.toLowerCase().indexOf(metric.toLowerCase());
  if (at <= 0) return metric;
  // A compound the metric ends: "Add-to-cart rate", "Self-service rate" are one name.
  const compound = HYPHENATED_BEFORE.exec(sentence.slice(Math.max(0, at - 40), at))?.[1];
  if (compound) return `${compound.toLowerCase()}${metric}`;
  const before = WORD_BEFORE.exec(sentence.slice(Math.max(0, at - 32), at))?.[1];
  if (!before) return metric;
  const word = before.toLowerCase();
  const { headStopWords, functionWords } = compiled.metrics;
  const { relative, up, down } = readerOf(compiled);
  // Nor a verb that says which way: "Reduce churn", "Raise NPS".
  if (headStopWords.has(word) || functionWords.has(word) || /\d/.test(word) || relative.test(before) || up.test(before) || down.test(before)) return metric;
  return `${word} ${metric}`;
}

/** The text with `length` characters from `at` blanked: positions stay where they were. */
const blank = (text: string, at: number, length: number): string => `${text.slice(0, at)}${' '.repeat(length)}${text.slice(at + length)}`;

const TOKEN_GAP = /[^\p{L}\p{N}.,]+/u;

/**
 * The duration a timeframe gives: its time unit, counted by its last number ("within the first 2
 * weeks": 2) or once ("im nächsten Quartal"); none for a date or an end ("by the end of the quarter").
 */
function periodOf(timeframe: RegExpExecArray, reader: Reader): MetricPeriod | null {
  const { opening, unit: unitWord } = timeframe.groups ?? {};
  if (!opening || !unitWord) return null;
  const unit = reader.timeUnits.get(unitWord.toLowerCase());
  if (!unit) return null;
  let count = 1;
  for (const token of timeframe[0].slice(opening.length, timeframe[0].length - unitWord.length).split(TOKEN_GAP)) {
    const word = token.toLowerCase();
    if (reader.timeframeEnds.has(word)) return null;
    const value = /^\d/.test(word) ? numberOf(word) : reader.numberWords.get(word);
    if (value !== undefined) count = value;
  }
  return { count, unit };
}

/** The relative target, and the sentence with it blanked (its "2" in "diviser par 2" is no target). */
function relativeOf(sentence: string, reader: Reader): [string | null, string] {
  const match = reader.relative.exec(sentence);
  return match ? [match[0], blank(sentence, match.index, match[0].length)] : [null, sentence];
}

/** The first two numbers: a baseline and a target, or a target alone. */
function readNumbers(text: string, reader: Reader): Reading[] {
  const numbers: Reading[] = [];
  // exec on the one global pattern: matchAll would copy it for every sentence.
  const pattern = reader.number;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m && numbers.length < 2; m = pattern.exec(text)) {
    numbers.push({ sign: m[1] ?? '', value: numberOf(m[2]!), unit: m[3] ? m[3].toLowerCase().replace(/\s+/g, ' ') : null, index: m.index });
  }
  return numbers;
}

/** Whether a change word stands right before the number: "by 20%", "um 3 Punkte", not "por debajo de 2 s". */
function afterChangeWord(text: string, at: number, reader: Reader): boolean {
  const before = text.slice(Math.max(0, at - 24), at);
  return reader.change.test(before) && !reader.comparator.test(before);
}

/** Which way the metric should move: by the target's sign or comparator, from baseline to target, or by the first word that says. */
function directionOf(aim: Reading | undefined, baseline: number | null, text: string, reader: Reader): MetricPromise['direction'] {
  if (aim && /^[+>≥]/.test(aim.sign)) return 'up';
  if (aim && /^[-−<≤]/.test(aim.sign)) return 'down';
  if (baseline !== null && aim && aim.value !== baseline) return aim.value > baseline ? 'up' : 'down';
  const up = reader.up.exec(text)?.index ?? -1;
  const down = reader.down.exec(text)?.index ?? -1;
  if (up < 0 && down < 0) return null;
  return down < 0 || (up >= 0 && up < down) ? 'up' : 'down';
}

/**
 * Reads a sentence that names a customer metric into its promise, or null when it names none.
 * Pure, and linear in the sentence (the caller passes one sentence or table row).
 */
export function readMetricPromise(sentence: string, compiled: CompiledConfig): MetricPromise | null {
  const mention = metricMentions(sentence, compiled.metrics)[0];
  if (!mention) return null;
  const reader = readerOf(compiled);
  // The relative target first: "reduce churn by a quarter" is no timeframe.
  const [relative, withoutRelative] = relativeOf(sentence, reader);
  // Read before scrub, which blanks years: "bis Ende 2027" is a timeframe, not a target.
  const timeframe = reader.timeframe.exec(withoutRelative);
  const numbersText = scrub(timeframe ? blank(withoutRelative, timeframe.index, timeframe[0].length) : withoutRelative);
  const [first, second] = readNumbers(numbersText, reader);
  const baseline = second ? first!.value : null;
  const aim = second ?? first;
  // Scrubbed numbers hold no direction word: the words are read from the sentence as written.
  const direction = directionOf(aim, baseline, timeframe ? blank(sentence, timeframe.index, timeframe[0].length) : sentence, reader);
  const signed = aim !== undefined && /^[+\-±−]$/.test(aim.sign);
  // "Reduce churn by 20%", "um 3 Prozentpunkte senken": a change the way the sentence says.
  const changed = aim !== undefined && aim.sign === '' && baseline === null && direction !== null && afterChangeWord(numbersText, aim.index, reader);
  const negative = (signed && /^[-−]/.test(aim.sign)) || (changed && direction === 'down');
  return {
    name: qualified(sentence, mention.metric, compiled),
    direction,
    baseline,
    // A change keeps its sign: "churn −2 points" is a change of −2.
    target: aim ? (negative ? -aim.value : aim.value) : null,
    kind: aim ? (signed || changed ? 'change' : 'level') : relative ? 'relative' : null,
    relative,
    unit: aim?.unit ?? first?.unit ?? null,
    timeframe: timeframe ? timeframe[0].trim() : null,
    period: timeframe ? periodOf(timeframe, reader) : null,
  };
}
