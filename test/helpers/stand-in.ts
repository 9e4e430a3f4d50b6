import type { JiraIssue } from '../../src/core/ticket/normalise.js';
import { StandIn } from '../../src/demo/stand-ins/http-stand-in.js';
import { conversationMembers, slackArgs as slackArgsOf, slackUser, type SlackChannel, type SlackPerson } from '../../src/demo/stand-ins/slack-web.js';

export { freePort, StandIn, type RecordedRequest, type Responder } from '../../src/demo/stand-ins/http-stand-in.js';

/** A Slack Web API call's arguments, from the body alone (form or JSON). */
export const slackArgs = (body: string): Record<string, unknown> => slackArgsOf({ body, headers: {} });

/** Slack users the stand-in knows by default: members with a confirmed e-mail, no admin. */
export const SLACK_USERS: Record<string, SlackPerson> = {
  U1: { name: 'Priya', email: 'priya@acme.io', tz: 'Europe/Berlin' },
  U2: { name: 'Marek', email: 'marek@acme.io', tz: 'America/New_York' },
};

export interface SlackStandInSetup {
  /** People beyond (or replacing) SLACK_USERS: a workspace admin, someone without a confirmed e-mail. */
  users?: Record<string, SlackPerson>;
  /** Channels conversations.members knows: members, private or not, the bot in it or not. */
  channels?: Record<string, SlackChannel>;
}

/** The bot user the stand-in's auth.test names. */
export const SLACK_BOT_USER = 'U0BOT';

/** Slack Web API answers Centric needs (auth.test, users.info, conversations.members) and response_url posts, on a stand-in. */
export function slackStandIn(setup: SlackStandInSetup = {}): StandIn {
  const users = { ...SLACK_USERS, ...setup.users };
  const channels = setup.channels ?? {};
  return new StandIn()
    .on('POST', '/api/auth.test', () => ({ body: { ok: true, url: 'https://acme.slack.com/', team: 'Acme', user: 'centric', team_id: 'T1', user_id: SLACK_BOT_USER, bot_id: 'B1' } }))
    .on('POST', '/api/users.info', (req) => {
      const id = String(slackArgs(req.body).user ?? '');
      const user = users[id];
      return { body: user ? { ok: true, user: slackUser(id, user) } : { ok: false, error: 'user_not_found' } };
    })
    .on('POST', '/api/conversations.members', (req) => conversationMembers(channels, SLACK_BOT_USER, slackArgs(req.body)))
    .on('POST', '/api/chat.postMessage', (req) => {
      const { channel } = slackArgs(req.body);
      return { body: { ok: true, channel: `D${String(channel).slice(1)}`, ts: `17000000${String(Date.now()).slice(-2)}.000200` } };
    })
    .on('POST', '/api/views.publish', () => ({ body: { ok: true, view: { id: 'VHOME' } } }))
    .on('POST', '/api/views.open', (req) => ({ body: { ok: true, view: { id: 'V123', ...(slackArgs(req.body).view ? { opened: true } : {}) } } }))
    .on('POST', '/api/views.update', () => ({ body: { ok: true, view: { id: 'V123' } } }))
    .on('POST', '/api/chat.update', (req) => {
      const { channel, ts } = slackArgs(req.body);
      return { body: { ok: true, channel, ts } };
    })
    .on('POST', /^\/respond\//, () => ({ body: { ok: true } }));
}

/**
 * Jira Cloud answers the runtime needs (/myself), on a stand-in; given issues, also what a ticket
 * change reads and writes: the issue, its comments (none but Centric's new one), labels.
 */
export function jiraStandIn(issues: JiraIssue[] = []): StandIn {
  const byKey = new Map(issues.map((i) => [i.key, i]));
  const issuePath = /^\/rest\/api\/3\/issue\/[A-Z]+-\d+$/;
  const commentsPath = /^\/rest\/api\/3\/issue\/[A-Z]+-\d+\/comment$/;
  return new StandIn()
    .on('GET', '/rest/api/3/myself', () => ({ body: { accountId: '5b10-centric-bot', displayName: 'Centric Bot', active: true } }))
    .on('GET', issuePath, (req) => {
      const issue = byKey.get(req.path.split('?')[0]!.split('/').pop()!);
      return issue ? { body: issue } : { status: 404, body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'] } };
    })
    .on('GET', commentsPath, () => ({ body: { startAt: 0, maxResults: 100, total: 0, comments: [] } }))
    .on('POST', commentsPath, () => ({ status: 201, body: { id: '10000' } }))
    .on('PUT', issuePath, () => ({ status: 204 }));
}
