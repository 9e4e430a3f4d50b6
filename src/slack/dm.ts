import { WebClient } from '@slack/web-api';
import { QUESTIONS } from '../core/digest.js';
import type { ChannelPoster, OutcomeAsker, SlackDm } from '../flows/ports.js';
import { trendChart, trendTitle } from './chart.js';
import { classified } from './failures.js';
import { conversationLanguages, ENGLISH, isUserId, projectOfTicket, projectOfTitle, type Languages } from './languages.js';
import { digestMessage, digestNoticeMessage, digestQuestions, SCOPE_CHARS } from './views/digest.js';
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
    // Title, axes and legend are in the image; the digest just above says the same in words
    // (screen readers included). No alt text: filesUploadV2 sends it as alt_text, which Slack's
    // files.getUploadURLExternal does not know (it documents alt_txt).
    upload: async (channel, png, title) => void (await client.filesUploadV2({ channel_id: channel, file: png, filename: 'centric-trend.png', title })),
  };
}

/**
 * Nudge DMs, rendered here in the recipient's language: the flows hand over the tickets as data,
 * and read failures as `failure` (a users.info that fails fails the DM, as the timezone's would).
 * An update speaks its recipient's language when the caller names them (their Slack locale, as
 * the DM was sent in: a restart in between changes nothing); else the language it was sent in,
 * remembered in memory, and after a restart its project's.
 */
export function slackDm(chat: Pick<SlackChat, 'dm' | 'update'>, browse: (key: string) => string, languages: Languages = ENGLISH): SlackDm {
  const sent = conversationLanguages();
  return {
    postNudge: (userId, items) =>
      classified(async () => {
        const locale = await languages.person(userId);
        const posted = await chat.dm(userId, nudgeMessage(items, browse, locale));
        sent.remember(posted.channel, locale);
        return posted;
      }),
    updateNudge: (channel, ts, items, userId?: string) =>
      classified(async () => {
        const fallback = () => sent.of(channel) ?? languages.project(projectOfTicket(items[0]?.key));
        const locale = userId ? await languages.person(userId).catch(fallback) : fallback();
        await chat.update(channel, ts, nudgeMessage(items, browse, locale));
      }),
  };
}

/** Digests to channels, rendered here (message and trend chart); notes to subscribers by DM. Failures carry `failure`. */
export function channelPoster(chat: Pick<SlackChat, 'post' | 'dm' | 'join' | 'upload'>, browse: (key: string) => string, languages: Languages = ENGLISH): ChannelPoster {
  return {
    // A channel reads its project's language (centric.yml's `language:`); a JQL digest, English.
    postDigest: (channel, post) =>
      classified(() => {
        const locale = languages.project(projectOfTitle(post.title));
        return chat.post(channel, digestMessage({ ...post, browse, questions: digestQuestions(QUESTIONS, locale), locale }));
      }),
    uploadTrend: (channel, scope, trend, view) => classified(async () => chat.upload(channel, await trendChart(scope, trend, view), cut(trendTitle(scope, trend, view.locale), SCOPE_CHARS))),
    join: (channel) => classified(() => chat.join(channel)),
    notifySubscriber: (userId, notice) => classified(async () => void (await chat.dm(userId, digestNoticeMessage(notice, await languages.person(userId))))),
  };
}

/**
 * Outcome questions: a DM to a person (in their language), or a message in a channel (in the
 * project's); reminders in its thread and updates in the language it was asked in.
 */
export function outcomeAsker(chat: Pick<SlackChat, 'dm' | 'update' | 'reply'>, browse: (key: string) => string, languages: Languages = ENGLISH): OutcomeAsker {
  const asked = conversationLanguages();
  const projectOf = (question: { key: string }) => languages.project(projectOfTicket(question.key));
  // The person asked, when the caller names them: their Slack locale, which a restart does not forget.
  const localeIn = async (channel: string, question: { key: string }, askedOf?: string | null) => {
    const fallback = () => asked.of(channel) ?? projectOf(question);
    return askedOf && isUserId(askedOf) ? languages.person(askedOf).catch(fallback) : fallback();
  };
  return {
    ask: (to, question) =>
      classified(async () => {
        const locale = isUserId(to) ? await languages.person(to) : projectOf(question);
        const posted = await chat.dm(to, outcomeMessage(question, browse, locale));
        // A DM's id does not say whose it is; a channel's questions each follow their project.
        if (isUserId(to)) asked.remember(posted.channel, locale);
        return posted;
      }),
    remind: (channel, ts, question, askedOf?: string | null) => classified(async () => chat.reply(channel, ts, outcomeReminder(question, await localeIn(channel, question, askedOf)))),
    update: (channel, ts, question, askedOf?: string | null) => classified(async () => chat.update(channel, ts, outcomeMessage(question, browse, await localeIn(channel, question, askedOf)))),
  };
}
