import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { lintIssue } from '../../src/core/lint.js';
import { dispatchNudges, nudgeFixed, queueNudge, snooze, type NudgeDeps } from '../../src/flows/nudges.js';
import type { NudgeItem } from '../../src/flows/ports.js';
import { limitProblems, type SlackMessage } from '../../src/slack/views/limits.js';
import { slackChat, slackDm } from '../../src/slack/dm.js';
import type { Store } from '../../src/store/database.js';
import { issue } from '../helpers/issues.js';
import { capturedLogger } from '../helpers/quiet.js';
import { recordingClient, snapshotOf } from '../helpers/slack-client.js';
import { BACKENDS } from '../helpers/stores.js';

const MONDAY_10_BERLIN = Date.parse('2026-11-23T09:00:00Z');
const MONDAY_06_BERLIN = Date.parse('2026-11-23T05:00:00Z');
const HOUR = 3_600_000;

interface Sent {
  kind: 'post' | 'update';
  target: string;
  ts: string;
  message: SlackMessage;
}

let store: Store | undefined;
let dropDb: (() => Promise<void>) | undefined;
afterEach(async () => {
  await store?.close();
  await dropDb?.();
});

async function setup(now: number) {
  const created = await BACKENDS[0]!.create();
  store = created.store;
  dropDb = created.drop;
  const sent: Sent[] = [];
  const clock = { now };
  const deps: NudgeDeps = {
    store,
    config: DEFAULT_CONFIG,
    clock: () => clock.now,
    users: { timezone: async () => 'Europe/Berlin' },
    logger: capturedLogger().logger,
    // The real adapter renders the DMs; only Slack's side is recorded.
    dm: slackDm(
      {
        dm: async (user, message) => {
          const ts = `${1_000 + sent.length}.000100`;
          sent.push({ kind: 'post', target: user, ts, message });
          return { channel: `D-${user}`, ts };
        },
        update: async (channel, ts, message) => void sent.push({ kind: 'update', target: channel, ts, message }),
      },
      (key) => `https://acme.atlassian.net/browse/${key}`,
    ),
  };
  await store.db.insertInto('user_links').values({ slack_user_id: 'U1', jira_account_id: 'acc-priya', linked_by: 'email', linked_at: 0 }).execute();
  return { deps, sent, clock };
}

const failing = (key: string) => {
  const i = issue('As a user, I want to pay.', { summary: `Ticket ${key}`, reporter: { accountId: 'acc-priya' } }, key);
  return { ticket: { key, summary: `Ticket ${key}`, reporterAccountId: 'acc-priya', assigneeAccountId: null }, report: lintIssue(i, DEFAULT_CONFIG) };
};

describe('nudges', () => {
  it('two dispatchers at once send one DM: the tickets are claimed before sending', async () => {
    const { deps, sent } = await setup(MONDAY_10_BERLIN);
    const a = failing('SHOP-1');
    await queueNudge(deps, a.ticket, a.report);
    const slowPost = deps.dm.postNudge;
    const slow = { ...deps, dm: { ...deps.dm, postNudge: async (user: string, items: NudgeItem[]) => { await new Promise((r) => setTimeout(r, 30)); return slowPost(user, items); } } };
    const results = await Promise.all([dispatchNudges(slow), dispatchNudges(slow)]);
    expect(results.map((r) => r.sent).sort()).toEqual([0, 1]);
    expect(sent.filter((s) => s.kind === 'post')).toHaveLength(1);
    expect((await deps.store.db.selectFrom('nudges').select('status').execute()).map((r) => r.status)).toEqual(['sent']);
  });

  it('a failed DM puts the tickets back in the queue; a claim left by a dead process is taken back after 10 minutes', async () => {
    const { deps, sent, clock } = await setup(MONDAY_10_BERLIN);
    const a = failing('SHOP-1');
    await queueNudge(deps, a.ticket, a.report);
    const failingDm = { ...deps, dm: { ...deps.dm, postNudge: async () => Promise.reject(new Error('socket hang up')) } };
    expect(await dispatchNudges(failingDm)).toEqual({ sent: 0, held: 0, dropped: 0, failed: 1 });
    expect(await deps.store.db.selectFrom('nudges').select(['status', 'sent_at']).execute()).toEqual([{ status: 'queued', sent_at: clock.now + 60_000 }]);
    await deps.store.db.updateTable('nudges').set({ status: 'sending:dead', sent_at: clock.now }).execute();
    expect(await dispatchNudges(deps)).toMatchObject({ sent: 0 });
    clock.now += 11 * 60_000;
    expect(await dispatchNudges(deps)).toMatchObject({ sent: 1 });
    expect(sent).toHaveLength(1);
  });

  it('a burst of 10 failing tickets by one author gives one DM listing them all', async () => {
    const { deps, sent } = await setup(MONDAY_10_BERLIN);
    for (let i = 1; i <= 10; i++) {
      const { ticket, report } = failing(`SHOP-${i}`);
      await queueNudge(deps, ticket, report);
      await queueNudge(deps, ticket, report); // a second delivery of the same state
    }
    expect(await dispatchNudges(deps)).toEqual({ sent: 1, held: 0, dropped: 0 });
    expect(sent).toHaveLength(1);
    const dm = sent[0]!;
    expect(dm).toMatchObject({ kind: 'post', target: 'U1' });
    expect(dm.message.text).toBe('10 of your tickets need a customer: SHOP-1, SHOP-2, SHOP-3, SHOP-4, SHOP-5, SHOP-6, SHOP-7, SHOP-8, SHOP-9, SHOP-10');
    expect(limitProblems(dm.message)).toEqual([]);
    const first = dm.message.blocks[1]!.text.text as string;
    expect(first).toMatch(/^<https:\/\/acme\.atlassian\.net\/browse\/SHOP-1\|SHOP-1> · 26\/100 · Ticket SHOP-1\n:x: The story says who \(user\)/);
    expect(dm.message.blocks[2]!.elements.map((e: { action_id: string }) => e.action_id)).toEqual(['open_in_jira', 'fix_ticket', 'snooze_ticket', 'not_a_story']);
    expect(await dispatchNudges(deps)).toEqual({ sent: 0, held: 0, dropped: 0 });
  });

  it('holds a DM outside working hours and sends it at 09:00 in the person\'s timezone; then one a day', async () => {
    const { deps, sent, clock } = await setup(MONDAY_06_BERLIN);
    const one = failing('SHOP-1');
    await queueNudge(deps, one.ticket, one.report);
    expect(await dispatchNudges(deps)).toEqual({ sent: 0, held: 1, dropped: 0 });
    clock.now = Date.parse('2026-11-23T07:59:00Z');
    expect((await dispatchNudges(deps)).sent).toBe(0);
    clock.now = Date.parse('2026-11-23T08:00:00Z'); // 09:00 in Berlin
    expect((await dispatchNudges(deps)).sent).toBe(1);
    const two = failing('SHOP-2');
    clock.now += 2 * HOUR;
    await queueNudge(deps, two.ticket, two.report);
    expect(await dispatchNudges(deps)).toEqual({ sent: 0, held: 1, dropped: 0 });
    clock.now = Date.parse('2026-11-24T08:00:00Z');
    expect((await dispatchNudges(deps)).sent).toBe(1);
    expect(sent.map((s) => s.message.text)).toEqual(['1 of your tickets needs a customer: SHOP-1', '1 of your tickets needs a customer: SHOP-2']);
  });

  it('a snooze or a mute suppresses nudges, and snoozed findings never come back', async () => {
    const { deps, sent, clock } = await setup(MONDAY_10_BERLIN);
    const one = failing('SHOP-1');
    await queueNudge(deps, one.ticket, one.report);
    await snooze(deps, 'U1', 'SHOP-1');
    expect(await dispatchNudges(deps)).toEqual({ sent: 0, held: 0, dropped: 1 });
    clock.now += 8 * 24 * HOUR;
    await queueNudge(deps, one.ticket, one.report);
    expect((await dispatchNudges(deps)).sent).toBe(0);

    await deps.store.db.insertInto('mutes').values({ slack_user_id: 'U1', until: clock.now + 3 * 24 * HOUR, working_hours: null }).execute();
    const two = failing('SHOP-2');
    await queueNudge(deps, two.ticket, two.report);
    expect(await dispatchNudges(deps)).toEqual({ sent: 0, held: 0, dropped: 1 });
    expect(sent).toEqual([]);
  });

  it('fixing a ticket updates the original DM (chat.update), not a new message', async () => {
    const { deps, sent } = await setup(MONDAY_10_BERLIN);
    for (const key of ['SHOP-1', 'SHOP-2']) {
      const { ticket, report } = failing(key);
      await queueNudge(deps, ticket, report);
    }
    await dispatchNudges(deps);
    expect(await nudgeFixed(deps, 'SHOP-1')).toBe(1);
    expect(sent.map((s) => s.kind)).toEqual(['post', 'update']);
    const update = sent[1]!;
    expect(update).toMatchObject({ target: 'D-U1', ts: sent[0]!.ts });
    expect(update.message.text).toBe('1 of your tickets needs a customer: SHOP-2');
    expect(update.message.blocks[1]!.text.text).toBe(':white_check_mark: <https://acme.atlassian.net/browse/SHOP-1|SHOP-1> fixed, thank you. Ticket SHOP-1');
    await nudgeFixed(deps, 'SHOP-2');
    expect(sent[2]!.message.text).toBe('Fixed, thank you: every ticket in this message is customer-centric now.');
  });

  it('does not nudge someone who is not linked to Slack, or only watches', async () => {
    const { deps, sent } = await setup(MONDAY_10_BERLIN);
    const { report } = failing('SHOP-1');
    expect(await queueNudge(deps, { key: 'SHOP-1', summary: 's', reporterAccountId: 'acc-unknown', assigneeAccountId: 'acc-priya' }, report)).toBe(0);
    expect(await dispatchNudges(deps)).toEqual({ sent: 0, held: 0, dropped: 0 });
    expect(sent).toEqual([]);
  });
});

describe('the nudge DM, whole', () => {
  it('is exactly this body when sent, once one ticket is fixed and once all are (an extra block or a lost field fails)', async () => {
    const { deps } = await setup(MONDAY_10_BERLIN);
    const slack = recordingClient();
    const d = { ...deps, dm: slackDm(slackChat(slack.client), (key) => `https://acme.atlassian.net/browse/${key}`) };
    const first = failing('SHOP-1');
    await queueNudge(d, first.ticket, first.report);
    // A second ticket with a benefit but a generic persona and no metric, its summary with characters Slack reads as markup.
    const second = issue('As a user, I want to pay by card, so that I can leave sooner.', { summary: 'Pay <fast> & leave', reporter: { accountId: 'acc-priya' } }, 'SHOP-2');
    await queueNudge(d, { key: 'SHOP-2', summary: 'Pay <fast> & leave', reporterAccountId: 'acc-priya', assigneeAccountId: null }, lintIssue(second, DEFAULT_CONFIG));
    expect(await dispatchNudges(d)).toEqual({ sent: 1, held: 0, dropped: 0 });
    await nudgeFixed(d, 'SHOP-1');
    await nudgeFixed(d, 'SHOP-2');
    expect(slack.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update', 'chat.update']);
    await expect(snapshotOf(slack.calls[0]!.args)).toMatchFileSnapshot('__snapshots__/nudge-dm.json');
    await expect(snapshotOf(slack.calls[1]!.args)).toMatchFileSnapshot('__snapshots__/nudge-dm-one-fixed.json');
    await expect(snapshotOf(slack.calls[2]!.args)).toMatchFileSnapshot('__snapshots__/nudge-dm-all-fixed.json');
  });
});
