import { createHash } from 'node:crypto';
import type { Report } from '../core/types.js';
import type { Ticket } from '../core/types.js';
import type { Store } from './database.js';
import type { ReportsTable } from './schema.js';

export interface SavedReport {
  /** False when the stored report already said the same: nothing a person sees changed. */
  changed: boolean;
  previous: ReportsTable | undefined;
}

/** What a person would notice of a report: score, story and findings, not when it ran. */
export function findingsHash(report: Report): string {
  const visible = JSON.stringify([report.skipped, report.score, report.story, report.findings]);
  return createHash('sha256').update(visible).digest('hex').slice(0, 32);
}

/** Stores the latest report of a ticket, and a history row when it changed. */
export interface PlanningFacts {
  benefit: number | null;
  cost: number | null;
  done: boolean;
}

export async function saveReport(store: Store, ticket: Ticket, report: Report, now: number, planning: PlanningFacts = { benefit: null, cost: null, done: false }): Promise<SavedReport> {
  const hash = findingsHash(report);
  const row: ReportsTable = {
    ticket_key: ticket.key,
    project: ticket.project,
    issue_type: ticket.issueType,
    status: ticket.status,
    score: report.score ?? null,
    passing: report.skipped || (report.findings ?? []).some((f) => f.severity === 'error') ? 0 : 1,
    skipped: report.skipped ? 1 : 0,
    role: report.story?.role ?? null,
    reporter_account_id: ticket.reporter?.accountId ?? null,
    assignee_account_id: ticket.assignee?.accountId ?? null,
    report_json: JSON.stringify(report),
    findings_hash: hash,
    linted_at: now,
    benefit: planning.benefit,
    cost: planning.cost,
    done: planning.done ? 1 : 0,
  };
  return store.db.transaction().execute(async (trx) => {
    const previous = await trx.selectFrom('reports').selectAll().where('ticket_key', '=', ticket.key).executeTakeFirst();
    const { ticket_key: _key, ...update } = row;
    await trx.insertInto('reports').values(row).onConflict((oc) => oc.column('ticket_key').doUpdateSet(update)).execute();
    const changed = previous?.findings_hash !== hash || previous.status !== row.status;
    if (changed && !report.skipped) {
      await trx
        .insertInto('report_history')
        .values({
          ticket_key: ticket.key,
          project: ticket.project,
          score: row.score,
          passing: row.passing,
          role: row.role,
          failed_rules: (report.findings ?? []).map((f) => f.rule).join(','),
          linted_at: now,
        })
        .execute();
    }
    return { changed, previous };
  });
}

export async function latestReport(store: Store, ticketKey: string): Promise<Report | undefined> {
  const row = await store.db.selectFrom('reports').select('report_json').where('ticket_key', '=', ticketKey).executeTakeFirst();
  return row ? (JSON.parse(row.report_json) as Report) : undefined;
}

/** Deletes history and finished inbox rows older than the retention period; returns rows removed. */
export async function prune(store: Store, historyBefore: number, inboxBefore: number): Promise<number> {
  const history = await store.db.deleteFrom('report_history').where('linted_at', '<', historyBefore).executeTakeFirst();
  const inbox = await store.db
    .deleteFrom('inbox')
    .where('status', 'in', ['done', 'coalesced'])
    .where('updated_at', '<', inboxBefore)
    .executeTakeFirst();
  return Number(history.numDeletedRows) + Number(inbox.numDeletedRows);
}
