import type { Store } from './database.js';

/** A person's nudge and digest settings (table `mutes`). */
export interface UserSettings {
  /** No nudges before this time; null when not muted. */
  mutedUntil: number | null;
  /** "09:00-18:00"; null for the configured default. */
  workingHours: string | null;
  /** Opted in to being mentioned in digests next to their tickets that need attention. */
  digestMention: boolean;
}

/** What to change; what is left out stays as it is. */
export interface SettingsChange {
  mutedUntil?: number | null;
  workingHours?: string;
  digestMention?: boolean;
}

export async function userSettingsOf(store: Store, slackUserId: string): Promise<UserSettings | undefined> {
  const row = await store.db.selectFrom('mutes').selectAll().where('slack_user_id', '=', slackUserId).executeTakeFirst();
  return row ? { mutedUntil: row.until, workingHours: row.working_hours, digestMention: row.digest_mention === 1 } : undefined;
}

/** Changes some settings in one statement, so two changes at once never undo each other. */
export async function saveUserSettings(store: Store, slackUserId: string, change: SettingsChange): Promise<void> {
  const set: { until?: number | null; working_hours?: string; digest_mention?: number } = {};
  if ('mutedUntil' in change) set.until = change.mutedUntil ?? null;
  if (change.workingHours) set.working_hours = change.workingHours;
  if (change.digestMention !== undefined) set.digest_mention = change.digestMention ? 1 : 0;
  if (Object.keys(set).length === 0) return;
  await store.db
    .insertInto('mutes')
    .values({ slack_user_id: slackUserId, until: null, working_hours: null, digest_mention: 0, ...set })
    .onConflict((oc) => oc.column('slack_user_id').doUpdateSet(set))
    .execute();
}
