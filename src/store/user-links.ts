import { selectInChunks } from './chunks.js';
import type { Store } from './database.js';

/**
 * How a Slack user was proven to own a Jira account: their confirmed Slack e-mail matched exactly
 * one Jira account, a one-time code they posted from the Jira account, or a Centric admin's word.
 */
export type LinkedBy = 'email' | 'code' | 'admin';

export interface NewLink {
  slackUserId: string;
  jiraAccountId: string;
  by: LinkedBy;
  /** Only an admin may let one Jira account be linked to several Slack users. */
  shared?: boolean;
}


/** The Jira account linked to a Slack user, or null. */
export async function linkedAccount(store: Store, slackUserId: string): Promise<string | null> {
  const row = await store.db.selectFrom('user_links').select('jira_account_id').where('slack_user_id', '=', slackUserId).executeTakeFirst();
  return row?.jira_account_id ?? null;
}

/**
 * Links a Slack user to a Jira account, replacing their earlier link. One account belongs to one
 * Slack user: anyone else linked to it loses the link (their ids are returned, to be told),
 * unless an admin marks the link shared, which keeps the others and marks them shared too.
 */
export async function saveLink(store: Store, link: NewLink, now: number): Promise<{ replaced: string[] }> {
  const shared = link.shared === true;
  return store.db.transaction().execute(async (trx) => {
    const others = await trx
      .selectFrom('user_links')
      .select(['slack_user_id', 'shared'])
      .where('jira_account_id', '=', link.jiraAccountId)
      .where('slack_user_id', '<>', link.slackUserId)
      .execute();
    const replaced = shared ? [] : others.map((o) => o.slack_user_id);
    if (replaced.length > 0) await trx.deleteFrom('user_links').where('jira_account_id', '=', link.jiraAccountId).where('slack_user_id', '<>', link.slackUserId).execute();
    if (shared) await trx.updateTable('user_links').set({ shared: 1 }).where('jira_account_id', '=', link.jiraAccountId).execute();
    const row = { jira_account_id: link.jiraAccountId, linked_by: link.by, linked_at: now, shared: shared ? 1 : 0 };
    await trx
      .insertInto('user_links')
      .values({ slack_user_id: link.slackUserId, ...row })
      .onConflict((oc) => oc.column('slack_user_id').doUpdateSet(row))
      .execute();
    return { replaced };
  });
}

/** Removes a Slack user's link; resolves to the account they were linked to, or null. */
export async function removeLink(store: Store, slackUserId: string): Promise<string | null> {
  const account = await linkedAccount(store, slackUserId);
  if (account) await store.db.deleteFrom('user_links').where('slack_user_id', '=', slackUserId).execute();
  return account;
}

/** The Slack users linked to any of these Jira accounts, each once. */
export async function slackUsersOf(store: Store, jiraAccountIds: string[]): Promise<string[]> {
  const rows = await selectInChunks([...new Set(jiraAccountIds)], (chunk) => store.db.selectFrom('user_links').select('slack_user_id').where('jira_account_id', 'in', chunk).execute());
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

/** After an admin's unlink: the person may not link themselves again (by e-mail or code) until an admin links them. */
export async function blockLink(store: Store, slackUserId: string, by: string, now: number): Promise<void> {
  const row = { blocked_by: by, blocked_at: now };
  await store.db
    .insertInto('link_blocks')
    .values({ slack_user_id: slackUserId, ...row })
    .onConflict((oc) => oc.column('slack_user_id').doUpdateSet(row))
    .execute();
}

export async function isLinkBlocked(store: Store, slackUserId: string): Promise<boolean> {
  return (await store.db.selectFrom('link_blocks').select('slack_user_id').where('slack_user_id', '=', slackUserId).executeTakeFirst()) !== undefined;
}

export async function unblockLink(store: Store, slackUserId: string): Promise<void> {
  await store.db.deleteFrom('link_blocks').where('slack_user_id', '=', slackUserId).execute();
}
