import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_SECRET_REASON, verifySignature } from '../../src/jira/webhook.js';
import { listEvents } from '../../src/store/inbox.js';
import { startTestBot, type TestBot } from '../helpers/bot.js';
import { bullets, doc, heading, image, para, text } from '../helpers/issues.js';
import { BOT_ACCOUNT, JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';

const WEBHOOK = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/jira/webhook-issue-updated.json'), 'utf8'));
/** Each event as Jira sends it: its own timestamp, the issue's own id. */
let sent = 0;
const updated = (key: string, field = 'description', user = WEBHOOK.user.accountId) => ({
  ...WEBHOOK,
  timestamp: WEBHOOK.timestamp + ++sent,
  user: { ...WEBHOOK.user, accountId: user },
  issue: { ...WEBHOOK.issue, key, id: String(10_000 + Number(key.split('-')[1])) },
  changelog: { id: '1', items: [{ field, fieldtype: 'jira', fieldId: field }] },
});

/** A Cloud issue (REST v3, ADF description) with the given story. */
function cloudIssue(key: string, story: string, extra: Array<Record<string, unknown>> = [], labels: string[] = []) {
  return {
    key,
    id: '10001',
    fields: {
      summary: 'Save my basket',
      description: doc(para(text(story)), ...extra),
      issuetype: { name: 'Story' },
      status: { name: 'To Do' },
      project: { key: key.split('-')[0] },
      attachment: [],
      labels,
      reporter: { accountId: 'priya', displayName: 'Priya Shah' },
    },
  };
}

const FAILING = 'As a user, I want to save my basket.';
const STILL_FAILING = 'As a user, I want to save my basket for later.';
const FIXED = [heading('Acceptance criteria'), bullets('Given a saved basket, when I sign in, then I see it'), para(text('Success: checkout conversion +3% in 6 weeks.')), image('basket.png'), para(text('Research: shoppers told us in interviews that they lose their basket.'))];

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

describe('X-Hub-Signature', () => {
  const body = Buffer.from('Hello World!');
  it("verifies Atlassian's test vector and fails on a one-byte change", () => {
    const vector = 'sha256=a4771c39fbe90f317c7824e83ddef3caae9cb3d976c214ace1f2937e133263c9';
    expect(verifySignature("It's a Secret to Everybody", body, vector)).toBe(true);
    expect(verifySignature("It's a Secret to Everybody", Buffer.from('Hello World?'), vector)).toBe(false);
    expect(verifySignature("It's a Secret to Everybody", body, vector.replace('a4771c', 'a4771d'))).toBe(false);
    expect(verifySignature("It's a Secret to Everybody", body, 'md5=abc')).toBe(false);
    expect(verifySignature("It's a Secret to Everybody", body, undefined)).toBe(false);
  });

  it('rejects a wrong or missing signature with 401 and stores nothing', async () => {
    t = await startTestBot();
    const wrong = await t.webhook(updated('SHOP-1'), { 'x-hub-signature': 'sha256=a4771c39fbe90f317c7824e83ddef3caae9cb3d976c214ace1f2937e133263c9' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: 'X-Hub-Signature does not match the body and JIRA_WEBHOOK_SECRET' });
    const missing = await fetch(`${t.base}/jira/webhook`, { method: 'POST', body: JSON.stringify(updated('SHOP-1')) });
    expect(missing.status).toBe(401);
    expect(await listEvents(t.bot.store)).toEqual([]);
  });
});

describe('the webhook endpoint', () => {
  it('answers 413 over 1 MB, 400 for malformed JSON, 202 and stores nothing for other events', async () => {
    t = await startTestBot();
    const big = await t.webhook('x'.repeat(1024 * 1024 + 1));
    expect([big.status, await big.json()]).toEqual([413, { error: 'request body larger than 1048576 bytes' }]);
    const bad = await t.webhook('{"webhookEvent": ');
    expect([bad.status, await bad.json()]).toEqual([400, { error: 'body is not valid JSON' }]);
    const other = await t.webhook({ webhookEvent: 'jira:version_released', version: { id: 1 } });
    expect([other.status, await other.json()]).toEqual([202, { status: 'ignored', reason: 'not an issue created or updated event' }]);
    const comment = await t.webhook({ ...updated('SHOP-1'), webhookEvent: 'comment_created' });
    expect(comment.status).toBe(202);
    const noKey = await t.webhook({ webhookEvent: 'jira:issue_created', issue: { id: '1' } });
    expect([noKey.status, ((await noKey.json()) as { error: string }).error]).toEqual([400, 'not a Jira issue event: issue.key: Invalid input: expected string, received undefined']);
    expect(await listEvents(t.bot.store)).toEqual([]);
  });

  it('stores the same delivery once however often it arrives, and comments once', async () => {
    jira.put(cloudIssue('SHOP-1', FAILING));
    t = await startTestBot();
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await t.webhook(updated('SHOP-1'), { 'x-atlassian-webhook-identifier': 'delivery-1' })).status);
    expect(answers).toEqual([202, 200, 200]);
    await t.drained();
    expect(await listEvents(t.bot.store)).toHaveLength(1);
    expect(jira.writes().filter((c) => c.path.endsWith('/comment'))).toHaveLength(1);
  });

  it('ignores an event caused by its own account: no loop', async () => {
    jira.put(cloudIssue('SHOP-1', FAILING));
    t = await startTestBot();
    const own = await t.webhook(updated('SHOP-1', 'description', BOT_ACCOUNT));
    expect([own.status, await own.json()]).toEqual([202, { status: 'ignored', reason: "caused by Centric's own account" }]);
    await t.drained();
    expect(await listEvents(t.bot.store)).toEqual([]);
    expect(jira.writes()).toEqual([]);
  });
});

describe('who may post a webhook', () => {
  it('with jira.webhook: off, the route is not served at all', async () => {
    t = await startTestBot({ config: { jira: { webhook: 'off' } as never } });
    const res = await t.webhook(updated('SHOP-1'), { 'x-atlassian-webhook-identifier': 'd-off' });
    expect([res.status, await res.json()]).toEqual([404, { error: 'no POST /jira/webhook here' }]);
    expect(t.lines().filter((l) => l.includes('JIRA_WEBHOOK_SECRET'))).toEqual([]);
    expect(await listEvents(t.bot.store)).toEqual([]);
  });

  it('without JIRA_WEBHOOK_SECRET, refuses every delivery saying what to set, and warns once at start-up', async () => {
    jira.put(cloudIssue('SHOP-1', FAILING));
    t = await startTestBot({ env: { JIRA_WEBHOOK_SECRET: '' } });
    const unsigned = await fetch(`${t.base}/jira/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(updated('SHOP-1')) });
    expect([unsigned.status, await unsigned.json()]).toEqual([403, { error: NO_SECRET_REASON }]);
    const signed = await t.webhook(updated('SHOP-1'));
    expect(signed.status).toBe(403);
    expect(NO_SECRET_REASON).toBe(
      'Centric refuses Jira webhooks while JIRA_WEBHOOK_SECRET is unset, as anyone could post one. Set JIRA_WEBHOOK_SECRET, and the same secret on the Jira webhook (its "Secret" field); ' +
        'or, if Jira sends Centric no webhooks (Socket Mode or polling only), set jira.webhook: off in centric.yml.',
    );
    const warnings = t.lines().map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.msg === NO_SECRET_REASON);
    expect(warnings.map((w) => w.level)).toEqual([40]);
    await t.drained();
    expect(await listEvents(t.bot.store)).toEqual([]);
    expect(jira.writes()).toEqual([]);
  });
});

describe('a replayed delivery', () => {
  it('under a new X-Atlassian-Webhook-Identifier is still one event: stored once, commented once', async () => {
    jira.put(cloudIssue('SHOP-1', FAILING));
    t = await startTestBot();
    const event = updated('SHOP-1');
    const answers = [];
    for (const id of ['delivery-1', 'replay-2', 'replay-3']) {
      const res = await t.webhook(event, { 'x-atlassian-webhook-identifier': id });
      answers.push([res.status, await res.json()]);
    }
    expect(answers).toEqual([
      [202, { status: 'accepted', ticket: 'SHOP-1' }],
      [200, { status: 'duplicate', ticket: 'SHOP-1' }],
      [200, { status: 'duplicate', ticket: 'SHOP-1' }],
    ]);
    await t.drained();
    expect((await listEvents(t.bot.store)).map((e) => e.deliveryId)).toEqual(['delivery-1']);
    expect(jira.writes().filter((c) => c.path.endsWith('/comment'))).toHaveLength(1);
  });

  it('is told apart from a new event of the same ticket (another timestamp)', async () => {
    jira.put(cloudIssue('SHOP-1', FAILING));
    t = await startTestBot();
    expect((await t.webhook(updated('SHOP-1'), { 'x-atlassian-webhook-identifier': 'e-1' })).status).toBe(202);
    expect((await t.webhook(updated('SHOP-1'), { 'x-atlassian-webhook-identifier': 'e-2' })).status).toBe(202);
    await t.drained();
    expect(await listEvents(t.bot.store)).toHaveLength(2);
  });
});

describe('what a delivery may store', () => {
  it('hashes a delivery id longer than 128 characters, and refuses a ticket key or account id no Jira has', async () => {
    t = await startTestBot();
    const long = await t.webhook(updated('SHOP-1'), { 'x-atlassian-webhook-identifier': 'i'.repeat(5_000) });
    expect(long.status).toBe(202);
    const [stored] = await listEvents(t.bot.store);
    expect(stored!.deliveryId).toMatch(/^sha256:[0-9a-f]{64}$/);
    // The same long id again is the same delivery.
    expect((await t.webhook(updated('SHOP-1'), { 'x-atlassian-webhook-identifier': 'i'.repeat(5_000) })).status).toBe(200);

    const key = await t.webhook({ ...updated('SHOP-1'), issue: { ...WEBHOOK.issue, key: `${'A'.repeat(200)}-1` } });
    expect([key.status, await key.json()]).toEqual([400, { error: 'not a Jira issue event: issue.key: Too big: expected string to have <=100 characters' }]);
    const account = await t.webhook(updated('SHOP-1', 'description', 'x'.repeat(300)));
    expect([account.status, await account.json()]).toEqual([400, { error: 'not a Jira issue event: user.accountId: Too big: expected string to have <=255 characters' }]);
    const identities = await t.bot.store.db.selectFrom('inbox').select('event_identity').execute();
    expect(identities.map((r) => r.event_identity)).toEqual([`jira:issue_updated:10001:${WEBHOOK.timestamp + sent - 3}`]);
  });
});

describe('the sticky comment', () => {
  it('is created once, updated in place when findings change, left alone when nothing changed, and becomes a pass note', async () => {
    jira.put(cloudIssue('SHOP-1', FAILING));
    t = await startTestBot();

    await t.webhook(updated('SHOP-1'), { 'x-atlassian-webhook-identifier': 'd1' });
    await t.drained();
    const created = jira.writes();
    expect(created.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /rest/api/3/issue/SHOP-1/comment', 'PUT /rest/api/3/issue/SHOP-1']);
    expect(created[0]!.body).toMatchObject({ properties: [{ key: 'centric', value: { sticky: true } }] });
    expect(created[1]!.body).toEqual({ update: { labels: [{ add: 'centric:needs-work' }] } });
    const commentId = jira.comments.get('SHOP-1')![0]!.id;

    jira.put({ ...cloudIssue('SHOP-1', STILL_FAILING, [heading('Acceptance criteria'), bullets('Given a basket, then it is kept')]), fields: { ...cloudIssue('SHOP-1', STILL_FAILING).fields, labels: ['centric:needs-work'], description: doc(para(text(STILL_FAILING)), heading('Acceptance criteria'), bullets('Given a basket, then it is kept')) } });
    await t.webhook(updated('SHOP-1'), { 'x-atlassian-webhook-identifier': 'd2' });
    await t.drained();
    expect(jira.writes().slice(2).map((c) => `${c.method} ${c.path}`)).toEqual([`PUT /rest/api/3/issue/SHOP-1/comment/${commentId}`]);

    // A status change: no field the rules read, so not even stored.
    const status = await t.webhook(updated('SHOP-1', 'status'), { 'x-atlassian-webhook-identifier': 'd3' });
    expect(await status.json()).toEqual({ status: 'ignored', reason: 'no field the rules read changed' });
    // An edit the rules read that changes no finding: fetched and linted, but nothing written.
    await t.webhook(updated('SHOP-1', 'labels'), { 'x-atlassian-webhook-identifier': 'd4' });
    await t.drained();
    expect(jira.writes()).toHaveLength(3);

    const fixed = cloudIssue('SHOP-1', 'As a returning shopper, I want to save my basket, so that I can pay on my phone.', FIXED, ['centric:needs-work']);
    jira.put(fixed);
    await t.webhook(updated('SHOP-1'), { 'x-atlassian-webhook-identifier': 'd5' });
    await t.drained();
    expect(jira.writes().slice(3).map((c) => [`${c.method} ${c.path}`, c.body])).toEqual([
      [`PUT /rest/api/3/issue/SHOP-1/comment/${commentId}`, { body: expect.objectContaining({ type: 'doc' }) }],
      ['PUT /rest/api/3/issue/SHOP-1', { update: { labels: [{ remove: 'centric:needs-work' }] } }],
    ]);
    const note = JSON.stringify(jira.commentBodies('SHOP-1')[0]);
    expect(note).toContain('Centric: 100/100, every check passes');
    expect(jira.comments.get('SHOP-1')).toHaveLength(1);
    expect(jira.calls.filter((c) => c.method === 'PUT' && c.path.includes('/comment/')).every((c) => c.path.startsWith('/rest/api/3/issue/SHOP-1/comment/'))).toBe(true);
  });

  it("finds its comment again by property when its database was lost, and never edits anyone else's", async () => {
    jira.put(cloudIssue('SHOP-1', FAILING));
    jira.comments.set('SHOP-1', [
      { id: '500', author: 'priya', body: 'a person', properties: [{ key: 'centric', value: { sticky: true } }] },
      { id: '501', author: BOT_ACCOUNT, body: 'old note', properties: [] },
      { id: '502', author: BOT_ACCOUNT, body: 'ours', properties: [{ key: 'centric', value: { sticky: true } }] },
    ]);
    t = await startTestBot();
    await t.webhook(updated('SHOP-1'), { 'x-atlassian-webhook-identifier': 'd1' });
    await t.drained();
    expect(jira.writes().map((c) => `${c.method} ${c.path}`)).toEqual(['PUT /rest/api/3/issue/SHOP-1/comment/502', 'PUT /rest/api/3/issue/SHOP-1']);
    expect(jira.calls.find((c) => c.path === '/rest/api/3/comment/list')?.body).toEqual({ ids: [501, 502] });
  });

  it('skips a ticket with the exemption label and other issue types', async () => {
    jira.put(cloudIssue('SHOP-1', FAILING, [], ['centric:exempt']));
    jira.put({ ...cloudIssue('SHOP-2', FAILING), fields: { ...cloudIssue('SHOP-2', FAILING).fields, issuetype: { name: 'Bug' } } });
    t = await startTestBot();
    await t.webhook(updated('SHOP-1'), { 'x-atlassian-webhook-identifier': 'd1' });
    await t.webhook(updated('SHOP-2'), { 'x-atlassian-webhook-identifier': 'd2' });
    await t.drained();
    expect(jira.writes()).toEqual([]);
  });
});

describe('debounce', () => {
  it('lints a ticket being written once, after the last edit, not at every save', async () => {
    jira.put(cloudIssue('SHOP-1', FAILING));
    // Edits 300 ms apart with a 2 s quiet time: the check below has 1.7 s of margin on a busy machine.
    t = await startTestBot({ config: { jira: { debounceSeconds: 2 } as never } });
    for (let i = 1; i <= 3; i++) {
      expect((await t.webhook(updated('SHOP-1'), { 'x-atlassian-webhook-identifier': `edit-${i}` })).status).toBe(202);
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(jira.calls.filter((c) => c.path === '/rest/api/3/issue/SHOP-1')).toEqual([]);
    await t.drained();
    expect(jira.calls.filter((c) => c.method === 'GET' && c.path === '/rest/api/3/issue/SHOP-1')).toHaveLength(1);
    expect(jira.writes().filter((c) => c.method === 'POST')).toHaveLength(1);
    expect((await listEvents(t.bot.store)).map((e) => e.status)).toEqual(['coalesced', 'coalesced', 'done']);
  });
});
