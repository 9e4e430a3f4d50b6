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
    const metrics = await (await fetch(`${e.base}/metrics`)).text();
    expect(metrics).toMatch(/centric_jira_calls_total\{outcome="network_error"\} [2-9]/);
    const warnings = e.lines().map((l) => JSON.parse(l)).filter((l) => l.msg === 'Jira call failed; retrying');
    expect(warnings.length).toBeGreaterThanOrEqual(2);
  }, 20_000);

  it('Slack answering channel_not_found for a DM: the nudge stays queued and goes out once Slack accepts it', async () => {
    e = await startE2E();
    expect(await e.send.command('link', PEOPLE.priya.slack, 'D0PRIYA')).toMatch(/^Linked/);
    let refuse = true;
    e.slack.on('POST', '/api/chat.postMessage', () => (refuse ? { body: { ok: false, error: 'channel_not_found' } } : undefined));
    expect((await e.send.webhook(created('SHOP-2'), 'f-2')).status).toBe(202);
    await eventually('the refused DM', () => e!.slack.calls('/api/chat.postMessage').length > 0);
    await new Promise((r) => setTimeout(r, 100));
    const queued = await e.bot.store.db.selectFrom('nudges').select('status').execute();
    expect(queued.map((q) => q.status)).toEqual(['queued']);
    refuse = false;
    expect(await e.bot.dispatchNudges()).toMatchObject({ sent: 1 });
    expect((await e.bot.dispatchNudges()).sent).toBe(0);
  });
});
