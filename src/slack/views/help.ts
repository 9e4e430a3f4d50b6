import { Blocks, Message } from 'slack-block-builder';
import { COMMAND } from '../ids.js';
import type { SlackMessage } from './limits.js';

export const HELP_LINES = [
  ['check SHOP-123', "a ticket's score and findings, with buttons to open or fix it"],
  ['template [persona]', 'a story template with a metric and a visuals line, to copy into a ticket'],
  ['mine', 'your open tickets that fail, worst first'],
  ['digest [SHOP]', 'preview the weekly customer-centricity digest now'],
  ['outcomes SHOP', "did shipped stories hit their metric? A project's overdue and pending outcome reviews, the recent answers and the hit rate"],
  ['rank SHOP', "the prioritisation meeting: a project's open stories by customer benefit ÷ cost, the formula shown"],
  ['subscribe SHOP #channel monday 09:00', 'post the weekly digest of a project (a JQL: admins) to a channel'],
  ['unsubscribe SHOP #channel', 'stop a digest subscription'],
  ['subscriptions', "this channel's digest subscriptions"],
  ['link', 'link your Slack user to your Jira account by your confirmed e-mail'],
  ['link SHOP-123', 'or by a one-time code you post on that ticket from Jira (then `link done`)'],
  ['unlink', 'remove the link (admins: `unlink @someone`, `link @someone <account id>`)'],
  ['mute [days]', 'no nudges for a while (7 days by default)'],
  ['unmute', 'nudges again'],
  ['help', 'this list'],
] as const;

/** `/centric help`: every subcommand with an example. */
export function helpMessage(): SlackMessage {
  const lines = HELP_LINES.map(([usage, what]) => `\`${COMMAND} ${usage}\`  ${what}`);
  return Message({ text: `${COMMAND} commands:\n${lines.join('\n')}` })
    .ephemeral()
    .blocks(Blocks.Header({ text: 'Centric: keep tickets customer-centric' }), Blocks.Section({ text: lines.join('\n') }))
    .buildToObject() as SlackMessage;
}
