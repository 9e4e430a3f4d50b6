import { defineRule, NO_OPTIONS } from './rule.js';

export const customerValue = defineRule({
  meta: {
    id: 'customer-value',
    defaultSeverity: 'error',
    weight: 15,
    why: 'The benefit is what the customer gets; without it nobody can tell whether the work was worth doing, or find a cheaper way to the same outcome.',
    docs: '#customer-value',
    optionsSchema: NO_OPTIONS,
  },
  needsStory: false,
  check({ story }) {
    if (story?.benefit) return null;
    if (!story) {
      return {
        message: 'No benefit stated: the ticket does not say why this matters to the customer.',
        hint: 'End the story with "so that <what the customer gains>".',
      };
    }
    return {
      message: `The story says who (${story.role}) and what, but not why: no "so that …" benefit.`,
      hint: `After "${story.goal}", add ", so that <what this lets the ${story.role} do or stop worrying about>".`,
    };
  },
});
