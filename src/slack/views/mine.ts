import { Blocks, Elements, Message } from 'slack-block-builder';
import type { Locale } from '../../core/i18n/locales.js';
import { ACTION } from '../ids.js';
import { slackText } from './i18n.js';
import { fit, type SlackMessage } from './limits.js';
import { lineMessage } from './line.js';
import { escapeMrkdwn, ticketLink } from './mrkdwn.js';

/** `/centric mine`: failing tickets, worst first. */
export function mineMessage(rows: Array<{ key: string; score: number | null; summary: string }>, browse: (key: string) => string, locale: Locale = 'en'): SlackMessage {
  const t = slackText(locale);
  if (rows.length === 0) return lineMessage(t('mine.none'), locale);
  const built = Message({ text: t('mine.fallback', { count: rows.length }) })
    .ephemeral()
    .blocks(
      Blocks.Header({ text: t('mine.header', { count: rows.length }) }),
      ...rows.map((r) =>
        Blocks.Section({ text: `${ticketLink(browse(r.key), r.key)} · ${r.score ?? '–'}/100\n${escapeMrkdwn(r.summary)}` }).accessory(
          Elements.Button({ text: t('openInJira'), url: browse(r.key), actionId: ACTION.openInJira }),
        ),
      ),
    )
    .buildToObject() as SlackMessage;
  return fit(built, 'message', undefined, locale);
}
