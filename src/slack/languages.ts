import type { CentricConfig } from '../core/config-types.js';
import type { Locale } from '../core/i18n/locales.js';
import { languageFor } from '../core/i18n/project-language.js';
import { PROJECT_KEY } from '../core/jira-keys.js';
import { projectOf } from '../core/ticket/project-of.js';
import type { SlackUsers } from '../flows/ports.js';

/** The languages the background messages (nudges, outcome questions, digests) are written in. */
export interface Languages {
  /** A person's: their Slack locale. Rejects when Slack cannot say (users.info failed), as their timezone would. */
  person(userId: string): Promise<Locale>;
  /** A channel's, for a project's message: the project's `language:` in centric.yml, else English. */
  project(projectKey: string | null): Locale;
}

/** Everything in English: what Centric wrote before it spoke other languages. */
export const ENGLISH: Languages = { person: async () => 'en', project: () => 'en' };

/** People by their Slack locale (users.info, cached with the rest of their profile); channels by their project's language. */
export function slackLanguages(users: Pick<SlackUsers, 'locale'>, config: Pick<CentricConfig, 'projects'>): Languages {
  return { person: (userId) => users.locale(userId), project: (key) => languageFor(config, key) };
}

/** "SHOP" of "SHOP-12"; null for anything that is not a ticket key. */
export const projectOfTicket = (key: string | undefined): string | null => (key && key.includes('-') ? projectOf(key) : null);

/** A digest's title is a project key, or a JQL in quotes (which names no one project). */
export const projectOfTitle = (title: string): string | null => (PROJECT_KEY.test(title) ? title : null);

/** A Slack user id (a DM is sent to it), not a channel. */
export const isUserId = (id: string): boolean => /^[UW][A-Z0-9]+$/.test(id);

/** How many conversations' languages are remembered: one per person Centric writes to, bounded. */
const REMEMBERED = 10_000;

/**
 * The language a message in a conversation was written in, so that an update of it (a nudge
 * fixed, a question answered) speaks the same one; a DM's conversation id does not say whose it
 * is. Kept in memory: after a restart, the update falls back to the project's language.
 */
export function conversationLanguages() {
  const byChannel = new Map<string, Locale>();
  return {
    remember(channel: string, locale: Locale): void {
      byChannel.delete(channel);
      byChannel.set(channel, locale);
      if (byChannel.size > REMEMBERED) byChannel.delete(byChannel.keys().next().value!);
    },
    of: (channel: string): Locale | undefined => byChannel.get(channel),
  };
}
