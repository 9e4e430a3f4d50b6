import { describe, expect, it } from 'vitest';
import { openConnections } from '../../src/store/database.js';
import { enqueue, insertEvents, listEvents } from '../../src/store/inbox.js';
import { inboxEvent } from '../helpers/inbox-events.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

const event = inboxEvent;

describe.each(BACKENDS)('many events stored in one statement on $name', (backend) => {
  const store = storePerTest(backend);

  it('stores a batch as one event at a time would, in arrival order, answering each with its own row', async () => {
    const s = store();
    const answers = await insertEvents(s.db, [1, 2, 3].map((n) => ({ event: event(n), now: 1_000 + n })));
    const rows = await s.db.selectFrom('inbox').select(['id', 'delivery_id', 'event_identity', 'ticket_key', 'payload', 'next_attempt_at', 'created_at', 'status']).orderBy('id').execute();
    expect(rows.map((r) => ({ ...r, id: undefined }))).toEqual(
      [1, 2, 3].map((n) => ({
        id: undefined,
        delivery_id: `d-${n}`,
        event_identity: `jira:issue_updated:${n}:1795430590000`,
        ticket_key: `SHOP-${n}`,
        payload: JSON.stringify({ webhookEvent: 'jira:issue_updated', n }),
        next_attempt_at: 1_000 + n,
        created_at: 1_000 + n,
        status: 'pending',
      })),
    );
    expect(answers).toEqual(rows.map((r) => ({ id: r.id, duplicate: false })));
  });

  it('answers duplicate for copies within the batch and for events stored before, as sequential inserts would', async () => {
    const s = store();
    await enqueue(s, event(1), 1_000);
    const answers = await insertEvents(s.db, [
      { event: event(2), now: 2_000 },
      { event: event(2), now: 2_000 }, // the same delivery twice
      { event: event(2, { deliveryId: 'd-2-replayed' }), now: 2_000 }, // a replay: same identity
      { event: event(1, { deliveryId: 'd-1-replayed' }), now: 2_000 }, // a replay of an event stored before
      // Its delivery id is the replay's above, which was not stored: sequentially it would be.
      { event: event(4, { deliveryId: 'd-2-replayed' }), now: 2_000 },
    ]);
    expect(answers.map((a) => a.duplicate)).toEqual([false, true, true, true, false]);
    expect(answers.filter((a) => a.duplicate).every((a) => a.id === null)).toBe(true);
    expect((await listEvents(s)).map((r) => [r.deliveryId, r.ticketKey])).toEqual([
      ['d-1', 'SHOP-1'],
      ['d-2', 'SHOP-2'],
      ['d-2-replayed', 'SHOP-4'],
    ]);
  });

  it('stores events with neither delivery id nor identity each, never as duplicates of one another', async () => {
    const s = store();
    const bare = event(5, { deliveryId: null, identity: null });
    const answers = await insertEvents(s.db, [{ event: bare, now: 1_000 }, { event: event(6), now: 1_000 }, { event: bare, now: 1_000 }]);
    expect(answers.map((a) => a.duplicate)).toEqual([false, false, false]);
    expect(new Set(answers.map((a) => a.id)).size).toBe(3);
    expect((await listEvents(s)).map((r) => r.ticketKey).sort()).toEqual(['SHOP-5', 'SHOP-5', 'SHOP-6']);
  });

  it("moves each ticket's pending events to its latest due time, and leaves other tickets alone", async () => {
    const s = store();
    await enqueue(s, event(1, { ticketKey: 'SHOP-7', notBefore: 3_000 }), 1_000);
    await enqueue(s, event(2, { ticketKey: 'SHOP-9', notBefore: 8_000 }), 1_000);
    await insertEvents(s.db, [
      { event: event(3, { ticketKey: 'SHOP-7', notBefore: 9_000 }), now: 2_000 },
      { event: event(4, { ticketKey: 'SHOP-8', notBefore: 4_000 }), now: 2_500 },
      { event: event(5, { ticketKey: 'SHOP-7', notBefore: 6_000 }), now: 2_500 },
      { event: event(6, { ticketKey: 'SHOP-9', notBefore: 5_000 }), now: 2_500 },
    ]);
    const due = await s.db.selectFrom('inbox').select(['delivery_id', 'next_attempt_at']).orderBy('id').execute();
    expect(due).toEqual([
      { delivery_id: 'd-1', next_attempt_at: 9_000 },
      { delivery_id: 'd-2', next_attempt_at: 8_000 }, // a later event of SHOP-9 due sooner does not pull it forward
      { delivery_id: 'd-3', next_attempt_at: 9_000 },
      { delivery_id: 'd-4', next_attempt_at: 4_000 },
      { delivery_id: 'd-5', next_attempt_at: 9_000 },
      { delivery_id: 'd-6', next_attempt_at: 5_000 },
    ]);
  });

  it('opens the connections before use without changing anything stored', async () => {
    const s = store();
    await openConnections(s);
    expect(await listEvents(s)).toEqual([]);
  });
});
