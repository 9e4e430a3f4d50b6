import { createHash } from 'node:crypto';
import type { CentricConfig } from '../core/config-types.js';
import { passes } from '../core/lint.js';
import { renderAdfComment, renderWikiComment } from '../core/render/jira-comment.js';
import type { JiraIssue } from '../core/ticket/normalise.js';
import type { Report } from '../core/types.js';
import { JiraError, type CommentBody, type JiraClient } from '../jira/client.js';
import type { Logger } from '../runtime/logger.js';
import type { Metrics } from '../runtime/metrics.js';
import type { Store } from '../store/database.js';
import { lintAndStore } from './lint-ticket.js';

export interface CheckTicketDeps {
  store: Store;
  config: CentricConfig;
  metrics: Metrics;
  clock: () => number;
  jira: JiraClient;
  logger: Logger;
}

export type CommentAction = 'created' | 'updated' | 'unchanged' | 'removed' | 'none';

export interface CheckOutcome {
  key: string;
  /** What a nudge needs of the ticket. */
  summary?: string;
  reporterAccountId?: string | null;
  assigneeAccountId?: string | null;
  /** gone: the issue no longer exists; exempt: it has the exemption label. */
  status: 'linted' | 'skipped' | 'exempt' | 'gone';
  report?: Report;
  comment: CommentAction;
  labels: { added: string[]; removed: string[] };
}

const hashOf = (body: CommentBody): string => createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32);

/** Centric's comment on the issue, if it has one: ours by author and by the comment property. */
async function findOurComment(jira: JiraClient, key: string): Promise<string | null> {
  const me = await jira.myself();
  const mine = (await jira.comments(key)).filter((c) => c.authorAccountId === me.accountId).map((c) => c.id);
  const marked = await jira.commentsMarkedAsOurs(mine);
  return marked[0] ?? null;
}

async function remember(store: Store, key: string, commentId: string, bodyHash: string, passing: boolean, now: number): Promise<void> {
  const row = { ticket_key: key, comment_id: commentId, body_hash: bodyHash, passing: passing ? 1 : 0, updated_at: now };
  await store.db
    .insertInto('sticky_comments')
    .values(row)
    .onConflict((oc) => oc.column('ticket_key').doUpdateSet({ comment_id: commentId, body_hash: bodyHash, passing: row.passing, updated_at: now }))
    .execute();
}

/**
 * One comment per ticket: created when a ticket first fails, updated in place only when what it
 * says changed, turned into a pass note (or removed) once the ticket passes. Never touches a
 * comment that is not Centric's own.
 */
export async function syncComment(deps: CheckTicketDeps, key: string, report: Report, note?: string): Promise<CommentAction> {
  const { jira, store, config, clock } = deps;
  const passing = passes(report);
  const options = { rulesDocUrl: config.jira.rulesDocUrl, exemptLabel: config.jira.exemptLabel, ...(note ? { note } : {}) };
  const body = jira.cloud ? renderAdfComment(report, options) : renderWikiComment(report, options);
  const bodyHash = hashOf(body);
  const known = await store.db.selectFrom('sticky_comments').selectAll().where('ticket_key', '=', key).executeTakeFirst();
  const removeOnPass = passing && config.jira.onPass === 'remove';

  if (known?.body_hash === bodyHash) return 'unchanged';
  const existing = known?.comment_id ?? (await findOurComment(jira, key));
  if (!existing) {
    // A ticket that passes the first time it is seen needs no comment at all.
    if (passing) return 'none';
    const id = await jira.addComment(key, body);
    await remember(store, key, id, bodyHash, passing, clock());
    return 'created';
  }
  try {
    if (removeOnPass) {
      await jira.deleteComment(key, existing);
      await store.db.deleteFrom('sticky_comments').where('ticket_key', '=', key).execute();
      return 'removed';
    }
    await jira.updateComment(key, existing, body);
    await remember(store, key, existing, bodyHash, passing, clock());
    return 'updated';
  } catch (err) {
    if (!(err instanceof JiraError && err.status === 404)) throw err;
    // Someone deleted our comment: forget it, and say it again only if there is something to say.
    await store.db.deleteFrom('sticky_comments').where('ticket_key', '=', key).execute();
    if (passing) return 'removed';
    const id = await jira.addComment(key, body);
    await remember(store, key, id, bodyHash, passing, clock());
    return 'created';
  }
}

/** Fetches, lints and stores a ticket, then brings its comment and label in line. */
export async function checkTicket(deps: CheckTicketDeps, key: string, options: { write: boolean; note?: string } = { write: true }): Promise<CheckOutcome> {
  const issue = await deps.jira.getIssue(key);
  if (!issue) return { key, status: 'gone', comment: 'none', labels: { added: [], removed: [] } };
  return lintAndUpdate(deps, issue, options);
}

/** Lints and stores an issue already fetched; with `write`, updates its comment and label. */
export async function lintAndUpdate(deps: CheckTicketDeps, issue: JiraIssue, options: { write: boolean; note?: string } = { write: true }): Promise<CheckOutcome> {
  const none = { added: [], removed: [] };
  const key = issue.key;
  const labels = issue.fields.labels ?? [];
  if (labels.includes(deps.config.jira.exemptLabel)) return { key, status: 'exempt', comment: 'none', labels: none };
  const { report } = await lintAndStore(deps, issue);
  if (report.skipped) return { key, status: 'skipped', report, comment: 'none', labels: none };
  if (!options.write) return { key, status: 'linted', report, comment: 'none', labels: none };

  const comment = await syncComment(deps, key, report, options.note);
  const label = deps.config.jira.label;
  const passing = passes(report);
  const add = label && !passing && !labels.includes(label) ? [label] : [];
  const remove = label && passing && labels.includes(label) ? [label] : [];
  await deps.jira.updateLabels(key, add, remove);
  deps.logger.info({ ticket: key, score: report.score, passing, comment, labelsAdded: add, labelsRemoved: remove }, 'ticket checked');
  const person = (u: unknown) => (u as { accountId?: string; name?: string } | null | undefined)?.accountId ?? (u as { name?: string } | null | undefined)?.name ?? null;
  return {
    key,
    status: 'linted',
    report,
    comment,
    labels: { added: add, removed: remove },
    summary: issue.fields.summary ?? '',
    reporterAccountId: person(issue.fields.reporter),
    assigneeAccountId: person(issue.fields.assignee),
  };
}
