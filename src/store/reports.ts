import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { BenefitKind, LintRecord } from '../core/digest.js';
import { passes } from '../core/lint.js';
import type { Report, RuleId, Ticket } from '../core/types.js';
import { selectInChunks } from './chunks.js';
import type { Store } from './database.js';
import type { ReportsTable } from './schema.js';

export interface SavedReport {
  /** False when the stored report already said the same: nothing a person sees changed. */
  changed: boolean;
  previous: ReportsTable | undefined;
}

/** What a person would notice of a report: score, story and findings, not when it ran. */
export function findingsHash(report: Report): string {
  // What a person reads: a finding's docs link is not part of it, so a new docs URL nudges nobody again.
  const findings = report.findings?.map(({ rule, severity, message, hint }) => ({ rule, severity, message, hint }));
  const visible = JSON.stringify([report.skipped, report.score, report.story, findings]);
  return createHash('sha256').update(visible).digest('hex').slice(0, 32);
}

/** What the digest ranks a story by, stored beside its report. */
export interface PlanningFacts {
  benefit: number | null;
  cost: number | null;
  done: boolean;
}

/** Stores the latest report of a ticket, and a history row when it changed. */
export async function saveReport(store: Store, ticket: Ticket, report: Report, now: number, planning: PlanningFacts = { benefit: null, cost: null, done: false }): Promise<SavedReport> {
  const hash = findingsHash(report);
  const row: ReportsTable = {
    ticket_key: ticket.key,
    project: ticket.project,
    issue_type: ticket.issueType,
    status: ticket.status,
    score: report.score ?? null,
    passing: passes(report) ? 1 : 0,
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
          evidence_count: report.evidence?.count ?? null,
          benefit_kind: report.benefit?.kind ?? null,
          journey_stage: report.journey?.stage ?? null,
          epic_key: ticket.parent?.key ?? null,
        })
        .execute();
    }
    return { changed, previous };
  });
}

/**
 * Forgets a ticket's current report (its history stays): a ticket marked as not a story is no
 * longer listed as failing in App Home, `/centric mine` or the digest's facts.
 */
export async function forgetReport(store: Store, ticketKey: string): Promise<void> {
  await store.db.deleteFrom('reports').where('ticket_key', '=', ticketKey).execute();
}

export async function latestReport(store: Store, ticketKey: string): Promise<Report | undefined> {
  const row = await store.db.selectFrom('reports').select('report_json').where('ticket_key', '=', ticketKey).executeTakeFirst();
  return row ? (JSON.parse(row.report_json) as Report) : undefined;
}

/** Rows one retention statement deletes at most: a first prune of years of history holds no lock for long. */
export const PRUNE_BATCH = 1_000;

/**
 * Runs a bounded delete (`deleteBatch` removes at most `limit` rows and says how many) until it
 * removes fewer than a batch; between batches whatever else waits for the database (a webhook's
 * insert, a command's read) goes first. Resolves to the rows removed.
 */
export async function deleteInBatches(deleteBatch: (limit: number) => Promise<bigint | number>, batch = PRUNE_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const removed = Number(await deleteBatch(batch));
    total += removed;
    if (removed < batch) return total;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Deletes history and finished inbox rows older than the retention period, in batches; returns rows removed. */
export async function prune(store: Store, historyBefore: number, inboxBefore: number, batch = PRUNE_BATCH): Promise<number> {
  const history = await deleteInBatches(
    async (limit) =>
      (await store.db.deleteFrom('report_history').where('id', 'in', store.db.selectFrom('report_history').select('id').where('linted_at', '<', historyBefore).limit(limit)).executeTakeFirst()).numDeletedRows,
    batch,
  );
  const inbox = await deleteInBatches(
    async (limit) =>
      (
        await store.db
          .deleteFrom('inbox')
          .where('id', 'in', store.db.selectFrom('inbox').select('id').where('status', 'in', ['done', 'coalesced']).where('updated_at', '<', inboxBefore).limit(limit))
          .executeTakeFirst()
      ).numDeletedRows,
    batch,
  );
  return history + inbox;
}

/**
 * A person's open failing reports (reported or assigned; a ticket closed since, status category
 * done, is no work left), worst first; the OR is two indexed reads (reports_reporter, reports_assignee).
 */
export async function failingReportsOf(store: Store, jiraAccountId: string, limit: number): Promise<Array<{ key: string; score: number | null; role: string | null }>> {
  const rows = await store.db
    .selectFrom('reports')
    .select(['ticket_key', 'score', 'role'])
    .where((eb) => eb.or([eb('reporter_account_id', '=', jiraAccountId), eb('assignee_account_id', '=', jiraAccountId)]))
    .where('passing', '=', 0)
    .where('skipped', '=', 0)
    .where('done', '=', 0)
    .orderBy('score', 'asc')
    .orderBy('ticket_key')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ key: r.ticket_key, score: r.score, role: r.role }));
}

/** The average score of the lints in [from, to), of one person's tickets or of everyone's; null when none. */
export async function averageScore(store: Store, from: number, to: number, jiraAccountId: string | null): Promise<number | null> {
  const history = store.db
    .selectFrom('report_history')
    .select((eb) => eb.fn.avg<number | string | null>('report_history.score').as('avg'))
    .where('report_history.linted_at', '>=', from)
    .where('report_history.linted_at', '<', to);
  // Everyone's: the week's history alone (by its time index). A history row is written with its
  // ticket's report and reports are never deleted, so joining them would change nothing, and on
  // Postgres it made the planner hash the whole reports table for every App Home.
  const query = jiraAccountId
    ? history
        .innerJoin('reports', 'reports.ticket_key', 'report_history.ticket_key')
        // Two indexed reads (reports_reporter, reports_assignee): SQLite's multi-index OR, Postgres' BitmapOr.
        .where((eb) => eb.or([eb('reports.reporter_account_id', '=', jiraAccountId), eb('reports.assignee_account_id', '=', jiraAccountId)]))
    : history;
  const row = await query.executeTakeFirst();
  return row?.avg === null || row?.avg === undefined ? null : Math.round(Number(row.avg));
}

/** Stored tickets of a digest: a project's, or the ones a JQL returned (any number: read in chunks). */
export type ReportScope = { project: string } | { keys: string[] };

/** The lints of a scope in [from, to), as the digest reads them. */
export async function lintHistory(store: Store, scope: ReportScope, from: number, to: number): Promise<LintRecord[]> {
  const query = store.db.selectFrom('report_history').select(['ticket_key', 'score', 'role', 'failed_rules', 'linted_at', 'evidence_count', 'benefit_kind', 'journey_stage', 'epic_key']).where('linted_at', '>=', from).where('linted_at', '<', to);
  const rows = 'keys' in scope ? await selectInChunks(scope.keys, (keys) => query.where('ticket_key', 'in', keys).execute()) : await query.where('project', '=', scope.project).execute();
  return rows.map((r) => ({
    key: r.ticket_key,
    score: r.score ?? 0,
    role: r.role,
    failedRules: (r.failed_rules ? r.failed_rules.split(',') : []) as RuleId[],
    lintedAt: r.linted_at,
    evidence: r.evidence_count,
    benefitKind: (r.benefit_kind as BenefitKind | null) ?? null,
    journeyStage: r.journey_stage,
    epicKey: r.epic_key,
  }));
}

/** What the digest knows of each linted (not skipped) ticket of a scope now. */
export interface StoredFacts {
  key: string;
  status: string | null;
  passing: boolean;
  reporterAccountId: string | null;
  assigneeAccountId: string | null;
  benefit: number | null;
  cost: number | null;
  done: boolean;
}

export async function ticketFacts(store: Store, scope: ReportScope): Promise<StoredFacts[]> {
  const query = store.db.selectFrom('reports').select(['ticket_key', 'status', 'passing', 'reporter_account_id', 'assignee_account_id', 'benefit', 'cost', 'done']).where('skipped', '=', 0);
  const rows = 'keys' in scope ? await selectInChunks(scope.keys, (keys) => query.where('ticket_key', 'in', keys).execute()) : await query.where('project', '=', scope.project).execute();
  return rows.map((r) => ({
    key: r.ticket_key,
    status: r.status,
    passing: r.passing === 1,
    reporterAccountId: r.reporter_account_id,
    assigneeAccountId: r.assignee_account_id,
    benefit: r.benefit,
    cost: r.cost,
    done: r.done === 1,
  }));
}

/**
 * The stored epics among these tickets (those of an epic issue type, linted by working-backwards):
 * each one's customer, for the digest's line per epic. Keys are read in chunks; the report is
 * parsed only for the few rows that are epics.
 */
export async function storedEpics(store: Store, keys: string[], issueTypes: string[]): Promise<Array<{ key: string; persona: string | null }>> {
  if (keys.length === 0 || issueTypes.length === 0) return [];
  const query = store.db.selectFrom('reports').select(['ticket_key', 'report_json']).where('skipped', '=', 0).where(sql<string>`lower(issue_type)`, 'in', issueTypes.map((t) => t.toLowerCase()));
  const rows = await selectInChunks(keys, (chunk) => query.where('ticket_key', 'in', chunk).execute());
  const out: Array<{ key: string; persona: string | null }> = [];
  for (const r of rows) {
    const epic = (JSON.parse(r.report_json) as Report).epic;
    if (epic) out.push({ key: r.ticket_key, persona: epic.persona });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}
