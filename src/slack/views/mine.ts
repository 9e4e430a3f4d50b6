import { Blocks, Elements, Message } from 'slack-block-builder';
import { ACTION } from '../ids.js';
import { fit, type SlackMessage } from './limits.js';
import { lineMessage } from './line.js';
import { escapeMrkdwn, ticketLink } from './mrkdwn.js';

/** `/centric mine`: failing tickets, worst first. */
export function mineMessage(rows: Array<{ key: string; score: number | null; summary: string }>, browse: (key: string) => string): SlackMessage {
  if (rows.length === 0) return lineMessage(':tada: None of your open tickets fails. Thank you for keeping them customer-centric.');
  const built = Message({ text: `${rows.length} of your tickets fail` })
    .ephemeral()
    .blocks(
      Blocks.Header({ text: `Your failing tickets (${rows.length})` }),
      ...rows.map((r) =>
        Blocks.Section({ text: `${ticketLink(browse(r.key), r.key)} · ${r.score ?? '–'}/100\n${escapeMrkdwn(r.summary)}` }).accessory(
          Elements.Button({ text: 'Open in Jira', url: browse(r.key), actionId: ACTION.openInJira }),
        ),
      ),
    )
    .buildToObject() as SlackMessage;
  return fit(built, 'message');
}
