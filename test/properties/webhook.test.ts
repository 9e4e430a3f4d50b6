import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SECRETS } from '../../src/demo/backlog.js';
import { listEvents } from '../../src/store/inbox.js';
import { startE2E, type E2E } from '../helpers/e2e.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e.stop());

const sign = (body: Buffer | string) => `sha256=${createHmac('sha256', DEMO_SECRETS.JIRA_WEBHOOK_SECRET).update(body).digest('hex')}`;

async function expectClearRejection(res: Response) {
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  const body = (await res.json()) as { error?: unknown };
  expect(typeof body.error).toBe('string');
  expect((body.error as string).length).toBeGreaterThan(10);
}

describe('the webhook endpoint, with generated input', () => {
  it('answers random bodies, headers and signatures with a 4xx and a clear JSON error, and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2_000 }),
        fc.oneof(fc.constant(undefined), fc.string(), fc.string({ unit: fc.constantFrom(...'0123456789abcdef') }).map((h) => `sha256=${h}`), fc.constantFrom('sha1=00', 'md5=abc', 'sha256=')),
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
        async (bytes, signature, contentType) => {
          const headers: Record<string, string> = { ...(contentType ? { 'content-type': contentType } : {}), ...(signature !== undefined ? { 'x-hub-signature': signature } : {}) };
          await expectClearRejection(await fetch(`${e.base}/jira/webhook`, { method: 'POST', headers, body: Buffer.from(bytes) }));
        },
      ),
      { numRuns: 60 },
    );
    expect(await listEvents(e.bot.store)).toEqual([]);
  });

  it('answers correctly signed bodies that are not Jira issue events with a 4xx, and stores nothing', async () => {
    const notAnEvent = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.record({ webhookEvent: fc.constantFrom('jira:issue_created', 'jira:issue_updated'), issue: fc.oneof(fc.jsonValue(), fc.record({ key: fc.string() })) }).map((v) => JSON.stringify(v)),
      fc.string({ unit: 'grapheme' }),
    );
    await fc.assert(
      fc.asyncProperty(notAnEvent, async (raw) => {
        const res = await fetch(`${e.base}/jira/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature': sign(raw) }, body: raw });
        if (res.status === 202) {
          // A valid-looking event Centric does not handle is acknowledged and ignored, not stored.
          expect(((await res.json()) as { status: string }).status).toBe('ignored');
          return;
        }
        await expectClearRejection(res);
      }),
      { numRuns: 150 },
    );
    expect(await listEvents(e.bot.store)).toEqual([]);
  });
});

describe('the webhook endpoint, with replays', () => {
  it('stores a signed event once, whatever new X-Atlassian-Webhook-Identifier each replay carries', async () => {
    let run = 0;
    let timestamp = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9:_-]{1,300}$/), { minLength: 2, maxLength: 5 }), async (ids) => {
        run++;
        timestamp++;
        const raw = JSON.stringify({ webhookEvent: 'jira:issue_updated', timestamp, user: { accountId: 'someone' }, issue: { id: '10001', key: 'SHOP-1' }, changelog: { items: [{ field: 'description', fieldId: 'description' }] } });
        const statuses: number[] = [];
        for (const id of ids) {
          const res = await fetch(`${e.base}/jira/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature': sign(raw), 'x-atlassian-webhook-identifier': `${run}-${id}` }, body: raw });
          statuses.push(res.status);
        }
        expect(statuses).toEqual([202, ...ids.slice(1).map(() => 200)]);
        const rows = await e.bot.store.db.selectFrom('inbox').select('id').where('event_identity', '=', `jira:issue_updated:10001:${timestamp}`).execute();
        expect(rows).toHaveLength(1);
      }),
      { numRuns: 25 },
    );
  });
});
