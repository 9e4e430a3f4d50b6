import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { compareKeys, formulaText, rankInput, rankIssues, rankStories, type RankInput, type RankWeights } from '../../src/core/rank.js';
import type { JiraIssue } from '../../src/core/ticket/normalise.js';

const NONE: RankWeights = { evidence: 0, evidenceCap: 0, reach: 0, reachCap: 0 };

function story(key: string, over: Partial<RankInput> = {}): RankInput {
  return { key, summary: `Story ${key}`, persona: null, benefit: 8, businessValue: null, cost: 2, evidence: 0, metric: null, score: 50, ...over };
}

const keys = (inputs: RankInput[], w: RankWeights = NONE) => rankStories(inputs, w).stories.map((s) => s.key);

describe('rankStories', () => {
  it('ranks by benefit ÷ cost, highest first', () => {
    const ranking = rankStories([story('A-1', { benefit: 3, cost: 3 }), story('A-2', { benefit: 10, cost: 2 }), story('A-3', { benefit: 9, cost: 3 })], NONE);
    expect(ranking.stories.map((s) => [s.key, s.customerScore])).toEqual([['A-2', 5], ['A-3', 3], ['A-1', 1]]);
  });

  it('breaks ties by evidence, then lint score, then key', () => {
    const tied = [
      story('A-10', { score: 90 }),
      story('A-9', { score: 90 }),
      story('A-3', { score: 95 }),
      story('A-4', { evidence: 2, score: 10 }),
    ];
    expect(keys(tied)).toEqual(['A-4', 'A-3', 'A-9', 'A-10']);
    expect(rankStories(tied, NONE).stories.every((s) => s.customerScore === 4)).toBe(true);
    // A story with no lint score loses the tie to one with a score.
    expect(keys([story('A-1', { score: null }), story('A-2', { score: 0 })])).toEqual(['A-2', 'A-1']);
  });

  it('lists stories without a cost, or with a cost of 0, after the ranked ones, never dividing by zero', () => {
    const ranking = rankStories([story('A-5', { cost: null }), story('A-6', { cost: 0 }), story('A-7', { cost: -1 }), story('A-2', { benefit: 1, cost: 8 })], NONE);
    expect(ranking.stories.map((s) => [s.key, s.customerScore, s.unranked])).toEqual([
      ['A-2', 0.13, null],
      ['A-5', null, 'no cost'],
      ['A-6', null, 'no cost'],
      ['A-7', null, 'no cost'],
    ]);
    expect(ranking.stories.every((s) => s.customerScore === null || Number.isFinite(s.customerScore))).toBe(true);
  });

  it('lists stories without a benefit last too, by key, and says what is missing', () => {
    const ranking = rankStories([story('B-12', { benefit: null, cost: null }), story('B-2', { benefit: null }), story('A-1', { benefit: 0 })], NONE);
    expect(ranking.stories.map((s) => [s.key, s.customerScore, s.unranked])).toEqual([
      ['A-1', 0, null],
      ['B-2', null, 'no benefit'],
      ['B-12', null, 'no benefit, no cost'],
    ]);
  });

  it('boosts by evidence up to the cap', () => {
    const w = { ...NONE, evidence: 0.5, evidenceCap: 2 };
    const ranking = rankStories([story('A-1', { evidence: 0 }), story('A-2', { evidence: 1 }), story('A-3', { evidence: 2 }), story('A-4', { evidence: 7 })], w);
    // 8 ÷ 2 = 4, × 1.5 for one piece, × 2 for two or more; the tie at the cap goes to more evidence.
    expect(ranking.stories.map((s) => [s.key, s.customerScore])).toEqual([['A-4', 8], ['A-3', 8], ['A-2', 6], ['A-1', 4]]);
  });

  it('boosts by the other open stories for the same persona (case and spaces aside), up to the cap', () => {
    const w = { ...NONE, reach: 0.5, reachCap: 1 };
    const ranking = rankStories(
      [story('A-1', { persona: 'night nurse' }), story('A-2', { persona: ' Night Nurse' }), story('A-3', { persona: 'night nurse' }), story('A-4', { persona: 'ward clerk' }), story('A-5', { persona: null, benefit: 9 })],
      w,
    );
    expect(ranking.stories.map((s) => [s.key, s.reach, s.customerScore])).toEqual([
      ['A-1', 2, 6],
      ['A-2', 2, 6],
      ['A-3', 2, 6],
      ['A-5', 0, 4.5],
      ['A-4', 0, 4],
    ]);
  });

  it('puts business value ÷ cost in its own column, without touching the customer order', () => {
    const ranking = rankStories([story('A-1', { businessValue: 100 }), story('A-2', { benefit: 9, businessValue: 1 }), story('A-3', { businessValue: 5, cost: 0 })], NONE);
    expect(ranking.stories.map((s) => [s.key, s.customerScore, s.businessScore])).toEqual([['A-2', 4.5, 0.5], ['A-1', 4, 50], ['A-3', null, null]]);
  });

  it('states the formula with its weights', () => {
    expect(rankStories([], DEFAULT_CONFIG.rank.weights).formula).toBe(
      'customer score = benefit × (1 + 0.25 × min(evidence, 4)) × (1 + 0.1 × min(other stories for the persona, 10)) ÷ cost; business = business value ÷ cost',
    );
    expect(formulaText({ evidence: 1, evidenceCap: 3, reach: 0, reachCap: 0 })).toContain('(1 + 1 × min(evidence, 3))');
  });

  it('orders keys by project, then number', () => {
    expect(['SHOP-10', 'OPS-2', 'SHOP-9'].sort(compareKeys)).toEqual(['OPS-2', 'SHOP-9', 'SHOP-10']);
  });
});

describe('rankIssues', () => {
  const config = { ...DEFAULT_CONFIG, digest: { ...DEFAULT_CONFIG.digest, benefitField: 'customfield_1', costField: 'customfield_2' }, rank: { ...DEFAULT_CONFIG.rank, businessValueField: 'customfield_3' } };
  const issue = (key: string, fields: Record<string, unknown>): JiraIssue => ({
    key,
    fields: { summary: `  ${key} summary `, description: 'As a night nurse, I want to see my ward so that I plan my shift.', issuetype: { name: 'Story' }, status: { name: 'To Do', statusCategory: { key: 'new' } }, labels: [], attachment: [], ...fields },
  });

  it('reads benefit, cost and business value from the configured fields, and leaves out done stories and other issue types', () => {
    const ranking = rankIssues(
      [
        issue('S-1', { customfield_1: 6, customfield_2: '3', customfield_3: { value: '9' } }),
        issue('S-2', { customfield_1: 6, customfield_2: 1, status: { name: 'Done', statusCategory: { key: 'done' } } }),
        issue('S-3', { customfield_1: 6, customfield_2: 1, issuetype: { name: 'Bug' } }),
        issue('S-4', {}),
      ],
      config,
    );
    expect(ranking.stories.map((s) => [s.key, s.summary, s.persona, s.benefit, s.cost, s.businessValue, s.businessScore, s.unranked])).toEqual([
      ['S-1', 'S-1 summary', 'night nurse', 6, 3, 9, 3, null],
      ['S-4', 'S-4 summary', 'night nurse', null, null, null, null, 'no benefit, no cost'],
    ]);
    expect(ranking.stories[0]!.reach).toBe(1);
    expect(ranking.stories[0]!.customerScore).toBe(2.2);
  });

  it('takes the evidence count from the report when the rule gives one', () => {
    const input = rankInput(issue('S-1', {}), { key: 'S-1', skipped: false, score: 70, story: null, evidence: { count: 3 } } as never, config);
    expect(input).toMatchObject({ evidence: 3, score: 70, persona: null, metric: null });
  });
});
