import { metricExample, personaExample } from '../hints/index.js';
import { EPIC_QUESTIONS, type EpicQuestion } from '../epic/labels.js';
import { readEpic } from '../epic/read-epic.js';
import { defineRule, NO_OPTIONS, wordsFor, type RuleContext } from './rule.js';

/** The example a question's hint gives, worked out only for the question asked: the domain's persona or metric. */
const EXAMPLES: Partial<Record<EpicQuestion, (ctx: RuleContext) => string>> = {
  customer: (ctx) => personaExample(ctx.domain(), { text: ctx.hintText, locale: ctx.locale }),
  metric: (ctx) => metricExample(ctx.domain(), { text: ctx.hintText, locale: ctx.locale }),
};

/** The hint for the first question left open, made for the epic: its persona, its domain's examples; the PR/FAQ as the other way. */
function hintFor(question: EpicQuestion, ctx: RuleContext, persona: string | null): string {
  const t = wordsFor(ctx);
  const hint = t(`workingBackwards.${question}.hint`, { who: persona ?? t('customer'), example: EXAMPLES[question]?.(ctx) ?? '' });
  return `${hint} ${t('workingBackwards.prfaq')}`;
}

export const workingBackwards = defineRule({
  meta: {
    id: 'working-backwards',
    // Off for stories: the built-in epic profile turns it on, and every story rule off.
    defaultSeverity: 'off',
    profiles: { epic: 'error' },
    weight: 25,
    why: 'Working backwards from the customer keeps an epic about a person and an outcome: who it is for, their problem, what they get, how we will know and what they will see, before any story is written.',
    docs: '#working-backwards',
    optionsSchema: NO_OPTIONS,
  },
  needsStory: false,
  check(ctx) {
    const { missing, persona } = readEpic(ctx);
    if (missing.length === 0) return null;
    const t = wordsFor(ctx);
    const questions = missing.map((q) => t(`workingBackwards.question.${q}`)).join(', ');
    const message = t('workingBackwards.missing', { missing: missing.length, total: EPIC_QUESTIONS.length, questions });
    const hint = hintFor(missing[0]!, ctx, persona);
    // The score loses the share of the questions left open (4 of 5 answered: 80). One or two
    // open: the epic is mostly thought through, a suggestion rather than a blocker.
    const share = missing.length / EPIC_QUESTIONS.length;
    return missing.length <= 2 ? { message, hint, share, maxSeverity: 'warn' } : { message, hint, share };
  },
});
