import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import { compile } from '../../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { DEFAULT_JOURNEY_STAGES, isStageKpi } from '../../../src/core/journey/index.js';
import { lintIssue } from '../../../src/core/lint.js';
import { issue } from '../../helpers/issues.js';

const BUY = DEFAULT_JOURNEY_STAGES.find((s) => s.name === 'Buy')!;
const COMPILED = compile(DEFAULT_CONFIG);
const inStage = (metric: string, stage = BUY) => isStageKpi(metric, stage, COMPILED);
const STORY = 'As a returning customer, I want to pay with PayPal at checkout, so that I can finish my purchase on my phone.';
const lint = (description: string, fields: Parameters<typeof issue>[1] = {}, config = DEFAULT_CONFIG) => lintIssue(issue(description, fields), config);
const metricFinding = (description: string, fields: Parameters<typeof issue>[1] = {}, config = DEFAULT_CONFIG) =>
  lint(description, fields, config).findings?.find((f) => f.rule === 'customer-metric');

describe('whether the metric is one of the stage\'s KPIs', () => {
  it('compares their words, without heads, case or plurals', () => {
    expect(inStage('checkout conversion')).toBe(true);
    expect(inStage('Checkout Conversion Rate')).toBe(true);
    expect(inStage('cart abandonment')).toBe(true);
    expect(inStage('payment failures rate')).toBe(true);
    expect(inStage('conversion')).toBe(true);
    expect(inStage('newsletter sign-up rate')).toBe(false);
    expect(inStage('rate')).toBe(false);
    // Another head is another quantity: a checkout's time is no conversion rate.
    expect(inStage('checkout time')).toBe(false);
    expect(inStage('Checkout Conversion')).toBe(true);
    expect(inStage('NPS', DEFAULT_JOURNEY_STAGES.at(-1)!)).toBe(true);
  });

  it('leaves out the metric heads of every vocabulary, not English ones only: a head alone names no KPI', () => {
    const stage = (kpi: string) => ({ name: 'Pay', match: { labels: [], components: [], keywords: [] }, kpis: [kpi] });
    expect(inStage('Quote', stage('Abbruch Quote'))).toBe(false);
    expect(inStage('Abbruch', stage('Abbruch Quote'))).toBe(true);
    expect(inStage('punteggio', stage('punteggio fedeltà'))).toBe(false);
    expect(inStage('tijd', stage('levering tijd'))).toBe(false);
    expect(inStage('Zeit', stage('Liefer Zeit'))).toBe(false);
    expect(inStage('Liefer Zeit', stage('Liefer Zeit'))).toBe(true);
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
    // A stage with no KPIs has nothing to compare a metric with: null, not false.
    expect(lint(`${STORY}\nSuccess: checkout conversion from 2.1% to 2.6% within 6 weeks.`, {}, noKpis).journey).toEqual({ stage: 'Pay', kpis: [], metricInStage: null });
  });

  it('starts from the built-in journey\'s KPIs for a story its keywords found only in a shop\'s ticket', () => {
    // Two Receive keywords, in a ward's ticket: the health domain's example, the stage still reported.
    const ward = 'As a ward nurse, I want to see the delivery slot of the pharmacy parcel, so that my patients get their medication on time.';
    const domainHint = 'Add a success line with a customer metric and a target, e.g. "Success: patient wait time under 15 minutes within 3 months of go-live".';
    expect(metricFinding(ward)?.hint).toBe(domainHint);
    expect(lint(ward).journey?.stage).toBe('Receive');
    // A label puts it in the stage on purpose: its KPIs lead.
    expect(metricFinding(ward, { labels: ['journey:receive'] })?.hint).toMatch(/^This story is in the Receive stage of the journey, measured by on-time delivery rate, delivery time or missed deliveries: /);
    // A team's own journey is written for its tickets: its KPIs lead on a keyword.
    const own = parseConfig('journey:\n  stages:\n    - name: Medication\n      match: { keywords: [pharmacy] }\n      kpis: [missed doses]', 'centric.yml');
    expect(metricFinding(ward, {}, own)?.hint).toBe(
      'This story is in the Medication stage of the journey, measured by missed doses: add a success line with one of them and a target, e.g. "Success: missed doses −20% within 3 months of go-live".',
    );
  });

  it('keeps the domain\'s example for the review\'s healthcare story, which is in no stage', () => {
    const story = 'As a ward nurse, I want to search patients by bed number, so that I find them fast.';
    expect(lint(story, { summary: 'Patient search' }).journey).toBeUndefined();
    expect(metricFinding(story, { summary: 'Patient search' })?.hint).toBe(
      'Add a success line with a customer metric and a target, e.g. "Success: patient wait time under 15 minutes within 3 months of go-live".',
    );
  });
});
