import type { CompiledLanguage } from '../compile.js';
import { isVerb, opensWithVerb } from '../story/parse-story.js';
import { defineRule, NO_OPTIONS, wordsFor } from './rule.js';

/** "and to …", "and I …", "and also …", "and then …": an English second clause, whatever its verb. */
const EXPLICIT = /^(?:to|i|also|then)\s/i;

const WORDS = /[\p{L}][\p{L}'’-]*/gu;
const wordsOf = (s: string): string[] => s.match(WORDS) ?? [];

/**
 * True when a conjunct ends with a verb, as German and Dutch goals do ("mein Foto hochladen"). The
 * verb must stand after its object or alone: after a determiner ("die neuen", "de prijzen") an
 * "-en" word is an adjective or a plural noun, and a lone "-en" word is a verb only when
 * `loneOk` (the other conjunct is a lone verb too: "hochladen und zuschneiden"), or a known goal verb.
 */
function endsWithVerb(conjunct: string, lang: CompiledLanguage, loneOk: boolean): boolean {
  const words = wordsOf(conjunct);
  const last = words[words.length - 1];
  if (last === undefined || !isVerb(last, lang)) return false;
  const before = words[words.length - 2];
  if (before === undefined) return loneOk || lang.goalVerbs.has(last.toLowerCase());
  return !lang.determiners.has(before.toLowerCase());
}

/**
 * True when a conjunct after the conjunction holds a verb after its object, or is a lone verb: the
 * verb of a verb-final clause may be followed by a phrase ("lessen ruilen met een collega").
 */
function holdsVerb(conjunct: string, lang: CompiledLanguage): boolean {
  const words = wordsOf(conjunct).slice(0, 12);
  if (words.length === 1) return isVerb(words[0]!, lang);
  return words.some((w, i) => i > 0 && isVerb(w, lang) && !lang.determiners.has(words[i - 1]!.toLowerCase()));
}

/**
 * True when a conjunct's first word only looks like a verb and the conjunct ends with one: in a
 * verb-final clause ("levertijden vergelijken") the first "-en" word is the object, a plural noun.
 */
function isObjectOfFinalVerb(conjunct: string, lang: CompiledLanguage): boolean {
  const words = wordsOf(conjunct);
  const last = words.length - 1;
  // After a determiner ("pelo celular", "del lugar") the last word is a noun, not a final verb.
  return last > 0 && !lang.goalVerbs.has(words[0]!.toLowerCase()) && isVerb(words[last]!, lang) && !lang.determiners.has(words[last - 1]!.toLowerCase());
}

const isLoneVerb = (conjunct: string, lang: CompiledLanguage): boolean => {
  const words = wordsOf(conjunct);
  return words.length === 1 && isVerb(words[0]!, lang);
};

/**
 * Whether a conjunction joins two goals: both conjuncts are verb phrases. A conjunct is one when it
 * starts with a verb ("upload and crop my photo", "subir y recortar"), or, in a verb-final clause,
 * ends with one ("mein Foto hochladen und zuschneiden"). The conjunct before is what follows the
 * last comma: in "see shipping, payment and review on one page" it is "payment", a noun, so the
 * list is one goal's objects. Capitalised German nouns ("das Hochladen und Zuschneiden") are no verbs.
 */
function joinsGoals(left: string, right: string, lang: CompiledLanguage): boolean {
  if (EXPLICIT.test(right)) return true;
  const rightClause = right.split(',')[0] ?? right;
  if (opensWithVerb(left, lang) && opensWithVerb(right, lang) && !isObjectOfFinalVerb(rightClause, lang)) return true;
  // The conjunct before decides: an "-en" word after its object ("mein Foto hochladen") is a verb,
  // and then a verb in the conjunct after makes a second goal.
  return endsWithVerb(left, lang, isLoneVerb(rightClause, lang)) && holdsVerb(rightClause, lang);
}

/** A part split at its commas where the item after a comma opens with a verb: "add items, remove items". */
function splitItems(part: string, lang: CompiledLanguage): string[] {
  const items: string[] = [];
  for (const item of part.split(',')) {
    if (items.length > 0 && !opensWithVerb(item, lang)) items[items.length - 1] += `,${item}`;
    else items.push(item);
  }
  return items;
}

const clean = (p: string): string => p.trim().replace(/,$/, '').replace(/^to\s+/i, '').trim();

/** The goal split where a conjunction joins a second action: "search and filter", "pay or save it". */
export function splitGoals(goal: string, lang: CompiledLanguage): string[] {
  const parts: string[] = [];
  let start = 0;
  lang.conjunction.lastIndex = 0;
  for (let m = lang.conjunction.exec(goal); m; m = lang.conjunction.exec(goal)) {
    const before = goal.slice(start, m.index);
    const right = goal.slice(m.index + m[0].length).trimStart();
    const left = before.slice(before.lastIndexOf(',') + 1);
    if (joinsGoals(left, right, lang)) {
      parts.push(...(left === before ? [before] : splitItems(before, lang)));
      start = m.index + m[0].length;
    }
  }
  parts.push(goal.slice(start));
  return parts.map(clean).filter(Boolean);
}

export const singleGoal = defineRule({
  meta: {
    id: 'single-goal',
    defaultSeverity: 'warn',
    weight: 5,
    why: 'One story, one outcome: two goals in one ticket ship, get measured and get rolled back together, so neither gets a clear answer.',
    docs: '#single-goal',
    optionsSchema: NO_OPTIONS,
  },
  needsStory: true,
  check(ctx) {
    const { story, languages } = ctx;
    if (!story) return null;
    const lang = languages[0]!;
    const goals = splitGoals(story.goal, lang);
    if (goals.length < 2) return null;
    const t = wordsFor(ctx);
    const quoted = goals.map((g) => t('quoted', { text: g })).join(', ');
    return { message: t('singleGoal.many', { count: goals.length, goals: quoted }), hint: t('singleGoal.hint', { goals: quoted }) };
  },
});
