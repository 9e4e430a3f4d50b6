import { describe, expect, it } from 'vitest';
import { durationMs } from '../../src/core/duration.js';
import { outcomeProperty, oneLine, type OutcomeRecord } from '../../src/core/outcome/outcome.js';
import { promiseText } from '../../src/core/outcome/promise-text.js';
import { renderAdfOutcome, renderWikiOutcome } from '../../src/core/render/outcome-comment.js';
import { CONVERSION } from '../helpers/stored-reviews.js';

const RECORD: OutcomeRecord = {
  ticketKey: 'SHOP-12',
  answer: 'hit',
  measured: '2.7%',
  note: 'Mostly *returning* [customers|http://evil.example] {code}',
  promise: CONVERSION,
  shippedAt: Date.parse('2026-11-03T10:00:00Z'),
  answeredAt: Date.parse('2026-12-15T10:00:00Z'),
  answeredBy: { slackUserId: 'U1', name: 'Priya Nair', jiraAccountId: 'acc-priya' },
};

describe('the outcome written to Jira', () => {
  it('reads as the issue says, on Cloud: what a person typed stays text', () => {
    expect(renderAdfOutcome(RECORD)).toEqual({
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Outcome: ', marks: [{ type: 'strong' }] }, { type: 'text', text: 'target hit — checkout conversion 2.7% (reported by Priya Nair from Slack, 15 Dec)' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Note: ', marks: [{ type: 'em' }] }, { type: 'text', text: 'Mostly *returning* [customers|http://evil.example] {code}' }] },
      ],
    });
  });

  it('on Data Center, escapes wiki markup in what a person typed', () => {
    const wiki = renderWikiOutcome(RECORD);
    expect(wiki.split('\n\n')[0]).toBe('*Outcome:* target hit — checkout conversion 2.7% (reported by Priya Nair from Slack, 15 Dec)');
    expect(wiki).not.toContain('[customers|http');
    expect(wiki).not.toMatch(/(?<!\\)\{code\}/);
    expect(wiki).not.toMatch(/(?<![\\&#\d;])\*returning\*/);
  });

  it('without a value, names the promise; "not measured" says so', () => {
    const missed = renderAdfOutcome({ ...RECORD, answer: 'not-measured', measured: null, note: null });
    expect(missed.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Outcome: ', marks: [{ type: 'strong' }] }, { type: 'text', text: 'not measured — promised checkout conversion from 2.1% to 2.6% within 6 weeks (reported by Priya Nair from Slack, 15 Dec)' }] },
    ]);
  });

  it('the issue property is the structured answer', () => {
    expect(outcomeProperty(RECORD)).toEqual({
      version: 1,
      outcome: 'hit',
      measured: '2.7%',
      note: RECORD.note,
      promise: CONVERSION,
      shippedAt: '2026-11-03T10:00:00.000Z',
      answeredAt: '2026-12-15T10:00:00.000Z',
      answeredBy: { slackUserId: 'U1', jiraAccountId: 'acc-priya' },
    });
  });
});

describe('promise text, one-line input and durations', () => {
  it('says the promise as a person would', () => {
    expect(promiseText(CONVERSION)).toBe('checkout conversion from 2.1% to 2.6% within 6 weeks');
    expect(promiseText({ ...CONVERSION, baseline: null, target: 3, kind: 'change', timeframe: null })).toBe('checkout conversion +3%');
    expect(promiseText({ ...CONVERSION, name: 'time to checkout', baseline: null, target: -20, kind: 'change', unit: 'seconds', timeframe: null })).toBe('time to checkout -20 seconds');
    expect(promiseText({ ...CONVERSION, name: 'support tickets', baseline: null, target: null, kind: 'relative', relative: 'halve', unit: null })).toBe('support tickets halve within 6 weeks');
  });

  it('keeps one bounded line of what was typed', () => {
    expect(oneLine('  a\nb\u0000c  ', 40)).toBe('a b c');
    expect(oneLine('x'.repeat(300), 200)).toHaveLength(200);
    expect(oneLine('   ', 10)).toBeNull();
  });

  it('reads durations as centric.yml writes them', () => {
    expect(durationMs('0d')).toBe(0);
    expect(durationMs('4w')).toBe(28 * 86_400_000);
    expect(durationMs('36h')).toBe(36 * 3_600_000);
    expect(() => durationMs('soon')).toThrow('not a duration: "soon" (expected e.g. 4w, 3d, 36h)');
  });
});
