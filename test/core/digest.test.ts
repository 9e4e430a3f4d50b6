import { describe, expect, it } from 'vitest';
import { buildDigest, QUESTIONS, type LintRecord, type TicketFacts } from '../../src/core/digest.js';
import { DIGEST_LIMITS, digestMessage } from '../../src/slack/views/digest.js';
import { limitProblems } from '../../src/slack/views/limits.js';

const WEEK = 7 * 86_400_000;
const END = Date.parse('2026-11-23T08:00:00Z');
const at = (weeksAgo: number, hours = 1) => END - weeksAgo * WEEK + hours * 3_600_000;
const rec = (key: string, score: number, lintedAt: number, role: string | null, failed: string[] = []): LintRecord => ({ key, score, lintedAt, role, failedRules: failed as LintRecord['failedRules'] });
const fact = (key: string, extra: Partial<TicketFacts> = {}): TicketFacts => ({ key, status: 'To Do', owner: null, benefit: null, cost: null, passing: false, done: false, ...extra });

const history: LintRecord[] = [
  // Last week: two tickets.
  rec('SHOP-1', 40, at(2), 'user', ['customer-value', 'customer-metric', 'specific-persona']),
  rec('SHOP-2', 60, at(2), 'night nurse', ['customer-metric']),
  // This week: SHOP-1 improved, SHOP-3 and SHOP-4 new.
  rec('SHOP-1', 85, at(1), 'returning shopper', ['visual-evidence']),
  rec('SHOP-3', 30, at(1, 2), 'user', ['customer-value', 'customer-metric', 'specific-persona', 'acceptance-criteria']),
  rec('SHOP-4', 100, at(1, 3), 'returning shopper', []),
  // After the period: must not count.
  rec('SHOP-5', 10, END + 1, 'user', ['story-format']),
];

const generic = (role: string) => ['user', 'customer'].includes(role);

describe('the digest', () => {
  const digest = buildDigest({
    end: END,
    periodMs: WEEK,
    history,
    facts: [
      fact('SHOP-1', { passing: true, benefit: 8, cost: 2 }),
      fact('SHOP-3', { status: 'Ready for Development', owner: 'U1', benefit: 8, cost: 2 }),
      fact('SHOP-4', { passing: true, benefit: 3, cost: null }),
      fact('SHOP-6', { benefit: 9, cost: 3 }),
      fact('SHOP-7', { benefit: 5, cost: 0 }),
      fact('SHOP-8', { benefit: 100, cost: 1, done: true }),
    ],
    isGenericRole: generic,
    readyStatuses: ['Ready for Development'],
  });

  it('scores the period against the previous one', () => {
    expect(digest.period).toMatchObject({ tickets: 3, score: 72 });
    expect(digest.previous).toMatchObject({ tickets: 2, score: 50 });
  });

  it('gives each question the share of tickets that answer it', () => {
    expect(digest.period.shares).toEqual({ who: 2 / 3, what: 1, why: 2 / 3, how: 2 / 3, see: 2 / 3, done: 2 / 3 });
    expect(digest.previous.shares.how).toBe(0);
  });

  it('ranks personas by frequency, with the share of generic roles', () => {
    expect(digest.personas).toEqual([
      { role: 'returning shopper', count: 2 },
      { role: 'user', count: 1 },
    ]);
    expect(digest.genericShare).toBe(1 / 3);
  });

  it('ranks benefit over cost, ties by benefit then key, and skips missing or zero costs and done stories', () => {
    expect(digest.bangForBuck.map((b) => [b.key, b.ratio])).toEqual([
      ['SHOP-1', 4],
      ['SHOP-3', 4],
      ['SHOP-6', 3],
    ]);
  });

  it('lists the most improved and the failing tickets ready for development', () => {
    expect(digest.mostImproved).toEqual([{ key: 'SHOP-1', from: 40, to: 85 }]);
    expect(digest.needsAttention).toEqual([{ key: 'SHOP-3', score: 30, owner: 'U1' }]);
  });

  it('keeps a 12-period trend, oldest first, ending with this period', () => {
    expect(digest.trend).toHaveLength(12);
    expect(digest.trend.at(-1)).toEqual(digest.period);
    expect(digest.trend.at(-2)).toEqual(digest.previous);
    expect(digest.trend[0]!.tickets).toBe(0);
  });

  it('renders within the digest limits, with a plain-text fallback', () => {
    const message = digestMessage({ title: 'SHOP', digest, browse: (k) => `https://acme.atlassian.net/browse/${k}`, late: true, questions: QUESTIONS });
    expect(limitProblems(message)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(DIGEST_LIMITS.blocks);
    expect(message.text.split('\n')[0]).toBe('Customer-centricity of SHOP: 72/100 ▲22 over 3 tickets');
    expect(message.text).toContain('How will we know? (a metric with a target): 67% ▲67 pts');
    expect(JSON.stringify(message.blocks)).toContain('Late: posted after its scheduled time (Centric was not running, or the first tries failed).');
    expect(JSON.stringify(message.blocks)).toContain('<https://acme.atlassian.net/browse/SHOP-1|SHOP-1>: 40 → 85');
  });

  it('says so when nothing changed, and handles an empty history', () => {
    const empty = buildDigest({ end: END, periodMs: WEEK, history: [], facts: [], isGenericRole: generic, readyStatuses: [] });
    expect(empty.period).toMatchObject({ tickets: 0, score: null });
    expect(empty.genericShare).toBeNull();
    const message = digestMessage({ title: 'SHOP', digest: empty, browse: (k) => k, late: false, questions: QUESTIONS });
    expect(message.text.split('\n')[0]).toBe('No ticket of SHOP changed this week.');
  });
});
