import { Blocks, Md, Message } from 'slack-block-builder';
import type { PersonaDefinition } from '../../core/config-types.js';
import type { SlackMessage } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** `/centric template`: a story with a persona, a benefit, a metric line and a visuals line. */
export function templateMessage(persona: PersonaDefinition | null, asked: string | null): SlackMessage {
  const who = persona?.name.toLowerCase() ?? asked ?? '<who exactly, e.g. first-time shopper on mobile>';
  const template = [
    `As a ${who}, I want <what they want to do>, so that <what it gets them>.`,
    '',
    'Acceptance criteria',
    `- Given <situation>, when the ${persona?.name.toLowerCase() ?? asked ?? 'persona'} <does something>, then they see <result>.`,
    '',
    'Success: <customer metric> from <now> to <target> within <weeks> of release, e.g. checkout conversion from 2.1% to 2.6% in 6 weeks.',
    'Design: <Figma or Miro link, screenshot or screen recording>',
  ].join('\n');
  return Message({ text: template })
    .ephemeral()
    .blocks(
      Blocks.Section({ text: `Copy this into the ticket${persona?.description ? ` (${escapeMrkdwn(persona.name)}: ${escapeMrkdwn(persona.description)})` : ''}:` }),
      Blocks.Section({ text: Md.codeBlock(escapeMrkdwn(template)) }),
    )
    .buildToObject() as SlackMessage;
}
