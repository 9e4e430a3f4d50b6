import { findTemplate, type StorySlot } from '../story/parse-story.js';
import { defineRule, NO_OPTIONS } from './rule.js';

const SLOT_NAMES: Record<StorySlot, string> = { role: 'the role', goal: 'the goal', benefit: 'the benefit' };

/** "the role and the goal are", "the goal is": which slots of a template hold placeholders. */
function slotsAre(slots: StorySlot[]): string {
  const names = slots.map((s) => SLOT_NAMES[s]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  return `${list} ${names.length > 1 ? 'are placeholders' : 'is a placeholder'}`;
}

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
  check({ story, ticket, compiled, text }) {
    if (story) return null;
    const about = ticket.summary ? `: who needs "${ticket.summary}", and why?` : '.';
    // An unfilled template is not a story, but telling its writer "no story found" would be wrong.
    const template = findTemplate(text, compiled);
    if (template) {
      const { role, goal } = template.story;
      const slots = template.placeholders;
      const hint = !slots.includes('role')
        ? `Say what the ${role} wants instead of the placeholder: "As a ${role}, I want <what>, so that <why it matters to them>"${about}`
        : !slots.includes('goal')
          ? `Replace the role placeholder with who exactly needs this: "As a <who exactly>, I want ${goal}, so that <why it matters to them>".`
          : `Fill in the template with this ticket's own words: "As a <who exactly>, I want <what>, so that <why it matters to them>"${about}`;
      return { message: `The story template is not filled in: ${slotsAre(slots)}.`, hint };
    }
    return {
      message: 'No user story found: the ticket does not say who it is for and what they want.',
      hint: `Start the description with "As a <who exactly>, I want <what>, so that <why it matters to them>"${about}`,
    };
  },
});
