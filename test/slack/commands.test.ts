import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { limitProblems, type SlackMessage } from '../../src/slack/views/limits.js';
import { startTestBot, TEST_SECRETS, type TestBot } from '../helpers/bot.js';
import { JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';
import { GOOD_AC, GOOD_DESIGN, GOOD_EVIDENCE, GOOD_METRIC, GOOD_STORY, good } from '../helpers/issues.js';
import { snapshotOf } from '../helpers/slack-client.js';

let jira: JiraFake;
let t: TestBot | undefined;
beforeEach(() => {
  isolateNetwork();
  jira = new JiraFake(3);
  jira.install();
  // U1's confirmed Slack e-mail (the stand-in's) proves acc-priya: linked the first time it counts.
  jira.accounts.set('priya@acme.io', 'acc-priya');
});
afterEach(async () => {
  await t?.stop();
  t = undefined;
  resetNetwork();
});

const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
let responses = 0;
/** A ticket of SHOP: Jira knows the project (and answers whether someone may browse it). */
const SHOP_TICKET = { key: 'SHOP-9', fields: { summary: 'x', description: null, issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [] } } as never;

/** Sends /centric as Slack does (signed form post); returns the ack body and, for slow commands, what was posted to response_url. */
async function slash(text: string, user = 'U1', channel = 'C1'): Promise<{ status: number; ack: SlackMessage | null; reply: SlackMessage }> {
  const responseUrl = `${t!.slackUrl}/respond/${++responses}`;
  const body = new URLSearchParams({ token: 'x', team_id: 'T1', channel_id: channel, user_id: user, command: '/centric', text, response_url: responseUrl, trigger_id: '1.2.3', api_app_id: 'A1' }).toString();
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', TEST_SECRETS.SLACK_SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const res = await fetch(`${t!.base}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature },
    body,
  });
  const raw = await res.text();
  const ack = raw ? (JSON.parse(raw) as SlackMessage) : null;
  let reply = ack;
  if (!ack) {
    const path = new URL(responseUrl).pathname;
    for (let i = 0; i < 200 && !reply; i++) {
      const posted = t!.slack.requests.find((r) => r.path === path);
      if (posted) reply = JSON.parse(posted.body) as SlackMessage;
      else await new Promise((r) => setTimeout(r, 20));
    }
  }
  if (!reply) throw new Error(`no reply to /centric ${text}`);
  expect(limitProblems(reply)).toEqual([]);
  return { status: res.status, ack, reply };
}

async function start(config: Partial<typeof DEFAULT_CONFIG> = {}) {
  t = await startTestBot({ config });
}

describe('/centric', () => {
  it('help lists every subcommand with an example, answered in the ack', async () => {
    await start();
    const { status, ack, reply } = await slash('help');
    expect(status).toBe(200);
    expect(ack).not.toBeNull();
    expect(reply.response_type).toBe('ephemeral');
    for (const sub of ['check SHOP-123', 'template', 'mine', 'digest', 'subscribe SHOP #channel monday 09:00', 'unsubscribe', 'subscriptions', 'link', 'mute', 'unmute', 'help']) {
      expect(reply.text).toContain(`/centric ${sub}`);
    }
  });

  it('an unknown subcommand gets one line saying what to type instead', async () => {
    await start();
    const { reply } = await slash('chek SHOP-1');
    expect(reply.text).toBe('"chek" is not a /centric command. Did you mean `/centric check`? Type `/centric help` to see them all.');
    expect(reply.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: reply.text } }]);
  });

  it('check KEY: score, findings with hints, Open in Jira and Fix it buttons', async () => {
    jira.put({ key: 'SHOP-1', fields: { summary: 'Save <basket> & pay', description: adf('As a user, I want to save my basket.'), issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [] } as never });
    await start();
    const { ack, reply } = await slash('check shop-1');
    expect(ack).toBeNull();
    expect(reply.text).toBe('SHOP-1: 26/100, fails, 6 findings');
    expect(reply.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'SHOP-1 · 26/100 · fails' } });
    expect(reply.blocks[1]!.text.text).toBe('Save &lt;basket&gt; &amp; pay');
    const sections = reply.blocks.filter((b) => b.type === 'section').map((b) => b.text.text as string);
    // The rule id links to its README section.
    expect(sections.some((s) => s.startsWith(':x: *<https://github.com/centric-bot/centric/blob/main/README.md#customer-value|customer-value>*: The story says who (user) and what, but not why'))).toBe(true);
    expect(sections.some((s) => s.includes('_Fix: Who exactly is the user?'))).toBe(true);
    const actions = reply.blocks.find((b) => b.type === 'actions')!.elements;
    expect(actions).toEqual([
      { type: 'button', text: { type: 'plain_text', text: 'Open in Jira' }, url: 'https://acme.atlassian.net/browse/SHOP-1', action_id: 'open_in_jira' },
      { type: 'button', text: { type: 'plain_text', text: 'Fix it' }, action_id: 'fix_ticket', value: 'SHOP-1', style: 'primary' },
    ]);
  });

  it('check KEY answers exactly this body, failing and passing (an extra block or a lost field fails)', async () => {
    const ticket = (key: string, summary: string, description: string) => ({ key, fields: { summary, description, issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [] } as never });
    // Wiki markup, as on Data Center: the same report whatever the format.
    jira.put(ticket('SHOP-1', 'Save <basket> & pay', 'As a user, I want to save my basket and share it.'));
    jira.put(ticket('SHOP-2', 'Save basket', good(GOOD_STORY, GOOD_AC, GOOD_METRIC, GOOD_DESIGN, GOOD_EVIDENCE)));
    await start();
    await expect(snapshotOf((await slash('check SHOP-1')).reply)).toMatchFileSnapshot('__snapshots__/centric-check-failing.json');
    await expect(snapshotOf((await slash('check SHOP-2')).reply)).toMatchFileSnapshot('__snapshots__/centric-check-passing.json');
  });

  it('check on a ticket that does not exist, or is not a story, says so in one line', async () => {
    jira.put({ key: 'SHOP-2', fields: { summary: 'x', description: null, issuetype: { name: 'Bug' }, project: { key: 'SHOP' }, labels: [], attachment: [] } as never });
    await start();
    // The same words as for a ticket one may not see: a refusal tells nothing of what exists.
    expect((await slash('check SHOP-404')).reply.text).toBe('Your Jira account may not browse SHOP-404 (or it does not exist), so Centric will not show it for you either.');
    expect((await slash('check SHOP-2')).reply.text).toBe('SHOP-2 is a Bug, and Centric only checks Story, Epic.');
    expect((await slash('check banana')).reply.text).toBe('"banana" is not a ticket key: type `/centric check SHOP-123`.');
  });

  it('template fills in a catalogue persona, or asks who', async () => {
    await start({ personas: [{ name: 'Weekly shopper', description: 'reorders the same basket', aliases: ['regular'] }] });
    const withPersona = await slash('template regular');
    expect(withPersona.reply.text).toContain('As a weekly shopper, I want <what they want to do>, so that <what it gets them>.');
    expect(withPersona.reply.text).toContain('Success: <customer metric> from <now> to <target>');
    expect(withPersona.reply.text).toContain('Design: <Figma or Miro link');
    expect(JSON.stringify(withPersona.reply.blocks)).toContain('As a weekly shopper, I want &lt;what they want to do&gt;');
    expect((await slash('template night nurse')).reply.text).toContain('As a night nurse, I want');
  });

  it('mine links me by e-mail and lists my failing tickets, worst first; without a link it says how to link', async () => {
    const issue = (key: string, text: string) => ({ key, fields: { summary: key, description: adf(text), issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [], reporter: { accountId: 'acc-priya' } } as never });
    jira.put(issue('SHOP-1', 'As a user, I want X so that Y.'));
    jira.put(issue('SHOP-2', 'Nothing here.'));
    await start();
    await slash('check SHOP-1');
    await slash('check SHOP-2');
    const mine = await slash('mine');
    expect(mine.reply.text).toBe('2 of your tickets fail');
    const listed = mine.reply.blocks.filter((b) => b.type === 'section').map((b) => (b.text.text as string).split('\n')[0]);
    expect(listed).toEqual(['<https://acme.atlassian.net/browse/SHOP-2|SHOP-2> · 0/100', '<https://acme.atlassian.net/browse/SHOP-1|SHOP-1> · 39/100']);
    const stranger = await slash('mine', 'U2');
    expect(stranger.reply.text).toMatch(/^Link your Jira account first: /);
    // Claiming someone's account by its id alone is refused: only an admin's word, or proof, links.
    expect((await slash('link acc-priya', 'U2')).reply.text).toMatch(/^Only Centric admins may link or unlink someone else, or link an account without proof\./);
    jira.accounts.set('marek@acme.io', 'acc-marek');
    expect((await slash('link', 'U2')).reply.text).toBe('Linked: your Slack user is Jira account acc-marek (your confirmed Slack e-mail matches it). `/centric mine` shows your tickets.');
    expect((await slash('mine', 'U2')).reply.text).toBe(':tada: None of your open tickets fails. Thank you for keeping them customer-centric.');
  });

  it('subscribe, subscriptions and unsubscribe manage the digest of the channel they run in', async () => {
    jira.put(SHOP_TICKET);
    await start();
    expect((await slash('subscribe SHOP friday 16:30')).reply.text).toBe('Subscribed: <#C1> gets the customer-centricity digest of SHOP every Friday at 16:30 (Europe/Berlin). Everyone in <#C1> will see what it shows: the summaries, personas and scores of those tickets.');
    expect((await slash('subscribe SHOP')).reply.text).toBe('Updated: <#C1> gets the customer-centricity digest of SHOP every Monday at 09:00 (Europe/Berlin). Everyone in <#C1> will see what it shows: the summaries, personas and scores of those tickets.');
    expect((await slash('subscriptions')).reply.text).toBe('Digest subscriptions of <#C1>:\n• SHOP, every Monday at 09:00 (Europe/Berlin)');
    expect((await slash('subscribe SHOP <#C9|other>')).reply.text).toBe('Run this in <#C9> itself: anyone in a channel may change its digest, from that channel.');
    expect((await slash('unsubscribe OPS')).reply.text).toBe('<#C1> has no digest subscription for OPS. Type `/centric subscriptions` to see them.');
    expect((await slash('unsubscribe SHOP')).reply.text).toBe('Unsubscribed: <#C1> no longer gets that digest.');
    const rows = await t!.bot.store.db.selectFrom('digest_subscriptions').selectAll().execute();
    expect(rows).toEqual([]);
  });

  it('only the configured admins may change subscriptions when admins are set', async () => {
    jira.accounts.set('marek@acme.io', 'acc-marek');
    jira.put(SHOP_TICKET);
    await start({ slack: { ...DEFAULT_CONFIG.slack, admins: ['U2'] } });
    expect((await slash('subscribe SHOP', 'U1')).reply.text).toBe('Only the Centric admins set in centric.yml (slack.admins) can change digest subscriptions.');
    expect((await slash('subscribe SHOP <#C9|other>', 'U2')).reply.text).toMatch(/^Subscribed: <#C9> gets/);
  });

  it('a member whose Jira account may not browse a secret project learns nothing of it', async () => {
    jira.put({ key: 'VAULT-1', fields: { summary: 'Secret merger', description: adf('As a CFO, I want the deal room.'), issuetype: { name: 'Story' }, project: { key: 'VAULT' }, labels: [], attachment: [] } } as never);
    jira.restrict('VAULT', { browse: ['acc-cfo'] });
    await start();
    for (const text of ['check VAULT-1', 'digest VAULT', 'subscribe VAULT']) {
      const { reply } = await slash(text);
      expect(reply.text).toMatch(/^Your Jira account may not browse VAULT(-1)? \(or it does not exist\)/);
      expect(JSON.stringify(reply)).not.toMatch(/merger|CFO|deal room/i);
    }
    expect(jira.calls.filter((c) => c.path === '/rest/api/3/issue/VAULT-1')).toEqual([]);
    expect(jira.writes()).toEqual([]);
  });

  it('subscriptions shows a JQL as text: it can neither mention nor link', async () => {
    await start({ slack: { ...DEFAULT_CONFIG.slack, admins: ['U1'] } });
    const jql = 'project = SHOP AND summary ~ "<!channel> <https://evil.example|click>"';
    expect((await slash(`subscribe ${jql.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}`)).reply.text).toMatch(/^Subscribed: /);
    const { reply } = await slash('subscriptions');
    expect(reply.text).toBe('Digest subscriptions of <#C1>:\n• JQL "project = SHOP AND summary ~ "&lt;!channel&gt; &lt;https://evil.example|click&gt;"", every Monday at 09:00 (Europe/Berlin)');
  });

  it('mute and unmute store my preference', async () => {
    await start();
    expect((await slash('mute 3')).reply.text).toBe('Muted for 3 days: no nudges until then. `/centric unmute` ends it early.');
    const muted = await t!.bot.store.db.selectFrom('mutes').selectAll().executeTakeFirstOrThrow();
    expect(muted.slack_user_id).toBe('U1');
    expect(muted.until! - Date.now()).toBeGreaterThan(2.9 * 86_400_000);
    expect((await slash('unmute')).reply.text).toBe('Unmuted: Centric nudges you again about your tickets.');
    expect((await t!.bot.store.db.selectFrom('mutes').selectAll().executeTakeFirstOrThrow()).until).toBeNull();
  });

  it('digest previews a project, or the channel subscription, ephemerally', async () => {
    jira.put(SHOP_TICKET);
    await start();
    await t!.bot.store.db.insertInto('report_history').values({ ticket_key: 'SHOP-1', project: 'SHOP', score: 70, passing: 0, role: 'night nurse', failed_rules: 'visual-evidence', linted_at: Date.now() - 3_600_000 }).execute();
    expect((await slash('digest')).reply.text).toBe('This channel has no digest subscription: type `/centric digest SHOP` for a project, or `/centric subscribe SHOP` to get it every week.');
    const preview = await slash('digest shop');
    expect(preview.reply.response_type).toBe('ephemeral');
    expect(preview.reply.text.split('\n')[0]).toBe('Customer-centricity of SHOP: 70/100 over 1 ticket');
    expect(JSON.stringify(preview.reply.blocks)).toContain('*Who we built for:* night nurse (1)');
    await slash('subscribe SHOP');
    expect((await slash('digest')).reply.text.split('\n')[0]).toBe('Customer-centricity of SHOP: 70/100 over 1 ticket');
  });

  it.each([
    ['link not an id!', '"not an id!" is not something to link: type `/centric link` (your Slack e-mail), `/centric link SHOP-123` (a one-time code to post on a ticket), or, as an admin, `/centric link @someone <Jira account id>`.'],
    ['mute forever', '"forever" is not a number of days: type `/centric mute 7` (1 to 365).'],
    ['subscribe SHOP monday noon', '"noon" is not a time: write it as hh:mm, e.g. monday 09:00'],
    ['subscribe', 'Subscribe to what? Type `/centric subscribe SHOP #channel monday 09:00`, or a JQL instead of SHOP.'],
    ['digest shop-1', '"shop-1" is not a project key: type `/centric digest SHOP`, or `/centric digest` for every subscription of this channel.'],
    ['check', 'Which ticket? Type `/centric check SHOP-123`.'],
  ])('"/centric %s" answers with one line saying what to type', async (text, answer) => {
    await start();
    const { reply } = await slash(text);
    expect(reply.text).toBe(answer);
    expect(reply.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: answer } }]);
    expect(reply.response_type).toBe('ephemeral');
  });

  it('rejects a request with a wrong signature (Bolt)', async () => {
    await start();
    const res = await fetch(`${t!.base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': 'v0=deadbeef' },
      body: 'command=/centric&text=help',
    });
    expect(res.status).toBe(401);
  });

  it('rejects a correctly signed request whose timestamp is more than 5 minutes old (replay)', async () => {
    await start();
    const body = 'command=/centric&text=help&user_id=U1&channel_id=C1';
    const ts = String(Math.floor(Date.now() / 1000) - 6 * 60);
    const signature = `v0=${createHmac('sha256', TEST_SECRETS.SLACK_SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    const res = await fetch(`${t!.base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': signature }, body });
    expect(res.status).toBe(401);
    expect(t!.slack.requests.filter((r) => r.path.startsWith('/respond'))).toEqual([]);
  });
});
