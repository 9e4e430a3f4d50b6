import type { Selectable } from 'kysely';
import type { Store } from './database.js';
import type { SnoozesTable } from './schema.js';

export type Snooze = Selectable<SnoozesTable>;

export async function snoozesOf(store: Store, slackUserId: string): Promise<Snooze[]> {
  return store.db.selectFrom('snoozes').selectAll().where('slack_user_id', '=', slackUserId).execute();
}

/** Snoozes a ticket's findings for a person; a second snooze replaces the first. */
export async function saveSnooze(store: Store, snooze: Snooze): Promise<void> {
  await store.db
    .insertInto('snoozes')
    .values(snooze)
    .onConflict((oc) => oc.columns(['slack_user_id', 'ticket_key']).doUpdateSet({ findings_hash: snooze.findings_hash, until: snooze.until }))
    .execute();
}
