import { describe, expect, it } from 'vitest';
import { InboxWorker } from '../../src/jobs/inbox-worker.js';
import { Metrics } from '../../src/runtime/metrics.js';
import { claim, completeAndClaim, enqueue, listEvents } from '../../src/store/inbox.js';
import { capturedLogger } from '../helpers/quiet.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

const LEASE = 60_000;
const jira = (n: number, ticket = `SHOP-${n}`) => ({ deliveryId: `d-${n}`, kind: 'jira', ticketKey: ticket, payload: { n } });

describe.each(BACKENDS)('marking processed events done on $name', (backend) => {
  const store = storePerTest(backend);

  it('marks the finished events done and claims the next ones in one go, a finished ticket claimable at once', async () => {
    const s = store();
    await enqueue(s, jira(1, 'SHOP-1'), 1_000);
    const [first] = await claim(s, 'w1', 1, 1_000, LEASE);
    await enqueue(s, jira(2, 'SHOP-1'), 2_000);
    await enqueue(s, jira(3, 'SHOP-2'), 2_000);
    const { completed, claimed } = await completeAndClaim(s, 'w1', [first!.id], 10, 3_000, LEASE);
    expect(completed).toEqual([first!.id]);
    expect(claimed.map((e) => e.deliveryId)).toEqual(['d-2', 'd-3']);
    expect((await listEvents(s)).map((r) => [r.deliveryId, r.status])).toEqual([
      ['d-1', 'done'],
      ['d-2', 'processing'],
      ['d-3', 'processing'],
    ]);
  });

  it('leaves alone a finished event whose lease another worker took over, and says so', async () => {
    const s = store();
    await enqueue(s, jira(1), 1_000);
    const [event] = await claim(s, 'w1', 1, 1_000, LEASE);
    await claim(s, 'w2', 1, 1_000 + LEASE + 1, LEASE); // w1 looked dead: w2 took the event over
    const { completed } = await completeAndClaim(s, 'w1', [event!.id], 0, 1_000 + LEASE + 2, LEASE);
    expect(completed).toEqual([]);
    expect((await listEvents(s)).map((r) => r.status)).toEqual(['processing']);
  });

  it('marks what it processed done before stop() returns, counted once each', async () => {
    const s = store();
    for (let n = 1; n <= 3; n++) await enqueue(s, jira(n), 1_000);
    let handled = 0;
    let allHandled!: () => void;
    const done = new Promise<void>((resolve) => (allHandled = resolve));
    const metrics = new Metrics();
    const w = new InboxWorker({
      store: s,
      handlers: { jira: async () => void (++handled === 3 && allHandled()) },
      logger: capturedLogger().logger,
      metrics,
      clock: () => 2_000,
      workerId: 'w1',
      settings: { concurrency: 4, leaseMs: LEASE, pollMs: 60_000 },
    });
    w.start();
    await done;
    await w.stop();
    expect((await listEvents(s)).map((r) => r.status)).toEqual(['done', 'done', 'done']);
    expect((await metrics.eventsProcessed.get()).values.reduce((sum, v) => sum + v.value, 0)).toBe(3);
  });
});
