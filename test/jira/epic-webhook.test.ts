import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jiraWebhookRoute } from '../../src/jira/webhook.js';
import { isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';
import { capturedLogger } from '../helpers/quiet.js';

const WEBHOOK = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/jira/webhook-issue-updated.json'), 'utf8'));
const SECRET = 'epic-webhook-secret-0123';
const IGNORED = { status: 'ignored', reason: 'no field the rules read changed' };
const ACCEPTED = { status: 'accepted', ticket: 'SHOP-1' };

let server: Server | undefined;
beforeEach(() => isolateNetwork());
afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
  resetNetwork();
});

/** The webhook route alone; posts an issue_updated event with these changelog items. */
async function route() {
  const log = capturedLogger();
  const webhook = jiraWebhookRoute({
    secret: SECRET,
    accept: async () => ({ id: 1, duplicate: false }),
    selfAccountId: () => null,
    acceptanceCriteriaField: () => null,
    debounceMs: () => 0,
    nudgeTriggers: () => ({ statuses: [], sprint: false }),
    clock: () => 0,
    logger: log.logger,
    fieldNames: () => null,
  });
  server = createServer((req, res) => void webhook.handler(req, res));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let n = 0;
  return async (...items: Array<Record<string, unknown>>) => {
    const body = JSON.stringify({ ...WEBHOOK, issue: { ...WEBHOOK.issue, key: 'SHOP-1' }, changelog: { id: '1', items } });
    const headers = { 'content-type': 'application/json', 'x-atlassian-webhook-identifier': `d-${++n}`, 'x-hub-signature': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` };
    const answer = await fetch(`${base}/jira/webhook`, { method: 'POST', headers, body });
    return answer.json();
  };
}

describe('a story moved to another epic', () => {
  it('is linted again: its hints name its epic\'s persona and metric', async () => {
    const post = await route();
    // Jira Cloud names the change of a parent IssueParentAssociation, with or without a fieldId.
    expect(await post({ field: 'IssueParentAssociation', fieldtype: 'jira', fieldId: 'IssueParentAssociation', from: '10001', fromString: 'SHOP-7', to: '10002', toString: 'SHOP-9' })).toEqual(ACCEPTED);
    expect(await post({ field: 'Parent', fieldtype: 'jira', fieldId: 'parent' })).toEqual(ACCEPTED);
    // Data Center's Epic Link, by name.
    expect(await post({ field: 'Epic Link', fieldtype: 'custom' })).toEqual(ACCEPTED);
    expect(await post({ field: 'Epic Name', fieldtype: 'custom' })).toEqual(IGNORED);
  });
});
