import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { DEFAULT_JOURNEY_STAGES, isStageKpi } from '../../../src/core/journey/index.js';
import { lintIssue } from '../../../src/core/lint.js';
import { issue } from '../../helpers/issues.js';

const BUY = DEFAULT_JOURNEY_STAGES.find((s) => s.name === 'Buy')!;
const STORY = 'As a returning customer, I want to pay with PayPal at checkout, so that I can finish my purchase on my phone.';
const lint = (description: string, fields: Parameters<typeof issue>[1] = {}, config = DEFAULT_CONFIG) => lintIssue(issue(description, fields), config);
const metricFinding = (description: string, fields: Parameters<typeof issue>[1] = {}, config = DEFAULT_CONFIG) =>
  lint(description, fields, config).findings?.find((f) => f.rule === 'customer-metric');

describe('whether the metric is one of the stage\'s KPIs', () => {
  it('compares their words, without heads, case or plurals', () => {
    expect(isStageKpi('checkout conversion', BUY)).toBe(true);
    expect(isStageKpi('Checkout Conversion Rate', BUY)).toBe(true);
    expect(isStageKpi('cart abandonment', BUY)).toBe(true);
    expect(isStageKpi('payment failures rate', BUY)).toBe(true);
    expect(isStageKpi('conversion', BUY)).toBe(true);
    expect(isStageKpi('newsletter sign-up rate', BUY)).toBe(false);
    expect(isStageKpi('rate', BUY)).toBe(false);
    expect(isStageKpi('NPS', DEFAULT_JOURNEY_STAGES.at(-1)!)).toBe(true);
  });

  it('is true, false, or null without a metric with a target, in the report', () => {
    expect(lint(`${STORY}\nSuccess: checkout conversion from 2.1% to 2.6% within 6 weeks.`).journey).toEqual({ stage: 'Buy', kpis: BUY.kpis, metricInStage: true });
    expect(lint(`${STORY}\nSuccess: newsletter sign-up rate +5% within a quarter.`).journey).toEqual({ stage: 'Buy', kpis: BUY.kpis, metricInStage: false });
    expect(lint(STORY).journey).toEqual({ stage: 'Buy', kpis: BUY.kpis, metricInStage: null });
    // Named without a target: no promise, so nothing to compare yet.
    expect(lint(`${STORY}\nWe watch the newsletter sign-up rate.`).journey?.metricInStage).toBeNull();
  });

  it('never adds a finding or changes the score', () => {
    const inStage = lint(`${STORY}\nSuccess: checkout conversion +3% within 6 weeks.`);
    const outOfStage = lint(`${STORY}\nSuccess: newsletter sign-up rate +3% within 6 weeks.`);
    expect(outOfStage.score).toBe(inStage.score);
    expect(outOfStage.findings).toEqual(inStage.findings);
  });

  it('recognises every KPI of the default journey as a customer metric, and each is in its own stage', () => {
    for (const stage of DEFAULT_JOURNEY_STAGES) {
      for (const kpi of stage.kpis) {
        const report = lint(`${STORY}\nSuccess: ${kpi} +5% within a quarter.`, { labels: [stage.match.labels[0]!] });
        expect(report.findings?.find((f) => f.rule === 'customer-metric'), `${stage.name}: ${kpi}`).toBeUndefined();
        expect(report.journey, `${stage.name}: ${kpi}`).toEqual({ stage: stage.name, kpis: stage.kpis, metricInStage: true });
      }
    }
  });
});

describe('the customer-metric hint of a story in a journey stage', () => {
  it('starts from the stage\'s KPIs when no metric is named, with an example that passes the rule', () => {
    expect(metricFinding(STORY)).toEqual({
      rule: 'customer-metric',
      severity: 'error',
      message: 'No customer metric: nothing says how we will know this worked for the returning customer.',
      hint: 'This story is in the Buy stage of the journey, measured by checkout conversion rate, cart abandonment rate or payment failure rate: add a success line with one of them and a target, e.g. "Success: checkout conversion rate +3% within 6 weeks of release".',
      link: 'https://github.com/centric-bot/centric/blob/main/README.md#customer-metric',
    });
  });

  it('gives every default stage an example of its own first KPI that passes the rule', () => {
    for (const stage of DEFAULT_JOURNEY_STAGES) {
      const hint = metricFinding(STORY, { labels: [stage.match.labels[0]!] })!.hint;
      expect(hint.startsWith(`This story is in the ${stage.name} stage of the journey, measured by `), hint).toBe(true);
      const example = /e\.g\. "(.*)"\.$/.exec(hint)![1]!;
      expect(example.startsWith(`Success: ${stage.kpis[0]} `), hint).toBe(true);
      expect(metricFinding(`${STORY}\n${example}`, { labels: [stage.match.labels[0]!] }), example).toBeUndefined();
    }
  });

  it('keeps the metric a ticket names when it has no target, after the stage\'s KPIs', () => {
    expect(metricFinding(`${STORY}\nWe watch the cart abandonment rate.`)?.hint).toBe(
      'This story is in the Buy stage of the journey, measured by checkout conversion rate, cart abandonment rate or payment failure rate: say by how much and by when, e.g. "abandonment −2 points within a quarter".',
    );
  });

  it('is as before without a stage, or with a stage that lists no KPIs', () => {
    const off = parseConfig('journey: { stages: [] }', 'centric.yml');
    expect(metricFinding(STORY, {}, off)?.hint).toBe('Add a success line with a customer metric and a target, e.g. "Success: checkout conversion +3% within 6 weeks of release".');
    expect(metricFinding(`${STORY}\nWe watch the cart abandonment rate.`, {}, off)?.hint).toBe('Say by how much and by when, e.g. "abandonment −2 points within a quarter".');
    const noKpis = parseConfig('journey:\n  stages:\n    - name: Pay\n      match: { keywords: [PayPal] }', 'centric.yml');
    expect(metricFinding(STORY, {}, noKpis)?.hint).toBe('Add a success line with a customer metric and a target, e.g. "Success: checkout conversion +3% within 6 weeks of release".');
    expect(lint(STORY, {}, noKpis).journey).toEqual({ stage: 'Pay', kpis: [], metricInStage: null });
  });
});
