import { Blocks, Elements, Md, Message } from 'slack-block-builder';
import type { NudgeItem } from '../../flows/ports.js';
import { ACTION, nudgeBlockId } from '../ids.js';
import { fit, type SlackMessage } from './limits.js';
import { escapeMrkdwn, icon, mrkdwnLink, ticketLink } from './mrkdwn.js';

type Finding = NudgeItem['findings'][number];

/** A finding as the DM says it: no rule id (it speaks to people), a link to why it matters when there is one. */
function findingLine(f: Finding): string {
  const why = mrkdwnLink(f.link, 'Why it matters');
  return `${icon(f.severity)} ${escapeMrkdwn(f.message)}${why ? ` ${why}` : ''}\n${Md.italic(`Fix: ${escapeMrkdwn(f.hint)}`)}`;
}

/** One ticket: "fixed, thank you", or its score and top findings with the buttons that act on it. */
function ticketBlocks(item: NudgeItem, browse: (key: string) => string) {
  const link = ticketLink(browse(item.key), item.key);
  if (item.fixed) return [Blocks.Section({ text: `:white_check_mark: ${link} fixed, thank you. ${escapeMrkdwn(item.summary)}` })];
  const findings = item.findings.map(findingLine).join('\n');
  return [
    Blocks.Section({ text: `${link} · ${item.score ?? '–'}/100 · ${escapeMrkdwn(item.summary)}\n${findings}` }),
    Blocks.Actions({ blockId: nudgeBlockId(item.key) }).elements(
      Elements.Button({ text: 'Open in Jira', url: browse(item.key), actionId: ACTION.openInJira }),
      Elements.Button({ text: 'Fix it', actionId: ACTION.fixTicket, value: item.key }).primary(),
      Elements.Button({ text: 'Snooze a week', actionId: ACTION.snoozeTicket, value: item.key }),
      Elements.Button({ text: 'Not a story', actionId: ACTION.notAStory, value: item.key }),
    ),
  ];
}

/** The DM: each ticket with its score, its two most important findings and buttons. */
export function nudgeMessage(items: NudgeItem[], browse: (key: string) => string): SlackMessage {
  const keys = items.filter((i) => !i.fixed).map((i) => i.key);
  const open = keys.length;
  const headline = open === 0 ? 'Fixed, thank you: every ticket in this message is customer-centric now.' : `${open} of your tickets ${open === 1 ? 'needs' : 'need'} a customer`;
  // The fallback is what notifications show: it names the tickets.
  const text = open === 0 ? headline : `${headline}: ${escapeMrkdwn(keys.slice(0, 10).join(', '))}${keys.length > 10 ? ` and ${keys.length - 10} more` : ''}`;
  const intro = Blocks.Section({ text: open === 0 ? `:white_check_mark: ${headline}` : `:wave: ${headline}: a few words make them clear to everyone who builds them.` });
  const blocks = [intro, ...items.flatMap((item) => ticketBlocks(item, browse))];
  return fit(Message({ text }).blocks(...blocks).buildToObject() as SlackMessage, 'message');
}
