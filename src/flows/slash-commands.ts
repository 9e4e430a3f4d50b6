import type { CentricConfig } from '../core/config-types.js';
import type { Command, Scope } from '../core/slash-command.js';
import type { JiraClient } from '../jira/client.js';
import type { Logger } from '../runtime/logger.js';
import type { Metrics } from '../runtime/metrics.js';
import { helpMessage, lineMessage, mineMessage, reportMessage, templateMessage, type SlackMessage } from '../slack/blocks.js';
import type { Store } from '../store/database.js';
import { lintAndStore } from './lint-ticket.js';
import { failingTicketsOf } from './failing-tickets.js';

/** What the commands need to know of a Slack user. */
export interface SlackUsers {
  email(userId: string): Promise<string | null>;
  timezone(userId: string): Promise<string>;
}

export interface CommandDeps {
  store: Store;
  config: CentricConfig;
  metrics: Metrics;
  clock: () => number;
  jira: JiraClient;
  jiraBaseUrl: string;
  users: SlackUsers;
  logger: Logger;
  /** The digest of a scope for the last seven days. */
  digestPreview: (scope: { type: string; value: string }) => Promise<SlackMessage>;
}

export interface CommandContext {
  userId: string;
  channelId: string;
}

const DAY = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const browse = (deps: CommandDeps) => (key: string) => new URL(`/browse/${key}`, deps.jiraBaseUrl).toString();
const describeScope = (s: Scope) => (s.type === 'project' ? s.value : `JQL "${s.value}"`);

/** The Jira account linked to a Slack user: stored, or found by e-mail and then stored. */
async function jiraAccount(deps: CommandDeps, userId: string): Promise<string | null> {
  const linked = await deps.store.db.selectFrom('user_links').select('jira_account_id').where('slack_user_id', '=', userId).executeTakeFirst();
  if (linked) return linked.jira_account_id;
  const email = await deps.users.email(userId);
  const account = email ? await deps.jira.findAccountByEmail(email) : null;
  if (account) await link(deps, userId, account, 'email');
  return account;
}

async function link(deps: CommandDeps, userId: string, account: string, by: string): Promise<void> {
  await deps.store.db
    .insertInto('user_links')
    .values({ slack_user_id: userId, jira_account_id: account, linked_by: by, linked_at: deps.clock() })
    .onConflict((oc) => oc.column('slack_user_id').doUpdateSet({ jira_account_id: account, linked_by: by, linked_at: deps.clock() }))
    .execute();
}

const NOT_LINKED =
  'I could not find your Jira account: Jira does not show me a user with your Slack e-mail. Type `/centric link <your Jira account id>` (Jira → your profile → the id at the end of its URL).';

function mayManage(deps: CommandDeps, ctx: CommandContext, channel: string): string | null {
  if (deps.config.slack.admins.includes(ctx.userId)) return null;
  if (deps.config.slack.admins.length > 0) return 'Only the Centric admins set in centric.yml (slack.admins) can change digest subscriptions.';
  if (channel !== ctx.channelId) return `Run this in <#${channel}> itself: anyone in a channel may change its digest, from that channel.`;
  return null;
}

async function check(deps: CommandDeps, key: string): Promise<SlackMessage> {
  const issue = await deps.jira.getIssue(key);
  if (!issue) return lineMessage(`${key} does not exist, or Centric's Jira account cannot see it. Check the key, or ask a Jira admin to give that account access.`);
  const { report } = await lintAndStore(deps, issue);
  if (report.skipped) return lineMessage(`${key} is a ${issue.fields.issuetype?.name ?? 'ticket'}, and Centric only checks ${deps.config.issueTypes.join(', ')}.`);
  return reportMessage(report, issue.fields.summary ?? '', browse(deps)(key));
}

async function mine(deps: CommandDeps, ctx: CommandContext): Promise<SlackMessage> {
  const account = await jiraAccount(deps, ctx.userId);
  if (!account) return lineMessage(NOT_LINKED);
  return mineMessage(await failingTicketsOf(deps.store, account), browse(deps));
}

async function subscribe(deps: CommandDeps, ctx: CommandContext, command: Extract<Command, { name: 'subscribe' }>): Promise<SlackMessage> {
  const channel = command.channel ?? ctx.channelId;
  const refused = mayManage(deps, ctx, channel);
  if (refused) return lineMessage(refused);
  const schedule = command.schedule ?? { weekday: 1, time: '09:00' };
  const timezone = await deps.users.timezone(ctx.userId);
  const existing = await deps.store.db
    .selectFrom('digest_subscriptions')
    .select('id')
    .where('channel_id', '=', channel)
    .where('scope_type', '=', command.scope.type)
    .where('scope', '=', command.scope.value)
    .executeTakeFirst();
  const values = { weekday: schedule.weekday, time: schedule.time, timezone };
  if (existing) await deps.store.db.updateTable('digest_subscriptions').set(values).where('id', '=', existing.id).execute();
  else
    await deps.store.db
      .insertInto('digest_subscriptions')
      .values({ channel_id: channel, scope_type: command.scope.type, scope: command.scope.value, ...values, created_by: ctx.userId, created_at: deps.clock() })
      .execute();
  const when = `every ${WEEKDAYS[schedule.weekday]} at ${schedule.time} (${timezone})`;
  return lineMessage(`${existing ? 'Updated' : 'Subscribed'}: <#${channel}> gets the customer-centricity digest of ${describeScope(command.scope)} ${when}.`);
}

async function unsubscribe(deps: CommandDeps, ctx: CommandContext, command: Extract<Command, { name: 'unsubscribe' }>): Promise<SlackMessage> {
  const channel = command.channel ?? ctx.channelId;
  const refused = mayManage(deps, ctx, channel);
  if (refused) return lineMessage(refused);
  let query = deps.store.db.deleteFrom('digest_subscriptions').where('channel_id', '=', channel);
  if (command.scope) query = query.where('scope_type', '=', command.scope.type).where('scope', '=', command.scope.value);
  const removed = Number((await query.executeTakeFirst()).numDeletedRows);
  if (removed === 0) return lineMessage(`<#${channel}> has no digest subscription${command.scope ? ` for ${describeScope(command.scope)}` : ''}. Type \`/centric subscriptions\` to see them.`);
  return lineMessage(`Unsubscribed: <#${channel}> no longer gets ${removed === 1 ? 'that digest' : `${removed} digests`}.`);
}

async function subscriptions(deps: CommandDeps, ctx: CommandContext, channelId: string | null): Promise<SlackMessage> {
  const channel = channelId ?? ctx.channelId;
  const rows = await deps.store.db.selectFrom('digest_subscriptions').selectAll().where('channel_id', '=', channel).orderBy('id').execute();
  if (rows.length === 0) return lineMessage(`<#${channel}> has no digest subscription. Add one with \`/centric subscribe SHOP\`.`);
  const lines = rows.map((r) => `• ${describeScope({ type: r.scope_type as 'project', value: r.scope })}, every ${WEEKDAYS[r.weekday]} at ${r.time} (${r.timezone})`);
  return lineMessage(`Digest subscriptions of <#${channel}>:\n${lines.join('\n')}`);
}

async function linkCommand(deps: CommandDeps, ctx: CommandContext, account: string | null): Promise<SlackMessage> {
  if (account) {
    if (!/^[\w:-]{3,128}$/.test(account)) return lineMessage(`"${account}" is not a Jira account id: type \`/centric link 5b10a2844c20165700ede21g\`.`);
    await link(deps, ctx.userId, account, 'manual');
    return lineMessage(`Linked: your Slack user is Jira account ${account}. \`/centric mine\` now shows your tickets.`);
  }
  const found = await jiraAccount(deps, ctx.userId);
  return lineMessage(found ? `Linked: your Slack user is Jira account ${found} (found by your e-mail).` : NOT_LINKED);
}

async function mute(deps: CommandDeps, ctx: CommandContext, days: number | null): Promise<SlackMessage> {
  const until = days === null ? null : deps.clock() + days * DAY;
  await deps.store.db
    .insertInto('mutes')
    .values({ slack_user_id: ctx.userId, until, working_hours: null })
    .onConflict((oc) => oc.column('slack_user_id').doUpdateSet({ until }))
    .execute();
  return lineMessage(days === null ? 'Unmuted: Centric nudges you again about your tickets.' : `Muted for ${days} day${days === 1 ? '' : 's'}: no nudges until then. \`/centric unmute\` ends it early.`);
}

/** Runs one parsed /centric command and returns the ephemeral reply. */
export async function runCommand(deps: CommandDeps, ctx: CommandContext, command: Command): Promise<SlackMessage> {
  switch (command.name) {
    case 'help':
      return helpMessage();
    case 'check':
      return check(deps, command.key);
    case 'template': {
      const asked = command.persona?.toLowerCase() ?? null;
      const persona =
        deps.config.personas.find((p) => asked !== null && (p.name.toLowerCase() === asked || p.aliases.some((a) => a.toLowerCase() === asked))) ??
        (asked === null ? (deps.config.personas[0] ?? null) : null);
      return templateMessage(persona, command.persona);
    }
    case 'mine':
      return mine(deps, ctx);
    case 'digest': {
      if (command.project) return { ...(await deps.digestPreview({ type: 'project', value: command.project })), response_type: 'ephemeral' };
      const subs = await deps.store.db.selectFrom('digest_subscriptions').select(['scope_type', 'scope']).where('channel_id', '=', ctx.channelId).orderBy('id').execute();
      if (subs.length === 0) return lineMessage('This channel has no digest subscription: type `/centric digest SHOP` for a project, or `/centric subscribe SHOP` to get it every week.');
      return { ...(await deps.digestPreview({ type: subs[0]!.scope_type, value: subs[0]!.scope })), response_type: 'ephemeral' };
    }
    case 'subscribe':
      return subscribe(deps, ctx, command);
    case 'unsubscribe':
      return unsubscribe(deps, ctx, command);
    case 'subscriptions':
      return subscriptions(deps, ctx, command.channel);
    case 'link':
      return linkCommand(deps, ctx, command.account);
    case 'mute':
      return mute(deps, ctx, command.days);
    case 'unmute':
      return mute(deps, ctx, null);
  }
}
