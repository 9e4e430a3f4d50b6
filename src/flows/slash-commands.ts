import type { PersonaDefinition } from '../core/config-types.js';
import type { Command, Schedule, Scope } from '../core/slash-command.js';
import type { Report } from '../core/types.js';
import { removeSubscriptions, saveSubscription, subscriptionsOf, type Subscription } from '../store/subscriptions.js';
import { linkedAccount, saveLink } from '../store/user-links.js';
import { saveUserSettings } from '../store/user-settings.js';
import { failingTicketsOf, type FailingTicket } from './failing-tickets.js';
import type { DigestPost, SlackUsers } from './ports.js';
import { ticketChanged, type TicketChangedDeps } from './ticket-changed.js';

export interface CommandDeps extends TicketChangedDeps {
  users: SlackUsers;
  /** The digest of a scope for the last seven days. */
  digestPreview: (scope: { type: string; value: string }) => Promise<DigestPost>;
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
  | { kind: 'linked'; account: string; by: 'manual' | 'email' }
  | { kind: 'invalid-account'; account: string }
  | { kind: 'digest'; post: DigestPost }
  | { kind: 'no-subscription' }
  | { kind: 'refused'; reason: 'admins-only' | 'other-channel'; channel: string }
  | { kind: 'subscribed'; updated: boolean; channel: string; scope: Scope; schedule: Schedule; timezone: string }
  | { kind: 'unsubscribed'; channel: string; scope: Scope | null; removed: number }
  | { kind: 'subscriptions'; channel: string; subscriptions: Subscription[] }
  | { kind: 'muted'; days: number | null };

const DAY = 86_400_000;

/** The Jira account linked to a Slack user: stored, or found by e-mail and then stored. */
async function jiraAccount(deps: CommandDeps, userId: string): Promise<string | null> {
  const linked = await linkedAccount(deps.store, userId);
  if (linked) return linked;
  const email = await deps.users.email(userId);
  const account = email ? await deps.jira.findAccountByEmail(email) : null;
  if (account) await saveLink(deps.store, userId, account, 'email', deps.clock());
  return account;
}

/** Who may change a channel's digest: the admins when centric.yml names some, else anyone, from that channel. */
function mayManage(deps: CommandDeps, ctx: CommandContext, channel: string): CommandResult | null {
  if (deps.config.slack.admins.includes(ctx.userId)) return null;
  if (deps.config.slack.admins.length > 0) return { kind: 'refused', reason: 'admins-only', channel };
  if (channel !== ctx.channelId) return { kind: 'refused', reason: 'other-channel', channel };
  return null;
}

/** /centric check: the ticket goes through "ticket changed" (stored, comment and label in line, nudges cleared when it passes). */
async function check(deps: CommandDeps, key: string): Promise<CommandResult> {
  const outcome = await ticketChanged(deps, { key }, { nudges: 'clear' });
  if (!outcome.ticket || !outcome.report) return { kind: 'not-found', key };
  if (outcome.report.skipped) return { kind: 'not-checked', key, issueType: outcome.ticket.issueType, checked: deps.config.issueTypes };
  return { kind: 'report', report: outcome.report, summary: outcome.ticket.summary };
}

async function mine(deps: CommandDeps, ctx: CommandContext): Promise<CommandResult> {
  const account = await jiraAccount(deps, ctx.userId);
  return account ? { kind: 'mine', tickets: await failingTicketsOf(deps.store, account) } : { kind: 'not-linked' };
}

function template(deps: CommandDeps, asked: string | null): CommandResult {
  const name = asked?.toLowerCase() ?? null;
  const persona =
    deps.config.personas.find((p) => name !== null && (p.name.toLowerCase() === name || p.aliases.some((a) => a.toLowerCase() === name))) ??
    (name === null ? (deps.config.personas[0] ?? null) : null);
  return { kind: 'template', persona, asked };
}

async function digest(deps: CommandDeps, ctx: CommandContext, project: string | null): Promise<CommandResult> {
  if (project) return { kind: 'digest', post: await deps.digestPreview({ type: 'project', value: project }) };
  const [first] = await subscriptionsOf(deps.store, ctx.channelId);
  if (!first) return { kind: 'no-subscription' };
  return { kind: 'digest', post: await deps.digestPreview({ type: first.scope_type, value: first.scope }) };
}

async function subscribe(deps: CommandDeps, ctx: CommandContext, command: Extract<Command, { name: 'subscribe' }>): Promise<CommandResult> {
  const channel = command.channel ?? ctx.channelId;
  const refused = mayManage(deps, ctx, channel);
  if (refused) return refused;
  const schedule = command.schedule ?? { weekday: 1, time: '09:00' };
  const timezone = await deps.users.timezone(ctx.userId);
  const saved = await saveSubscription(deps.store, { channelId: channel, scope: command.scope, ...schedule, timezone, createdBy: ctx.userId }, deps.clock());
  return { kind: 'subscribed', updated: saved === 'updated', channel, scope: command.scope, schedule, timezone };
}

async function unsubscribe(deps: CommandDeps, ctx: CommandContext, command: Extract<Command, { name: 'unsubscribe' }>): Promise<CommandResult> {
  const channel = command.channel ?? ctx.channelId;
  const refused = mayManage(deps, ctx, channel);
  if (refused) return refused;
  const removed = await removeSubscriptions(deps.store, channel, command.scope);
  return { kind: 'unsubscribed', channel, scope: command.scope ?? null, removed };
}

async function link(deps: CommandDeps, ctx: CommandContext, account: string | null): Promise<CommandResult> {
  if (account) {
    if (!/^[\w:-]{3,128}$/.test(account)) return { kind: 'invalid-account', account };
    await saveLink(deps.store, ctx.userId, account, 'manual', deps.clock());
    return { kind: 'linked', account, by: 'manual' };
  }
  const found = await jiraAccount(deps, ctx.userId);
  return found ? { kind: 'linked', account: found, by: 'email' } : { kind: 'not-linked' };
}

async function mute(deps: CommandDeps, ctx: CommandContext, days: number | null): Promise<CommandResult> {
  await saveUserSettings(deps.store, ctx.userId, { mutedUntil: days === null ? null : deps.clock() + days * DAY });
  return { kind: 'muted', days };
}

/** Runs one parsed /centric command; resolves to its result, which the listener answers with. */
export async function runCommand(deps: CommandDeps, ctx: CommandContext, command: Command): Promise<CommandResult> {
  switch (command.name) {
    case 'help':
      return { kind: 'help' };
    case 'check':
      return check(deps, command.key);
    case 'template':
      return template(deps, command.persona);
    case 'mine':
      return mine(deps, ctx);
    case 'digest':
      return digest(deps, ctx, command.project);
    case 'subscribe':
      return subscribe(deps, ctx, command);
    case 'unsubscribe':
      return unsubscribe(deps, ctx, command);
    case 'subscriptions':
      return { kind: 'subscriptions', channel: command.channel ?? ctx.channelId, subscriptions: await subscriptionsOf(deps.store, command.channel ?? ctx.channelId) };
    case 'link':
      return link(deps, ctx, command.account);
    case 'mute':
      return mute(deps, ctx, command.days);
    case 'unmute':
      return mute(deps, ctx, null);
  }
}
