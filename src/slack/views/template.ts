import { Blocks, Md, Message } from 'slack-block-builder';
import type { PersonaDefinition } from '../../core/config-types.js';
import type { Locale } from '../../core/i18n/locales.js';
import { elideFrench } from '../../core/i18n/messages/findings/index.js';
import { slackText } from './i18n.js';
import type { SlackMessage } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** `/centric template`: a story with a persona, a benefit, a metric line and a visuals line, in the person's language. */
export function templateMessage(persona: PersonaDefinition | null, asked: string | null, locale: Locale = 'en'): SlackMessage {
  const t = slackText(locale);
  // English reads "As a night-shift nurse"; other languages keep the persona as centric.yml spells it (German capitalises nouns: "Als Stammkundin").
  const name = persona ? (locale === 'en' ? persona.name.toLowerCase() : persona.name) : undefined;
  const who = name ?? asked ?? t('template.who');
  const story = t('template.story', { who });
  const template = [
    // "En tant qu’infirmière", as the findings write it.
    locale === 'fr' ? elideFrench(story) : story,
    '',
    t('template.criteria'),
    t('template.criterion', { persona: name ?? asked ?? t('template.persona') }),
    '',
    t('template.success'),
    t('template.design'),
  ].join('\n');
  const intro = persona?.description ? t('template.introPersona', { persona: escapeMrkdwn(persona.name), description: escapeMrkdwn(persona.description) }) : t('template.intro');
  return Message({ text: template })
    .ephemeral()
    .blocks(Blocks.Section({ text: intro }), Blocks.Section({ text: Md.codeBlock(escapeMrkdwn(template)) }))
    .buildToObject() as SlackMessage;
}
