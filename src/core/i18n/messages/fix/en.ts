import type { Catalog } from '../../translate.js';

/**
 * What the Fix-it modal says at a field it cannot write as it is (flows/fix-ticket.ts validateFix),
 * in the language of the person filling it in; the rules' own findings come in it too. Plain text:
 * Slack shows a modal's errors as they are.
 */
export const en = {
  when: "When does it happen? Say the moment, e.g. \"I'm re-ordering supplies at the end of a night shift\".",
  who: 'Who is it for? Name the persona.',
  goalJob: 'What do you want to do then?',
  goalUser: 'What do they want to do?',
  benefitJob: 'What does it let you do?',
  benefitUser: 'What does it get them?',
  visuals: 'Use an https:// link to the design or recording (Figma, Miro, Loom…), without spaces.',
} as const satisfies Catalog;
