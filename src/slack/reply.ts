import type { BlockAction, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from './views/limits.js';

/**
 * A private answer to a button press: ephemeral through response_url when the button sits in a
 * message; by DM when it sits in App Home or a modal, where Slack gives no response_url.
 */
export async function replyPrivately(body: { user: Pick<BlockAction['user'], 'id'>; response_url?: string | undefined }, client: WebClient, respond: RespondFn | undefined, message: SlackMessage): Promise<void> {
  if (body.response_url && respond) {
    await respond({ ...message, response_type: 'ephemeral', replace_original: false });
    return;
  }
  await client.chat.postMessage({ channel: body.user.id, text: message.text, blocks: message.blocks as never });
}
