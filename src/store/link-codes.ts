import type { Store } from './database.js';

/** A pending one-time code: only its hash is kept; the person alone ever sees the code. */
export interface LinkCode {
  codeHash: string;
  ticketKey: string;
  expiresAt: number;
}

/** Keeps a person's new code, replacing any earlier one: one pending code per person. */
export async function saveLinkCode(store: Store, slackUserId: string, code: LinkCode, now: number): Promise<void> {
  const row = { code_hash: code.codeHash, ticket_key: code.ticketKey, expires_at: code.expiresAt, created_at: now };
  await store.db
    .insertInto('link_codes')
    .values({ slack_user_id: slackUserId, ...row })
    .onConflict((oc) => oc.column('slack_user_id').doUpdateSet(row))
    .execute();
}

/** The person's pending code, or null. */
export async function linkCodeOf(store: Store, slackUserId: string): Promise<LinkCode | null> {
  const row = await store.db.selectFrom('link_codes').selectAll().where('slack_user_id', '=', slackUserId).executeTakeFirst();
  return row ? { codeHash: row.code_hash, ticketKey: row.ticket_key, expiresAt: row.expires_at } : null;
}

/** A code is used once: gone after it proved a link (or expired). */
export async function deleteLinkCode(store: Store, slackUserId: string): Promise<void> {
  await store.db.deleteFrom('link_codes').where('slack_user_id', '=', slackUserId).execute();
}

/** Codes nobody used before they expired (the nightly retention job); resolves to how many. */
export async function deleteExpiredLinkCodes(store: Store, now: number): Promise<number> {
  const result = await store.db.deleteFrom('link_codes').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
