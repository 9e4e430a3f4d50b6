import { Blocks, Elements, Md, Message } from 'slack-block-builder';
import type { Locale } from '../../core/i18n/locales.js';
import type { NudgeItem } from '../../flows/ports.js';
import { ACTION, nudgeBlockId } from '../ids.js';
import { slackText, type SlackText } from './i18n.js';
import { fit, type SlackMessage } from './limits.js';
import { escapeMrkdwn, icon, mrkdwnLink, ticketLink } from './mrkdwn.js';

type Finding = NudgeItem['findings'][number];

/**
 * A finding as the DM says it: no rule id (it speaks to people), a link to why it matters when
 * there is one. The finding and its hint arrive in the ticket's language and are shown as they are.
 */
function findingLine(f: Finding, t: SlackText): string {
  const why = mrkdwnLink(f.link, t('nudge.why'));
  return `${icon(f.severity)} ${escapeMrkdwn(f.message)}${why ? ` ${why}` : ''}\n${Md.italic(t('fix', { hint: escapeMrkdwn(f.hint) }))}`;
}

/** One ticket: "fixed, thank you", or its score and top findings with the buttons that act on it. */
function ticketBlocks(item: NudgeItem, browse: (key: string) => string, t: SlackText) {
  const link = ticketLink(browse(item.key), item.key);
  if (item.fixed) return [Blocks.Section({ text: t('nudge.fixed', { link, summary: escapeMrkdwn(item.summary) }) })];
  const findings = item.findings.map((f) => findingLine(f, t)).join('\n');
  return [
    Blocks.Section({ text: `${link} · ${item.score ?? '–'}/100 · ${escapeMrkdwn(item.summary)}\n${findings}` }),
    Blocks.Actions({ blockId: nudgeBlockId(item.key) }).elements(
      Elements.Button({ text: t('openInJira'), url: browse(item.key), actionId: ACTION.openInJira }),
      Elements.Button({ text: t('fixIt'), actionId: ACTION.fixTicket, value: item.key }).primary(),
      Elements.Button({ text: t('nudge.snooze'), actionId: ACTION.snoozeTicket, value: item.key }),
      Elements.Button({ text: t('nudge.notAStory'), actionId: ACTION.notAStory, value: item.key }),
    ),
  ];
}

/** The DM, in the recipient's language: each ticket with its score, its two most important findings and buttons. */
export function nudgeMessage(items: NudgeItem[], browse: (key: string) => string, locale: Locale = 'en'): SlackMessage {
  const t = slackText(locale);
  const keys = items.filter((i) => !i.fixed).map((i) => i.key);
  const open = keys.length;
  const headline = open === 0 ? t('nudge.allFixed') : t('nudge.headline', { count: open });
  // The fallback is what notifications show: it names the tickets.
  const named = escapeMrkdwn(keys.slice(0, 10).join(', '));
  const text = open === 0 ? headline : keys.length > 10 ? t('nudge.fallbackMore', { headline, keys: named, count: keys.length - 10 }) : t('nudge.fallback', { headline, keys: named });
  const intro = Blocks.Section({ text: open === 0 ? `:white_check_mark: ${headline}` : t('nudge.intro', { headline }) });
  const blocks = [intro, ...items.flatMap((item) => ticketBlocks(item, browse, t))];
  return fit(Message({ text }).blocks(...blocks).buildToObject() as SlackMessage, 'message', undefined, locale);
}
