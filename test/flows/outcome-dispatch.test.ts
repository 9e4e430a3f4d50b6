import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { dispatchOutcomes, type OutcomeDeps } from '../../src/flows/outcome-reviews.js';
import type { OutcomeAsker, OutcomeQuestion, SlackFailure } from '../../src/flows/ports.js';
import type { Store } from '../../src/store/database.js';
import { capturedLogger } from '../helpers/quiet.js';
import { storeReviews } from '../helpers/stored-reviews.js';
import { BACKENDS } from '../helpers/stores.js';

const NOW = Date.parse('2026-11-23T14:00:00Z');
const DAY = 86_400_000;
const CONFIG = { ...DEFAULT_CONFIG, nudges: { ...DEFAULT_CONFIG.nudges, workingHours: { days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '23:59' } } };

/** An asker that records what it was asked to send; `fail` makes the next asks fail as Slack would. */
function recordingAsker() {
  const sent: Array<{ call: 'ask' | 'remind' | 'update'; to: string; question: OutcomeQuestion }> = [];
  let fail: SlackFailure | null = null;
  const asker: OutcomeAsker = {
    async ask(to, question) {
      await new Promise((r) => setTimeout(r, 5));
      if (fail) throw Object.assign(new Error(fail.code), { failure: fail });
      sent.push({ call: 'ask', to, question });
      return { channel: `D-${to}`, ts: `${sent.length}.0001` };
    },
    async remind(channel, _ts, question) {
      sent.push({ call: 'remind', to: channel, question });
    },
    async update(channel, _ts, question) {
      sent.push({ call: 'update', to: channel, question });
    },
  };
  return { asker, sent, failWith: (f: SlackFailure | null) => (fail = f) };
}

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

describe.each(BACKENDS)('outcome dispatch ($name)', (backend) => {
  async function setUp() {
    const db = await backend.create();
    stores.push(db.store);
    await db.store.db.insertInto('user_links').values({ slack_user_id: 'U1', jira_account_id: 'acc-priya', linked_by: 'email', linked_at: 0 }).execute();
    await storeReviews(db.store, [{ key: 'SHOP-12', shippedAt: NOW - 42 * DAY, dueAt: NOW - 1 }]);
    const clock = { now: NOW };
    const recorder = recordingAsker();
    const deps = (store: Store): OutcomeDeps => ({
      store,
      config: CONFIG,
      clock: () => clock.now,
      logger: capturedLogger().logger,
      asker: recorder.asker,
      users: { timezone: async () => 'Europe/Berlin' },
      accept: async () => ({ id: 1, duplicate: false }),
      jira: { userMay: async () => false },
    });
    return { db, clock, recorder, deps };
  }

  it('two replicas dispatching at the same moment ask once', async () => {
    const { db, recorder, deps } = await setUp();
    const second = db.open();
    stores.push(second);
    const [a, b] = await Promise.all([dispatchOutcomes(deps(db.store)), dispatchOutcomes(deps(second))]);
    expect(a.asked + b.asked).toBe(1);
    expect(recorder.sent.map((s) => [s.call, s.to, s.question.key])).toEqual([['ask', 'U1', 'SHOP-12']]);
    const row = await db.store.db.selectFrom('outcome_reviews').select(['status', 'asked_of', 'channel', 'message_ts']).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'asked', asked_of: 'U1', channel: 'D-U1', message_ts: '1.0001' });
  });

  it('an unanswered question is reminded once, in its thread, after remindAfter', async () => {
    const { db, clock, recorder, deps } = await setUp();
    await dispatchOutcomes(deps(db.store));
    clock.now += 3 * DAY - 60_000;
    expect(await dispatchOutcomes(deps(db.store))).toMatchObject({ reminded: 0 });
    clock.now += 60_000;
    expect(await dispatchOutcomes(deps(db.store))).toMatchObject({ reminded: 1 });
    clock.now += 7 * DAY;
    expect(await dispatchOutcomes(deps(db.store))).toMatchObject({ reminded: 0 });
    expect(recorder.sent.map((s) => [s.call, s.to])).toEqual([
      ['ask', 'U1'],
      ['remind', 'D-U1'],
    ]);
    expect(await db.store.db.selectFrom('outcome_reviews').select(['status', 'reminded_at']).executeTakeFirstOrThrow()).toEqual({ status: 'asked', reminded_at: NOW + 3 * DAY });
  });

  it('a failure that may pass asks again after a backoff; a refusal for good gives the review up', async () => {
    const { db, clock, recorder, deps } = await setUp();
    recorder.failWith({ kind: 'transient', code: 'ratelimited', retryAfterMs: 120_000 });
    expect(await dispatchOutcomes(deps(db.store))).toMatchObject({ asked: 0, failed: 1 });
    expect(await db.store.db.selectFrom('outcome_reviews').select(['status', 'attempts', 'due_at']).executeTakeFirstOrThrow()).toEqual({ status: 'scheduled', attempts: 1, due_at: NOW + 120_000 });
    clock.now += 120_000;
    recorder.failWith({ kind: 'recipient', code: 'user_not_found' });
    expect(await dispatchOutcomes(deps(db.store))).toMatchObject({ asked: 0, undeliverable: 1 });
    expect(await db.store.db.selectFrom('outcome_reviews').select(['status']).executeTakeFirstOrThrow()).toEqual({ status: 'undeliverable' });
    recorder.failWith(null);
    clock.now += DAY;
    expect(await dispatchOutcomes(deps(db.store))).toMatchObject({ asked: 0 });
  });

  it('outside the person\'s working hours the question waits for them; nobody linked: pending, never sent', async () => {
    const { db, recorder, deps } = await setUp();
    const sunday = Date.parse('2026-11-22T12:00:00Z');
    await db.store.db.updateTable('outcome_reviews').set({ due_at: sunday - 1 }).execute();
    const nineToSix = { ...deps(db.store), config: { ...CONFIG, nudges: DEFAULT_CONFIG.nudges }, clock: () => sunday };
    expect(await dispatchOutcomes(nineToSix)).toMatchObject({ asked: 0, held: 1 });
    // Sunday in Berlin: asked on Monday at 09:00 local time.
    expect(await db.store.db.selectFrom('outcome_reviews').select(['status', 'due_at']).executeTakeFirstOrThrow()).toEqual({ status: 'scheduled', due_at: Date.parse('2026-11-23T08:00:00Z') });
    await db.store.db.deleteFrom('user_links').execute();
    await db.store.db.updateTable('outcome_reviews').set({ due_at: NOW - 1 }).execute();
    expect(await dispatchOutcomes(deps(db.store))).toMatchObject({ asked: 0 });
    expect(recorder.sent).toEqual([]);
    expect(await db.store.db.selectFrom('outcome_reviews').select(['status', 'asked_of']).executeTakeFirstOrThrow()).toEqual({ status: 'asked', asked_of: null });
  });
});
