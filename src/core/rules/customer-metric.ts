import type { CompiledLanguage } from '../compile.js';
import type { Rule } from './rule.js';

/** Numbers that look like targets but are not: dates, versions, HTTP codes, story points, years. */
const NOT_TARGETS = [
  /\b\d{4}-\d{1,2}-\d{1,2}\b/g,
  /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g,
  /\bv?\d+(?:\.\d+){2,}\b/g,
  /\bv\d+(?:\.\d+)?\b/gi,
  /\b(?:http|status|error|code|response)(?:\s+code)?\s*[1-5]\d\d\b/gi,
  /\b\d+(?:[.,]\d+)?\s*(?:story[\s-]*points?|sp)\b/gi,
  /(?<![\d.,+\-±<>≤≥])(?:19|20)\d{2}(?![\d.,]|\s*(?:%|ms\b|s\b|k\b))/g,
];

function scrub(sentence: string): string {
  let s = sentence;
  for (const re of NOT_TARGETS) s = s.replace(re, ' ');
  return s;
}

/** The first customer metric named in a sentence, or null. */
export function metricIn(sentence: string, lang: CompiledLanguage): string | null {
  lang.metricTerm.lastIndex = 0;
  for (let m = lang.metricTerm.exec(sentence); m; m = lang.metricTerm.exec(sentence)) {
    if (m[1]) return m[1].toLowerCase();
    const qualifier = (m[2] ?? '').toLowerCase();
    if (!lang.metricHeadStopWords.has(qualifier)) return `${qualifier} ${(m[3] ?? '').toLowerCase()}`;
  }
  return null;
}

export const customerMetric: Rule = {
  id: 'customer-metric',
  defaultSeverity: 'error',
  why: 'A metric with a target is how the team learns whether customers got the benefit, instead of assuming so once the ticket is closed.',
  needsStory: false,
  check({ sentences, languages, story }) {
    let named: string | null = null;
    for (const sentence of sentences) {
      for (const lang of languages) {
        const metric = metricIn(sentence, lang);
        if (!metric) continue;
        if (lang.target.test(scrub(sentence))) return null;
        named ??= metric;
      }
    }
    if (named) {
      return {
        message: `Names a customer metric (${named}) but no target.`,
        hint: `Say by how much and by when, e.g. '${named} +5% in Q3'.`,
        maxSeverity: 'warn',
        partial: true,
      };
    }
    return {
      message: `No customer metric: nothing says how we will know this worked for the ${story?.role ?? 'customer'}.`,
      hint: 'Add a success criterion with a metric and a target, e.g. "Success: checkout conversion +3% within 4 weeks of release".',
    };
  },
};
