import { describe, expect, it } from 'vitest';
import {
  claimNudges,
  dropQueuedNudgesOf,
  lastFindingsHash,
  lastSentAt,
  markNudgesSent,
  moveNudge,
  nudgesInMessage,
  queuedNudges,
  queueNudgeOnce,
  requeueNudges,
  requeueStaleClaims,
  sentNudgesOf,
  setNudgeStatus,
} from '../../src/store/nudges.js';
import { saveSnooze, snoozesOf } from '../../src/store/snoozes.js';
import type { Store } from '../../src/store/database.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

const queue = (store: Store, user: string, key: string, hash = 'h1', now = 1_000) =>
  queueNudgeOnce(store, { slackUserId: user, ticketKey: key, findingsHash: hash, details: JSON.stringify({ summary: key }), now });
const statuses = async (store: Store) => (await store.db.selectFrom('nudges').select(['ticket_key', 'status']).orderBy('id').execute()).map((r) => `${r.ticket_key}:${r.status}`);

describe.each(BACKENDS)('nudges and snoozes on $name', (backend) => {
  const store = storePerTest(backend);

  it('queues a nudge once per person, ticket and findings', async () => {
    expect(await queue(store(), 'U1', 'SHOP-1')).toBe(true);
    expect(await queue(store(), 'U1', 'SHOP-1')).toBe(false);
    expect(await queue(store(), 'U1', 'SHOP-1', 'h2')).toBe(true);
    expect(await queue(store(), 'U2', 'SHOP-1')).toBe(true);
    const queued = await queuedNudges(store());
    expect(queued.map((r) => [r.slack_user_id, r.findings_hash, r.sent_at, r.queued_at])).toEqual([
      ['U1', 'h1', 0, 1_000],
      ['U1', 'h2', 0, 1_000],
      ['U2', 'h1', 0, 1_000],
    ]);
  });

  it('a claim is taken by one dispatcher only; a stale one is queued again', async () => {
    await queue(store(), 'U1', 'SHOP-1');
    await queue(store(), 'U1', 'SHOP-2');
    const ids = (await queuedNudges(store())).map((r) => r.id);
    const [first, second] = await Promise.all([claimNudges(store(), ids, 'sending:a', 5_000), claimNudges(store(), ids, 'sending:b', 5_000)]);
    expect([first.length, second.length].sort()).toEqual([0, 2]);
    expect(await queuedNudges(store())).toEqual([]);
    await requeueStaleClaims(store(), 5_000);
    expect(await queuedNudges(store())).toEqual([]);
    await requeueStaleClaims(store(), 5_001);
    expect((await queuedNudges(store())).map((r) => [r.ticket_key, r.sent_at])).toEqual([
      ['SHOP-1', 0],
      ['SHOP-2', 0],
    ]);
  });

  it('moves a nudge on only from the status it is expected in', async () => {
    await queue(store(), 'U1', 'SHOP-1');
    const [row] = await queuedNudges(store());
    await moveNudge(store(), row!.id, 'sending:other', { status: 'undeliverable', sentAt: 9, details: '{}' });
    expect(await statuses(store())).toEqual(['SHOP-1:queued']);
    await moveNudge(store(), row!.id, 'queued', { status: 'queued', sentAt: 60_000, details: '{"attempts":1}' });
    expect((await queuedNudges(store()))[0]).toMatchObject({ sent_at: 60_000, details: '{"attempts":1}' });
    await claimNudges(store(), [row!.id], 'sending:x', 70_000);
    await requeueNudges(store(), [row!.id], 'sending:y');
    expect(await statuses(store())).toEqual(['SHOP-1:sending:x']);
    await requeueNudges(store(), [row!.id], 'sending:x');
    expect((await queuedNudges(store())).map((r) => r.sent_at)).toEqual([0]);
  });

  it('remembers the DM that carried nudges, finds them again, and knows when a person was last DMed', async () => {
    for (const key of ['SHOP-1', 'SHOP-2', 'SHOP-3']) await queue(store(), 'U1', key);
    const [a, b, c] = await queuedNudges(store());
    expect(await lastSentAt(store(), 'U1')).toBeNull();
    await markNudgesSent(store(), [a!.id, b!.id], { channel: 'D1', ts: '1.1' }, 2_000);
    await markNudgesSent(store(), [c!.id], { channel: 'D1', ts: '2.2' }, 3_000);
    expect((await nudgesInMessage(store(), 'D1', '1.1')).map((r) => r.ticket_key)).toEqual(['SHOP-1', 'SHOP-2']);
    expect((await sentNudgesOf(store(), 'SHOP-2')).map((r) => r.message_ts)).toEqual(['1.1']);
    await setNudgeStatus(store(), [c!.id], 'fixed');
    expect(await lastSentAt(store(), 'U1')).toBe(3_000);
    expect(await lastSentAt(store(), 'U2')).toBeNull();
  });

  it('updates nudges by 70,000 ids, more than SQLite (32,766) or Postgres (65,535) take in one statement', async () => {
    for (const key of ['SHOP-1', 'SHOP-2', 'SHOP-3']) await queue(store(), 'U1', key);
    const [a, b, c] = (await queuedNudges(store())).map((r) => r.id);
    // The real ids first, in the middle and last: in different chunks.
    const ids = Array.from({ length: 70_000 }, (_, i) => 1_000_000 + i);
    [ids[0], ids[35_000], ids[69_999]] = [a!, b!, c!];
    expect((await claimNudges(store(), ids, 'sending:a', 5_000)).map((r) => r.ticket_key)).toEqual(['SHOP-1', 'SHOP-2', 'SHOP-3']);
    await requeueNudges(store(), ids, 'sending:a');
    expect(await statuses(store())).toEqual(['SHOP-1:queued', 'SHOP-2:queued', 'SHOP-3:queued']);
    await markNudgesSent(store(), ids, { channel: 'D1', ts: '1.1' }, 6_000);
    expect((await nudgesInMessage(store(), 'D1', '1.1')).map((r) => r.ticket_key)).toEqual(['SHOP-1', 'SHOP-2', 'SHOP-3']);
    await setNudgeStatus(store(), ids, 'fixed');
    expect(await statuses(store())).toEqual(['SHOP-1:fixed', 'SHOP-2:fixed', 'SHOP-3:fixed']);
  });

  it("drops a ticket's queued nudges and leaves the sent ones", async () => {
    await queue(store(), 'U1', 'SHOP-1', 'h1');
    await queue(store(), 'U1', 'SHOP-1', 'h2');
    await queue(store(), 'U1', 'SHOP-2');
    const [first] = await queuedNudges(store());
    await markNudgesSent(store(), [first!.id], { channel: 'D1', ts: '1.1' }, 2_000);
    await dropQueuedNudgesOf(store(), 'SHOP-1');
    expect(await statuses(store())).toEqual(['SHOP-1:sent', 'SHOP-1:dropped', 'SHOP-2:queued']);
    expect(await lastFindingsHash(store(), 'U1', 'SHOP-1')).toBe('h2');
    expect(await lastFindingsHash(store(), 'U2', 'SHOP-1')).toBeUndefined();
  });

  it('keeps one snooze per person and ticket, the latest', async () => {
    await saveSnooze(store(), { slack_user_id: 'U1', ticket_key: 'SHOP-1', findings_hash: 'h1', until: 10 });
    await saveSnooze(store(), { slack_user_id: 'U1', ticket_key: 'SHOP-1', findings_hash: 'h2', until: 20 });
    await saveSnooze(store(), { slack_user_id: 'U1', ticket_key: 'SHOP-2', findings_hash: 'h3', until: 30 });
    expect((await snoozesOf(store(), 'U1')).map((s) => [s.ticket_key, s.findings_hash, s.until]).sort()).toEqual([
      ['SHOP-1', 'h2', 20],
      ['SHOP-2', 'h3', 30],
    ]);
    expect(await snoozesOf(store(), 'U2')).toEqual([]);
  });
});
