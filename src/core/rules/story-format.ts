import { defineRule, NO_OPTIONS } from './rule.js';

export const storyFormat = defineRule({
  meta: {
    id: 'story-format',
    defaultSeverity: 'error',
    weight: 20,
    why: 'A ticket that names who it is for and what they want keeps the team building for a person, not a feature list.',
    docs: '#story-format',
    optionsSchema: NO_OPTIONS,
  },
  needsStory: false,
  check({ story, ticket }) {
    if (story) return null;
    const about = ticket.summary ? `: who needs "${ticket.summary}", and why?` : '.';
    return {
      message: 'No user story found: the ticket does not say who it is for and what they want.',
      hint: `Start the description with "As a <who exactly>, I want <what>, so that <why it matters to them>"${about}`,
    };
  },
});
