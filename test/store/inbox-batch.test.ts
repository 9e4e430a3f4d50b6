import { describe, expect, it } from 'vitest';
import { InboxBatcher } from '../../src/store/inbox-batch.js';
import { enqueue, listEvents } from '../../src/store/inbox.js';
import { inboxEvent } from '../helpers/inbox-events.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

const event = inboxEvent;

describe.each(BACKENDS)('inbox group commit on $name', (backend) => {
  const store = storePerTest(backend);

  it('stores each of many events handed over at once, one row each, in batches of at most maxBatch', async () => {
    const batcher = new InboxBatcher(store(), { maxBatch: 16 });
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => batcher.enqueue(event(i + 1), 1_000)));
    expect(answers.every((a) => a.duplicate === false && typeof a.id === 'number')).toBe(true);
    expect(new Set(answers.map((a) => a.id)).size).toBe(40);
    // Batches commit side by side (maxInFlight): ids need not follow the order of arrival.
    const rows = await listEvents(store());
    const byDelivery = new Map(rows.map((r) => [r.deliveryId, r.id]));
    expect(rows.length).toBe(40);
    expect(answers.map((a, i) => byDelivery.get(`d-${i + 1}`) === a.id)).toEqual(answers.map(() => true));
    expect(rows.every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);
  });

  it('answers duplicate for a second copy of a delivery or a replay within the same batch, and for one stored before', async () => {
    const s = store();
    await enqueue(s, event(1), 1_000);
    const batcher = new InboxBatcher(s, { maxBatch: 32 });
    const answers = await Promise.all([
      batcher.enqueue(event(2), 2_000),
      batcher.enqueue(event(2), 2_000), // the same delivery twice
      batcher.enqueue(event(2, { deliveryId: 'd-2-replayed' }), 2_000), // the same event under a new delivery id
      batcher.enqueue(event(1), 2_000), // stored by an earlier transaction
      batcher.enqueue(event(3), 2_000),
    ]);
    expect(answers.map((a) => a.duplicate)).toEqual([false, true, true, true, false]);
    expect(answers.filter((a) => a.duplicate).every((a) => a.id === null)).toBe(true);
    const rows = await listEvents(s);
    expect(rows.map((r) => r.deliveryId)).toEqual(['d-1', 'd-2', 'd-3']);
  });

  it('still moves the pending events of a ticket to the latest debounce time, also between events of one batch', async () => {
    const s = store();
    await enqueue(s, event(1, { ticketKey: 'SHOP-7', notBefore: 3_000 }), 1_000);
    const batcher = new InboxBatcher(s, { maxBatch: 32 });
    await Promise.all([
      batcher.enqueue(event(2, { ticketKey: 'SHOP-7', notBefore: 6_000 }), 2_000),
      batcher.enqueue(event(3, { ticketKey: 'SHOP-7', notBefore: 9_000 }), 2_500),
      batcher.enqueue(event(4, { ticketKey: 'SHOP-8', notBefore: 4_000 }), 2_500),
    ]);
    const due = await s.db.selectFrom('inbox').select(['delivery_id', 'next_attempt_at']).orderBy('id').execute();
    expect(due).toEqual([
      { delivery_id: 'd-1', next_attempt_at: 9_000 },
      { delivery_id: 'd-2', next_attempt_at: 9_000 },
      { delivery_id: 'd-3', next_attempt_at: 9_000 },
      { delivery_id: 'd-4', next_attempt_at: 4_000 },
    ]);
  });

  it('fails every caller of a batch that cannot be stored and keeps nothing of it; the retries store each event once', async () => {
    const s = store();
    const batcher = new InboxBatcher(s, { maxBatch: 32 });
    // A payload that cannot be serialised fails the transaction after the first event was inserted.
    const poisoned = event(2, { payload: { big: 1n } });
    const answers = await Promise.allSettled([batcher.enqueue(event(1), 1_000), batcher.enqueue(poisoned, 1_000), batcher.enqueue(event(3), 1_000)]);
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await listEvents(s)).toEqual([]);

    // Jira delivers again: the same deliveries, now storable.
    const retried = await Promise.all([batcher.enqueue(event(1), 2_000), batcher.enqueue(event(2), 2_000), batcher.enqueue(event(3), 2_000), batcher.enqueue(event(1), 2_000)]);
    expect(retried.map((a) => a.duplicate)).toEqual([false, false, false, true]);
    expect((await listEvents(s)).map((r) => r.deliveryId)).toEqual(['d-1', 'd-2', 'd-3']);
  });

  it('drain resolves once everything handed over is committed', async () => {
    const s = store();
    const batcher = new InboxBatcher(s, { maxBatch: 4 });
    const pending = Array.from({ length: 10 }, (_, i) => batcher.enqueue(event(i + 1), 1_000));
    await batcher.drain();
    expect((await listEvents(s)).length).toBe(10);
    await Promise.all(pending);
    await batcher.drain();
  });
});
