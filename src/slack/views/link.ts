import type { LinkResult } from '../../flows/identity.js';
import type { LinkMoved } from '../../flows/ports.js';
import type { SlackMessage } from './limits.js';
import { lineMessage } from './line.js';
import { escapeMrkdwn } from './mrkdwn.js';

const PROOF = { email: 'their confirmed Slack e-mail', code: 'a one-time code posted from that Jira account', admin: 'a Centric admin' } as const;

/** How to prove who one is, in one sentence. */
export const HOW_TO_LINK =
  'Type `/centric link SHOP-123` with a ticket you can comment on: I give you a one-time code to post there from your Jira account. Or ask a Centric admin to link you.';

/** The DM to someone whose link moved to another Slack user. */
export function linkMovedMessage(moved: LinkMoved): SlackMessage {
  return lineMessage(
    `Your Slack user is no longer linked to Jira account ${escapeMrkdwn(moved.account)}: <@${moved.to}> linked it, proven by ${PROOF[moved.by]}. ` +
      'If that is wrong, tell a Centric admin; type `/centric link` to link your own account again.',
  );
}

/** The DM to someone an admin unlinked. */
export function linkRemovedMessage(removed: { account: string; by: string }): SlackMessage {
  return lineMessage(
    `<@${removed.by}> removed the link between your Slack user and Jira account ${escapeMrkdwn(removed.account)}: Centric shows you no tickets and sends you no nudges until a Centric admin links you again.`,
  );
}

const who = (r: Extract<LinkResult, { kind: 'linked' | 'unlinked' }>) => (r.self ? 'your Slack user' : `<@${r.user}>`);

/** The answer to /centric link and /centric unlink. */
export function linkLine(result: LinkResult): string {
  switch (result.kind) {
    case 'linked': {
      const account = escapeMrkdwn(result.account);
      const how = { email: ' (your confirmed Slack e-mail matches it)', code: ' (proven by the code you posted)', admin: result.shared ? ' (by an admin, shared with others)' : ' (by an admin)' }[result.by];
      const moved = result.replaced.length > 0 ? ` It was linked to ${result.replaced.map((u) => `<@${u}>`).join(', ')} before; they have been told.` : '';
      const left = result.commentLeft ? ` Centric could not delete your code comment on ${result.commentLeft}: delete it in Jira.` : '';
      return `Linked: ${who(result)} is Jira account ${account}${how}. \`/centric mine\` shows ${result.self ? 'your' : 'their'} tickets.${moved}${left}`;
    }
    case 'link-code':
      return `Post this as a comment on ${result.ticket} from your Jira account, within ${result.minutes} minutes, with nothing else in it and without editing it afterwards: \`${result.code}\`\nThen type \`/centric link done\`. Centric deletes the comment once it has read it.`;
    case 'link-refused':
      switch (result.reason) {
        case 'no-email-match':
          return `I could not match your confirmed Slack e-mail to exactly one Jira account (Jira may hide e-mails). ${HOW_TO_LINK}`;
        case 'no-code':
          return 'You have no code waiting: type `/centric link SHOP-123` first, with a ticket you can comment on.';
        case 'code-expired':
          return `Your code for ${result.ticket} has expired: type \`/centric link ${result.ticket}\` for a new one.`;
        case 'code-not-found':
          return `I do not see your code in the newest comments on ${result.ticket}: post it there from your Jira account as a new comment holding the code alone (an edited comment does not count), then type \`/centric link done\` again.`;
        case 'admins-only':
          return `Only Centric admins may link or unlink someone else, or link an account without proof. ${HOW_TO_LINK}`;
        case 'blocked':
          return 'A Centric admin removed your link to Jira: only a Centric admin can link you again.';
      }
    // eslint-disable-next-line no-fallthrough
    case 'unlinked':
      if (!result.account) return `${result.self ? 'You were' : `<@${result.user}> was`} not linked to a Jira account.`;
      return `Unlinked: ${who(result)} is no longer Jira account ${escapeMrkdwn(result.account)}. Centric sends ${result.self ? 'you' : 'them'} no nudges and shows no tickets until linked again.`;
  }
}
