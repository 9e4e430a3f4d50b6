import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { promiseJson, promiseOf, settleReview, storyLanguageOf } from '../../src/flows/outcome-reviews.js';
import { readStoredPromise } from '../../src/store/outcomes.js';
import { writeOutcome, type OutcomeWriteDeps } from '../../src/flows/outcome-write.js';
import type { Store } from '../../src/store/database.js';
import { capturedLogger } from '../helpers/quiet.js';
import { CONVERSION, storeReviews } from '../helpers/stored-reviews.js';
import { BACKENDS } from '../helpers/stores.js';

const SHIPPED = Date.parse('2026-11-03T10:00:00Z');

/** A Jira that keeps comments, labels and properties, and records every write. */
function fakeJira(options: { cloud?: boolean; gone?: boolean } = {}) {
  const comments: Array<{ id: string; author: string; text: string }> = [];
  const writes: string[] = [];
  const properties = new Map<string, unknown>();
  const gone = () => Object.assign(new Error('Issue does not exist'), { status: 404 });
  const jira: OutcomeWriteDeps['jira'] = {
    cloud: options.cloud ?? true,
    myself: async () => ({ accountId: 'bot' }),
    commentTexts: async () => comments.map((c) => ({ id: c.id, authorAccountId: c.author, text: c.text, edited: false, byPerson: false })).reverse(),
    async addComment(key, body) {
      if (options.gone) throw gone();
      const text = typeof body === 'string' ? body : JSON.stringify(body).includes('Outcome: ') ? 'Outcome: …' : '';
      comments.push({ id: String(100 + comments.length), author: 'bot', text });
      writes.push(`comment ${key}`);
      return comments.at(-1)!.id;
    },
    async updateLabels(key, add, remove, actor) {
      writes.push(`labels ${key} +${add.join(',')} -${remove.join(',')} by ${actor?.jiraAccountId ?? 'nobody'}`);
    },
    async setIssueProperty(key, property, value) {
      writes.push(`property ${key} ${property}`);
      properties.set(property, value);
    },
  };
  return { jira, comments, writes, properties };
}

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

describe.each(BACKENDS)('writing an answered outcome to Jira ($name)', (backend) => {
  async function answered(fake: ReturnType<typeof fakeJira>) {
    const { store } = await backend.create();
    stores.push(store);
    await storeReviews(store, [{ key: 'SHOP-12', shippedAt: SHIPPED, outcome: 'missed', measured: '2.3%' }]);
    await store.db.updateTable('outcome_reviews').set({ answered_account: 'acc-priya' }).execute();
    const deps: OutcomeWriteDeps = { store, config: DEFAULT_CONFIG, jira: fake.jira, logger: capturedLogger().logger };
    const id = (await store.db.selectFrom('outcome_reviews').select('id').executeTakeFirstOrThrow()).id;
    return { store, deps, id };
  }

  it('writes the comment, the label (the others removed, the person named) and the property; a retry writes no second comment', async () => {
    const fake = fakeJira();
    const { store, deps, id } = await answered(fake);
    expect(await writeOutcome(deps, id)).toBe('written');
    expect(fake.writes).toEqual([
      'comment SHOP-12',
      'labels SHOP-12 +centric:outcome-missed -centric:outcome-hit,centric:outcome-not-measured by acc-priya',
      'property SHOP-12 centric.outcome',
    ]);
    expect(fake.properties.get('centric.outcome')).toMatchObject({ outcome: 'missed', measured: '2.3%' });
    // As if the first attempt stopped after posting the comment, before storing its id.
    await store.db.updateTable('outcome_reviews').set({ jira_comment_id: null }).execute();
    expect(await writeOutcome(deps, id)).toBe('written');
    expect(fake.comments).toHaveLength(1);
    expect((await store.db.selectFrom('outcome_reviews').select('jira_comment_id').executeTakeFirstOrThrow()).jira_comment_id).toBe('100');
  });

  it('writes the comment in the project’s language, and knows it again on a retry', async () => {
    const fake = fakeJira({ cloud: false });
    const { store, deps, id } = await answered(fake);
    const german = { ...deps, config: { ...DEFAULT_CONFIG, projects: { SHOP: { language: 'de' as const } } } };
    expect(await writeOutcome(german, id)).toBe('written');
    expect(fake.comments[0]!.text).toMatch(/^\*Ergebnis:\* /);
    await store.db.updateTable('outcome_reviews').set({ jira_comment_id: null }).execute();
    expect(await writeOutcome(german, id)).toBe('written');
    expect(fake.comments).toHaveLength(1);
  });

  it('writes nothing for a review that is not answered, and gives up on a ticket that is gone', async () => {
    const fake = fakeJira({ gone: true });
    const { store, deps, id } = await answered(fake);
    expect(await writeOutcome(deps, id)).toBe('nothing');
    expect(fake.writes).toEqual([]);
    await store.db.updateTable('outcome_reviews').set({ status: 'asked' }).execute();
    expect(await writeOutcome(deps, id)).toBe('nothing');
    expect(await writeOutcome(deps, id + 1000)).toBe('nothing');
  });
});

describe.each(BACKENDS)('the outcome comment in the story’s language ($name)', (backend) => {
  it('a review scheduled for a Spanish story is written in Spanish where the project sets no language; someone unnamed is “alguien”', async () => {
    const { store } = await backend.create();
    stores.push(store);
    await storeReviews(store, [{ key: 'SHOP-12', shippedAt: SHIPPED, outcome: 'hit', measured: '2.7%', promise: promiseJson(CONVERSION, 'es') }]);
    await store.db.updateTable('outcome_reviews').set({ answered_name: null, answered_by: null }).execute();
    const fake = fakeJira({ cloud: false });
    const id = (await store.db.selectFrom('outcome_reviews').select('id').executeTakeFirstOrThrow()).id;
    expect(await writeOutcome({ store, config: DEFAULT_CONFIG, jira: fake.jira, logger: capturedLogger().logger }, id)).toBe('written');
    expect(fake.comments[0]!.text).toMatch(/^\*Resultado:\* /);
    expect(fake.comments[0]!.text).toContain('(informado por alguien desde Slack, ');
    // The promise the property and the question show is the metric alone, as before.
    expect(fake.properties.get('centric.outcome')).toHaveProperty('promise.name');
    expect(fake.properties.get('centric.outcome')).not.toHaveProperty('promise.language');
  });

  it('the project’s `language:` still wins; a review stored before the story’s language was kept falls back to it, English without one', async () => {
    const { store } = await backend.create();
    stores.push(store);
    await storeReviews(store, [
      { key: 'SHOP-12', shippedAt: SHIPPED, outcome: 'hit', measured: '2.7%', promise: promiseJson(CONVERSION, 'es') },
      { key: 'BOUT-3', shippedAt: SHIPPED, outcome: 'hit', measured: '2.7%' },
    ]);
    const config = { ...DEFAULT_CONFIG, projects: { SHOP: { language: 'de' as const } } };
    const rows = await store.db.selectFrom('outcome_reviews').select(['id', 'ticket_key']).orderBy('id').execute();
    const first: string[] = [];
    for (const row of rows) {
      const fake = fakeJira({ cloud: false });
      await writeOutcome({ store, config, jira: fake.jira, logger: capturedLogger().logger }, row.id);
      first.push(fake.comments[0]!.text.split(' ')[0]!);
    }
    expect(first).toEqual(['*Ergebnis:*', '*Outcome:*']);
  });

  it('scheduling stores the story’s language beside its metric', async () => {
    const { store } = await backend.create();
    stores.push(store);
    const report = { key: 'SHOP-12', score: 90, findings: [], metric: CONVERSION, story: { kind: 'user' as const, role: 'enfermera', goal: 'exportar', benefit: 'planificar', language: 'es' } };
    const ticket = { key: 'SHOP-12', project: 'SHOP', summary: 'Turnos', status: 'Done' } as never;
    const issue = { key: 'SHOP-12', fields: { status: { name: 'Done', statusCategory: { key: 'done' } } } } as never;
    const deps = { store, config: DEFAULT_CONFIG, clock: () => SHIPPED, logger: capturedLogger().logger };
    expect(await settleReview(deps, { issue, ticket, report: report as never, previous: { status: 'In Progress', done: 0 } })).toBe('scheduled');
    const row = await store.db.selectFrom('outcome_reviews').selectAll().executeTakeFirstOrThrow();
    expect(storyLanguageOf(row)).toBe('es');
    expect(promiseOf(row)).toEqual(CONVERSION);
  });

  it('reads a promise column edited by hand as no promise and no language, and says so where a promise is needed', () => {
    for (const promise of ['not json', 'null', '42', '"text"', '{"language":"de"}', '[]']) {
      expect([promise, readStoredPromise(promise).promise]).toEqual([promise, null]);
      expect(() => promiseOf({ promise })).toThrow("the outcome review's stored promise is not a metric promise");
    }
    expect(readStoredPromise('{"language":"de"}').language).toBe('de');
    expect(readStoredPromise(JSON.stringify({ ...CONVERSION, language: 7 }))).toEqual({ promise: CONVERSION, language: null });
    expect(storyLanguageOf({ promise: 'not json' })).toBeNull();
    // The outcome stats read the same column the same way.
    expect(readStoredPromise(promiseJson(CONVERSION, 'fr'))).toEqual({ promise: CONVERSION, language: 'fr' });
  });
});
