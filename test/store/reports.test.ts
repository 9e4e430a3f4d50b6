import { describe, expect, it } from 'vitest';
import { checkIssue } from '../../src/core/check-issue.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import type { Store } from '../../src/store/database.js';
import { averageScore, failingReportsOf, lintHistory, saveReport, ticketFacts } from '../../src/store/reports.js';
import { GOOD_METRIC, GOOD_STORY, good, issue } from '../helpers/issues.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

const save = (store: Store, description: string, key: string, at: number, fields: Record<string, unknown> = {}) => {
  const { ticket, report } = checkIssue(issue(description, { project: { key: key.split('-')[0]! }, ...fields }, key), DEFAULT_CONFIG);
  return saveReport(store, ticket, report, at, { benefit: 3, cost: 1, done: false });
};
const priya = { reporter: { accountId: 'acc-priya' } };

describe.each(BACKENDS)('report queries on $name', (backend) => {
  const store = storePerTest(backend);

  it("lists a person's open failing tickets, worst first, without the passing, skipped or done ones", async () => {
    await save(store(), 'Nothing here.', 'SHOP-1', 1, priya);
    // Closed since its last check: no work left for anyone.
    const closed = checkIssue(issue('Nothing here.', { project: { key: 'SHOP' }, ...priya }, 'SHOP-6'), DEFAULT_CONFIG);
    await saveReport(store(), closed.ticket, closed.report, 1, { benefit: null, cost: null, done: true });
    await save(store(), 'As a user, I want to pay.', 'SHOP-2', 1, { assignee: { accountId: 'acc-priya' } });
    await save(store(), good(GOOD_STORY, GOOD_METRIC), 'SHOP-3', 1, priya);
    await save(store(), 'Nothing here.', 'SHOP-4', 1, { ...priya, issuetype: { name: 'Bug' } });
    await save(store(), 'Nothing here.', 'SHOP-5', 1, { reporter: { accountId: 'acc-marek' } });
    expect(await failingReportsOf(store(), 'acc-priya', 40)).toEqual([
      { key: 'SHOP-1', score: 0, role: null },
      { key: 'SHOP-2', score: expect.any(Number), role: 'user' },
    ]);
    expect(await failingReportsOf(store(), 'acc-priya', 1)).toHaveLength(1);
  });

  it('averages the scores linted in a window, of a person or of everyone', async () => {
    await save(store(), 'Nothing here.', 'SHOP-1', 1_000, priya);
    await save(store(), good(GOOD_STORY, GOOD_METRIC), 'SHOP-2', 1_000, { reporter: { accountId: 'acc-marek' } });
    const marek = await averageScore(store(), 0, 2_000, 'acc-marek');
    expect(await averageScore(store(), 0, 2_000, 'acc-priya')).toBe(0);
    expect(await averageScore(store(), 0, 2_000, null)).toBe(Math.round(marek! / 2));
    expect(await averageScore(store(), 1_001, 2_000, null)).toBeNull();
  });

  it("reads a scope's history in a window and its facts, by project or by keys", async () => {
    await save(store(), 'As a user, I want to pay at checkout.', 'SHOP-1', 1_000);
    await save(store(), 'Nothing here.', 'SHOP-2', 2_000);
    await save(store(), 'Nothing here.', 'OPS-1', 1_000);
    await save(store(), 'Nothing here.', 'SHOP-3', 1_000, { issuetype: { name: 'Bug' } });
    const history = await lintHistory(store(), { project: 'SHOP' }, 0, 2_000);
    expect(history).toEqual([{ key: 'SHOP-1', score: expect.any(Number), role: 'user', failedRules: expect.arrayContaining(['customer-value']), lintedAt: 1_000, evidence: 0, benefitKind: null, journeyStage: 'Buy', epicKey: null }]);
    expect((await lintHistory(store(), { keys: ['SHOP-2', 'OPS-1'] }, 0, 3_000)).map((h) => h.key).sort()).toEqual(['OPS-1', 'SHOP-2']);
    const facts = await ticketFacts(store(), { project: 'SHOP' });
    expect(facts.map((f) => f.key).sort()).toEqual(['SHOP-1', 'SHOP-2']);
    expect(facts[0]).toMatchObject({ passing: false, benefit: 3, cost: 1, done: false, reporterAccountId: null });
    expect((await ticketFacts(store(), { keys: ['OPS-1'] })).map((f) => f.key)).toEqual(['OPS-1']);
  });

  it('reads a scope of 70,000 keys, more than SQLite (32,766) or Postgres (65,535) take in one statement', async () => {
    await save(store(), 'As a user, I want to pay.', 'SHOP-1', 1_000);
    await save(store(), 'Nothing here.', 'SHOP-2', 1_000);
    await save(store(), 'Nothing here.', 'OPS-1', 1_000);
    // The stored keys first, in the middle and last: in different chunks.
    const keys = Array.from({ length: 70_000 }, (_, i) => `BIG-${i}`);
    [keys[0], keys[35_000], keys[69_999]] = ['SHOP-1', 'SHOP-2', 'OPS-1'];
    expect((await lintHistory(store(), { keys }, 0, 2_000)).map((h) => h.key).sort()).toEqual(['OPS-1', 'SHOP-1', 'SHOP-2']);
    expect((await ticketFacts(store(), { keys })).map((f) => f.key).sort()).toEqual(['OPS-1', 'SHOP-1', 'SHOP-2']);
  });
});
