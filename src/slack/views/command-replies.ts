import { QUESTIONS } from '../../core/digest.js';
import type { Scope } from '../../core/slash-command.js';
import type { CommandResult } from '../../flows/slash-commands.js';
import { digestMessage, scopeMrkdwn } from './digest.js';
import { helpMessage } from './help.js';
import type { SlackMessage } from './limits.js';
import { lineMessage } from './line.js';
import { deniedLine } from './denied.js';
import { linkLine } from './link.js';
import { mineMessage } from './mine.js';
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
    default:
      return lineMessage(line(result));
  }
}
