import { describe, expect, it } from 'vitest';
import { balanceText, buildDigest, type LintRecord } from '../../src/core/digest.js';
import { renderDigestMarkdown } from '../../src/core/render/digest-markdown.js';

const WEEK = 7 * 86_400_000;
const END = Date.parse('2026-11-30T08:00:00Z');
const record = (key: string, benefitKind: LintRecord['benefitKind'], lintedAt = END - 1_000, evidence: number | null = 0): LintRecord => ({ key, score: 80, role: 'gift buyer', failedRules: [], lintedAt, benefitKind, evidence });
const digestOf = (history: LintRecord[], customerShareTarget: number | null = 0.6) =>
  buildDigest({ end: END, periodMs: WEEK, history, facts: [], isGenericRole: () => false, readyStatuses: [], customerShareTarget });

describe('the benefit balance in the digest', () => {
  it('shares of customer, both and business among the stories with a benefit, against the target, with the change', () => {
    const d = digestOf([
      record('SHOP-1', 'customer'),
      record('SHOP-2', 'customer'),
      record('SHOP-3', 'both'),
      record('SHOP-4', 'business'),
      record('SHOP-5', null),
      record('SHOP-9', 'business', END - WEEK - 1_000),
    ]);
    expect(d.period.benefit).toEqual({ customer: 0.5, both: 0.25, business: 0.25, stories: 4 });
    expect(d.previous.benefit).toEqual({ customer: 0, both: 0, business: 1, stories: 1 });
    expect(balanceText(d)).toBe('customer 50%, both 25%, business 25% of 4 stories; customer share 75% (+75 pts) (target ≥ 60%: met)');
    expect(renderDigestMarkdown(d, 'SHOP')).toContain('**Whose benefit:** customer 50%, both 25%, business 25% of 4 stories; customer share 75% (+75 pts) (target ≥ 60%: met)\n');
  });

  it('says when the target is not met, and nothing without a target or without any benefit kind', () => {
    expect(balanceText(digestOf([record('SHOP-1', 'business'), record('SHOP-2', 'customer')]))).toBe('customer 50%, both 0%, business 50% of 2 stories; customer share 50% (target ≥ 60%: not met)');
    expect(balanceText(digestOf([record('SHOP-1', 'customer')], null))).toBe('customer 100%, both 0%, business 0% of 1 story; customer share 100%');
    expect(balanceText(digestOf([record('SHOP-1', null)]))).toBeNull();
    expect(digestOf([record('SHOP-1', null)]).period.benefit).toBeUndefined();
  });

  it('the trend carries the balance per period', () => {
    const d = digestOf([record('SHOP-1', 'customer'), record('SHOP-9', 'business', END - 2 * WEEK - 1_000)]);
    expect(d.trend.map((p) => p.benefit?.customer ?? null).slice(-3)).toEqual([0, null, 1]);
  });
});
