import { Blocks, Message } from 'slack-block-builder';
import type { Locale } from '../../core/i18n/locales.js';
import { COMMAND } from '../ids.js';
import { slackText, type SlackKey } from './i18n.js';
import type { SlackMessage } from './limits.js';

/** Each subcommand as typed (never translated) and the message that says what it does. */
export const HELP_LINES = [
  ['check SHOP-123', 'help.check'],
  ['template [persona]', 'help.template'],
  ['mine', 'help.mine'],
  ['digest [SHOP]', 'help.digest'],
  ['outcomes SHOP', 'help.outcomes'],
  ['rank SHOP', 'help.rank'],
  ['subscribe SHOP #channel monday 09:00', 'help.subscribe'],
  ['unsubscribe SHOP #channel', 'help.unsubscribe'],
  ['subscriptions', 'help.subscriptions'],
  ['link', 'help.link'],
  ['link SHOP-123', 'help.linkCode'],
  ['unlink', 'help.unlink'],
  ['mute [days]', 'help.mute'],
  ['unmute', 'help.unmute'],
  ['help', 'help.help'],
] as const satisfies ReadonlyArray<readonly [string, SlackKey]>;

/** `/centric help`: every subcommand with an example. */
export function helpMessage(locale: Locale = 'en'): SlackMessage {
  const t = slackText(locale);
  const lines = HELP_LINES.map(([usage, what]) => `\`${COMMAND} ${usage}\`  ${t(what)}`);
  return Message({ text: `${t('help.fallback', { command: COMMAND })}\n${lines.join('\n')}` })
    .ephemeral()
    .blocks(Blocks.Header({ text: t('help.header') }), Blocks.Section({ text: lines.join('\n') }))
    .buildToObject() as SlackMessage;
}
