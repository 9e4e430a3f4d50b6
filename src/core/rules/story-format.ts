import { z } from 'zod';
import { findTemplate, type StorySlot } from '../story/parse-story.js';
import type { Story } from '../types.js';
import { defineRule, type RuleFailure } from './rule.js';

const SLOT_NAMES: Record<StorySlot, string> = { role: 'the role', goal: 'the goal', benefit: 'the benefit' };

/** "the role and the goal are", "the goal is": which slots of a template hold placeholders. */
function slotsAre(slots: StorySlot[]): string {
  const names = slots.map((s) => SLOT_NAMES[s]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  return `${list} ${names.length > 1 ? 'are placeholders' : 'is a placeholder'}`;
}

/** The story forms a project writes: user stories ("As a …"), job stories ("When …"), or both. */
const STORY_FORMS = ['user', 'job'] as const;

const USER_FORM = '"As a <who exactly>, I want <what>, so that <why it matters to them>"';
const JOB_FORM = '"When <the moment it happens>, I want <what>, so I can <the outcome you expect>"';

/** A story of a form the project does not write: it says which form it is, and how to write it in the other. */
function wrongForm(story: Story): RuleFailure {
  if (story.kind === 'job') {
    return {
      message: 'This is a job story ("When …"), and this project writes user stories.',
      hint: `Rewrite it as ${USER_FORM}: who is in the situation "${story.situation ?? ''}"?`,
    };
  }
  return {
    message: 'This is a user story ("As a …"), and this project writes job stories.',
    hint: `Rewrite it as ${JOB_FORM}: when does the ${story.role} need "${story.goal}"?`,
  };
}

export const storyFormat = defineRule({
  meta: {
    id: 'story-format',
    defaultSeverity: 'error',
    weight: 20,
    why: 'A ticket that names who it is for and what they want keeps the team building for a person, not a feature list.',
    docs: '#story-format',
    optionsSchema: z.object({
      /** The story forms this project accepts: user stories, job stories, or both (the default). */
      forms: z.array(z.enum(STORY_FORMS)).min(1).default([...STORY_FORMS]),
    }),
  },
  needsStory: false,
  check({ story, ticket, compiled, text }, { forms }) {
    // A story stored before job stories has no kind: it is a user story.
    if (story) return forms.includes(story.kind ?? 'user') ? null : wrongForm(story);
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
    // A project that writes only job stories is shown their form, and asked when rather than who.
    const jobOnly = !forms.includes('user');
    const when = ticket.summary ? `: when is "${ticket.summary}" needed, and why?` : '.';
    return {
      message: 'No user story found: the ticket does not say who it is for and what they want.',
      hint: jobOnly ? `Start the description with ${JOB_FORM}${when}` : `Start the description with ${USER_FORM}${about}`,
    };
  },
});
