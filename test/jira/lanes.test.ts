import { afterEach, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { JiraCloudStandIn } from '../../src/demo/stand-ins/jira-cloud.js';
import { JiraClient } from '../../src/jira/client.js';
import { Metrics } from '../../src/runtime/metrics.js';
import { capturedLogger } from '../helpers/quiet.js';

const BOT = { accountId: 'acc-bot', displayName: 'Centric', emailAddress: 'centric@acme.io' };
const TOKEN = 'ATATT-stand-in-token';
const story = (key: string) => ({ key, fields: { summary: key, issuetype: { name: 'Story' }, labels: [] } });

const closing: JiraCloudStandIn[] = [];
afterEach(async () => void (await Promise.all(closing.splice(0).map((s) => s.close()))));

async function site() {
  const jira = new JiraCloudStandIn({ bot: BOT, apiToken: TOKEN, people: [{ accountId: 'acc-priya', displayName: 'Priya', emailAddress: 'priya@acme.io', apiToken: 'priya-token' }] });
  closing.push(jira);
  const url = await jira.listen();
  jira.put(story('SHOP-1')).put(story('SHOP-2'));
  const env = loadEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', JIRA_BASE_URL: url, JIRA_EMAIL: BOT.emailAddress, JIRA_API_TOKEN: TOKEN });
  const metrics = new Metrics();
  const client = new JiraClient({ env, settings: { ...DEFAULT_CONFIG.jira, concurrency: 1, interactiveConcurrency: 1 }, metrics, logger: capturedLogger().logger, maxRetries: 0 });
  return { jira, client, metrics, url };
}

/** Holds every GET of an issue until released; `arrived` resolves once the first one reached Jira. */
function hold(jira: JiraCloudStandIn, key: string) {
  let release!: () => void;
  let arrived!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  jira.on('GET', `/rest/api/3/issue/${key}`, async () => {
    arrived();
    await released;
    return undefined;
  });
  return { release, reached };
}

describe('two Jira lanes', () => {
  it('an interactive call completes while slow background calls fill the background lane', async () => {
    const { jira, client } = await site();
    const slow = hold(jira, 'SHOP-1');
    const background = [client.getIssue('SHOP-1'), client.getIssue('SHOP-1'), client.getIssue('SHOP-1')];
    await slow.reached;
    const interactive = await client.interactive().getIssue('SHOP-2');
    expect(interactive?.key).toBe('SHOP-2');
    // The background lane (concurrency 1) holds one call at Jira; the other two still wait their turn.
    expect(jira.calls('/rest/api/3/issue/SHOP-1')).toHaveLength(1);
    slow.release();
    expect((await Promise.all(background)).map((i) => i?.key)).toEqual(['SHOP-1', 'SHOP-1', 'SHOP-1']);
    expect(jira.calls('/rest/api/3/issue/SHOP-1')).toHaveLength(3);
  });

  it('and the reverse: a burst of interactive calls does not delay background work', async () => {
    const { jira, client } = await site();
    const slow = hold(jira, 'SHOP-1');
    const burst = [1, 2, 3].map(() => client.interactive().getIssue('SHOP-1'));
    await slow.reached;
    expect((await client.getIssue('SHOP-2'))?.key).toBe('SHOP-2');
    slow.release();
    await Promise.all(burst);
  });

  it('shares the bot account, the caches and the metrics; one interactive lane per client', async () => {
    const { jira, client, metrics } = await site();
    expect(client.interactive()).toBe(client.interactive());
    expect(client.interactive().interactive()).toBe(client.interactive());
    expect(client.interactive().lane).toBe('interactive');
    expect(await client.myself()).toEqual({ accountId: 'acc-bot', displayName: 'Centric' });
    expect(await client.interactive().myself()).toEqual({ accountId: 'acc-bot', displayName: 'Centric' });
    expect(jira.calls('/rest/api/3/myself')).toHaveLength(1);
    expect(await client.interactive().userMay('acc-priya', 'EDIT_ISSUES', { issueKey: 'SHOP-1' })).toBe(true);
    expect(await client.userMay('acc-priya', 'EDIT_ISSUES', { issueKey: 'SHOP-1' })).toBe(true);
    expect(jira.calls('/rest/api/3/user/permission/search')).toHaveLength(1);
    expect(await metrics.registry.metrics()).toContain('centric_jira_calls_total{outcome="ok"} 2');
  });
});

describe('the client against the strict stand-in', () => {
  it('reads the newest comments, posted by a person as themselves, and its history record is accepted', async () => {
    const { jira, client, url } = await site();
    const priya = `Basic ${Buffer.from('priya@acme.io:priya-token').toString('base64')}`;
    const post = (text: string) =>
      fetch(`${url}/rest/api/3/issue/SHOP-1/comment`, { method: 'POST', headers: { authorization: priya, 'content-type': 'application/json' }, body: JSON.stringify({ body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } }) });
    expect((await post('older')).status).toBe(201);
    expect((await post('centric-link 4821')).status).toBe(201);
    expect(await client.interactive().commentTexts('SHOP-1', 1)).toEqual([{ id: expect.any(String), authorAccountId: 'acc-priya', text: 'centric-link 4821', edited: false, byPerson: true }]);

    await client.updateLabels('SHOP-1', ['centric:not-a-story'], [], { slackUserId: 'U1', slackName: 'Priya', jiraAccountId: 'acc-priya' });
    expect(jira.history.get('SHOP-1')).toEqual([
      expect.objectContaining({ author: 'acc-bot', items: [expect.objectContaining({ field: 'labels', toString: 'centric:not-a-story' })], historyMetadata: expect.objectContaining({ description: 'Centric, for Priya (Slack U1, Jira acc-priya)' }) }),
    ]);
  });

  it('finds a person by a visible e-mail only', async () => {
    const { jira, client } = await site();
    jira.addPerson({ accountId: 'acc-hidden', displayName: 'Hidden', emailAddress: 'hidden@acme.io', emailVisible: false });
    expect(await client.findAccountByEmail('PRIYA@acme.io')).toBe('acc-priya');
    expect(await client.findAccountByEmail('hidden@acme.io')).toBeNull();
  });
});
