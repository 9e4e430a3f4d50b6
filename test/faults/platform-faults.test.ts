import { afterEach, describe, expect, it } from 'vitest';
import { PEOPLE } from '../../src/demo/backlog.js';
import { eventually, startE2E, type E2E } from '../helpers/e2e.js';

let e: E2E | undefined;
afterEach(async () => {
  await e?.stop();
  e = undefined;
});

const created = (key: string) => ({ webhookEvent: 'jira:issue_created', user: { accountId: PEOPLE.priya.jira }, issue: { key } });

describe('faults over real HTTP', () => {
  it('Jira hanging past the time-out, then dropping the connection: the event is retried and commented once', async () => {
    e = await startE2E({ config: { jira: { timeoutSeconds: 1 } as never } });
    let calls = 0;
    const jira = e.jira;
    // The real route, kept for the third call.
    e.jira.on('GET', /^\/rest\/api\/3\/issue\/SHOP-2$/, () => {
      calls++;
      if (calls === 1) return { delayMs: 1_500, body: {} };
      if (calls === 2) return { drop: true };
      return undefined;
    });
    expect((await e.send.webhook(created('SHOP-2'), 'f-1')).status).toBe(202);
    await eventually('the comment after the retries', () => jira.ownComments('SHOP-2')[0], 15_000).catch((err) => {
      throw new Error(`${err.message}\n${e!.lines().slice(-12).join('\n')}\ncalls=${calls}`);
    });
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(jira.calls(/\/comment$/, 'POST')).toHaveLength(1);
    const metrics = await (await fetch(`${e.ops}/metrics`)).text();
    expect(metrics).toMatch(/centric_jira_calls_total\{outcome="network_error"\} [2-9]/);
    const warnings = e.lines().map((l) => JSON.parse(l)).filter((l) => l.msg === 'Jira call failed; retrying');
    expect(warnings.length).toBeGreaterThanOrEqual(2);
  }, 20_000);

  it('Slack failing a DM for a while (internal_error): the nudge waits out a backoff and goes out once Slack accepts it', async () => {
    e = await startE2E();
    expect(await e.send.command('link', PEOPLE.priya.slack, 'D0PRIYA')).toMatch(/^Linked/);
    let refuse = true;
    e.slack.on('POST', '/api/chat.postMessage', () => (refuse ? { body: { ok: false, error: 'internal_error' } } : undefined));
    expect((await e.send.webhook(created('SHOP-2'), 'f-2')).status).toBe(202);
    await e.drained();
    // The dispatch that failed has put the nudge back in the queue with a time before which it is not tried again.
    const failed = await eventually('the failed DM back in the queue', async () => {
      const rows = await e!.bot.store.db.selectFrom('nudges').select(['status', 'sent_at']).execute();
      return e!.slack.calls('/api/chat.postMessage').length > 0 && rows.length === 1 && rows[0]!.status === 'queued' && rows[0]!.sent_at > 0 && rows;
    });
    expect(failed).toHaveLength(1);
    refuse = false;
    expect(await e.bot.dispatchNudges()).toEqual({ sent: 0, held: 1, dropped: 0 });
    e.clock.offset += 61_000;
    expect(await e.bot.dispatchNudges()).toMatchObject({ sent: 1 });
    expect((await e.bot.dispatchNudges()).sent).toBe(0);
    expect(e.slack.conversation(PEOPLE.priya.slack).map((m) => m.text)).toEqual(['1 of your tickets needs a customer: SHOP-2']);
  });

  it('Slack answering channel_not_found for a DM: that nudge is undeliverable, counted, and never retried', async () => {
    e = await startE2E();
    expect(await e.send.command('link', PEOPLE.priya.slack, 'D0PRIYA')).toMatch(/^Linked/);
    e.slack.on('POST', '/api/chat.postMessage', () => ({ body: { ok: false, error: 'channel_not_found' } }));
    expect((await e.send.webhook(created('SHOP-2'), 'f-3')).status).toBe(202);
    await e.drained();
    await eventually('the nudge marked undeliverable', async () => (await e!.bot.store.db.selectFrom('nudges').select('status').execute()).every((r) => r.status === 'undeliverable'));
    const calls = e.slack.calls('/api/chat.postMessage').length;
    expect(await e.bot.dispatchNudges()).toEqual({ sent: 0, held: 0, dropped: 0 });
    expect(e.slack.calls('/api/chat.postMessage')).toHaveLength(calls);
    const metrics = await (await fetch(`${e.ops}/metrics`)).text();
    expect(metrics).toContain('centric_nudges_undeliverable_total{reason="channel_not_found"} 1');
  });
});
