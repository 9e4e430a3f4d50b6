import { Blocks, Message } from 'slack-block-builder';
import type { SlackMessage } from './limits.js';

/** A one-line ephemeral answer, e.g. an error that says what to type instead. */
export function lineMessage(text: string): SlackMessage {
  return Message({ text }).ephemeral().blocks(Blocks.Section({ text })).buildToObject() as SlackMessage;
}
