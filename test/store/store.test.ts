import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { lintIssue } from '../../src/core/lint.js';
import { normalise } from '../../src/core/ticket/normalise.js';
import { enqueue, listEvents } from '../../src/store/inbox.js';
import { isMigrated, migrate } from '../../src/store/migrations.js';
import { latestReport, prune, saveReport } from '../../src/store/reports.js';
import { GOOD_STORY, issue } from '../helpers/issues.js';
import { BACKENDS, POSTGRES_SKIP_NOTE, POSTGRES_URL } from '../helpers/stores.js';

const DAY = 86_400_000;

if (!POSTGRES_URL) console.warn(`storage tests run on SQLite only${POSTGRES_SKIP_NOTE}`);

if (!POSTGRES_URL) {
  describe(`storage on Postgres${POSTGRES_SKIP_NOTE}`, () => {
    it.skip('runs when TEST_DATABASE_URL is set', () => undefined);
  });
}

describe.each(BACKENDS)('storage on $name', (backend) => {
  it('migrates a fresh database once when two replicas start at the same moment', async () => {
    const { store, open, drop } = await backend.create({ migrated: false });
    expect(await isMigrated(store.db)).toBe(false);
    const replicas = [open(), open()];
    const runs = await Promise.all(replicas.map((r) => migrate(r.db)));
    expect(runs.flat()).toEqual(['2026-11-22-001-initial', '2026-11-22-002-sticky-comments', '2026-11-22-003-nudge-queue', '2026-11-22-004-digest-claims', '2026-11-23-005-digest-facts', '2026-11-30-006-trust', '2026-11-30-007-outcome-reviews', '2026-11-30-008-customer-balance', '2026-11-30-009-journey-and-epics', '2026-12-01-010-scale-indexes']);
    expect(await migrate(store.db)).toEqual([]);
    expect(await isMigrated(store.db)).toBe(true);
    await Promise.all([...replicas, store].map((s) => s.close()));
    await drop();
  });

  it('keeps the latest report per ticket and a history row only when the report changed', async () => {
    const { store, drop } = await backend.create();
    const failing = issue('As a user, I want to pay.', { project: { key: 'SHOP' } }, 'SHOP-1');
    const fixed = issue(`${GOOD_STORY}\n\nConversion +3% in Q3.`, { project: { key: 'SHOP' } }, 'SHOP-1');
    const save = (i: typeof failing, at: number) => saveReport(store, normalise(i), lintIssue(i, DEFAULT_CONFIG), at);
    expect((await save(failing, 1_000)).changed).toBe(true);
    expect((await save(failing, 2_000)).changed).toBe(false);
    expect((await save(fixed, 3_000)).changed).toBe(true);
    const latest = await latestReport(store, 'SHOP-1');
    expect(latest?.story?.role).toBe('returning customer');
    const history = await store.db.selectFrom('report_history').select(['score', 'linted_at', 'failed_rules']).orderBy('linted_at').execute();
    expect(history.map((h) => h.linted_at)).toEqual([1_000, 3_000]);
    expect(history[0]!.failed_rules).toContain('customer-value');
    expect(history[1]!.score).toBeGreaterThan(history[0]!.score!);
    const row = await store.db.selectFrom('reports').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ ticket_key: 'SHOP-1', project: 'SHOP', issue_type: 'Story', passing: 1, skipped: 0, linted_at: 3_000 });
    await store.close();
    await drop();
  });

  it('stores an event once: a redelivery (same delivery id) or a replay (same event identity, new delivery id) is a duplicate', async () => {
    const { store, drop } = await backend.create();
    const event = { kind: 'jira-issue', ticketKey: 'SHOP-1', payload: { webhookEvent: 'jira:issue_updated' } };
    const first = await enqueue(store, { ...event, deliveryId: 'd-1', identity: 'jira:issue_updated:10001:1795430590123' }, 1_000);
    expect(first).toEqual({ id: expect.any(Number), duplicate: false });
    expect(await enqueue(store, { ...event, deliveryId: 'd-1', identity: 'jira:issue_updated:10001:1795430590999' }, 1_001)).toEqual({ id: null, duplicate: true });
    expect(await enqueue(store, { ...event, deliveryId: 'd-2', identity: 'jira:issue_updated:10001:1795430590123' }, 1_002)).toEqual({ id: null, duplicate: true });
    // Events without an identity (polls, commands) never clash on it.
    expect((await enqueue(store, { ...event, deliveryId: 'd-3' }, 1_003)).duplicate).toBe(false);
    expect((await enqueue(store, { ...event, deliveryId: 'd-4', identity: null }, 1_004)).duplicate).toBe(false);
    expect((await enqueue(store, { ...event, deliveryId: 'd-5', identity: 'jira:issue_updated:10001:1795430590124' }, 1_005)).duplicate).toBe(false);
    const rows = await store.db.selectFrom('inbox').select(['delivery_id', 'event_identity']).orderBy('id').execute();
    expect(rows).toEqual([
      { delivery_id: 'd-1', event_identity: 'jira:issue_updated:10001:1795430590123' },
      { delivery_id: 'd-3', event_identity: null },
      { delivery_id: 'd-4', event_identity: null },
      { delivery_id: 'd-5', event_identity: 'jira:issue_updated:10001:1795430590124' },
    ]);
    await store.close();
    await drop();
  });

  it('prunes history and finished inbox rows past retention, keeping pending events', async () => {
    const { store, drop } = await backend.create();
    const i = issue('As a user, I want to pay.', {}, 'SHOP-2');
    await saveReport(store, normalise(i), lintIssue(i, DEFAULT_CONFIG), 1 * DAY);
    await enqueue(store, { kind: 'test', payload: {} }, 1 * DAY);
    await store.db.updateTable('inbox').set({ status: 'done' }).execute();
    await enqueue(store, { kind: 'test', payload: {} }, 1 * DAY);
    expect(await prune(store, 100 * DAY, 100 * DAY)).toBe(2);
    expect(await store.db.selectFrom('report_history').selectAll().execute()).toEqual([]);
    expect((await listEvents(store)).map((e) => e.status)).toEqual(['pending']);
    expect(await latestReport(store, 'SHOP-2')).toBeDefined();
    await store.close();
    await drop();
  });
});

describe('the SQLite file', () => {
  it('is readable by Centric alone: the file 0600 (and its WAL files), its folder 0700', async () => {
    const { mkdtempSync, statSync, readdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openStore } = await import('../../src/store/database.js');
    const folder = join(mkdtempSync(join(tmpdir(), 'centric-mode-')), 'data');
    const store = openStore(`sqlite:${join(folder, 'centric.db')}`);
    await migrate(store.db);
    await saveReport(store, normalise(issue(GOOD_STORY)), lintIssue(issue(GOOD_STORY), DEFAULT_CONFIG), 0);
    const modes = Object.fromEntries(readdirSync(folder).map((f) => [f, (statSync(join(folder, f)).mode & 0o777).toString(8)]));
    expect(modes['centric.db']).toBe('600');
    for (const [file, mode] of Object.entries(modes)) expect([file, mode]).toEqual([file, '600']);
    expect((statSync(folder).mode & 0o777).toString(8)).toBe('700');
    await store.close();
  });
});
