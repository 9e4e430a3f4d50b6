/**
 * Jira decides what a Slack user may see or change through Centric: before a read or a write on
 * someone's behalf, their own linked Jira account must hold the permission, whatever Centric's
 * account may do.
 */
import pLimit from 'p-limit';
import type { CentricConfig } from '../core/config-types.js';
import type { Store } from '../store/database.js';
import { linkedAccount } from '../store/user-links.js';
import type { JiraPermission, JiraPort, PermissionTarget, SlackUsers } from './ports.js';

export interface AccessDeps {
  store: Store;
  config: CentricConfig;
  jira: Pick<JiraPort, 'userMay'>;
  users: Pick<SlackUsers, 'isWorkspaceAdmin'>;
}

/** Why someone may not: no proven link yet, or their Jira account lacks the permission. */
export type Denied = { kind: 'not-linked' } | { kind: 'forbidden'; permission: JiraPermission; target: string };

export type Access = { ok: true; account: string } | { ok: false; denied: Denied };

const targetName = (target: PermissionTarget) => ('issueKey' in target ? target.issueKey : target.projectKey);

/**
 * Whether the person's linked Jira account holds the permission (every one, when several) on the
 * issue or project; the refusal names the first one missing.
 */
export async function mayAct(deps: Pick<AccessDeps, 'store' | 'jira'>, userId: string, permission: JiraPermission | JiraPermission[], target: PermissionTarget, account?: string | null): Promise<Access> {
  const linked = account === undefined ? await linkedAccount(deps.store, userId) : account;
  if (!linked) return { ok: false, denied: { kind: 'not-linked' } };
  for (const needed of Array.isArray(permission) ? permission : [permission]) {
    if (!(await deps.jira.userMay(linked, needed, target))) return { ok: false, denied: { kind: 'forbidden', permission: needed, target: targetName(target) } };
  }
  return { ok: true, account: linked };
}

/** Fix it and Not a story show and change a ticket: both permissions, as in Jira's own edit screen. */
export const BROWSE_AND_EDIT: JiraPermission[] = ['BROWSE_PROJECTS', 'EDIT_ISSUES'];

/** Centric admins: those named in centric.yml, and Slack workspace admins and owners unless switched off. */
export async function isAdmin(deps: AccessDeps, userId: string): Promise<boolean> {
  if (deps.config.slack.admins.includes(userId)) return true;
  return deps.config.slack.workspaceAdmins && (await deps.users.isWorkspaceAdmin(userId).catch(() => false));
}

/** The tickets, of these, that the account may browse, in their order; a few questions to Jira at a time. */
export async function browsable<T extends { key: string }>(deps: Pick<AccessDeps, 'jira'>, account: string, tickets: T[]): Promise<T[]> {
  const limit = pLimit(4);
  const allowed = await Promise.all(tickets.map((t) => limit(() => deps.jira.userMay(account, 'BROWSE_PROJECTS', { issueKey: t.key }))));
  return tickets.filter((_, i) => allowed[i]);
}
