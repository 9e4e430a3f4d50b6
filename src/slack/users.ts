import type { WebClient } from '@slack/web-api';
import type { SlackUsers } from '../flows/ports.js';
import { classified } from './failures.js';

/** Slack users through users.info (users:read, users:read.email), cached for the process. */
export function slackUsers(client: Pick<WebClient, 'users'>): SlackUsers {
  const cache = new Map<string, Promise<{ email: string | null; tz: string }>>();
  const info = (userId: string) => {
    let entry = cache.get(userId);
    if (!entry) {
      entry = classified(() => client.users.info({ user: userId })).then((r) => ({ email: r.user?.profile?.email ?? null, tz: r.user?.tz ?? 'UTC' }));
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
