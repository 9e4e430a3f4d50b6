import { WebClient } from '@slack/web-api';
import type { SlackDm } from '../flows/nudges.js';
import type { ChannelPoster } from '../flows/post-digest.js';
import { CHART_LEGEND } from './chart.js';

/**
 * Background posting (nudges, digests) gets a WebClient of its own: a client that hits Slack's
 * rate limit pauses its whole queue for Retry-After, and that must never hold up the client that
 * answers people's clicks and commands.
 */
export function backgroundClient(token: string, slackApiUrl: string): WebClient {
  // No axios error (with its request headers, the token among them) attached to errors that get logged.
  return new WebClient(token, { slackApiUrl, retryConfig: { retries: 3 }, attachOriginalToWebAPIRequestError: false });
}

/** DMs through chat.postMessage (to the user's id, which opens the DM) and chat.update. */
export function slackDm(client: WebClient): SlackDm {
  return {
    async post(userId, message) {
      const result = await client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks as never });
      return { channel: result.channel!, ts: result.ts! };
    },
    async update(channel, ts, message) {
      await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks as never });
    },
  };
}

/** Digests to channels: post, join a public channel, upload the chart (files.uploadV2), DM the subscriber. */
export function channelPoster(client: WebClient, dm: SlackDm): ChannelPoster {
  return {
    post: async (channel, message) => void (await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never, unfurl_links: false })),
    dm: async (userId, message) => void (await dm.post(userId, message)),
    join: async (channel) => void (await client.conversations.join({ channel })),
    upload: async (channel, png, title) => void (await client.filesUploadV2({ channel_id: channel, file: png, filename: 'centric-trend.png', title, initial_comment: CHART_LEGEND })),
  };
}
