import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { lintIssue, lintIssues } from '../../src/core/lint.js';
import { GOOD_AC, GOOD_DESIGN, GOOD_EVIDENCE, GOOD_METRIC, GOOD_STORY, good, issue } from '../helpers/issues.js';

const complete = good(GOOD_STORY, GOOD_AC, GOOD_METRIC, GOOD_DESIGN, GOOD_EVIDENCE);

describe('lint', () => {
  it('scores a complete ticket 100 with no findings and the parsed story', () => {
    expect(lintIssue(issue(complete), DEFAULT_CONFIG)).toEqual({
      key: 'SHOP-1',
      skipped: false,
      score: 100,
      story: { kind: 'user', role: 'returning customer', goal: 'save my basket', benefit: 'I can finish my purchase on my phone', language: 'en' },
      findings: [],
      metric: { name: 'checkout conversion', direction: 'up', baseline: 2.1, target: 2.6, kind: 'level', relative: null, unit: '%', timeframe: 'within 6 weeks', period: { count: 6, unit: 'week' } },
      benefit: { kind: 'customer' },
      evidence: { count: 1 },
      journey: { stage: 'Buy', kpis: ['checkout conversion rate', 'cart abandonment rate', 'payment failure rate'], metricInStage: true },
      journeyStage: 'Buy',
    });
  });

  it('carries the metric promise only when customer-metric passes', () => {
    expect(lintIssue(issue(good(GOOD_STORY, GOOD_AC, 'Retention matters.', GOOD_DESIGN)), DEFAULT_CONFIG)).not.toHaveProperty('metric');
    expect(lintIssue(issue(good(GOOD_STORY, GOOD_AC, GOOD_DESIGN)), DEFAULT_CONFIG)).not.toHaveProperty('metric');
    const german = lintIssue(issue(good(GOOD_STORY, 'Erfolg: Abbruchquote von 12 % auf 8 % bis Q3.')), DEFAULT_CONFIG);
    expect(german.metric).toEqual({ name: 'abbruchquote', direction: 'down', baseline: 12, target: 8, kind: 'level', relative: null, unit: '%', timeframe: 'bis Q3', period: null });
    const table = lintIssue(issue(good(GOOD_STORY, '||Metric||Today||Target||\n|Checkout conversion|2.1%|2.6%|')), DEFAULT_CONFIG);
    expect(table.metric).toMatchObject({ name: 'checkout conversion', baseline: 2.1, target: 2.6, unit: '%' });
  });

  it('loses a rule\'s weight for a failure and half of it for a metric without target', () => {
    expect(lintIssue(issue(good(GOOD_STORY, GOOD_AC, GOOD_METRIC, GOOD_EVIDENCE)), DEFAULT_CONFIG).score).toBe(87);
    expect(lintIssue(issue(good(GOOD_STORY, GOOD_AC, 'Retention matters.', GOOD_DESIGN, GOOD_EVIDENCE)), DEFAULT_CONFIG).score).toBe(91);
    expect(lintIssue(issue('Nothing here'), DEFAULT_CONFIG).score).toBe(0);
    // Without a story, persona and single-goal cannot be judged: they leave the score's scale.
    expect(lintIssue(issue(good('Upgrade the SDK.', GOOD_AC, GOOD_METRIC, GOOD_DESIGN, GOOD_EVIDENCE)), DEFAULT_CONFIG).score).toBe(63);
  });

  it('reports other issue types as skipped with no score or findings', () => {
    expect(lintIssue(issue('x', { issuetype: { name: 'Bug' } }), DEFAULT_CONFIG)).toEqual({ key: 'SHOP-1', skipped: true });
  });

  it('applies per-project overrides and leaves other projects alone', () => {
    const config = { ...DEFAULT_CONFIG, projects: { OPS: { rules: { 'visual-evidence': 'off' as const, 'customer-metric': 'warn' as const }, issueTypes: ['Story', 'Task'] } } };
    const text = good(GOOD_STORY, GOOD_AC, GOOD_EVIDENCE);
    const ops = lintIssue(issue(text, { issuetype: { name: 'Task' } }, 'OPS-7'), config);
    expect(ops.findings).toEqual([expect.objectContaining({ rule: 'customer-metric', severity: 'warn' })]);
    expect(ops.score).toBe(80);
    const shop = lintIssue(issue(text, {}, 'SHOP-7'), config);
    expect(shop.findings?.map((f) => [f.rule, f.severity])).toEqual([
      ['customer-metric', 'error'],
      ['visual-evidence', 'warn'],
    ]);
  });

  it('summarises tickets, linted, skipped, passing and the average score', () => {
    const result = lintIssues(
      [issue(complete, {}, 'A-1'), issue('As a user, I want X.', {}, 'A-2'), issue('x', { issuetype: { name: 'Bug' } }, 'A-3')],
      DEFAULT_CONFIG,
    );
    expect(result.summary).toEqual({ tickets: 3, linted: 2, skipped: 1, passing: 1, averageScore: 63 });
  });

  it('gives a null average when nothing was linted', () => {
    expect(lintIssues([], DEFAULT_CONFIG).summary).toEqual({ tickets: 0, linted: 0, skipped: 0, passing: 0, averageScore: null });
  });
});
