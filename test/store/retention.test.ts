import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { pruneOnce } from '../../src/jobs/schedules.js';
import type { Store } from '../../src/store/database.js';
import { pruneNudges, queueNudgeOnce } from '../../src/store/nudges.js';
import { pruneReviews } from '../../src/store/outcomes.js';
import { prune } from '../../src/store/reports.js';
import { capturedLogger } from '../helpers/quiet.js';
import { storeReviews } from '../helpers/stored-reviews.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

const DAY = 86_400_000;
const NOW = 1_000 * DAY;

const lint = (key: string, at: number) => ({ ticket_key: key, project: key.split('-')[0]!, score: 50, passing: 0, role: 'user', failed_rules: 'customer-value', linted_at: at });
const event = (id: string, status: 'pending' | 'done' | 'coalesced' | 'dead', at: number) => ({
  delivery_id: id, kind: 'test', ticket_key: null, payload: '{}', status, attempts: 0, next_attempt_at: at, locked_by: null, locked_until: null, last_error: null, coalesced_into: null, created_at: at, updated_at: at,
});
const nudge = (user: string, key: string, hash: string, status: string, at: number) => ({
  slack_user_id: user, ticket_key: key, findings_hash: hash, channel: status === 'sent' || status === 'fixed' ? `D${user}` : null, message_ts: null, status, sent_at: status === 'queued' ? 0 : at, details: '{}', queued_at: at,
});

const historyLeft = async (store: Store) => (await store.db.selectFrom('report_history').select(['ticket_key', 'linted_at']).orderBy('id').execute()).map((r) => `${r.ticket_key}@${r.linted_at / DAY}`);
const inboxLeft = async (store: Store) => (await store.db.selectFrom('inbox').select('delivery_id').orderBy('id').execute()).map((r) => r.delivery_id);
const nudgesLeft = async (store: Store) => (await store.db.selectFrom('nudges').select(['slack_user_id', 'ticket_key', 'findings_hash', 'status']).orderBy('id').execute()).map((r) => `${r.slack_user_id} ${r.ticket_key} ${r.findings_hash} ${r.status}`);
const reviewsLeft = async (store: Store) => (await store.db.selectFrom('outcome_reviews').select(['ticket_key', 'status']).orderBy('id').execute()).map((r) => `${r.ticket_key} ${r.status}`);

describe.each(BACKENDS)('retention on $name', (backend) => {
  const store = storePerTest(backend);

  it('deletes report history and finished events past retention, batch after batch, and keeps the rest', async () => {
    // Seven old lints: with batches of two, four statements delete them.
    await store().db.insertInto('report_history').values([...[1, 2, 3, 4, 5, 6, 7].map((d) => lint(`SHOP-${d}`, d * DAY)), lint('SHOP-1', 600 * DAY), lint('SHOP-8', 900 * DAY)]).execute();
    await store().db.insertInto('inbox').values([event('old-done', 'done', 10 * DAY), event('old-coalesced', 'coalesced', 10 * DAY), event('old-pending', 'pending', 10 * DAY), event('old-dead', 'dead', 10 * DAY), event('new-done', 'done', 999 * DAY)]).execute();
    expect(await prune(store(), 500 * DAY, 990 * DAY, 2)).toBe(9);
    expect(await historyLeft(store())).toEqual(['SHOP-1@600', 'SHOP-8@900']);
    expect(await inboxLeft(store())).toEqual(['old-pending', 'old-dead', 'new-done']);
    expect(await prune(store(), 500 * DAY, 990 * DAY, 2)).toBe(0);
  });

  it('deletes settled nudges past retention but never a queued one, one being sent, or the newest of a person, ticket and findings', async () => {
    await store().db.insertInto('nudges').values([
      nudge('U1', 'SHOP-1', 'a', 'sent', 10 * DAY),
      nudge('U1', 'SHOP-1', 'a|status', 'fixed', 20 * DAY), // the same findings, sent again on a status change
      nudge('U1', 'SHOP-1', 'b', 'dropped', 30 * DAY),
      nudge('U1', 'SHOP-1', 'a', 'undeliverable', 40 * DAY), // "a" again (findings A, B, then A): the newest "a"
      nudge('U1', 'SHOP-1', 'b', 'sent', 50 * DAY), // the newest "b"
      nudge('U1', 'SHOP-1', 'a|status', 'sent', 60 * DAY), // the newest "a|status"
      nudge('U2', 'SHOP-1', 'a', 'sent', 10 * DAY), // the only one of U2: kept
      nudge('U1', 'SHOP-2', 'a', 'queued', 10 * DAY), // waiting to go
      nudge('U1', 'SHOP-2', 'a', 'sending:w1', 11 * DAY), // a dispatcher holds it
      nudge('U1', 'SHOP-2', 'c', 'sent', 950 * DAY), // recent
      nudge('U1', 'SHOP-2', 'c', 'sent', 960 * DAY),
    ]).execute();
    expect(await pruneNudges(store(), 900 * DAY, 2)).toBe(3);
    expect(await nudgesLeft(store())).toEqual([
      'U1 SHOP-1 a undeliverable',
      'U1 SHOP-1 b sent',
      'U1 SHOP-1 a|status sent',
      'U2 SHOP-1 a sent',
      'U1 SHOP-2 a queued',
      'U1 SHOP-2 a sending:w1',
      'U1 SHOP-2 c sent',
      'U1 SHOP-2 c sent',
    ]);
    // The newest nudge of each findings kept is what stops the same findings being queued again,
    // whichever findings came last.
    for (const findingsHash of ['a', 'b', 'a|status']) expect(await queueNudgeOnce(store(), { slackUserId: 'U1', ticketKey: 'SHOP-1', findingsHash, details: '{}', now: NOW })).toBe(false);
  });

  it('keeps a nudge requeued after a failed DM (its queued time is recent) even when it was first sent long ago', async () => {
    await store().db.insertInto('nudges').values([{ ...nudge('U1', 'SHOP-1', 'a', 'dropped', 10 * DAY), queued_at: 950 * DAY }, nudge('U1', 'SHOP-1', 'b', 'sent', 960 * DAY)]).execute();
    expect(await pruneNudges(store(), 900 * DAY)).toBe(0);
    expect(await nudgesLeft(store())).toEqual(['U1 SHOP-1 a dropped', 'U1 SHOP-1 b sent']);
  });

  it('deletes settled outcome reviews past retention and keeps open ones and answers Jira has not got yet', async () => {
    const old = 10 * DAY;
    await storeReviews(store(), [
      { key: 'SHOP-1', shippedAt: old, status: 'scheduled' },
      { key: 'SHOP-2', shippedAt: old, status: 'asked', askedAt: old },
      { key: 'SHOP-3', shippedAt: old, status: 'sending:w1' },
      { key: 'SHOP-4', shippedAt: old, outcome: 'hit', answeredAt: old }, // its comment is written (below)
      { key: 'SHOP-5', shippedAt: old, outcome: 'missed', answeredAt: old }, // not written to Jira yet
      { key: 'SHOP-6', shippedAt: old, status: 'cancelled' },
      { key: 'SHOP-7', shippedAt: old, status: 'undeliverable' },
      { key: 'SHOP-8', shippedAt: 950 * DAY, status: 'cancelled' },
    ]);
    await store().db.updateTable('outcome_reviews').set({ jira_comment_id: '10001' }).where('ticket_key', '=', 'SHOP-4').execute();
    await store().db.updateTable('outcome_reviews').set({ updated_at: 950 * DAY }).where('ticket_key', '=', 'SHOP-8').execute();
    expect(await pruneReviews(store(), 900 * DAY, 2)).toBe(3);
    expect(await reviewsLeft(store())).toEqual(['SHOP-1 scheduled', 'SHOP-2 asked', 'SHOP-3 sending:w1', 'SHOP-5 answered', 'SHOP-8 cancelled']);
  });

  it('runs every night with the configured periods, and logs what it removed', async () => {
    const config = { ...DEFAULT_CONFIG, retention: { historyDays: 100, inboxDays: 7, nudgesDays: 30, outcomesDays: 365 } };
    await store().db.insertInto('report_history').values([lint('SHOP-1', NOW - 101 * DAY), lint('SHOP-1', NOW - 99 * DAY)]).execute();
    await store().db.insertInto('inbox').values([event('done', 'done', NOW - 8 * DAY), event('fresh', 'done', NOW - 6 * DAY)]).execute();
    await store().db.insertInto('nudges').values([nudge('U1', 'SHOP-1', 'a', 'sent', NOW - 31 * DAY), nudge('U1', 'SHOP-1', 'a', 'sent', NOW - 31 * DAY), nudge('U1', 'SHOP-2', 'a', 'fixed', NOW - 29 * DAY), nudge('U1', 'SHOP-2', 'a', 'sent', NOW - 29 * DAY)]).execute();
    await storeReviews(store(), [{ key: 'SHOP-1', shippedAt: NOW - 400 * DAY, status: 'cancelled' }, { key: 'SHOP-2', shippedAt: NOW - 300 * DAY, status: 'cancelled' }]);
    const log = capturedLogger();
    expect(await pruneOnce(store(), config, NOW, log.logger)).toBe(4);
    expect(await historyLeft(store())).toEqual([`SHOP-1@${1_000 - 99}`]);
    expect(await inboxLeft(store())).toEqual(['fresh']);
    expect(await nudgesLeft(store())).toEqual(['U1 SHOP-1 a sent', 'U1 SHOP-2 a fixed', 'U1 SHOP-2 a sent']);
    expect(await reviewsLeft(store())).toEqual(['SHOP-2 cancelled']);
    const line = log.lines().map((l) => JSON.parse(l)).find((l) => l.msg === 'retention: old rows pruned');
    expect(line).toMatchObject({ removed: 4, historyAndInbox: 2, nudges: 1, outcomeReviews: 1, linkCodes: 0, historyDays: 100, inboxDays: 7, nudgesDays: 30, outcomesDays: 365 });
  });
});

describe('retention settings', () => {
  it('default to 400 days of history, 7 of processed events, 180 of nudges and 730 of outcome reviews', () => {
    expect(DEFAULT_CONFIG.retention).toEqual({ historyDays: 400, inboxDays: 7, nudgesDays: 180, outcomesDays: 730 });
  });
});
