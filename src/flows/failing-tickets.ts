import type { Store } from '../store/database.js';
import { failingReportsOf } from '../store/reports.js';

export interface FailingTicket {
  key: string;
  score: number | null;
  summary: string;
}

/** A person's failing tickets (reported or assigned), worst first: what /centric mine and App Home list. */
export async function failingTicketsOf(store: Store, jiraAccountId: string, limit = 40): Promise<FailingTicket[]> {
  const rows = await failingReportsOf(store, jiraAccountId, limit);
  return rows.map((r) => ({ key: r.key, score: r.score, summary: r.role ? `Persona: ${r.role}` : r.role === '' ? 'Job story (no persona)' : 'No user story yet' }));
}
