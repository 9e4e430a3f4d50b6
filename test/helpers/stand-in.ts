import type { JiraIssue } from '../../src/core/ticket/normalise.js';
import { StandIn } from '../../src/demo/stand-ins/http-stand-in.js';
import { slackArgs as slackArgsOf } from '../../src/demo/stand-ins/slack-web.js';

export { freePort, StandIn, type RecordedRequest, type Responder } from '../../src/demo/stand-ins/http-stand-in.js';

/** A Slack Web API call's arguments, from the body alone (form or JSON). */
export const slackArgs = (body: string): Record<string, unknown> => slackArgsOf({ body, headers: {} });

/** Slack users the stand-in knows: id -> e-mail and timezone. */
export const SLACK_USERS: Record<string, { email: string; tz: string }> = {
  U1: { email: 'priya@acme.io', tz: 'Europe/Berlin' },
  U2: { email: 'marek@acme.io', tz: 'America/New_York' },
};

/** Slack Web API answers Centric needs (auth.test, users.info) and response_url posts, on a stand-in. */
export function slackStandIn(): StandIn {
  return new StandIn()
    .on('POST', '/api/auth.test', () => ({ body: { ok: true, url: 'https://acme.slack.com/', team: 'Acme', user: 'centric', team_id: 'T1', user_id: 'U0BOT', bot_id: 'B1' } }))
    .on('POST', '/api/users.info', (req) => {
      const id = new URLSearchParams(req.body).get('user') ?? '';
      const user = SLACK_USERS[id];
      return { body: user ? { ok: true, user: { id, tz: user.tz, profile: { email: user.email } } } : { ok: false, error: 'user_not_found' } };
    })
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
