import { Blocks, Message } from 'slack-block-builder';
import type { Locale } from '../../core/i18n/locales.js';
import { andMore, cutSection, itemsWithin, LIMITS, type SlackMessage } from './limits.js';

/**
 * A one-line ephemeral answer, e.g. an error that says what to type instead. `text` is mrkdwn
 * (user text in it escaped by the caller); a long answer (a list) is cut at a line, saying how
 * many lines were left out, never inside a link or an escape.
 */
export function lineMessage(text: string, locale: Locale = 'en'): SlackMessage {
  return Message({ text: itemsWithin(text.split('\n'), LIMITS.fallbackText, '\n', andMore(locale)) })
    .ephemeral()
    .blocks(Blocks.Section({ text: cutSection(text, LIMITS.sectionText, locale) }))
    .buildToObject() as SlackMessage;
}
