import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadJiraEnv } from '../../src/config/env.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { JiraClient } from '../../src/jira/client.js';
import { pollOnce } from '../../src/jobs/poller.js';
import { Metrics } from '../../src/runtime/metrics.js';
import type { NewEvent } from '../../src/store/inbox.js';
import { JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';
import { capturedLogger } from '../helpers/quiet.js';

beforeEach(() => isolateNetwork());
afterEach(() => resetNetwork());

const story = (key: string) => ({ key, fields: { summary: 'x', description: null, issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [], updated: '2026-11-22T10:00:00.000+0000' } });

describe("the poller: one project's failing search holds no other project back", () => {
  it.each([400, 403])('the first project answering HTTP %i is logged and counted; the second project’s tickets are still queued', async (status) => {
    const jira = new JiraFake(3);
    jira.install();
    jira.put(story('SHOP-1')).put(story('SHOP-2'));
    // The first search of the poll (project GONE) fails; the next one (SHOP) is answered.
    jira.failNext('GET', '/rest/api/3/search/jql', { status });
    const metrics = new Metrics();
    const log = capturedLogger();
    const env = loadJiraEnv({ JIRA_BASE_URL: 'https://acme.atlassian.net', JIRA_EMAIL: 'c@acme.io', JIRA_API_TOKEN: 't' });
    const client = new JiraClient({ env, settings: DEFAULT_CONFIG.jira, metrics, logger: log.logger, sleep: async () => undefined });
    const accepted: NewEvent[] = [];
    const config = { ...DEFAULT_CONFIG, jira: { ...DEFAULT_CONFIG.jira, poll: { intervalMinutes: 5, projects: ['GONE', 'SHOP'] } } };

    const result = await pollOnce({ jira: client, config, logger: log.logger, metrics, accept: async (event) => (accepted.push(event), { id: accepted.length, duplicate: false }) });

    expect(result).toEqual({ seen: 2, queued: 2, failed: ['GONE'] });
    expect(accepted.map((e) => e.ticketKey)).toEqual(['SHOP-1', 'SHOP-2']);
    const searches = jira.calls.filter((c) => c.path === '/rest/api/3/search/jql').map((c) => c.query.get('jql'));
    expect(searches).toEqual(['project = "GONE" AND updated >= -7m ORDER BY updated ASC', 'project = "SHOP" AND updated >= -7m ORDER BY updated ASC']);
    const warnings = log.lines().map((l) => JSON.parse(l) as Record<string, any>).filter((l) => l.level === 40);
    expect(warnings).toEqual([expect.objectContaining({ project: 'GONE', status, err: expect.objectContaining({ type: 'JiraError', status, stack: expect.any(String) }) })]);
    expect((await metrics.registry.metrics()).split('\n').filter((l) => l.startsWith('centric_poll_failures_total'))).toEqual(['centric_poll_failures_total{project="GONE"} 1']);
  });
});
