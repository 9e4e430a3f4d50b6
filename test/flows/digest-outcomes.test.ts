import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import type { JiraIssue } from '../../src/core/ticket/normalise.js';
import { scopeDigestRead } from '../../src/flows/post-digest.js';
import type { Store } from '../../src/store/database.js';
import { BACKENDS } from '../helpers/stores.js';
import { storeReviews } from '../helpers/stored-reviews.js';

const WEEK = 7 * 86_400_000;
const END = Date.parse('2026-11-23T08:00:00Z');
const at = (weeksAgo: number) => END - weeksAgo * WEEK + 3_600_000;

const open: Store[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A Jira whose JQL search returns these keys, in one page. */
const searching = (keys: string[]) => ({
  async *search(): AsyncIterable<JiraIssue[]> {
    yield keys.map((key) => ({ key, fields: {} }) as JiraIssue);
  },
});

for (const backend of BACKENDS) {
  describe(`the digest's outcomes, from the stored reviews (${backend.name})`, () => {
    async function stored(): Promise<Store> {
      const db = await backend.create();
      open.push(db.store);
      await storeReviews(db.store, [
        { key: 'SHOP-1', outcome: 'hit', shippedAt: at(7), answeredAt: at(1) },
        { key: 'SHOP-2', outcome: 'hit', shippedAt: at(9), answeredAt: at(3) },
        { key: 'SHOP-4', role: 'ward nurse', outcome: 'missed', shippedAt: at(10), answeredAt: at(5) },
        { key: 'SHOP-3', status: 'asked', shippedAt: at(8), askedAt: at(3), remindedAt: at(2) },
        { key: 'SHOP-9', status: 'asked', shippedAt: at(6), askedAt: at(2), remindedAt: at(1) },
        { key: 'SHOP-12', status: 'scheduled', shippedAt: at(1) },
        // Answered long ago, and another project's.
        { key: 'SHOP-7', role: 'ward nurse', outcome: 'missed', shippedAt: at(30), answeredAt: at(20) },
        { key: 'OPS-1', role: 'on-call engineer', outcome: 'missed', shippedAt: at(3), answeredAt: at(1) },
      ]);
      return db.store;
    }

    it("a project's digest reads that project's reviews", async () => {
      const store = await stored();
      const { digest } = await scopeDigestRead({ store, config: DEFAULT_CONFIG }, { type: 'project', value: 'SHOP' }, END);
      expect(digest.outcomes).toMatchObject({
        period: { hit: 1, missed: 0, hitRate: 1 },
        overall: { hit: 2, missed: 1, hitRate: 2 / 3 },
        overdue: ['SHOP-3', 'SHOP-9'],
        pending: 1,
        personas: [
          { role: 'gift buyer', hit: 2, missed: 0 },
          { role: 'ward nurse', hit: 0, missed: 1 },
        ],
      });
      expect(digest.trend.map((p) => p.hitRate)).toEqual([null, null, null, null, null, null, null, 0, null, 1, null, 1]);
    });

    it("a JQL digest reads the reviews of the tickets it read, whatever their project", async () => {
      const store = await stored();
      const { digest } = await scopeDigestRead({ store, config: DEFAULT_CONFIG, jira: searching(['SHOP-1', 'SHOP-9', 'OPS-1', 'SHOP-404']) }, { type: 'jql', value: 'labels = web' }, END);
      expect(digest.outcomes).toMatchObject({ period: { hit: 1, missed: 1, hitRate: 0.5 }, overdue: ['SHOP-9'], pending: 0 });
      expect(digest.outcomes!.personas.map((p) => p.role)).toEqual(['gift buyer', 'on-call engineer']);
    });

    it('has no outcomes when the scope has no review', async () => {
      const store = await stored();
      expect((await scopeDigestRead({ store, config: DEFAULT_CONFIG }, { type: 'project', value: 'VAULT' }, END)).digest.outcomes).toBeUndefined();
      expect((await scopeDigestRead({ store, config: DEFAULT_CONFIG, jira: searching([]) }, { type: 'jql', value: 'labels = none' }, END)).digest.outcomes).toBeUndefined();
    });
  });
}
