import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { startTestBot, TEST_SECRETS, type TestBot } from '../helpers/bot.js';
import { doc, heading, bullets, image, para, text } from '../helpers/issues.js';
import { JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';
import { slackArgs } from '../helpers/stand-in.js';

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

const ALWAYS = { ...DEFAULT_CONFIG.nudges, workingHours: { days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '23:59' } };
const story = (description: Record<string, unknown>) => ({
  key: 'SHOP-1',
  fields: { summary: 'Save basket', description, issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [], reporter: { accountId: 'acc-priya' } },
});
const webhook = { webhookEvent: 'jira:issue_updated', user: { accountId: 'acc-priya' }, issue: { key: 'SHOP-1' }, changelog: { items: [{ field: 'description', fieldId: 'description' }] } };

async function click(actionId: string, value: string) {
  const payload = JSON.stringify({
    type: 'block_actions',
    user: { id: 'U1' },
    team: { id: 'T1' },
    api_app_id: 'A1',
    token: 'x',
    container: { type: 'message' },
    trigger_id: '1.2',
    response_url: `${t!.slackUrl}/respond/button`,
    actions: [{ type: 'button', action_id: actionId, block_id: `nudge:${value}`, value, action_ts: '1' }],
  });
  const body = new URLSearchParams({ payload }).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', TEST_SECRETS.SLACK_SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  const res = await fetch(`${t!.base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': signature }, body });
  expect(res.status).toBe(200);
  for (let i = 0; i < 100; i++) {
    const answer = t!.slack.requests.filter((r) => r.path === '/respond/button').at(-1);
    if (answer) return JSON.parse(answer.body) as { text: string; response_type: string };
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no answer to the button');
}

describe('a nudge, end to end', () => {
  it('goes out a few seconds after the last ticket of a burst, one DM for all of them', async () => {
    jira.put(story(doc(para(text('As a user, I want to save my basket.')))));
    jira.put({ ...story(doc(para(text('As a user, I want to pay.')))), key: 'SHOP-2' });
    t = await startTestBot({ config: { nudges: ALWAYS }, bot: { nudgeBatchMs: 150 } });
    await t.bot.store.db.insertInto('user_links').values({ slack_user_id: 'U1', jira_account_id: 'acc-priya', linked_by: 'email', linked_at: 0 }).execute();
    await t.webhook(webhook, { 'x-atlassian-webhook-identifier': 'b1' });
    await t.webhook({ ...webhook, issue: { key: 'SHOP-2' } }, { 'x-atlassian-webhook-identifier': 'b2' });
    await t.drained();
    // Done when no nudge waits or is being sent: the dispatch's last write, not the first DM seen.
    const pending = async () => (await t!.bot.store.db.selectFrom('nudges').select('status').execute()).filter((r) => r.status !== 'sent').length;
    for (let i = 0; i < 250 && (await pending()) > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await pending()).toBe(0);
    const posts = t.slack.requests.filter((r) => r.path === '/api/chat.postMessage');
    expect(posts.map((p) => slackArgs(p.body).text)).toEqual(['2 of your tickets need a customer: SHOP-1, SHOP-2']);
  });

  it('DMs the reporter about a failing ticket, then updates that DM when the ticket is fixed', async () => {
    jira.put(story(doc(para(text('As a user, I want to save my basket.')))));
    t = await startTestBot({ config: { nudges: ALWAYS } });
    await t.bot.store.db.insertInto('user_links').values({ slack_user_id: 'U1', jira_account_id: 'acc-priya', linked_by: 'email', linked_at: 0 }).execute();

    await t.webhook(webhook, { 'x-atlassian-webhook-identifier': 'e1' });
    await t.drained();
    expect(await t.bot.dispatchNudges()).toEqual({ sent: 1, held: 0, dropped: 0 });
    const posts = t.slack.requests.filter((r) => r.path === '/api/chat.postMessage');
    expect(posts).toHaveLength(1);
    const dm = slackArgs(posts[0]!.body);
    expect(dm.channel).toBe('U1');
    expect(dm.text).toBe('1 of your tickets needs a customer: SHOP-1');

    jira.put(story(doc(para(text('As a returning shopper, I want to save my basket, so that I can pay on my phone.')), heading('Acceptance criteria'), bullets('Given a basket, then it is kept'), para(text('Success: conversion +3% in 6 weeks.')), image('b.png'))));
    await t.webhook(webhook, { 'x-atlassian-webhook-identifier': 'e2' });
    await t.drained();
    const updates = t.slack.requests.filter((r) => r.path === '/api/chat.update');
    expect(updates).toHaveLength(1);
    expect(slackArgs(updates[0]!.body)).toMatchObject({ channel: 'D1', text: 'Fixed, thank you: every ticket in this message is customer-centric now.' });
    expect(t.slack.requests.filter((r) => r.path === '/api/chat.postMessage')).toHaveLength(1);
  });

  it('"Snooze a week" and "Not a story" answer ephemerally and do what they say', async () => {
    jira.put(story(doc(para(text('As a user, I want to save my basket.')))));
    t = await startTestBot({ config: { nudges: ALWAYS } });
    await t.bot.store.db.insertInto('user_links').values({ slack_user_id: 'U1', jira_account_id: 'acc-priya', linked_by: 'email', linked_at: 0 }).execute();
    const snoozed = await click('snooze_ticket', 'SHOP-1');
    expect(snoozed).toMatchObject({ response_type: 'ephemeral', text: 'Snoozed SHOP-1 for 7 days: no nudge about it until then, and never again about the same findings.' });
    expect(await t.bot.store.db.selectFrom('snoozes').select(['slack_user_id', 'ticket_key']).execute()).toEqual([{ slack_user_id: 'U1', ticket_key: 'SHOP-1' }]);
    t.slack.requests.length = 0;
    const exempt = await click('not_a_story', 'SHOP-1');
    expect(exempt.text).toBe('SHOP-1 is marked as not a story (label centric:exempt): Centric leaves it alone from now on.');
    // Jira's history names who asked: the Slack user and their Jira account.
    const historyMetadata = {
      type: 'centric:on-behalf-of',
      description: 'Centric, for U1 (Slack U1, Jira acc-priya)',
      actor: { id: 'U1', displayName: 'U1', type: 'centric-slack-user' },
      generator: { id: 'centric', type: 'centric-bot' },
      extraData: { slackUserId: 'U1', jiraAccountId: 'acc-priya' },
    };
    // …and a note on the ticket, unmarked (never taken for the sticky comment), naming them too.
    const note = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Marked as not a story from Slack by U1 (Slack user U1, Jira account acc-priya).' }] }] };
    expect(jira.writes().map((c) => [c.path, c.body])).toEqual([
      ['/rest/api/3/issue/SHOP-1', { update: { labels: [{ add: 'centric:exempt' }, { remove: 'centric:needs-work' }] }, historyMetadata }],
      ['/rest/api/3/issue/SHOP-1/comment', { body: note, properties: [] }],
    ]);
  });

  it('"Not a story" from someone whose Jira account may not edit the ticket changes nothing', async () => {
    jira.put(story(doc(para(text('As a user, I want to save my basket.')))));
    jira.restrict('SHOP', { browse: ['acc-priya'], edit: [] });
    t = await startTestBot({ config: { nudges: ALWAYS } });
    await t.bot.store.db.insertInto('user_links').values({ slack_user_id: 'U1', jira_account_id: 'acc-priya', linked_by: 'email', linked_at: 0 }).execute();
    const refused = await click('not_a_story', 'SHOP-1');
    expect(refused).toMatchObject({
      response_type: 'ephemeral',
      text: 'SHOP-1 was not changed. Your Jira account may not edit SHOP-1 (or it does not exist), so Centric will not change it for you either.',
    });
    expect(jira.writes()).toEqual([]);
  });
});

describe('nudge triggers and background posting', () => {
  it('moving a failing ticket to a configured status nudges again, once, even with the same findings', async () => {
    jira.put(story(doc(para(text('As a user, I want to save my basket.')))));
    t = await startTestBot({ config: { nudges: { ...ALWAYS, onStatuses: ['Ready for Development'], perDay: 24 } } });
    await t.bot.store.db.insertInto('user_links').values({ slack_user_id: 'U1', jira_account_id: 'acc-priya', linked_by: 'email', linked_at: 0 }).execute();
    await t.webhook(webhook, { 'x-atlassian-webhook-identifier': 'e1' });
    await t.drained();
    await t.bot.dispatchNudges();
    const move = (id: string, to: string) => t!.webhook({ ...webhook, changelog: { items: [{ field: 'status', fieldId: 'status', toString: to }] } }, { 'x-atlassian-webhook-identifier': id });
    expect(await (await move('s0', 'In Review')).json()).toEqual({ status: 'ignored', reason: 'no field the rules read changed' });
    expect((await move('s1', 'Ready for Development')).status).toBe(202);
    await t.drained();
    expect(await t.bot.dispatchNudges()).toMatchObject({ sent: 0, held: 1 }); // one an hour at perDay 24
    const queued = await t.bot.store.db.selectFrom('nudges').select(['status', 'findings_hash']).orderBy('id').execute();
    expect(queued.map((q) => [q.status, q.findings_hash.split('|')[1] ?? null])).toEqual([
      ['sent', null],
      ['queued', 'status: Ready for Development'],
    ]);
    await move('s2', 'Ready for Development');
    await t.drained();
    expect(await t.bot.store.db.selectFrom('nudges').select('id').execute()).toHaveLength(2);
  });

  it('a rate-limited nudge does not hold up an interactive click (separate Slack clients)', async () => {
    jira.put(story(doc(para(text('As a user, I want to save my basket.')))));
    t = await startTestBot({ config: { nudges: ALWAYS } });
    let posts = 0;
    t.slack.on('POST', '/api/chat.postMessage', () => (++posts === 1 ? { status: 429, headers: { 'Retry-After': '2' }, body: { ok: false, error: 'ratelimited' } } : { body: { ok: true, channel: 'D1', ts: '1.2' } }));
    await t.bot.store.db.insertInto('user_links').values({ slack_user_id: 'U1', jira_account_id: 'acc-priya', linked_by: 'email', linked_at: 0 }).execute();
    await t.bot.store.db.insertInto('nudges').values({ slack_user_id: 'U1', ticket_key: 'SHOP-1', findings_hash: 'h', channel: null, message_ts: null, status: 'queued', sent_at: 0, details: JSON.stringify({ summary: 's', score: 10, findings: [] }), queued_at: 0 }).execute();
    const dispatch = t.bot.dispatchNudges();
    for (let i = 0; i < 100 && posts === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(posts).toBe(1);
    await click('fix_ticket', 'SHOP-1').catch(() => undefined);
    for (let i = 0; i < 100 && !t.slack.requests.some((r) => r.path === '/api/views.open'); i++) await new Promise((r) => setTimeout(r, 10));
    const order = t.slack.requests.map((r) => r.path).filter((p) => p === '/api/views.open' || p === '/api/chat.postMessage');
    expect(order).toEqual(['/api/chat.postMessage', '/api/views.open']);
    expect(await dispatch).toEqual({ sent: 1, held: 0, dropped: 0 });
    expect(t.slack.requests.map((r) => r.path).filter((p) => p === '/api/views.open' || p === '/api/chat.postMessage')).toEqual(['/api/chat.postMessage', '/api/views.open', '/api/chat.postMessage']);
  });
});
