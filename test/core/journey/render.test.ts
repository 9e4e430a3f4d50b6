import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { journeyLine } from '../../../src/core/journey/journey-line.js';
import { lintIssues } from '../../../src/core/lint.js';
import { renderHtml } from '../../../src/core/render/html.js';
import { renderAdfComment, renderWikiComment } from '../../../src/core/render/jira-comment.js';
import { renderJson } from '../../../src/core/render/json.js';
import { renderMarkdown } from '../../../src/core/render/markdown.js';
import { renderText } from '../../../src/core/render/text.js';
import type { Report } from '../../../src/core/types.js';
import { GOOD_AC, GOOD_DESIGN, GOOD_EVIDENCE, good, issue } from '../../helpers/issues.js';

const STORY = 'As a returning customer, I want to pay with PayPal at checkout, so that I can finish my purchase on my phone.';
const KPIS = 'checkout conversion rate, cart abandonment rate, payment failure rate';
const OTHER_METRIC = 'Success: newsletter sign-up rate +5% within a quarter.';
const OPTIONS = { rulesDocUrl: 'https://docs.example/rules', exemptLabel: 'centric:exempt' };

const resultOf = (metric: string) => lintIssues([issue(good(STORY, GOOD_AC, metric, GOOD_DESIGN, GOOD_EVIDENCE))], DEFAULT_CONFIG);
const inStage = resultOf('Success: checkout conversion from 2.1% to 2.6% within 6 weeks.');
const outOfStage = resultOf(OTHER_METRIC);
/** A metric name with markup of every target format in it, as a team's own metric column may give it: it comes from the ticket. */
const odd = (r: typeof inStage) => ({ ...r, reports: [{ ...report(r), metric: { ...report(r).metric!, name: '*[sign-up](x)* {color:red}_news_{color} <b>|</b> ~~rate~~' } }] });
const report = (r: typeof inStage): Report => r.reports[0]!;

const ODD = '*[sign-up](x)* {color:red}_news_{color} <b>|</b> ~~rate~~';
const QUESTION = 'is not one of them: does this story move one of them?';

describe('the journey line of a report', () => {
  it('names the stage; and its KPIs with a question when the metric is not one of them', () => {
    expect(journeyLine(report(inStage))).toBe('Journey stage: Buy');
    expect(report(outOfStage).journey).toEqual({ stage: 'Buy', kpis: KPIS.split(', '), metricInStage: false });
    expect(journeyLine(report(outOfStage))).toBe(`Journey stage: Buy (KPIs: ${KPIS}). The metric "sign-up rate" ${QUESTION}`);
    expect(journeyLine({ metric: undefined })).toBeNull();
  });

  it('cuts a long metric name', () => {
    const long = { journey: { stage: 'Buy', kpis: ['conversion rate'], metricInStage: false }, metric: { name: 'x'.repeat(200) } } as Report;
    expect(journeyLine(long)).toBe(`Journey stage: Buy (KPIs: conversion rate). The metric "${'x'.repeat(79)}…" ${QUESTION}`);
  });

  it('is a paragraph of the ADF comment, before the footer, as plain text', () => {
    const adf = renderAdfComment(report(odd(outOfStage)), OPTIONS) as { content: unknown[] };
    expect(adf.content.at(-2)).toEqual({ type: 'paragraph', content: [{ type: 'text', text: `Journey stage: Buy (KPIs: ${KPIS}). The metric "${ODD}" ${QUESTION}` }] });
    const passing = renderAdfComment(report(inStage), OPTIONS) as { content: unknown[] };
    expect(passing.content.at(-2)).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Journey stage: Buy' }] });
  });

  it('is escaped in the wiki comment: the metric opens no link, colour or markup', () => {
    expect(renderWikiComment(report(odd(outOfStage)), OPTIONS)).toContain(
      `\n\nJourney stage: Buy (KPIs: ${KPIS}). The metric "\\*\\[sign-up\\]\\(x)\\* \\{color:red\\}\\_news\\_\\{color\\} <b>\\|</b> \\~\\~rate\\~\\~" ${QUESTION}\n\n_Centric updates this comment`,
    );
    expect(renderWikiComment(report(inStage), OPTIONS)).toContain('\n\nJourney stage: Buy\n\n_Centric updates this comment');
  });

  it('is a line of the text report, after the story', () => {
    expect(renderText(inStage).split('\n').slice(0, 3)).toEqual([
      'SHOP-1  100/100  passes',
      '  story  returning customer: pay with PayPal at checkout → I can finish my purchase on my phone',
      '  journey  Buy',
    ]);
    expect(renderText(outOfStage).split('\n')[2]).toBe(`  journey  Buy (KPIs: ${KPIS}). The metric "sign-up rate" ${QUESTION}`);
  });

  it('is a paragraph of the markdown report, escaped', () => {
    expect(renderMarkdown(inStage)).toContain('\n\nJourney stage: Buy\n\nEvery check passes.');
    expect(renderMarkdown(odd(outOfStage))).toContain(
      `\n\nJourney stage: Buy (KPIs: ${KPIS}). The metric "\\*\\[sign-up\\](x)\\* {color:red}\\_news\\_{color} \\<b\\>\\|\\</b\\> \\~\\~rate\\~\\~" ${QUESTION}\n\n`,
    );
  });

  it('is escaped in the HTML report', () => {
    expect(renderHtml(odd(outOfStage), 'Audit')).toContain(
      `<td data-label="Findings"><p>Journey stage: Buy (KPIs: ${KPIS}). The metric &quot;*[sign-up](x)* {color:red}_news_{color} &lt;b&gt;|&lt;/b&gt; ~~rate~~&quot; ${QUESTION}</p>Every check passes.</td>`,
    );
  });

  it('is the journey field of the JSON report', () => {
    expect(JSON.parse(renderJson(inStage)).reports[0].journey).toEqual({ stage: 'Buy', kpis: KPIS.split(', '), metricInStage: true });
  });
});
