import type { Store } from './database.js';

/** How a Slack user was linked to a Jira account: found by e-mail, or given by hand (/centric link). */
export type LinkedBy = 'email' | 'manual';

/** The Jira account linked to a Slack user, or null. */
export async function linkedAccount(store: Store, slackUserId: string): Promise<string | null> {
  const row = await store.db.selectFrom('user_links').select('jira_account_id').where('slack_user_id', '=', slackUserId).executeTakeFirst();
  return row?.jira_account_id ?? null;
}

/** Links a Slack user to a Jira account, replacing any earlier link. */
export async function saveLink(store: Store, slackUserId: string, jiraAccountId: string, by: LinkedBy, now: number): Promise<void> {
  const link = { jira_account_id: jiraAccountId, linked_by: by, linked_at: now };
  await store.db
    .insertInto('user_links')
    .values({ slack_user_id: slackUserId, ...link })
    .onConflict((oc) => oc.column('slack_user_id').doUpdateSet(link))
    .execute();
}

/** The Slack users linked to any of these Jira accounts, each once. */
export async function slackUsersOf(store: Store, jiraAccountIds: string[]): Promise<string[]> {
  if (jiraAccountIds.length === 0) return [];
  const rows = await store.db.selectFrom('user_links').select('slack_user_id').where('jira_account_id', 'in', jiraAccountIds).execute();
  return [...new Set(rows.map((r) => r.slack_user_id))];
}

/** Jira account -> Slack user, for the people who opted in to being mentioned in digests. */
export async function digestMentions(store: Store): Promise<Map<string, string>> {
  const rows = await store.db
    .selectFrom('user_links')
    .innerJoin('mutes', 'mutes.slack_user_id', 'user_links.slack_user_id')
    .select(['user_links.jira_account_id', 'user_links.slack_user_id'])
    .where('mutes.digest_mention', '=', 1)
    .execute();
  return new Map(rows.map((r) => [r.jira_account_id, r.slack_user_id]));
}
