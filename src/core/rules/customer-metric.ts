import { z } from 'zod';
import { wordCodes, type MetricIndex } from '../compile.js';
import { roleAsWritten } from '../story/parse-story.js';
import { MAX_SENTENCE_CHARS } from '../ticket/text.js';
import { defineRule } from './rule.js';

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
  ]
    .map((re) => re.source)
    .join('|'),
  'gi',
);

const scrub = (sentence: string): string => sentence.replace(NOT_TARGETS, ' ');

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
const isJoiner = (c: number): boolean => c === 32 || c === 45; // space, hyphen

/** The word that starts after `from` past spaces and hyphens only, lower-cased. */
function nextWord(text: string, from: number): [string, number] | null {
  let start = from;
  while (start < text.length && isJoiner(text.charCodeAt(start))) start++;
  let end = start;
  while (end < text.length && isWordChar(text, end)) end++;
  return end > start && start > from ? [text.slice(start, end).toLowerCase(), end] : null;
}

/** The word that ends before `to` past spaces and hyphens only, lower-cased. */
function previousWord(text: string, to: number): string | null {
  let end = to;
  while (end > 0 && isJoiner(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isWordChar(text, start - 1)) start--;
  return end > start && end < to ? text.slice(start, end).toLowerCase() : null;
}

/** The metric a word at [start, end) opens, if any: a term ("time on task") or "<word> rate". */
function metricAt(text: string, start: number, end: number, index: MetricIndex): string | null {
  const word = text.slice(start, end).toLowerCase();
  for (const term of index.terms.get(word) ?? []) {
    let at = end;
    let k = 1;
    for (; k < term.length; k++) {
      const next = nextWord(text, at);
      if (!next || next[0] !== term[k]) break;
      at = next[1];
    }
    if (k === term.length) return term.join(' ');
  }
  if (index.heads.has(word)) {
    const qualifier = previousWord(text, start);
    if (qualifier && !/^\d/.test(qualifier) && !index.headStopWords.has(qualifier)) return `${qualifier} ${word}`;
  }
  return null;
}

export interface MetricMention {
  metric: string;
  sentence: string;
}

/** Every customer metric named in the text, each with the sentence it stands in. */
export function metricMentions(text: string, index: MetricIndex): MetricMention[] {
  const codes = wordCodes();
  const filter = index.hashFilter;
  const found: MetricMention[] = [];
  let sentenceEnd = -1;
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
    if (start < 0) continue;
    if (filter[hash & 0xffff] === 1 && start >= sentenceEnd && index.hashes.has(hash)) {
      const metric = metricAt(text, start, i, index);
      if (metric) {
        const [from, to] = sentenceAround(text, start);
        sentenceEnd = to;
        found.push({ metric, sentence: text.slice(from, to) });
      }
    }
    start = -1;
  }
  return found;
}

export const customerMetric = defineRule({
  meta: {
    id: 'customer-metric',
    defaultSeverity: 'error',
    weight: 20,
    why: 'A metric with a target is how the team learns whether customers got the benefit, instead of assuming so once the ticket is closed.',
    docs: '#customer-metric',
    optionsSchema: z.object({
      /** When false, naming a customer metric is enough; no target is asked for. */
      requireTarget: z.boolean().default(true),
    }),
  },
  needsStory: false,
  check({ text, compiled, story }, { requireTarget }) {
    const mentions = metricMentions(text, compiled.metrics);
    if (mentions.length > 0 && !requireTarget) return null;
    if (mentions.some(({ sentence }) => compiled.target.test(scrub(sentence)))) return null;
    const named = mentions[0]?.metric;
    if (named) {
      return {
        message: `Names a customer metric (${named}) but no target.`,
        hint: `Say by how much and by when, e.g. '${named} +5% in Q3'.`,
        maxSeverity: 'warn',
        partial: true,
      };
    }
    return {
      message: `No customer metric: nothing says how we will know this worked for the ${story ? roleAsWritten(story.role, text) : 'customer'}.`,
      hint: 'Add a success criterion with a metric and a target, e.g. "Success: checkout conversion +3% within 4 weeks of release".',
    };
  },
});
