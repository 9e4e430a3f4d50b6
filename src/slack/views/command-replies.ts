import { Blocks, Md, Message } from 'slack-block-builder';
import { QUESTIONS } from '../../core/digest.js';
import { ANSWER_TEXT } from '../../core/outcome/outcome.js';
import { promiseText } from '../../core/outcome/promise-text.js';
import type { ReviewDetail, Tally } from '../../core/outcome/stats.js';
import type { Scope } from '../../core/slash-command.js';
import type { CommandResult } from '../../flows/slash-commands.js';
import { digestMessage, scopeMrkdwn } from './digest.js';
import { helpMessage } from './help.js';
import { cut, fit, type SlackMessage } from './limits.js';
import { lineMessage } from './line.js';
import { deniedLine } from './denied.js';
import { linkLine } from './link.js';
import { escapeMrkdwn, ticketLink } from './mrkdwn.js';
import { mineMessage } from './mine.js';
import { rankMessage } from './rank.js';
import { reportMessage } from './report.js';
import { templateMessage } from './template.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** JQL is the user's text: escaped, so it can mention nobody and link nowhere. */
const describeScope = (s: Scope) => (s.type === 'project' ? s.value : `JQL "${scopeMrkdwn(s.value)}"`);

const when = (weekday: number, time: string, timezone: string) => `every ${WEEKDAYS[weekday]} at ${time} (${timezone})`;

/** The one-line answers, worded here. */
function line(result: CommandResult): string {
  switch (result.kind) {
    case 'not-found':
      return `${result.key} does not exist, or Centric's Jira account cannot see it. Check the key, or ask a Jira admin to give that account access.`;
    case 'not-checked':
      return `${result.key} is a ${result.issueType || 'ticket'}, and Centric only checks ${result.checked.join(', ')}.`;
    case 'not-linked':
    case 'forbidden':
      return deniedLine(result);
    case 'linked':
    case 'link-code':
    case 'link-refused':
    case 'unlinked':
      return linkLine(result);
    case 'rate-limited':
      return `That is a lot of /centric at once: try again in ${result.retryInSeconds} s.`;
    case 'no-subscription':
      return 'This channel has no digest subscription: type `/centric digest SHOP` for a project, or `/centric subscribe SHOP` to get it every week.';
    case 'refused':
      switch (result.reason) {
        case 'admins-only':
          return 'Only the Centric admins set in centric.yml (slack.admins) can change digest subscriptions.';
        case 'jql-admins-only':
          return 'Only Centric admins may subscribe a channel to a JQL digest (it can span projects). Subscribe to one project instead: `/centric subscribe SHOP`.';
        case 'not-a-member':
          return `Only members of <#${result.channel}> (and Centric admins) may see its digest subscriptions.`;
        case 'other-channel':
          return `Run this in <#${result.channel}> itself: anyone in a channel may change its digest, from that channel.`;
      }
    // eslint-disable-next-line no-fallthrough
    case 'subscribed':
      return (
        `${result.updated ? 'Updated' : 'Subscribed'}: <#${result.channel}> gets the customer-centricity digest of ${describeScope(result.scope)} ${when(result.schedule.weekday, result.schedule.time, result.timezone)}. ` +
        `Everyone in <#${result.channel}> will see what it shows: the summaries, personas and scores of those tickets.`
      );
    case 'unsubscribed':
      if (result.removed === 0) return `<#${result.channel}> has no digest subscription${result.scope ? ` for ${describeScope(result.scope)}` : ''}. Type \`/centric subscriptions\` to see them.`;
      return `Unsubscribed: <#${result.channel}> no longer gets ${result.removed === 1 ? 'that digest' : `${result.removed} digests`}.`;
    case 'subscriptions': {
      if (result.subscriptions.length === 0) return `<#${result.channel}> has no digest subscription. Add one with \`/centric subscribe SHOP\`.`;
      const lines = result.subscriptions.map((r) => `• ${describeScope({ type: r.scope_type as 'project', value: r.scope })}, ${when(r.weekday, r.time, r.timezone)}`);
      return `Digest subscriptions of <#${result.channel}>:\n${lines.join('\n')}`;
    }
    case 'muted':
      return result.days === null ? 'Unmuted: Centric nudges you again about your tickets.' : `Muted for ${result.days} day${result.days === 1 ? '' : 's'}: no nudges until then. \`/centric unmute\` ends it early.`;
    default:
      throw new Error(`no line for /centric result ${result.kind}`);
  }
}

/** Each group of /centric outcomes lists at most this many reviews: it must read at a glance. */
const OUTCOMES_PER_GROUP = 10;
/** A summary in that list is cut to this many characters (before escaping). */
const SUMMARY_CHARS = 80;

const day = (at: number): string => new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "67% (2 hit, 1 missed; 1 not measured)"; "not measured" is left out of the rate. */
function hitRateText(t: Tally): string {
  const notMeasured = t.notMeasured > 0 ? `; ${t.notMeasured} not measured` : '';
  return `${t.hitRate === null ? '–' : `${Math.round(t.hitRate * 100)}%`} (${t.hit} hit, ${t.missed} missed${notMeasured})`;
}

/** One review as a line of mrkdwn: every text from Jira or a person escaped. */
function outcomeLine(r: ReviewDetail, browse: (key: string) => string): string {
  const promise = r.promise ? ` · ${escapeMrkdwn(promiseText(r.promise))}` : '';
  const head = `• ${ticketLink(browse(r.key), r.key)} ${escapeMrkdwn(cut(r.summary, SUMMARY_CHARS))}${promise}`;
  if (r.outcome) {
    const who = [r.answeredBy ? escapeMrkdwn(r.answeredBy) : null, r.answeredAt === null ? null : day(r.answeredAt)].filter(Boolean).join(', ');
    const details = [Md.bold(ANSWER_TEXT[r.outcome]), r.measured ? `measured ${escapeMrkdwn(r.measured)}` : '', r.note ? `“${escapeMrkdwn(r.note)}”` : '', who];
    return `${head}\n    ${details.filter(Boolean).join(' · ')}`;
  }
  if (r.remindedAt !== null) return `${head}\n    asked ${r.askedAt === null ? '' : `${day(r.askedAt)}, `}reminded ${day(r.remindedAt)}, no answer yet`;
  return `${head}\n    ${r.askedAt === null ? `review due ${day(r.dueAt)}` : `asked ${day(r.askedAt)}, waiting for the answer`}`;
}

/** `/centric outcomes SHOP`: overdue, pending and recent answers, each group short. */
function outcomesMessage(result: Extract<CommandResult, { kind: 'outcomes' }>, browse: (key: string) => string): SlackMessage {
  const { listing: l, project, days } = result;
  if (l.overdue.length + l.pending.length + l.answered.length === 0) {
    return lineMessage(`${project} has no outcome review waiting, and none was answered in the last ${days} days. A review is scheduled when a story that promises a customer metric is done.`);
  }
  const group = (title: string, rows: ReviewDetail[]) => {
    if (rows.length === 0) return undefined;
    const lines = rows.slice(0, OUTCOMES_PER_GROUP).map((r) => outcomeLine(r, browse));
    if (rows.length > OUTCOMES_PER_GROUP) lines.push(`…and ${rows.length - OUTCOMES_PER_GROUP} more: \`centric outcomes --project ${project}\` lists them all`);
    return Blocks.Section({ text: `${Md.bold(`${title} (${rows.length})`)}\n${lines.join('\n')}` });
  };
  const rate = l.tally.hit + l.tally.missed + l.tally.notMeasured === 0 ? `– (none answered in the last ${days} days)` : `${hitRateText(l.tally)} over the last ${days} days`;
  const text = `Outcomes of ${project}: hit rate ${rate}; ${l.overdue.length} overdue, ${l.pending.length} pending, ${l.answered.length} answered`;
  const built = Message({ text })
    .ephemeral()
    .blocks(
      Blocks.Header({ text: `Outcomes of ${project}` }),
      Blocks.Section({ text: `${Md.bold('Hit rate:')} ${rate}` }),
      group('Overdue', l.overdue),
      group('Pending', l.pending),
      group('Answered recently', l.answered),
    )
    .buildToObject() as SlackMessage;
  return fit(built, 'message');
}

/** A /centric command's ephemeral answer. */
export function commandReply(result: CommandResult, browse: (key: string) => string): SlackMessage {
  switch (result.kind) {
    case 'help':
      return helpMessage();
    case 'template':
      return templateMessage(result.persona, result.asked);
    case 'report':
      return reportMessage(result.report, result.summary, browse(result.report.key));
    case 'mine':
      return mineMessage(result.tickets, browse);
    case 'digest':
      return { ...digestMessage({ ...result.post, browse, questions: QUESTIONS }), response_type: 'ephemeral' };
    case 'outcomes':
      return outcomesMessage(result, browse);
    case 'rank':
      return rankMessage(result, browse);
    default:
      return lineMessage(line(result));
  }
}
