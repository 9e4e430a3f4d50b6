import { metricExample, personaExample } from '../hints/index.js';
import { EPIC_QUESTIONS, type EpicQuestion } from '../epic/labels.js';
import { readEpic } from '../epic/read-epic.js';
import { defineRule, NO_OPTIONS, type RuleContext } from './rule.js';

/** How a finding names each question, in the order they are asked. */
const QUESTION_NAMES: Record<EpicQuestion, string> = {
  customer: 'who the customer is',
  problem: 'what problem or opportunity',
  benefit: 'the most important benefit',
  metric: 'how we will know',
  experience: 'what the experience looks like',
};

const PRFAQ = ' Or link the epic\'s PR/FAQ (Confluence or Google Docs) on a "PR/FAQ:" line.';

/** The hint for the first question left open, made for the epic: its persona, its domain's examples. */
function hintFor(question: EpicQuestion, ctx: RuleContext, persona: string | null): string {
  const who = persona ?? 'customer';
  switch (question) {
    case 'customer':
      return `Say who the customer is, e.g. "Customer: ${personaExample(ctx.domain(), { text: ctx.hintText })}".${PRFAQ}`;
    case 'problem':
      return `Say what problem or opportunity this is for the ${who}, e.g. "Problem: <what gets in their way today>".${PRFAQ}`;
    case 'benefit':
      return `Name the most important benefit for the ${who}, e.g. "Benefit: <what they get>".${PRFAQ}`;
    case 'metric':
      return `Add a success metric with a target, e.g. "Success metric: ${metricExample(ctx.domain(), { text: ctx.hintText })}".${PRFAQ}`;
    case 'experience':
      return `Show what the experience looks like: link the design or a prototype (Figma, Miro…), attach a wireframe, or add "Experience: <what the ${who} will see and do>".${PRFAQ}`;
  }
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
    const message = `The epic does not answer ${missing.length} of the ${EPIC_QUESTIONS.length} customer questions: ${missing.map((q) => QUESTION_NAMES[q]).join(', ')}.`;
    const hint = hintFor(missing[0]!, ctx, persona);
    // The score loses the share of the questions left open (4 of 5 answered: 80). One or two
    // open: the epic is mostly thought through, a suggestion rather than a blocker.
    const share = missing.length / EPIC_QUESTIONS.length;
    return missing.length <= 2 ? { message, hint, share, maxSeverity: 'warn' } : { message, hint, share };
  },
});
