import { afterEach, describe, expect, it } from 'vitest';
import { PEOPLE } from '../../src/demo/backlog.js';
import { eventually, startE2E, type E2E } from '../helpers/e2e.js';

let e: E2E | undefined;
afterEach(async () => {
  await e?.stop();
  e = undefined;
});

const APP_TOKEN = 'xapp-1-A0CENTRIC-1-e2e';

async function slackCheck(x: E2E): Promise<{ status: number; slack: { ok: boolean; detail: string } }> {
  const res = await fetch(`${x.ops}/readyz`);
  const body = (await res.json()) as { checks: { slack: { ok: boolean; detail: string } } };
  return { status: res.status, slack: body.checks.slack };
}

/** Polls /readyz until its Slack check satisfies `ok`. */
async function readyzUntil(x: E2E, what: string, ok: (c: { status: number; slack: { ok: boolean; detail: string } }) => boolean) {
  let last: Awaited<ReturnType<typeof slackCheck>> | undefined;
  return eventually(what, async () => ((last = await slackCheck(x)), ok(last)) && last, 15_000).catch((err: Error) => {
    throw new Error(`${err.message}; last /readyz: ${JSON.stringify(last)}`);
  });
}

describe('Socket Mode', () => {
  it('reconnects after a long outage, and /readyz says what is true at every call', async () => {
    e = await startE2E({ env: { SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: undefined } });
    expect(await slackCheck(e)).toEqual({ status: 200, slack: { ok: true, detail: 'connected (Socket Mode)' } });
    expect(e.slack.socketConnections).toBe(1);

    // Slack goes away: the socket drops and no new one can be opened, for many attempts.
    e.slack.socketOutage = true;
    e.slack.dropSockets();
    await readyzUntil(e, 'readiness to drop', (c) => c.status === 503 && !c.slack.ok);
    await readyzUntil(e, 'a long run of failed attempts', (c) => Number(/attempt (\d+)/.exec(c.slack.detail)?.[1] ?? 0) >= 20);

    e.slack.socketOutage = false;
    await readyzUntil(e, 'the connection back', (c) => c.status === 200 && c.slack.detail === 'connected (Socket Mode)');
    expect(e.slack.socketConnections).toBe(1);

    // And it works: an event over the new socket is acknowledged and handled.
    const ack = await e.slack.sendOverSocket('events_api', { type: 'event_callback', team_id: 'T0DEMO', api_app_id: 'A0CENTRIC', event_id: 'Ev1', event_time: 1, event: { type: 'app_home_opened', user: PEOPLE.priya.slack, channel: 'D0PRIYA', tab: 'home' } });
    expect(ack).toMatchObject({ envelope_id: expect.stringMatching(/^env-/) });
    const home = await eventually('App Home published', () => e!.slack.views.find((v) => v.method === 'views.publish'));
    expect(home.user).toBe(PEOPLE.priya.slack);
  }, 30_000);

  it.each([
    ['tokens_revoked', { type: 'tokens_revoked', tokens: { bot: ['U0CENTRIC'] } }, /tokens_revoked/],
    ['app_uninstalled', { type: 'app_uninstalled' }, /app_uninstalled/],
  ])('after %s, posts nothing more to Slack and /readyz says why', async (_name, event, why) => {
    e = await startE2E({ env: { SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: undefined } });
    // In Socket Mode commands arrive over the socket; the link is stored as /centric link would.
    await e.bot.store.db.insertInto('user_links').values({ slack_user_id: PEOPLE.priya.slack, jira_account_id: PEOPLE.priya.jira, linked_by: 'email', linked_at: 0 }).execute();
    await e.slack.sendOverSocket('events_api', { type: 'event_callback', team_id: 'T0DEMO', api_app_id: 'A0CENTRIC', event_id: 'Ev2', event_time: 1, event });

    const ready = await eventually('readiness to say why', async () => {
      const res = await fetch(`${e!.ops}/readyz`);
      const body = (await res.json()) as { checks: Record<string, { ok: boolean; detail: string }> };
      return res.status === 503 && body.checks['slack-install'];
    });
    expect(ready.ok).toBe(false);
    expect(ready.detail).toMatch(why);
    expect(ready.detail).toContain('reinstall');
    // A failing ticket after that: its nudge is queued, never sent.
    expect((await e.send.webhook({ webhookEvent: 'jira:issue_created', timestamp: Date.now(), user: { accountId: PEOPLE.priya.jira }, issue: { key: 'SHOP-2' } }, 'r-1')).status).toBe(202);
    await e.drained();
    expect(await e.bot.dispatchNudges()).toEqual({ sent: 0, held: 0, dropped: 0 });
    expect(e.slack.calls('/api/chat.postMessage')).toEqual([]);
    expect(await e.bot.store.db.selectFrom('nudges').select('status').execute()).toEqual([{ status: 'queued' }]);
  });
});
