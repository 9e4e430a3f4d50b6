import type { Store } from './database.js';

/** The one comment Centric keeps on a ticket, and what it last said. */
export interface StickyComment {
  commentId: string;
  /** Hash of the body last written: an update that says the same is skipped. */
  bodyHash: string;
  passing: boolean;
}

export async function stickyCommentOf(store: Store, ticketKey: string): Promise<StickyComment | undefined> {
  const row = await store.db.selectFrom('sticky_comments').selectAll().where('ticket_key', '=', ticketKey).executeTakeFirst();
  return row ? { commentId: row.comment_id, bodyHash: row.body_hash, passing: row.passing === 1 } : undefined;
}

export async function rememberStickyComment(store: Store, ticketKey: string, comment: StickyComment, now: number): Promise<void> {
  const update = { comment_id: comment.commentId, body_hash: comment.bodyHash, passing: comment.passing ? 1 : 0, updated_at: now };
  await store.db
    .insertInto('sticky_comments')
    .values({ ticket_key: ticketKey, ...update })
    .onConflict((oc) => oc.column('ticket_key').doUpdateSet(update))
    .execute();
}

export async function forgetStickyComment(store: Store, ticketKey: string): Promise<void> {
  await store.db.deleteFrom('sticky_comments').where('ticket_key', '=', ticketKey).execute();
}
