import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { FIELD_NAMES_TTL_MS, JiraClient } from '../../src/jira/client.js';
import { jiraWebhookRoute } from '../../src/jira/webhook.js';
import { Metrics } from '../../src/runtime/metrics.js';
import { listEvents, type NewEvent } from '../../src/store/inbox.js';
import { startTestBot, type TestBot } from '../helpers/bot.js';
import { doc, para, text } from '../helpers/issues.js';
import { JIRA, JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';
import { capturedLogger } from '../helpers/quiet.js';

const WEBHOOK = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/jira/webhook-issue-updated.json'), 'utf8'));
const AC_FIELD_ID = 'customfield_10042';

/** The acceptance criteria and Team fields as GET /field lists them. */
const AC_FIELD = {
  id: AC_FIELD_ID,
  key: AC_FIELD_ID,
  name: 'Acceptance Criteria',
  custom: true,
  orderable: true,
  navigable: true,
  searchable: true,
  clauseNames: ['cf[10042]', 'Acceptance Criteria', 'Acceptance Criteria[Paragraph]'],
  schema: { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea', customId: 10042 },
};
const TEAM_FIELD = {
  id: 'customfield_10001',
  key: 'customfield_10001',
  name: 'Team',
  custom: true,
  schema: { type: 'team', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team', customId: 10001 },
};

/** A changelog item as Jira sends it for a custom field, or on Data Center: a name, no fieldId. */
const byName = (field: string, fieldtype = 'custom') => ({ field, fieldtype, from: null, fromString: 'Given a basket', to: null, toString: 'Given a saved basket, when I sign in, then I see it' });

/** An issue_updated webhook (REST v2 shape) whose changelog holds these items. */
const updated = (key: string, items: Array<Record<string, unknown>>) => ({ ...WEBHOOK, issue: { ...WEBHOOK.issue, key }, changelog: { id: '10150', items } });

const FAILING = 'As a user, I want to save my basket.';
const IGNORED = { status: 'ignored', reason: 'no field the rules read changed' };
const ACCEPTED = { status: 'accepted', ticket: 'SHOP-1' };

function cloudIssue(key: string) {
  return {
    key,
    id: '10001',
    fields: {
      summary: 'Save my basket',
      description: doc(para(text(FAILING))),
      issuetype: { name: 'Story' },
      status: { name: 'To Do' },
      project: { key: key.split('-')[0] },
      attachment: [],
      labels: [],
      [AC_FIELD_ID]: 'Given a saved basket, when I sign in, then I see it',
      reporter: { accountId: 'priya', displayName: 'Priya Shah' },
    },
  };
}

let jira: JiraFake;
const fieldCalls = () => jira.calls.filter((c) => c.method === 'GET' && /^\/rest\/api\/[23]\/field$/.test(c.path));
let t: TestBot | undefined;
let server: Server | undefined;
beforeEach(() => {
  isolateNetwork();
});
afterEach(async () => {
  await t?.stop();
  t = undefined;
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
  resetNetwork();
});

describe('a changelog item naming the acceptance criteria field without a fieldId', () => {
  it('gets the ticket linted on Cloud: comment and label as for a description edit', async () => {
    jira = new JiraFake(3);
    jira.fields.push(AC_FIELD, TEAM_FIELD);
    jira.install();
    jira.put(cloudIssue('SHOP-1'));
    t = await startTestBot({ config: { acceptanceCriteriaField: AC_FIELD_ID } });

    const answer = await t.webhook(updated('SHOP-1', [byName('Acceptance Criteria')]), { 'x-atlassian-webhook-identifier': 'ac-1' });
    expect([answer.status, await answer.json()]).toEqual([202, { status: 'accepted', ticket: 'SHOP-1' }]);
    await t.drained();
    expect(jira.writes().map((c) => [`${c.method} ${c.path}`, c.body])).toEqual([
      ['POST /rest/api/3/issue/SHOP-1/comment', expect.objectContaining({ properties: [{ key: 'centric', value: { sticky: true } }] })],
      ['PUT /rest/api/3/issue/SHOP-1', { update: { labels: [{ add: 'centric:needs-work' }] } }],
    ]);
  });

  it('gets the ticket linted on Data Center, where items carry names and the field list is REST v2', async () => {
    jira = new JiraFake(2);
    jira.fields.push(AC_FIELD, TEAM_FIELD);
    jira.install();
    jira.put({ key: 'SHOP-7', fields: { summary: 'Save basket', description: 'As a *user*, I want to save my basket.', issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [] } });
    t = await startTestBot({ env: { JIRA_DEPLOYMENT: 'datacenter', JIRA_PAT: 'NDc4MzQ2-secret-pat', JIRA_EMAIL: '', JIRA_API_TOKEN: '' }, config: { acceptanceCriteriaField: AC_FIELD_ID } });

    const dcEvent = { ...updated('SHOP-7', [byName('Acceptance Criteria')]), user: { self: `${JIRA}/rest/api/2/user?username=priya`, name: 'priya', key: 'JIRAUSER10100', displayName: 'Priya Shah' } };
    const answer = await t.webhook(dcEvent, { 'x-atlassian-webhook-identifier': 'dc-ac-1' });
    expect([answer.status, await answer.json()]).toEqual([202, { status: 'accepted', ticket: 'SHOP-7' }]);
    await t.drained();
    expect(jira.writes().map((c) => `${c.method} ${c.path}`)).toEqual(['POST /rest/api/2/issue/SHOP-7/comment', 'PUT /rest/api/2/issue/SHOP-7']);
    expect(typeof (jira.writes()[0]!.body as { body: unknown }).body).toBe('string');
  });
});

describe('a changelog item naming an unrelated custom field without a fieldId', () => {
  it('("Team") leaves the ticket alone: not stored, not linted', async () => {
    jira = new JiraFake(3);
    jira.fields.push(AC_FIELD, TEAM_FIELD);
    jira.install();
    jira.put(cloudIssue('SHOP-1'));
    t = await startTestBot({ config: { acceptanceCriteriaField: AC_FIELD_ID } });
    const answer = await t.webhook(updated('SHOP-1', [byName('Team')]), { 'x-atlassian-webhook-identifier': 'team-1' });
    expect([answer.status, await answer.json()]).toEqual([202, IGNORED]);
    await t.drained();
    expect(await listEvents(t.bot.store)).toEqual([]);
    expect(jira.writes()).toEqual([]);
  });
});

/**
 * The webhook route wired to a Jira client as the bot wires it (`fieldNames: () => jira.fieldNames()`),
 * served on a local port; accepted events are kept instead of stored.
 */
const HOOK_SECRET = 'changelog-test-secret-0123';

async function route(options: { version?: 2 | 3; acField?: string | null; now?: () => number } = {}) {
  const version = options.version ?? 3;
  const env = loadEnv(
    version === 3
      ? { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', JIRA_BASE_URL: JIRA, JIRA_EMAIL: 'c@acme.io', JIRA_API_TOKEN: 'tok' }
      : { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', JIRA_BASE_URL: JIRA, JIRA_DEPLOYMENT: 'datacenter', JIRA_PAT: 'pat-secret' },
  );
  const log = capturedLogger();
  const client = new JiraClient({ env, settings: DEFAULT_CONFIG.jira, metrics: new Metrics(), logger: log.logger, sleep: async () => undefined, maxRetries: 1, now: options.now });
  const accepted: NewEvent[] = [];
  const webhook = jiraWebhookRoute({
    secret: HOOK_SECRET,
    accept: async (event) => {
      accepted.push(event);
      return { id: accepted.length, duplicate: false };
    },
    selfAccountId: () => null,
    acceptanceCriteriaField: () => (options.acField === undefined ? AC_FIELD_ID : options.acField),
    debounceMs: () => 0,
    nudgeTriggers: () => ({ statuses: [], sprint: false }),
    clock: () => 0,
    logger: log.logger,
    fieldNames: () => client.fieldNames(),
  });
  server = createServer((req, res) => void webhook.handler(req, res));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let n = 0;
  return {
    client,
    log,
    accepted,
    /** Posts an issue_updated webhook with these changelog items; the route's answer. */
    async post(...items: Array<Record<string, unknown>>): Promise<{ status: string; reason?: string }> {
      const body = JSON.stringify(updated('SHOP-1', items));
      const signature = `sha256=${createHmac('sha256', HOOK_SECRET).update(body).digest('hex')}`;
      const headers = { 'content-type': 'application/json', 'x-atlassian-webhook-identifier': `d-${++n}`, 'x-hub-signature': signature };
      const answer = await fetch(`${base}/jira/webhook`, { method: 'POST', headers, body });
      expect(answer.status).toBe(202);
      return (await answer.json()) as { status: string; reason?: string };
    },
  };
}

describe('changelog items matched by field name, with the field list from Jira', () => {
  it('keeps an acceptance criteria edit and drops an unrelated custom field ("Team"), asking Jira for the field list once', async () => {
    jira = new JiraFake(3);
    jira.fields.push(AC_FIELD, TEAM_FIELD);
    jira.install();
    const r = await route();
    await r.client.refreshFieldNames();

    expect(await r.post(byName('Acceptance Criteria'))).toEqual(ACCEPTED);
    expect(await r.post(byName('acceptance criteria'))).toEqual(ACCEPTED);
    expect(await r.post(byName('Team'))).toEqual(IGNORED);
    // System fields by name, as Data Center sends them.
    expect(await r.post(byName('description', 'jira'))).toEqual(ACCEPTED);
    expect(await r.post(byName('Attachment', 'jira'))).toEqual(ACCEPTED);
    expect(await r.post(byName('status', 'jira'))).toEqual(IGNORED);
    expect(await r.post(byName('Sprint'))).toEqual(IGNORED);
    expect(await r.post(byName('Team'), byName('Acceptance Criteria'))).toEqual(ACCEPTED);
    // Items with a fieldId are matched by it, as before.
    expect(await r.post({ ...byName('Acceptance Criteria'), fieldId: AC_FIELD_ID })).toEqual(ACCEPTED);
    expect(await r.post({ ...byName('Team'), fieldId: 'customfield_10001' })).toEqual(IGNORED);
    expect(await r.post({ ...byName('Definition of Done'), fieldId: 'customfield_10099' })).toEqual(IGNORED);

    expect(r.accepted.map((e) => e.ticketKey)).toHaveLength(6);
    expect(fieldCalls().map((c) => c.path)).toEqual(['/rest/api/3/field']);
  });

  it('reads the field list through REST v2 on Data Center', async () => {
    jira = new JiraFake(2);
    jira.fields.push(AC_FIELD, TEAM_FIELD);
    jira.install();
    const r = await route({ version: 2 });
    await r.client.refreshFieldNames();
    expect(await r.post(byName('Acceptance Criteria'))).toEqual(ACCEPTED);
    expect(await r.post(byName('Team'))).toEqual(IGNORED);
    expect(fieldCalls().map((c) => c.path)).toEqual(['/rest/api/2/field']);
  });

  it('fetches the list again at most every 10 minutes, and finds a renamed field then', async () => {
    jira = new JiraFake(3);
    jira.fields.push(AC_FIELD, TEAM_FIELD);
    jira.install();
    let now = 1_000_000;
    const r = await route({ now: () => now });
    await r.client.refreshFieldNames();
    jira.fields.splice(jira.fields.indexOf(TEAM_FIELD), 1, { ...TEAM_FIELD, name: 'Squad' });

    now += FIELD_NAMES_TTL_MS - 60_000;
    // Not in the cached list: kept, in case it is the acceptance criteria field.
    expect(await r.post(byName('Squad'))).toEqual(ACCEPTED);
    expect(await r.post(byName('Team'))).toEqual(IGNORED);
    expect(fieldCalls()).toHaveLength(1);

    now += 120_000;
    await r.post(byName('Team'));
    await r.client.refreshFieldNames();
    expect(fieldCalls()).toHaveLength(2);
    expect(await r.post(byName('Squad'))).toEqual(IGNORED);
  });
});

describe('when the field list cannot be fetched', () => {
  for (const status of [404, 500]) {
    it(`(HTTP ${status}) matches by field id and well-known names, and keeps what could be the acceptance criteria field`, async () => {
      jira = new JiraFake(3);
      jira.install();
      jira.failNext('GET', '/rest/api/3/field', ...Array.from({ length: 10 }, () => ({ status })));
      let now = 1_000_000;
      const r = await route({ now: () => now });
      expect(await r.client.refreshFieldNames()).toBeNull();

      expect(await r.post(byName('Acceptance Criteria'))).toEqual(ACCEPTED);
      expect(await r.post(byName('Team'))).toEqual(ACCEPTED);
      expect(await r.post(byName(AC_FIELD_ID))).toEqual(ACCEPTED);
      expect(await r.post(byName('Summary', 'jira'))).toEqual(ACCEPTED);
      expect(await r.post(byName('labels', 'jira'))).toEqual(ACCEPTED);
      // Components put a story in its journey stage.
      expect(await r.post(byName('Component', 'jira'))).toEqual(ACCEPTED);
      expect(await r.post({ ...byName('Component', 'jira'), fieldId: 'components' })).toEqual(ACCEPTED);
      expect(await r.post(byName('Issue Type', 'jira'))).toEqual(ACCEPTED);
      expect(await r.post(byName('status', 'jira'))).toEqual(IGNORED);
      expect(await r.post(byName('Sprint'))).toEqual(IGNORED);
      expect(await r.post(byName('Rank'))).toEqual(IGNORED);
      expect(await r.post(byName('assignee', 'jira'))).toEqual(IGNORED);
      expect(r.log.lines().some((l) => l.includes('Jira field list unavailable'))).toBe(true);
      // A failed fetch is not repeated at every webhook.
      const calls = fieldCalls().length;
      expect(await r.post(byName('Team'))).toEqual(ACCEPTED);
      expect(fieldCalls()).toHaveLength(calls);
      now += 61_000;
      await r.post(byName('Team'));
      await r.client.refreshFieldNames();
      expect(fieldCalls().length).toBeGreaterThan(calls);
    });
  }

  it('drops a custom field edit when no acceptance criteria field is configured: no custom field is read then', async () => {
    jira = new JiraFake(3);
    jira.install();
    jira.failNext('GET', '/rest/api/3/field', { status: 404 });
    const r = await route({ acField: null });
    await r.client.refreshFieldNames();
    expect(await r.post(byName('Acceptance Criteria'))).toEqual(IGNORED);
    expect(await r.post(byName('description', 'jira'))).toEqual(ACCEPTED);
  });
});
