import { findTemplate, placeholderBenefit, roleAsWritten } from '../story/parse-story.js';
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
  check({ story, compiled, text }) {
    if (story?.benefit) return null;
    // A benefit clause that only holds a place ("so that TBD", "so that it works") is there but
    // empty: the finding says so rather than "no benefit".
    const template = story ? null : findTemplate(text, compiled);
    const placeholder = story ? placeholderBenefit(story) : template?.placeholders.includes('benefit') ? template.benefitAsWritten : null;
    if (!story) {
      return {
        message: placeholder === null
          ? 'No benefit stated: the ticket does not say why this matters to the customer.'
          : `The story template is not filled in: its benefit${placeholder ? ` "${placeholder}"` : ''} is a placeholder.`,
        hint: 'End the story with "so that <what the customer gains>".',
      };
    }
    const role = roleAsWritten(story.role, text);
    if (placeholder !== null) {
      return {
        message: placeholder
          ? `The benefit "${placeholder}" is a placeholder: it does not say what the ${role} gains.`
          : `The benefit clause is empty: it does not say what the ${role} gains.`,
        hint: `${placeholder ? `Replace "${placeholder}" with` : 'Finish the clause with'} what "${story.goal}" lets the ${role} do or stop worrying about.`,
      };
    }
    return {
      message: `The story says who (${role}) and what, but not why: no "so that …" benefit.`,
      hint: `After "${story.goal}", add ", so that <what this lets the ${role} do or stop worrying about>".`,
    };
  },
});
