import { z } from 'zod';
import type { FindingsText } from '../i18n/messages/findings/index.js';
import { listOf } from '../i18n/messages/findings/index.js';
import type { Locale } from '../i18n/locales.js';
import { findTemplate, type StorySlot } from '../story/parse-story.js';
import type { Story } from '../types.js';
import { defineRule, wordsFor, type RuleFailure } from './rule.js';

/** "the role and the goal are placeholders", "the goal is a placeholder": which slots of a template hold placeholders. */
function placeholders(slots: StorySlot[], t: FindingsText, locale: Locale): string {
  const names = slots.map((s) => t(`storyFormat.slot.${s}`));
  return t('storyFormat.template', { slots: listOf(names, locale), count: names.length });
}

/** The story forms a project writes: user stories ("As a …"), job stories ("When …"), or both. */
const STORY_FORMS = ['user', 'job'] as const;

/** A story of a form the project does not write: it says which form it is, and how to write it in the other. */
function wrongForm(story: Story, t: FindingsText): RuleFailure {
  if (story.kind === 'job') {
    return {
      message: t('storyFormat.jobStory'),
      hint: t('storyFormat.jobStory.hint', { form: t('form.user'), situation: story.situation ?? '' }),
    };
  }
  return {
    message: t('storyFormat.userStory'),
    hint: t('storyFormat.userStory.hint', { form: t('form.job'), role: story.role, goal: story.goal }),
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
  check(ctx, { forms }) {
    const { story, ticket, compiled, text } = ctx;
    const t = wordsFor(ctx);
    // A story stored before job stories has no kind: it is a user story.
    if (story) return forms.includes(story.kind ?? 'user') ? null : wrongForm(story, t);
    const about = ticket.summary ? t('storyFormat.whoNeeds', { summary: ticket.summary }) : '.';
    // An unfilled template is not a story, but telling its writer "no story found" would be wrong.
    const template = findTemplate(text, compiled);
    if (template) {
      const { role, goal } = template.story;
      const slots = template.placeholders;
      const hint = !slots.includes('role')
        ? t('storyFormat.template.hintGoal', { role, about })
        : !slots.includes('goal')
          ? t('storyFormat.template.hintRole', { goal })
          : t('storyFormat.template.hintAll', { about });
      return { message: placeholders(slots, t, ctx.locale ?? 'en'), hint };
    }
    // A project that writes only job stories is shown their form, and asked when rather than who.
    const jobOnly = !forms.includes('user');
    const when = ticket.summary ? t('storyFormat.whenNeeded', { summary: ticket.summary }) : '.';
    return {
      message: t('storyFormat.noStory'),
      hint: jobOnly ? t('storyFormat.noStory.hint', { form: t('form.job'), about: when }) : t('storyFormat.noStory.hint', { form: t('form.user'), about }),
    };
  },
});
