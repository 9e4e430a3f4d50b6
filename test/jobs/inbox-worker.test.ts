import { describe, expect, it } from 'vitest';
import { InboxWorker, retryDelay, type EventHandler } from '../../src/jobs/inbox-worker.js';
import { Metrics } from '../../src/runtime/metrics.js';
import { claim, enqueue, listEvents } from '../../src/store/inbox.js';
import { capturedLogger } from '../helpers/quiet.js';
import { BACKENDS, POSTGRES_SKIP_NOTE, POSTGRES_URL } from '../helpers/stores.js';
import type { Store } from '../../src/store/database.js';

const LEASE = 60_000;

function worker(store: Store, handlers: Record<string, EventHandler>, clock: () => number, id = 'w1', extra: Partial<ConstructorParameters<typeof InboxWorker>[0]> = {}) {
  const metrics = new Metrics();
  const log = capturedLogger();
  const w = new InboxWorker({
    store,
    handlers,
    logger: log.logger,
    metrics,
    clock,
    random: () => 0.5,
    workerId: id,
    settings: { concurrency: 4, maxAttempts: 3, retryBaseMs: 1_000, maxRetryMs: 60_000, leaseMs: LEASE },
    ...extra,
  });
  return { w, metrics, log };
}

if (!POSTGRES_URL) {
  describe(`inbox on Postgres${POSTGRES_SKIP_NOTE}`, () => {
    it.skip('runs when TEST_DATABASE_URL is set', () => undefined);
  });
}

describe.each(BACKENDS)('durable inbox on $name', (backend) => {
  it('stores a delivery once, however often it is redelivered', async () => {
    const { store, drop } = await backend.create();
    const first = await enqueue(store, { deliveryId: 'abc', kind: 'jira', ticketKey: 'SHOP-1', payload: { n: 1 } }, 1);
    const again = await enqueue(store, { deliveryId: 'abc', kind: 'jira', ticketKey: 'SHOP-1', payload: { n: 2 } }, 2);
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ id: null, duplicate: true });
    expect(await listEvents(store)).toHaveLength(1);
    await store.close();
    await drop();
  });

  it('processes an event left unfinished by a crash exactly once after restart', async () => {
    const { store, open, drop } = await backend.create();
    let now = 1_000;
    await enqueue(store, { deliveryId: 'd1', kind: 'jira', ticketKey: 'SHOP-1', payload: { v: 1 } }, now);
    // The first process claims the event and dies before finishing it.
    const crashed = await claim(store, 'dead-process', 10, now, LEASE);
    expect(crashed.map((e) => e.id)).toHaveLength(1);
    await store.close();

    const restarted = open();
    const seen: number[] = [];
    const { w } = worker(restarted, { jira: async (e) => void seen.push(e.id) }, () => now, 'new-process');
    expect(await w.runOnce()).toBe(0); // still leased to the dead process
    now += LEASE + 1;
    expect(await w.runOnce()).toBe(1);
    expect(await w.runOnce()).toBe(0);
    expect(seen).toEqual([crashed[0]!.id]);
    expect((await listEvents(restarted)).map((e) => [e.status, e.attempts])).toEqual([['done', 2]]);
    await restarted.close();
    await drop();
  });

  it('retries a failing event with backoff, then dead-letters it with its error, visible in logs and metrics', async () => {
    const { store, drop } = await backend.create();
    let now = 0;
    await enqueue(store, { kind: 'jira', ticketKey: 'SHOP-9', payload: {} }, now);
    const { w, metrics, log } = worker(store, { jira: async () => Promise.reject(new Error('Jira answered 500')) }, () => now);
    expect(await w.runOnce()).toBe(1);
    expect((await listEvents(store))[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Jira answered 500' });
    expect(await w.runOnce()).toBe(0); // not due yet: backoff
    now += retryDelay(1, { retryBaseMs: 1_000, maxRetryMs: 60_000 }, () => 0.5);
    expect(await w.runOnce()).toBe(1);
    now += 60_000;
    expect(await w.runOnce()).toBe(1);
    expect((await listEvents(store))[0]).toMatchObject({ status: 'dead', attempts: 3, lastError: 'Jira answered 500' });
    now += 600_000;
    expect(await w.runOnce()).toBe(0);
    const text = await metrics.registry.metrics();
    expect(text).toContain('centric_events_failed_total{kind="jira"} 3');
    expect(text).toContain('centric_events_retried_total{kind="jira"} 2');
    expect(text).toContain('centric_events_dead_lettered_total{kind="jira"} 1');
    const dead = log.lines().map((l) => JSON.parse(l)).find((l) => l.msg === 'event dead-lettered after its last attempt');
    // The error itself, serialized by pino: its message, type and stack.
    expect(dead).toMatchObject({ level: 50, ticket: 'SHOP-9', kind: 'jira', attempt: 3, err: { type: 'Error', message: 'Jira answered 500', stack: expect.stringContaining('Jira answered 500') } });
    await store.close();
    await drop();
  });

  it('dead-letters an event of an unknown kind at once', async () => {
    const { store, drop } = await backend.create();
    await enqueue(store, { kind: 'mystery', payload: {} }, 0);
    const { w } = worker(store, {}, () => 0);
    await w.runOnce();
    expect((await listEvents(store))[0]).toMatchObject({ status: 'dead', lastError: 'no handler for events of kind "mystery"' });
    await store.close();
    await drop();
  });

  it('processes one ticket at a time, newest event first, and coalesces the older ones', async () => {
    const { store, drop } = await backend.create();
    for (const v of [1, 2, 3]) await enqueue(store, { kind: 'jira', ticketKey: 'SHOP-1', payload: { v } }, v);
    await enqueue(store, { kind: 'jira', ticketKey: 'SHOP-2', payload: { v: 9 } }, 4);
    const seen: unknown[] = [];
    const { w } = worker(store, { jira: async (e) => void seen.push(e.payload) }, () => 10);
    expect(await w.runOnce()).toBe(2);
    expect(seen).toEqual([{ v: 3 }, { v: 9 }]);
    expect((await listEvents(store)).map((e) => [e.ticketKey, e.status, e.coalescedInto])).toEqual([
      ['SHOP-1', 'coalesced', 3],
      ['SHOP-1', 'coalesced', 3],
      ['SHOP-1', 'done', null],
      ['SHOP-2', 'done', null],
    ]);
    await store.close();
    await drop();
  });

  it('does not hand a ticket to a second worker while the first still processes it', async () => {
    const { store, open, drop } = await backend.create();
    await enqueue(store, { kind: 'jira', ticketKey: 'SHOP-1', payload: { v: 1 } }, 0);
    const first = await claim(store, 'a', 5, 1, LEASE);
    await enqueue(store, { kind: 'jira', ticketKey: 'SHOP-1', payload: { v: 2 } }, 2);
    const other = open();
    expect(await claim(other, 'b', 5, 3, LEASE)).toEqual([]);
    expect(first).toHaveLength(1);
    await Promise.all([store.close(), other.close()]);
    await drop();
  });
});

describe.skipIf(!POSTGRES_URL)('two workers on one Postgres', () => {
  const postgres = BACKENDS.find((b) => b.name === 'postgres')!;

  it('never process the same event twice', async () => {
    const { store, open, drop } = await postgres.create();
    const events = 200;
    for (let i = 0; i < events; i++) await enqueue(store, { deliveryId: `d${i}`, kind: 'jira', ticketKey: `SHOP-${i}`, payload: { i } }, 0);
    const processed: Array<[string, number]> = [];
    const slow = (who: string): EventHandler => async (e) => {
      processed.push([who, e.id]);
      await new Promise((r) => setTimeout(r, Math.random() * 3));
    };
    const a = open();
    const b = open();
    const wa = worker(a, { jira: slow('a') }, () => 1, 'a').w;
    const wb = worker(b, { jira: slow('b') }, () => 1, 'b').w;
    const drain = async (w: InboxWorker) => {
      while ((await w.runOnce()) > 0);
    };
    await Promise.all([drain(wa), drain(wb), drain(wa), drain(wb)]);
    const ids = processed.map(([, id]) => id);
    expect(new Set(ids).size).toBe(events);
    expect(ids).toHaveLength(events);
    expect(new Set(processed.map(([who]) => who))).toEqual(new Set(['a', 'b']));
    expect((await listEvents(store)).every((e) => e.status === 'done' && e.attempts === 1)).toBe(true);
    await Promise.all([store.close(), a.close(), b.close()]);
    await drop();
  });
});
