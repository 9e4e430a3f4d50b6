import { createHmac } from 'node:crypto';
import { expect } from 'vitest';
import { limitProblems, type SlackMessage } from '../../src/slack/views/limits.js';
import { TEST_SECRETS, type TestBot } from './bot.js';

let responses = 0;

/**
 * /centric as Slack sends it (signed, with a response_url on the Slack stand-in); resolves to the
 * answer, from the ack or the response_url. Every answer is ephemeral and within Block Kit's limits.
 */
export async function slashCommand(t: TestBot, text: string, user = 'U1'): Promise<SlackMessage> {
  const responseUrl = `${t.slackUrl}/respond/slash-${++responses}`;
  const body = new URLSearchParams({ token: 'x', team_id: 'T1', channel_id: 'C1', user_id: user, command: '/centric', text, response_url: responseUrl, trigger_id: '1.2.3', api_app_id: 'A1' }).toString();
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', TEST_SECRETS.SLACK_SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const res = await fetch(`${t.base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature }, body });
  const raw = await res.text();
  let reply = raw ? (JSON.parse(raw) as SlackMessage) : null;
  const path = new URL(responseUrl).pathname;
  // Waits for the answer itself (posted to the response_url), for at most 4 s.
  for (let i = 0; i < 200 && !reply; i++) {
    const posted = t.slack.requests.find((r) => r.path === path);
    if (posted) reply = JSON.parse(posted.body) as SlackMessage;
    else await new Promise((r) => setTimeout(r, 20));
  }
  if (!reply) throw new Error(`no reply to /centric ${text}`);
  expect(limitProblems(reply)).toEqual([]);
  expect(reply.response_type).toBe('ephemeral');
  return reply;
}
