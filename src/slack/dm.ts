import { WebClient } from '@slack/web-api';
import { QUESTIONS } from '../core/digest.js';
import type { ChannelPoster, OutcomeAsker, SlackDm } from '../flows/ports.js';
import { CHART_LEGEND, trendChart } from './chart.js';
import { classified } from './failures.js';
import { digestMessage, digestNoticeMessage, SCOPE_CHARS } from './views/digest.js';
import { cut, type SlackMessage } from './views/limits.js';
import { nudgeMessage } from './views/nudge.js';
import { outcomeMessage, outcomeReminder } from './views/outcome.js';

/**
 * Background posting (nudges, digests) gets a WebClient of its own: a client that hits Slack's
 * rate limit pauses its whole queue for Retry-After, and that must never hold up the client that
 * answers people's clicks and commands.
 */
export function backgroundClient(token: string, slackApiUrl: string): WebClient {
  // No axios error (with its request headers, the token among them) attached to errors that get logged.
  return new WebClient(token, { slackApiUrl, retryConfig: { retries: 3 }, attachOriginalToWebAPIRequestError: false });
}

/** The Slack calls background posting makes, as Block Kit: what the port adapters below render into. */
export interface SlackChat {
  /** A message to a channel, links not unfurled. */
  post(channel: string, message: SlackMessage): Promise<void>;
  /** A DM (chat.postMessage to the user's id opens it); resolves to where it went. */
  dm(userId: string, message: SlackMessage): Promise<{ channel: string; ts: string }>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
  /** A reply in a message's thread. */
  reply(channel: string, threadTs: string, message: SlackMessage): Promise<void>;
  join(channel: string): Promise<void>;
  upload(channel: string, png: Buffer, title: string): Promise<void>;
}

/** SlackChat over the Web API. */
export function slackChat(client: WebClient): SlackChat {
  return {
    post: async (channel, message) => void (await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never, unfurl_links: false })),
    async dm(userId, message) {
      const result = await client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks as never });
      return { channel: result.channel!, ts: result.ts! };
    },
    update: async (channel, ts, message) => void (await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks as never })),
    reply: async (channel, threadTs, message) => void (await client.chat.postMessage({ channel, thread_ts: threadTs, text: message.text, blocks: message.blocks as never })),
    join: async (channel) => void (await client.conversations.join({ channel })),
    upload: async (channel, png, title) => void (await client.filesUploadV2({ channel_id: channel, file: png, filename: 'centric-trend.png', title, initial_comment: CHART_LEGEND })),
  };
}

/** Nudge DMs, rendered here: the flows hand over the tickets as data, and read failures as `failure`. */
export function slackDm(chat: Pick<SlackChat, 'dm' | 'update'>, browse: (key: string) => string): SlackDm {
  return {
    postNudge: (userId, items) => classified(() => chat.dm(userId, nudgeMessage(items, browse))),
    updateNudge: (channel, ts, items) => classified(() => chat.update(channel, ts, nudgeMessage(items, browse))),
  };
}

/** Digests to channels, rendered here (message and trend chart); notes to subscribers by DM. Failures carry `failure`. */
export function channelPoster(chat: Pick<SlackChat, 'post' | 'dm' | 'join' | 'upload'>, browse: (key: string) => string): ChannelPoster {
  return {
    postDigest: (channel, post) => classified(() => chat.post(channel, digestMessage({ ...post, browse, questions: QUESTIONS }))),
    uploadTrend: (channel, scope, trend) => classified(() => chat.upload(channel, trendChart(trend, QUESTIONS.map((q) => q.id)), cut(`Customer-centricity trend: ${scope}`, SCOPE_CHARS))),
    join: (channel) => classified(() => chat.join(channel)),
    notifySubscriber: (userId, notice) => classified(async () => void (await chat.dm(userId, digestNoticeMessage(notice)))),
  };
}

/** Outcome questions: a DM to a person, or a message in a channel (both by id); reminders in its thread. */
export function outcomeAsker(chat: Pick<SlackChat, 'dm' | 'update' | 'reply'>, browse: (key: string) => string): OutcomeAsker {
  return {
    ask: (to, question) => classified(() => chat.dm(to, outcomeMessage(question, browse))),
    remind: (channel, ts, question) => classified(() => chat.reply(channel, ts, outcomeReminder(question))),
    update: (channel, ts, question) => classified(() => chat.update(channel, ts, outcomeMessage(question, browse))),
  };
}
