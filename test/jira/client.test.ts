import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { customFieldsOf, JiraClient, JiraError } from '../../src/jira/client.js';
import { Metrics } from '../../src/runtime/metrics.js';
import { listEvents } from '../../src/store/inbox.js';
import { startTestBot, type TestBot } from '../helpers/bot.js';
import { JIRA, JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';
import { capturedLogger } from '../helpers/quiet.js';

const env = loadEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', JIRA_BASE_URL: JIRA, JIRA_EMAIL: 'c@acme.io', JIRA_API_TOKEN: 'tok' });

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

function client(waits: number[], maxRetries = 4) {
  const metrics = new Metrics();
  const log = capturedLogger();
  const c = new JiraClient({ env, settings: DEFAULT_CONFIG.jira, metrics, logger: log.logger, sleep: async (ms) => void waits.push(ms), random: () => 0.5, maxRetries });
  return { c, metrics, log };
}

describe('the Jira client', () => {
  it('honours 429 with Retry-After: 2, waiting about 2 s, then succeeds', async () => {
    jira.put({ key: 'SHOP-1', fields: { summary: 'x', issuetype: { name: 'Story' } } });
    jira.failNext('GET', '/rest/api/3/issue/SHOP-1', { status: 429, headers: { 'Retry-After': '2' } });
    const waits: number[] = [];
    const { c, metrics } = client(waits);
    expect((await c.getIssue('SHOP-1'))?.key).toBe('SHOP-1');
    expect(waits).toEqual([2_000]);
    expect(jira.calls.filter((x) => x.path === '/rest/api/3/issue/SHOP-1')).toHaveLength(2);
    const text = await metrics.registry.metrics();
    expect(text).toContain('centric_jira_calls_total{outcome="rate_limited"} 1');
    expect(text).toContain('centric_jira_calls_total{outcome="ok"} 1');
  });

  it('backs off exponentially with jitter on 5xx, and gives up after its retries with the status', async () => {
    jira.failNext('GET', '/rest/api/3/issue/SHOP-1', { status: 502 }, { status: 503 }, { status: 500 });
    const waits: number[] = [];
    const { c } = client(waits, 2);
    const error = await c.getIssue('SHOP-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect((error as JiraError).message).toBe('GET issue SHOP-1: Jira answered HTTP 500 (failure 500)');
    expect(waits).toEqual([750, 1_500]);
  });

  it('fetches the custom fields the configuration reads: acceptance criteria, benefit, cost', async () => {
    jira.put({ key: 'SHOP-1', fields: { summary: 'x', issuetype: { name: 'Story' } } });
    const config = { ...DEFAULT_CONFIG, acceptanceCriteriaField: 'customfield_10035', projects: { OPS: { acceptanceCriteriaField: 'customfield_10099' } }, digest: { ...DEFAULT_CONFIG.digest, benefitField: 'customfield_10050' } };
    expect(customFieldsOf(config)).toEqual(['customfield_10035', 'customfield_10099', 'customfield_10050', 'customfield_10016']);
    const c = new JiraClient({ env, settings: DEFAULT_CONFIG.jira, metrics: new Metrics(), logger: capturedLogger().logger, customFields: customFieldsOf(config) });
    await c.getIssue('SHOP-1');
    const fields = jira.calls.find((x) => x.path === '/rest/api/3/issue/SHOP-1')!.query.get('fields')!.split(',');
    expect(fields).toEqual(expect.arrayContaining(['description', 'customfield_10035', 'customfield_10099', 'customfield_10050', 'customfield_10016']));
  });

  it('does not retry a 4xx, and reads 404 on an issue as gone', async () => {
    const waits: number[] = [];
    const { c } = client(waits);
    expect(await c.getIssue('SHOP-404')).toBeNull();
    jira.failNext('GET', '/rest/api/3/issue/SHOP-1', { status: 403 });
    await expect(c.getIssue('SHOP-1')).rejects.toThrow('GET issue SHOP-1: Jira answered HTTP 403');
    expect(waits).toEqual([]);
  });

  it('pages through search/jql with nextPageToken', async () => {
    for (let i = 1; i <= 5; i++) jira.put({ key: `SHOP-${i}`, fields: { summary: `t${i}`, issuetype: { name: 'Story' } } });
    const { c } = client([]);
    const pages: string[][] = [];
    for await (const page of c.search('project = SHOP', ['summary'])) pages.push(page.map((i) => i.key));
    expect(pages).toEqual([['SHOP-1', 'SHOP-2'], ['SHOP-3', 'SHOP-4'], ['SHOP-5']]);
    expect(jira.calls.map((x) => x.path)).toEqual(['/rest/api/3/search/jql', '/rest/api/3/search/jql', '/rest/api/3/search/jql']);
  });
});

describe('an event whose Jira calls keep failing', () => {
  it('is dead-lettered after five 500s in a row, visible in the logs and metrics', async () => {
    jira.put({ key: 'SHOP-1', fields: { summary: 'x', issuetype: { name: 'Story' } } });
    jira.failNext('GET', '/rest/api/3/issue/SHOP-1', ...Array.from({ length: 5 }, () => ({ status: 500 })));
    t = await startTestBot({ bot: { jira: { sleep: async () => undefined, maxRetries: 0 } } });
    await t.bot.accept({ deliveryId: 'd1', kind: 'jira-issue', ticketKey: 'SHOP-1', payload: { webhookEvent: 'jira:issue_updated', userAccountId: 'priya', source: 'webhook' } }, 'test');
    await t.drained();
    const [event] = await listEvents(t.bot.store);
    expect(event).toMatchObject({ status: 'dead', attempts: 5, lastError: 'GET issue SHOP-1: Jira answered HTTP 500 (failure 500)' });
    const metrics = await (await fetch(`${t.ops}/metrics`)).text();
    expect(metrics).toContain('centric_jira_calls_total{outcome="server_error"} 5');
    expect(metrics).toContain('centric_events_dead_lettered_total{kind="jira-issue"} 1');
    const dead = t.lines().map((l) => JSON.parse(l)).find((l) => l.msg === 'event dead-lettered after its last attempt');
    expect(dead).toMatchObject({ ticket: 'SHOP-1', err: { type: 'JiraError', message: 'GET issue SHOP-1: Jira answered HTTP 500 (failure 500)', status: 500, stack: expect.any(String) } });
    expect(jira.writes()).toEqual([]);
  });
});
