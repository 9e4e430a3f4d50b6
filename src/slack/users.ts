import type { App } from '@slack/bolt';
import type { SlackUsers } from '../flows/slash-commands.js';

/** Slack users through users.info (users:read, users:read.email), cached for the process. */
export function slackUsers(app: App): SlackUsers {
  const cache = new Map<string, Promise<{ email: string | null; tz: string }>>();
  const info = (userId: string) => {
    let entry = cache.get(userId);
    if (!entry) {
      entry = app.client.users.info({ user: userId }).then((r) => ({ email: r.user?.profile?.email ?? null, tz: r.user?.tz ?? 'UTC' }));
      entry.catch(() => cache.delete(userId));
      cache.set(userId, entry);
    }
    return entry;
  };
  return {
    email: async (userId) => (await info(userId)).email,
    timezone: async (userId) => (await info(userId)).tz,
  };
}
