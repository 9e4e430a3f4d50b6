import { createHash } from 'node:crypto';
import type { CentricConfig } from '../core/config-types.js';
import type { Locale } from '../core/i18n/locales.js';
import { findingsLocale, needsAttention, passes } from '../core/lint.js';
import { renderAdfComment, renderWikiComment } from '../core/render/jira-comment.js';
import { projectOf } from '../core/ticket/project-of.js';
import type { Report } from '../core/types.js';
import type { Store } from '../store/database.js';
import { forgetStickyComment, rememberStickyComment, stickyCommentOf } from '../store/sticky-comments.js';
import { jiraStatusOf, type JiraBody, type JiraPort } from './ports.js';

export interface StickyCommentDeps {
  store: Store;
  config: CentricConfig;
  clock: () => number;
  jira: JiraPort;
}

export type CommentAction = 'created' | 'updated' | 'unchanged' | 'removed' | 'none';

const hashOf = (body: JiraBody): string => createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32);

/** Centric's comment on the issue, if it has one: ours by author and by the comment property. */
async function findOurComment(jira: JiraPort, key: string): Promise<string | null> {
  const me = await jira.myself();
  const mine = (await jira.comments(key)).filter((c) => c.authorAccountId === me.accountId).map((c) => c.id);
  const marked = await jira.commentsMarkedAsOurs(mine);
  return marked[0] ?? null;
}

async function create(deps: StickyCommentDeps, key: string, body: JiraBody, bodyHash: string, passing: boolean): Promise<CommentAction> {
  const id = await deps.jira.addComment(key, body);
  await rememberStickyComment(deps.store, key, { commentId: id, bodyHash, passing }, deps.clock());
  return 'created';
}

/**
 * One comment per ticket: created when a ticket first has a finding worth one (jira.commentWhen),
 * updated in place only when what it says changed, turned into a pass note (or removed) once
 * nothing is left to say. Never touches a comment that is not Centric's own. Written in the
 * language of the report's findings (`locale`; by default worked out as lint does, from the
 * project's `language:` and the story's), so the same report always makes the same body.
 */
export async function syncComment(deps: StickyCommentDeps, key: string, report: Report, note?: string, locale?: Locale): Promise<CommentAction> {
  const { jira, store, config } = deps;
  const passing = passes(report);
  const language = locale ?? findingsLocale(config, projectOf(key), report.story);
  const options = { rulesDocUrl: config.jira.rulesDocUrl, exemptLabel: config.jira.exemptLabel, locale: language, ...(note ? { note } : {}) };
  const body = jira.cloud ? renderAdfComment(report, options) : renderWikiComment(report, options);
  const bodyHash = hashOf(body);
  const known = await stickyCommentOf(store, key);
  // Nothing worth a comment (no finding, or only warnings when comments are for failing tickets).
  const quiet = !needsAttention(report, config.jira.commentWhen);
  const removeOnPass = quiet && config.jira.onPass === 'remove';

  // Unchanged, unless the settings now say to remove it (commentWhen or onPass changed since).
  if (known?.bodyHash === bodyHash && !removeOnPass) return 'unchanged';
  const existing = known?.commentId ?? (await findOurComment(jira, key));
  // A ticket with nothing worth saying the first time it is seen needs no comment at all.
  if (!existing) return quiet ? 'none' : create(deps, key, body, bodyHash, passing);
  try {
    if (removeOnPass) {
      await jira.deleteComment(key, existing);
      await forgetStickyComment(store, key);
      return 'removed';
    }
    await jira.updateComment(key, existing, body);
    await rememberStickyComment(store, key, { commentId: existing, bodyHash, passing }, deps.clock());
    return 'updated';
  } catch (err) {
    if (jiraStatusOf(err) !== 404) throw err;
    // Someone deleted our comment: forget it, and say it again only if there is something to say.
    await forgetStickyComment(store, key);
    return quiet ? 'removed' : create(deps, key, body, bodyHash, passing);
  }
}
