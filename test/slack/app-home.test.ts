import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { limitProblems } from '../../src/slack/views/limits.js';
import { startTestBot, TEST_SECRETS, type TestBot } from '../helpers/bot.js';
import { JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';
import { slackArgs } from '../helpers/stand-in.js';
import { snapshotOf } from '../helpers/slack-client.js';

let jira: JiraFake;
let t: TestBot | undefined;
beforeEach(() => {
  isolateNetwork();
  jira = new JiraFake(3);
  jira.install();
});
afterEach(async () => {
  await t?.stop();
  t = undefined;
  resetNetwork();
});

const WEEK = 7 * 86_400_000;

async function signed(body: string, contentType: string): Promise<Response> {
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', TEST_SECRETS.SLACK_SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return fetch(`${t!.base}/slack/events`, { method: 'POST', headers: { 'content-type': contentType, 'x-slack-request-timestamp': ts, 'x-slack-signature': signature }, body });
}

async function published(count: number): Promise<Record<string, any>> {
  for (let i = 0; i < 200; i++) {
    const calls = t!.slack.requests.filter((r) => r.path === '/api/views.publish');
    if (calls.length >= count) {
      const args = slackArgs(calls[count - 1]!.body);
      return { user_id: args.user_id, view: typeof args.view === 'string' ? JSON.parse(args.view) : args.view };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('App Home was not published');
}

const texts = (view: Record<string, any>) => (view.blocks as Array<Record<string, any>>).map((b) => b.text?.text ?? '').filter(Boolean);

const ticket = (key: string) => ({ key, fields: { summary: key, description: null, issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [] } }) as never;

async function seed(now: number) {
  const db = t!.bot.store.db;
  // Jira knows them: App Home lists a ticket only when Jira says the person may browse it.
  for (const key of ['SHOP-1', 'SHOP-2', 'SHOP-3']) jira.put(ticket(key));
  await db.insertInto('user_links').values({ slack_user_id: 'U1', jira_account_id: 'acc-priya', linked_by: 'email', linked_at: 0 }).execute();
  const report = (key: string, score: number, account: string) => ({
    ticket_key: key, project: 'SHOP', issue_type: 'Story', status: 'To Do', score, passing: 0, skipped: 0, role: 'user',
    reporter_account_id: account, assignee_account_id: null, report_json: '{}', findings_hash: key, linted_at: now, benefit: null, cost: null, done: 0,
  });
  await db.insertInto('reports').values([report('SHOP-1', 60, 'acc-priya'), report('SHOP-2', 20, 'acc-priya'), report('SHOP-3', 90, 'acc-marek')]).execute();
  const history = (key: string, score: number, at: number) => ({ ticket_key: key, project: 'SHOP', score, passing: 0, role: 'user', failed_rules: '', linted_at: at });
  await db.insertInto('report_history').values([history('SHOP-1', 60, now - 1000), history('SHOP-2', 20, now - 1000), history('SHOP-1', 30, now - WEEK - 1000), history('SHOP-3', 90, now - 1000)]).execute();
}

describe('App Home', () => {
  it('shows my failing tickets worst first, my score against last week, the team\'s, and my settings', async () => {
    t = await startTestBot();
    await seed(Date.now());
    const opened = await signed(JSON.stringify({ token: 'x', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: 'Ev1', event_time: 1, event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' } }), 'application/json');
    expect(opened.status).toBe(200);
    const { user_id, view } = await published(1);
    expect(user_id).toBe('U1');
    expect(view.type).toBe('home');
    expect(limitProblems(view, 'view')).toEqual([]);
    const lines = texts(view);
    expect(lines).toContain('*Your score:* 40/100 this week ▲ 10 (last week 30)\n*Your team\'s score:* 57/100 this week ▲ 27 (last week 30)');
    const tickets = lines.filter((l) => l.startsWith('<https://acme.atlassian.net/browse/'));
    expect(tickets.map((l) => l.split(' · ')[1]!.split('\n')[0])).toEqual(['20/100', '60/100']);
    const fixButtons = view.blocks.filter((b: any) => b.accessory?.action_id === 'fix_ticket').map((b: any) => b.accessory.value);
    expect(fixButtons).toEqual(['SHOP-2', 'SHOP-1']);
    expect(lines).toContain('Centric nudges you at most once a day about tickets you reported.');
  });

  it('lists only the failing tickets my Jira account may still browse', async () => {
    t = await startTestBot();
    await seed(Date.now());
    jira.put({ ...(ticket('VAULT-1') as object), fields: { summary: 'secret', project: { key: 'VAULT' } } } as never);
    jira.restrict('VAULT', { browse: ['acc-someone-else'] });
    await t.bot.store.db
      .insertInto('reports')
      .values({ ticket_key: 'VAULT-1', project: 'VAULT', issue_type: 'Story', status: 'To Do', score: 5, passing: 0, skipped: 0, role: 'CFO', reporter_account_id: 'acc-priya', assignee_account_id: null, report_json: '{}', findings_hash: 'v', linted_at: Date.now(), benefit: null, cost: null, done: 0 })
      .execute();
    await signed(JSON.stringify({ token: 'x', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: 'Ev9', event_time: 1, event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' } }), 'application/json');
    const { view } = await published(1);
    expect(JSON.stringify(view)).not.toContain('VAULT');
    expect(view.blocks.filter((b: any) => b.accessory?.action_id === 'fix_ticket').map((b: any) => b.accessory.value)).toEqual(['SHOP-2', 'SHOP-1']);
  });

  it('settings change what is stored and the view is published again', async () => {
    t = await startTestBot();
    const click = (actionId: string, extra: Record<string, unknown> = {}) =>
      signed(
        new URLSearchParams({
          payload: JSON.stringify({ type: 'block_actions', user: { id: 'U1' }, team: { id: 'T1' }, api_app_id: 'A1', token: 'x', trigger_id: '1', container: { type: 'view', view_id: 'VHOME' }, actions: [{ type: 'button', action_id: actionId, block_id: 'b', action_ts: '1', ...extra }] }),
        }).toString(),
        'application/x-www-form-urlencoded',
      );
    await click('home_mute');
    const first = await published(1);
    expect(texts(first.view).some((l) => l.startsWith('Nudges are muted until '))).toBe(true);
    expect(first.view.blocks.some((b: any) => b.accessory?.action_id === 'home_unmute')).toBe(true);
    await click('home_working_hours', { type: 'static_select', selected_option: { text: { type: 'plain_text', text: '08:00–17:00' }, value: '08:00-17:00' } });
    const second = await published(2);
    expect(texts(second.view)).toContain('Nudges arrive on weekdays between 08:00 and 17:00, in your Slack timezone.');
    const row = await t.bot.store.db.selectFrom('mutes').selectAll().executeTakeFirstOrThrow();
    expect(row.working_hours).toBe('08:00-17:00');
    await click('home_unmute');
    await published(3);
    expect((await t.bot.store.db.selectFrom('mutes').selectAll().executeTakeFirstOrThrow()).until).toBeNull();
    expect(texts(second.view)).toContain('Weekly digests list tickets that need attention without naming anyone.');
    await click('home_digest_mention_on');
    const fourth = await published(4);
    expect(texts(fourth.view)).toContain('Weekly digests mention you next to your tickets that need attention.');
    expect(fourth.view.blocks.some((b: any) => b.accessory?.action_id === 'home_digest_mention_off')).toBe(true);
    const optedIn = await t.bot.store.db.selectFrom('mutes').selectAll().executeTakeFirstOrThrow();
    expect([optedIn.digest_mention, optedIn.working_hours]).toEqual([1, '08:00-17:00']);
  });
});

const homeOpened = (user: string, id: string) =>
  signed(JSON.stringify({ token: 'x', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: id, event_time: 1, event: { type: 'app_home_opened', user, channel: 'D1', tab: 'home' } }), 'application/json');

describe('App Home, whole', () => {
  it('is exactly these views: linked with failing tickets, muted, and not linked (an extra block or a lost field fails)', async () => {
    // A fixed clock: the scores are of this week and last, and the mute ends on a date the view shows.
    const NOW = Date.parse('2026-11-23T09:00:00Z');
    t = await startTestBot({ bot: { clock: () => NOW } });
    await seed(NOW);
    await homeOpened('U1', 'Ev1');
    await expect(snapshotOf(await published(1))).toMatchFileSnapshot('__snapshots__/app-home.json');
    const mute = new URLSearchParams({
      payload: JSON.stringify({ type: 'block_actions', user: { id: 'U1' }, team: { id: 'T1' }, api_app_id: 'A1', token: 'x', trigger_id: '1', container: { type: 'view', view_id: 'VHOME' }, actions: [{ type: 'button', action_id: 'home_mute', block_id: 'b', action_ts: '1' }] }),
    });
    await signed(mute.toString(), 'application/x-www-form-urlencoded');
    await expect(snapshotOf(await published(2))).toMatchFileSnapshot('__snapshots__/app-home-muted.json');
    await homeOpened('U2', 'Ev2');
    await expect(snapshotOf(await published(3))).toMatchFileSnapshot('__snapshots__/app-home-not-linked.json');
  });
});

describe('Slack rate limits', () => {
  it('a 429 with Retry-After is waited out and the DM is sent once', async () => {
    t = await startTestBot({ config: { nudges: { ...DEFAULT_CONFIG.nudges, workingHours: { days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '23:59' } } } });
    let calls = 0;
    t.slack.on('POST', '/api/chat.postMessage', () => (++calls === 1 ? { status: 429, headers: { 'Retry-After': '1' }, body: { ok: false, error: 'ratelimited' } } : { body: { ok: true, channel: 'D1', ts: '1.2' } }));
    await t.bot.store.db.insertInto('user_links').values({ slack_user_id: 'U1', jira_account_id: 'acc-priya', linked_by: 'email', linked_at: 0 }).execute();
    await t.bot.store.db.insertInto('nudges').values({ slack_user_id: 'U1', ticket_key: 'SHOP-1', findings_hash: 'h', channel: null, message_ts: null, status: 'queued', sent_at: 0, details: JSON.stringify({ summary: 's', score: 10, findings: [] }), queued_at: 0 }).execute();
    expect(await t.bot.dispatchNudges()).toEqual({ sent: 1, held: 0, dropped: 0 });
    expect(calls).toBe(2);
    expect(t.slack.requests.filter((r) => r.path === '/api/chat.postMessage')).toHaveLength(2);
  });
});
