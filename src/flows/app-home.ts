import type { Store } from '../store/database.js';
import { failingTicketsOf } from './failing-tickets.js';
import type { HomeData } from '../slack/blocks.js';

const WEEK = 7 * 86_400_000;

export interface HomeDeps {
  store: Store;
  clock: () => number;
  defaultWorkingHours: { start: string; end: string };
}

async function averageScore(deps: HomeDeps, from: number, to: number, account: string | null): Promise<number | null> {
  let query = deps.store.db
    .selectFrom('report_history')
    .innerJoin('reports', 'reports.ticket_key', 'report_history.ticket_key')
    .select((eb) => eb.fn.avg<number | string | null>('report_history.score').as('avg'))
    .where('report_history.linted_at', '>=', from)
    .where('report_history.linted_at', '<', to);
  if (account) query = query.where((eb) => eb.or([eb('reports.reporter_account_id', '=', account), eb('reports.assignee_account_id', '=', account)]));
  const row = await query.executeTakeFirst();
  return row?.avg === null || row?.avg === undefined ? null : Math.round(Number(row.avg));
}

/** What App Home shows a person. */
export async function homeData(deps: HomeDeps, userId: string): Promise<HomeData> {
  const now = deps.clock();
  const link = await deps.store.db.selectFrom('user_links').select('jira_account_id').where('slack_user_id', '=', userId).executeTakeFirst();
  const account = link?.jira_account_id ?? null;
  const failing = account ? await failingTicketsOf(deps.store, account) : [];
  const mute = await deps.store.db.selectFrom('mutes').selectAll().where('slack_user_id', '=', userId).executeTakeFirst();
  const hours = mute?.working_hours ?? `${deps.defaultWorkingHours.start}-${deps.defaultWorkingHours.end}`;
  return {
    linked: account !== null,
    failing,
    mine: account ? { thisWeek: await averageScore(deps, now - WEEK, now + 1, account), lastWeek: await averageScore(deps, now - 2 * WEEK, now - WEEK, account) } : { thisWeek: null, lastWeek: null },
    team: { thisWeek: await averageScore(deps, now - WEEK, now + 1, null), lastWeek: await averageScore(deps, now - 2 * WEEK, now - WEEK, null) },
    mutedUntil: mute?.until && mute.until > now ? mute.until : null,
    workingHours: hours,
    digestMention: mute?.digest_mention === 1,
  };
}

/** Settings from App Home: mute a week, unmute, working hours, mentions in digests. */
export async function saveHomeSetting(deps: HomeDeps, userId: string, setting: { mutedUntil?: number | null; workingHours?: string; digestMention?: boolean }): Promise<void> {
  const existing = await deps.store.db.selectFrom('mutes').selectAll().where('slack_user_id', '=', userId).executeTakeFirst();
  const row = { slack_user_id: userId, until: existing?.until ?? null, working_hours: existing?.working_hours ?? null, digest_mention: existing?.digest_mention ?? 0 };
  if ('mutedUntil' in setting) row.until = setting.mutedUntil ?? null;
  if (setting.workingHours) row.working_hours = setting.workingHours;
  if (setting.digestMention !== undefined) row.digest_mention = setting.digestMention ? 1 : 0;
  const { slack_user_id: _id, ...update } = row;
  await deps.store.db.insertInto('mutes').values(row).onConflict((oc) => oc.column('slack_user_id').doUpdateSet(update)).execute();
}
