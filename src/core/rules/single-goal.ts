import type { CompiledLanguage } from '../compile.js';
import { defineRule, NO_OPTIONS } from './rule.js';

const LEADING_FILLER = /^(?:to|be\s+able\s+to|also|then|i\s+(?:can|want\s+to|could))\s+/i;

function firstWord(s: string): string {
  return (s.trim().replace(LEADING_FILLER, '').split(/[^\p{L}'-]+/u)[0] ?? '').toLowerCase();
}

/** The goal split where a conjunction starts a second action: "search and filter", "pay or save it". */
export function splitGoals(goal: string, lang: CompiledLanguage): string[] {
  const parts: string[] = [];
  let start = 0;
  lang.conjunction.lastIndex = 0;
  for (let m = lang.conjunction.exec(goal); m; m = lang.conjunction.exec(goal)) {
    const before = goal.slice(start, m.index);
    const after = goal.slice(m.index + m[0].length).trimStart();
    const explicit = /^(?:to|i|also|then)\s/i.test(after);
    const twoVerbs = lang.goalVerbs.has(firstWord(after)) && lang.goalVerbs.has(firstWord(goal.slice(start)));
    if (explicit || twoVerbs) {
      parts.push(before.trim().replace(/,$/, ''));
      start = m.index + m[0].length;
    }
  }
  parts.push(goal.slice(start).trim());
  return parts.map((p) => p.replace(/^to\s+/i, '')).filter(Boolean);
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
  check({ story, languages }) {
    if (!story) return null;
    const lang = languages[0]!;
    const goals = splitGoals(story.goal, lang);
    if (goals.length < 2) return null;
    return {
      message: `The story asks for ${goals.length} things at once: ${goals.map((g) => `"${g}"`).join(', ')}.`,
      hint: `Split it into one ticket per goal (${goals.map((g) => `"${g}"`).join(', ')}), each with its own "so that".`,
    };
  },
});
