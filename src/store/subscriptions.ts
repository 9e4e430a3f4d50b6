import type { Selectable } from 'kysely';
import type { Store } from './database.js';
import type { DigestSubscriptionsTable } from './schema.js';

export type Subscription = Selectable<DigestSubscriptionsTable>;

/** A channel's weekly digest of a scope (a project key or a JQL), and when it is posted. */
export interface NewSubscription {
  channelId: string;
  scope: { type: string; value: string };
  weekday: number;
  time: string;
  timezone: string;
  createdBy: string;
}

/** Subscribes a channel to a scope's digest, or reschedules the subscription it already has. */
export async function saveSubscription(store: Store, sub: NewSubscription, now: number): Promise<'added' | 'updated'> {
  const existing = await store.db
    .selectFrom('digest_subscriptions')
    .select('id')
    .where('channel_id', '=', sub.channelId)
    .where('scope_type', '=', sub.scope.type)
    .where('scope', '=', sub.scope.value)
    .executeTakeFirst();
  const schedule = { weekday: sub.weekday, time: sub.time, timezone: sub.timezone };
  if (existing) {
    await store.db.updateTable('digest_subscriptions').set(schedule).where('id', '=', existing.id).execute();
    return 'updated';
  }
  await store.db
    .insertInto('digest_subscriptions')
    .values({ channel_id: sub.channelId, scope_type: sub.scope.type, scope: sub.scope.value, ...schedule, created_by: sub.createdBy, created_at: now })
    .execute();
  return 'added';
}

/** Removes a channel's subscriptions (of one scope, when given); resolves to how many. */
export async function removeSubscriptions(store: Store, channelId: string, scope?: { type: string; value: string } | null): Promise<number> {
  let query = store.db.deleteFrom('digest_subscriptions').where('channel_id', '=', channelId);
  if (scope) query = query.where('scope_type', '=', scope.type).where('scope', '=', scope.value);
  return Number((await query.executeTakeFirst()).numDeletedRows);
}

/** A channel's subscriptions, oldest first. */
export async function subscriptionsOf(store: Store, channelId: string): Promise<Subscription[]> {
  return store.db.selectFrom('digest_subscriptions').selectAll().where('channel_id', '=', channelId).orderBy('id').execute();
}

/** Every subscription, oldest first. */
export async function allSubscriptions(store: Store): Promise<Subscription[]> {
  return store.db.selectFrom('digest_subscriptions').selectAll().orderBy('id').execute();
}
