/**
 * Who is who: a Slack user is linked to a Jira account only with proof that it is theirs — their
 * confirmed Slack e-mail matching exactly one Jira account, a one-time code they post from the
 * Jira account, or a Centric admin's word. One Jira account belongs to one Slack user unless an
 * admin says otherwise; whoever loses a link is told.
 */
import { createHash, randomInt } from 'node:crypto';
import type { LinkRequest } from '../core/slash-command.js';
import { deleteLinkCode, linkCodeOf, saveLinkCode } from '../store/link-codes.js';
import { blockLink, isLinkBlocked, linkedAccount, removeLink, saveLink, unblockLink, type LinkedBy } from '../store/user-links.js';
import { isAdmin, type AccessDeps } from './access.js';
import type { CommentText, JiraPort, SlackUsers } from './ports.js';
import type { Logger } from '../runtime/logger.js';

export interface IdentityDeps extends AccessDeps {
  jira: Pick<JiraPort, 'userMay' | 'findAccountByEmail' | 'commentTexts' | 'deleteComment' | 'myself'>;
  users: SlackUsers;
  clock: () => number;
  logger: Logger;
  /** A new one-time code; random by default, fixed in tests. */
  newCode?: () => string;
}

export type LinkResult =
  | { kind: 'linked'; account: string; by: LinkedBy; user: string; self: boolean; shared: boolean; replaced: string[]; commentLeft?: string }
  | { kind: 'link-code'; code: string; ticket: string; minutes: number }
  | { kind: 'link-refused'; reason: 'no-email-match' | 'no-code' | 'code-expired' | 'code-not-found' | 'admins-only' | 'blocked'; ticket?: string }
  | { kind: 'unlinked'; user: string; self: boolean; account: string | null };

/** How many of a ticket's newest comments are searched for the code. */
const COMMENTS_READ = 50;
/** Crockford's base 32: no I, L, O or U to misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomCode(): string {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `centric-${part()}-${part()}`;
}

const hashOf = (code: string) => createHash('sha256').update(code.toUpperCase()).digest('hex');
/** A comment that is the code and nothing else (any case, spaces around): not a code quoted in other text. */
const CODE_ALONE = /^\s*(centric-[0-9a-z]{4}-[0-9a-z]{4})\s*$/i;

/**
 * Whether this comment proves its author asked for the code: posted by a person (not an app that
 * may echo text), never edited (by its author or by anyone allowed to edit all comments), not by
 * Centric's own account (whose comments quote tickets), and holding the code alone.
 */
function proves(comment: CommentText, codeHash: string, self: string): boolean {
  const code = CODE_ALONE.exec(comment.text)?.[1];
  return comment.byPerson && !comment.edited && comment.authorAccountId !== null && comment.authorAccountId !== self && code !== undefined && hashOf(code) === codeHash;
}

async function link(deps: IdentityDeps, user: string, account: string, by: LinkedBy, shared = false): Promise<string[]> {
  const { replaced } = await saveLink(deps.store, { slackUserId: user, jiraAccountId: account, by, shared }, deps.clock());
  for (const previous of replaced) {
    await deps.users.linkMoved(previous, { account, to: user, by }).catch((err: unknown) => deps.logger.warn({ err, user: previous }, 'could not tell a person their Jira link moved'));
  }
  deps.logger.info({ user, account, by, shared, replaced }, 'Slack user linked to a Jira account');
  return replaced;
}

/** The account proven by the person's confirmed Slack e-mail, or null. */
async function accountByEmail(deps: IdentityDeps, user: string): Promise<string | null> {
  const email = await deps.users.email(user);
  return email ? deps.jira.findAccountByEmail(email) : null;
}

/**
 * The Jira account a Slack user acts as: their link, or, the first time, the one their confirmed
 * e-mail proves (then stored). Null when there is no proof.
 */
export async function accountOf(deps: IdentityDeps, user: string): Promise<string | null> {
  const linked = await linkedAccount(deps.store, user);
  if (linked) return linked;
  if (await isLinkBlocked(deps.store, user)) return null;
  const found = await accountByEmail(deps, user);
  if (found) await link(deps, user, found, 'email');
  return found;
}

async function byEmail(deps: IdentityDeps, user: string): Promise<LinkResult> {
  const account = await accountByEmail(deps, user);
  if (!account) return { kind: 'link-refused', reason: 'no-email-match' };
  const replaced = await link(deps, user, account, 'email');
  return { kind: 'linked', account, by: 'email', user, self: true, shared: false, replaced };
}

async function newCode(deps: IdentityDeps, user: string, ticket: string): Promise<LinkResult> {
  const code = (deps.newCode ?? randomCode)();
  const minutes = deps.config.slack.linkCodeMinutes;
  await saveLinkCode(deps.store, user, { codeHash: hashOf(code), ticketKey: ticket, expiresAt: deps.clock() + minutes * 60_000 }, deps.clock());
  return { kind: 'link-code', code, ticket, minutes };
}

/**
 * `/centric link done`: the code must be in a comment on the chosen ticket, written by the Jira
 * account to link; never by Centric's own account, whose comments quote tickets' text.
 */
async function verify(deps: IdentityDeps, user: string): Promise<LinkResult> {
  const pending = await linkCodeOf(deps.store, user);
  if (!pending) return { kind: 'link-refused', reason: 'no-code' };
  if (pending.expiresAt <= deps.clock()) {
    await deleteLinkCode(deps.store, user);
    return { kind: 'link-refused', reason: 'code-expired', ticket: pending.ticketKey };
  }
  const self = (await deps.jira.myself()).accountId;
  const comments = await deps.jira.commentTexts(pending.ticketKey, COMMENTS_READ).catch(() => []);
  const posted = comments.find((c) => proves(c, pending.codeHash, self));
  if (!posted?.authorAccountId) return { kind: 'link-refused', reason: 'code-not-found', ticket: pending.ticketKey };
  await deleteLinkCode(deps.store, user);
  const replaced = await link(deps, user, posted.authorAccountId, 'code');
  // Centric needs "Delete all comments" to remove it; without it, the person removes it.
  const removed = await deps.jira.deleteComment(pending.ticketKey, posted.id).then(
    () => true,
    (err: unknown) => (deps.logger.warn({ err, ticket: pending.ticketKey }, 'could not delete the link-code comment'), false),
  );
  return { kind: 'linked', account: posted.authorAccountId, by: 'code', user, self: true, shared: false, replaced, ...(removed ? {} : { commentLeft: pending.ticketKey }) };
}

async function byAdmin(deps: IdentityDeps, admin: string, request: Extract<LinkRequest, { by: 'admin' }>): Promise<LinkResult> {
  if (!(await isAdmin(deps, admin))) return { kind: 'link-refused', reason: 'admins-only' };
  const user = request.user ?? admin;
  await unblockLink(deps.store, user);
  const replaced = await link(deps, user, request.account, 'admin', request.shared);
  return { kind: 'linked', account: request.account, by: 'admin', user, self: user === admin, shared: request.shared, replaced };
}

/** `/centric link …`: each way of proving who one is; after an admin's unlink, only an admin's. */
export async function linkAccount(deps: IdentityDeps, user: string, request: LinkRequest): Promise<LinkResult> {
  if (request.by !== 'admin' && (await isLinkBlocked(deps.store, user))) return { kind: 'link-refused', reason: 'blocked' };
  switch (request.by) {
    case 'email':
      return byEmail(deps, user);
    case 'code':
      return newCode(deps, user, request.ticket);
    case 'verify':
      return verify(deps, user);
    case 'admin':
      return byAdmin(deps, user, request);
  }
}

/** `/centric unlink [@someone]`: one's own link, or (admins) anyone's. */
export async function unlinkAccount(deps: IdentityDeps, user: string, target: string | null): Promise<LinkResult> {
  const whom = target ?? user;
  if (whom !== user && !(await isAdmin(deps, user))) return { kind: 'link-refused', reason: 'admins-only' };
  const account = await removeLink(deps.store, whom);
  // A pending code of theirs would otherwise still link them.
  await deleteLinkCode(deps.store, whom);
  if (whom !== user) {
    // An admin's unlink sticks (no automatic e-mail link behind their back), and the person is told.
    await blockLink(deps.store, whom, user, deps.clock());
    if (account) await deps.users.linkRemoved(whom, { account, by: user }).catch((err: unknown) => deps.logger.warn({ err, user: whom }, 'could not tell a person an admin unlinked them'));
  }
  return { kind: 'unlinked', user: whom, self: whom === user, account };
}
