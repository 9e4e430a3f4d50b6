import type { Store } from '../store/database.js';

export interface FailingTicket {
  key: string;
  score: number | null;
  summary: string;
}

/** A person's failing tickets (reported or assigned), worst first: what /centric mine and App Home list. */
export async function failingTicketsOf(store: Store, jiraAccountId: string, limit = 40): Promise<FailingTicket[]> {
  const rows = await store.db
    .selectFrom('reports')
    .select(['ticket_key', 'score', 'role'])
    .where((eb) => eb.or([eb('reporter_account_id', '=', jiraAccountId), eb('assignee_account_id', '=', jiraAccountId)]))
    .where('passing', '=', 0)
    .where('skipped', '=', 0)
    .orderBy('score', 'asc')
    .orderBy('ticket_key')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ key: r.ticket_key, score: r.score, summary: r.role ? `Persona: ${r.role}` : 'No user story yet' }));
}
