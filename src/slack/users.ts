import type { WebClient } from '@slack/web-api';
import { localeOf, type Locale } from '../core/i18n/locales.js';
import type { LinkMoved, SlackUsers } from '../flows/ports.js';
import { classified } from './failures.js';
import { linkMovedMessage, linkRemovedMessage } from './views/link.js';

interface UserInfo {
  email: string | null;
  tz: string;
  admin: boolean;
  /** The language of the person's Slack (their `locale`, e.g. "de-DE"); English for one Centric does not speak. */
  locale: Locale;
}

/** users.info answers are kept this long: an admin demoted, or an e-mail changed, counts soon. */
const INFO_TTL_MS = 10 * 60_000;
/** Members read per page, and pages at most, when asking whether someone is in a channel. */
const MEMBERS_PAGE = 1_000;
const MEMBERS_PAGES = 50;

/**
 * Slack users through users.info (users:read, users:read.email) and conversations.members
 * (channels:read, groups:read). An e-mail counts only when Slack says it is confirmed: it is the
 * proof a link to a Jira account rests on. users.info is asked with include_locale (no extra
 * scope): Slack tells a person's language only when asked.
 */
export function slackUsers(client: Pick<WebClient, 'users' | 'conversations' | 'chat' | 'auth'>, clock: () => number = Date.now): SlackUsers {
  const cache = new Map<string, { at: number; info: Promise<UserInfo> }>();
  let home: Promise<{ team: string | null; enterprise: string | null }> | undefined;
  // The workspace Centric is installed in: asked once (a failure is asked again next time).
  const homeTeam = () =>
    (home ??= classified(() => client.auth.test()).then(
      (r) => ({ team: r.team_id ?? null, enterprise: r.enterprise_id ?? null }),
      (err: unknown) => {
        home = undefined;
        throw err;
      },
    ));
  const info = (userId: string): Promise<UserInfo> => {
    const cached = cache.get(userId);
    if (cached && clock() - cached.at < INFO_TTL_MS) return cached.info;
    const entry = Promise.all([classified(() => client.users.info({ user: userId, include_locale: true })), homeTeam()]).then(([{ user }, team]) => {
      // Someone of another organisation (Slack Connect) has an e-mail and admin rights that their
      // organisation vouches for, not this one: neither proves anything here.
      const enterprise = (user as { enterprise_user?: { enterprise_id?: string } } | undefined)?.enterprise_user?.enterprise_id;
      const local = user?.is_stranger !== true && (user?.team_id === team.team || (team.enterprise !== null && enterprise === team.enterprise));
      return {
        email: local && user?.is_email_confirmed === true ? (user.profile?.email ?? null) : null,
        tz: user?.tz ?? 'UTC',
        admin: local && (user?.is_admin === true || user?.is_owner === true),
        locale: localeOf(user?.locale),
      };
    });
    entry.catch(() => cache.delete(userId));
    cache.set(userId, { at: clock(), info: entry });
    return entry;
  };
  const isMember = async (channel: string, userId: string): Promise<boolean> => {
    let cursor: string | undefined;
    for (let page = 0; page < MEMBERS_PAGES; page++) {
      const answer = await classified(() => client.conversations.members({ channel, limit: MEMBERS_PAGE, ...(cursor ? { cursor } : {}) }));
      if (answer.members?.includes(userId)) return true;
      cursor = answer.response_metadata?.next_cursor || undefined;
      if (!cursor) return false;
    }
    return false;
  };
  return {
    email: async (userId) => (await info(userId)).email,
    timezone: async (userId) => (await info(userId)).tz,
    locale: async (userId) => (await info(userId)).locale,
    isWorkspaceAdmin: async (userId) => (await info(userId)).admin,
    isMember,
    // The DMs below speak the recipient's language: a users.info that fails fails the DM, as its timezone would.
    linkMoved: async (userId: string, moved: LinkMoved) => {
      const message = linkMovedMessage(moved, (await info(userId)).locale);
      await classified(() => client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks as never }));
    },
    linkRemoved: async (userId: string, removed: { account: string; by: string }) => {
      const message = linkRemovedMessage(removed, (await info(userId)).locale);
      await classified(() => client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks as never }));
    },
  };
}
