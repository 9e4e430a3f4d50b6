import type { PersonaDefinition } from '../core/config-types.js';
import { outcomeListing, type OutcomeListing } from '../core/outcome/stats.js';
import { openStoriesJql, rankIssues, type Ranking } from '../core/rank.js';
import { profileIssueTypes } from '../core/profiles.js';
import type { Command, Schedule, Scope } from '../core/slash-command.js';
import type { Report } from '../core/types.js';
import { scopeReviews } from '../store/outcome-stats.js';
import { removeSubscriptions, saveSubscription, subscriptionsOf, type Subscription } from '../store/subscriptions.js';
import { saveUserSettings } from '../store/user-settings.js';
import { browsable, isAdmin, mayAct, type Denied } from './access.js';
import { failingTicketsOf, type FailingTicket } from './failing-tickets.js';
import { accountOf, linkAccount, unlinkAccount, type IdentityDeps, type LinkResult } from './identity.js';
import type { DigestPost } from './ports.js';
import { searchCapped } from './post-digest.js';
import type { RateLimiter } from './rate-limit.js';
import { ticketChanged, type TicketChangedDeps } from './ticket-changed.js';

export interface CommandDeps extends TicketChangedDeps, Omit<IdentityDeps, 'jira' | 'store' | 'config' | 'clock' | 'logger'> {
  jira: TicketChangedDeps['jira'] & IdentityDeps['jira'];
  /** The digest of a scope for the last seven days. */
  digestPreview: (scope: { type: string; value: string }) => Promise<DigestPost>;
  /** Commands per person per minute. */
  limiter: RateLimiter;
}

export interface CommandContext {
  userId: string;
  channelId: string;
}

/** What a /centric command came to, as data: the Slack listener words and renders it. */
export type CommandResult =
  | { kind: 'help' }
  | { kind: 'template'; persona: PersonaDefinition | null; asked: string | null }
  | { kind: 'report'; report: Report; summary: string }
  | { kind: 'not-found'; key: string }
  | { kind: 'not-checked'; key: string; issueType: string; checked: string[] }
  | { kind: 'mine'; tickets: FailingTicket[] }
  | { kind: 'not-linked' }
  | Extract<Denied, { kind: 'forbidden' }>
  | LinkResult
  | { kind: 'digest'; post: DigestPost }
  /** `days`: the answers of that many days are listed. */
  | { kind: 'outcomes'; project: string; days: number; listing: OutcomeListing }
  /** `truncatedAt`: the project had more open issues than one ranking reads; the first this many were ranked. */
  | { kind: 'rank'; project: string; ranking: Ranking; truncatedAt: number | null }
  | { kind: 'no-subscription' }
  | { kind: 'refused'; reason: 'admins-only' | 'other-channel' | 'jql-admins-only' | 'not-a-member'; channel: string }
  | { kind: 'subscribed'; updated: boolean; channel: string; scope: Scope; schedule: Schedule; timezone: string }
  | { kind: 'unsubscribed'; channel: string; scope: Scope | null; removed: number }
  | { kind: 'subscriptions'; channel: string; subscriptions: Subscription[] }
  | { kind: 'muted'; days: number | null }
  | { kind: 'rate-limited'; retryInSeconds: number };

const DAY = 86_400_000;
/** /centric outcomes lists the answers of this many days. */
const RECENT_OUTCOME_DAYS = 90;

/** Who may change a channel's digest: the admins when centric.yml names some, else anyone, from that channel. */
async function mayManage(deps: CommandDeps, ctx: CommandContext, channel: string): Promise<CommandResult | null> {
  if (await isAdmin(deps, ctx.userId)) return null;
  if (deps.config.slack.admins.length > 0) return { kind: 'refused', reason: 'admins-only', channel };
  if (channel !== ctx.channelId) return { kind: 'refused', reason: 'other-channel', channel };
  return null;
}

/** The refusal a denied person gets: never any ticket content. */
const refusal = (denied: Denied): CommandResult => denied;

/**
 * /centric check: only for someone whose Jira account may browse the ticket; then it goes through
 * "ticket changed" (stored, comment and label in line, nudges cleared when it passes).
 */
async function check(deps: CommandDeps, ctx: CommandContext, key: string): Promise<CommandResult> {
  const access = await mayAct(deps, ctx.userId, 'BROWSE_PROJECTS', { issueKey: key }, await accountOf(deps, ctx.userId));
  if (!access.ok) return refusal(access.denied);
  const outcome = await ticketChanged(deps, { key }, { nudges: 'clear' });
  if (!outcome.ticket || !outcome.report) return { kind: 'not-found', key };
  if (outcome.report.skipped) return { kind: 'not-checked', key, issueType: outcome.ticket.issueType, checked: [...deps.config.issueTypes, ...profileIssueTypes(deps.config)] };
  return { kind: 'report', report: outcome.report, summary: outcome.ticket.summary };
}

/** Their failing tickets, each one they may still browse. */
async function mine(deps: CommandDeps, ctx: CommandContext): Promise<CommandResult> {
  const account = await accountOf(deps, ctx.userId);
  if (!account) return { kind: 'not-linked' };
  return { kind: 'mine', tickets: await browsable(deps, account, await failingTicketsOf(deps.store, account)) };
}

function template(deps: CommandDeps, asked: string | null): CommandResult {
  const name = asked?.toLowerCase() ?? null;
  const persona =
    deps.config.personas.find((p) => name !== null && (p.name.toLowerCase() === name || p.aliases.some((a) => a.toLowerCase() === name))) ??
    (name === null ? (deps.config.personas[0] ?? null) : null);
  return { kind: 'template', persona, asked };
}

/**
 * A project's digest for someone who may browse the project; the channel's own digest for a
 * linked member of it (the channel sees it every week anyway).
 */
async function digest(deps: CommandDeps, ctx: CommandContext, project: string | null): Promise<CommandResult> {
  const account = await accountOf(deps, ctx.userId);
  if (!account) return { kind: 'not-linked' };
  if (project) {
    const access = await mayAct(deps, ctx.userId, 'BROWSE_PROJECTS', { projectKey: project }, account);
    if (!access.ok) return refusal(access.denied);
    return { kind: 'digest', post: await deps.digestPreview({ type: 'project', value: project }) };
  }
  const [first] = await subscriptionsOf(deps.store, ctx.channelId);
  if (!first) return { kind: 'no-subscription' };
  return { kind: 'digest', post: await deps.digestPreview({ type: first.scope_type, value: first.scope }) };
}

/** A project's pending, overdue and recent outcomes, for someone whose Jira account may browse the project. */
async function outcomes(deps: CommandDeps, ctx: CommandContext, project: string): Promise<CommandResult> {
  const access = await mayAct(deps, ctx.userId, 'BROWSE_PROJECTS', { projectKey: project }, await accountOf(deps, ctx.userId));
  if (!access.ok) return refusal(access.denied);
  const since = deps.clock() - RECENT_OUTCOME_DAYS * DAY;
  return { kind: 'outcomes', project, days: RECENT_OUTCOME_DAYS, listing: outcomeListing(await scopeReviews(deps.store, { project }, since), since) };
}

/** A project's open stories ranked for the prioritisation meeting, from Jira now, for someone who may browse the project. */
async function rank(deps: CommandDeps, ctx: CommandContext, project: string): Promise<CommandResult> {
  const access = await mayAct(deps, ctx.userId, 'BROWSE_PROJECTS', { projectKey: project }, await accountOf(deps, ctx.userId));
  if (!access.ok) return refusal(access.denied);
  const max = deps.config.digest.maxIssues;
  const { issues, truncated } = await searchCapped(deps.jira.search(openStoriesJql(project)), max);
  return { kind: 'rank', project, ranking: rankIssues(issues, deps.config), truncatedAt: truncated ? max : null };
}

/**
 * Everyone in the channel will see what the digest shows: a JQL (any project) is for admins; a
 * project, for someone who may browse it.
 */
async function subscribe(deps: CommandDeps, ctx: CommandContext, command: Extract<Command, { name: 'subscribe' }>): Promise<CommandResult> {
  const channel = command.channel ?? ctx.channelId;
  const refused = await mayManage(deps, ctx, channel);
  if (refused) return refused;
  if (command.scope.type === 'jql' && !(await isAdmin(deps, ctx.userId))) return { kind: 'refused', reason: 'jql-admins-only', channel };
  if (command.scope.type === 'project') {
    const access = await mayAct(deps, ctx.userId, 'BROWSE_PROJECTS', { projectKey: command.scope.value }, await accountOf(deps, ctx.userId));
    if (!access.ok) return refusal(access.denied);
  }
  const schedule = command.schedule ?? { weekday: 1, time: '09:00' };
  const timezone = await deps.users.timezone(ctx.userId);
  const saved = await saveSubscription(deps.store, { channelId: channel, scope: command.scope, ...schedule, timezone, createdBy: ctx.userId }, deps.clock());
  return { kind: 'subscribed', updated: saved === 'updated', channel, scope: command.scope, schedule, timezone };
}

async function unsubscribe(deps: CommandDeps, ctx: CommandContext, command: Extract<Command, { name: 'unsubscribe' }>): Promise<CommandResult> {
  const channel = command.channel ?? ctx.channelId;
  const refused = await mayManage(deps, ctx, channel);
  if (refused) return refused;
  const removed = await removeSubscriptions(deps.store, channel, command.scope);
  return { kind: 'unsubscribed', channel, scope: command.scope ?? null, removed };
}

/** Another channel's subscriptions: for its members and admins only. */
async function subscriptions(deps: CommandDeps, ctx: CommandContext, other: string | null): Promise<CommandResult> {
  const channel = other ?? ctx.channelId;
  if (channel !== ctx.channelId && !(await isAdmin(deps, ctx.userId)) && !(await deps.users.isMember(channel, ctx.userId).catch(() => false))) {
    return { kind: 'refused', reason: 'not-a-member', channel };
  }
  return { kind: 'subscriptions', channel, subscriptions: await subscriptionsOf(deps.store, channel) };
}

async function mute(deps: CommandDeps, ctx: CommandContext, days: number | null): Promise<CommandResult> {
  await saveUserSettings(deps.store, ctx.userId, { mutedUntil: days === null ? null : deps.clock() + days * DAY });
  return { kind: 'muted', days };
}

/** Runs one parsed /centric command; resolves to its result, which the listener answers with. */
export async function runCommand(deps: CommandDeps, ctx: CommandContext, command: Command): Promise<CommandResult> {
  if (command.name !== 'help' && command.name !== 'template') {
    const wait = deps.limiter.take(ctx.userId);
    if (wait !== null) return { kind: 'rate-limited', retryInSeconds: wait };
  }
  switch (command.name) {
    case 'help':
      return { kind: 'help' };
    case 'check':
      return check(deps, ctx, command.key);
    case 'template':
      return template(deps, command.persona);
    case 'mine':
      return mine(deps, ctx);
    case 'digest':
      return digest(deps, ctx, command.project);
    case 'outcomes':
      return outcomes(deps, ctx, command.project);
    case 'rank':
      return rank(deps, ctx, command.project);
    case 'subscribe':
      return subscribe(deps, ctx, command);
    case 'unsubscribe':
      return unsubscribe(deps, ctx, command);
    case 'subscriptions':
      return subscriptions(deps, ctx, command.channel);
    case 'link':
      return linkAccount(deps, ctx.userId, command.how);
    case 'unlink':
      return unlinkAccount(deps, ctx.userId, command.user);
    case 'mute':
      return mute(deps, ctx, command.days);
    case 'unmute':
      return mute(deps, ctx, null);
  }
}
