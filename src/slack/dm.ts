import type { App } from '@slack/bolt';
import type { SlackDm } from '../flows/nudges.js';

/** DMs through chat.postMessage (to the user's id, which opens the DM) and chat.update. */
export function slackDm(app: App): SlackDm {
  return {
    async post(userId, message) {
      const result = await app.client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks as never });
      return { channel: result.channel!, ts: result.ts! };
    },
    async update(channel, ts, message) {
      await app.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks as never });
    },
  };
}
