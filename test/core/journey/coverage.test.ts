import { describe, expect, it } from 'vitest';
import { buildDigest, QUESTIONS, type LintRecord } from '../../../src/core/digest.js';
import { coverageLines, periodsKnown } from '../../../src/core/journey/coverage.js';
import { renderDigestMarkdown } from '../../../src/core/render/digest-markdown.js';
import { digestMessage } from '../../../src/slack/views/digest.js';

const WEEK = 7 * 86_400_000;
const END = Date.parse('2026-11-30T08:00:00Z');
const STAGES = ['Discover', 'Buy', 'Receive', 'Get help'];
/** A lint `weeksAgo` weeks before the digest's end (0: this week). */
const lint = (key: string, stage: string | null, score: number, weeksAgo = 0): LintRecord => ({
  key, score, role: 'gift buyer', failedRules: [], lintedAt: END - weeksAgo * WEEK - 1_000, journeyStage: stage,
});
const digestOf = (history: LintRecord[], journey: { stages: string[]; quietPeriods: number } | null = { stages: STAGES, quietPeriods: 4 }) =>
  buildDigest({ end: END, periodMs: WEEK, history, facts: [], isGenericRole: () => false, readyStatuses: [], trendPeriods: 12, journey });

const HISTORY = [
  lint('SHOP-1', 'Buy', 80),
  lint('SHOP-2', 'Buy', 60),
  // Linted twice this week: its latest lint counts, once.
  lint('SHOP-3', 'Buy', 40, 0.5),
  lint('SHOP-3', 'Discover', 70),
  lint('SHOP-4', null, 50),
  lint('SHOP-5', 'Receive', 90, 5),
  lint('SHOP-6', 'Buy', 100, 11),
  // Older than the 12 weeks: not counted.
  lint('SHOP-7', 'Get help', 30, 12),
  // A stage the journey no longer declares: in no stage.
  lint('SHOP-8', 'Checkout', 20, 2),
];

describe('journey coverage in the digest', () => {
  it('counts stories per stage this period and over 12 periods, with their scores and the quiet stages', () => {
    const d = digestOf(HISTORY);
    const trend = (counts: Record<number, number>) => Array.from({ length: 12 }, (_, i) => counts[11 - i] ?? 0);
    expect(d.journey).toEqual({
      quietPeriods: 4,
      unassigned: 1,
      stages: [
        { stage: 'Discover', period: 1, trend: trend({ 0: 1 }), total: 1, score: 70, trendScore: 70, quiet: false },
        { stage: 'Buy', period: 2, trend: trend({ 0: 2, 11: 1 }), total: 3, score: 70, trendScore: 80, quiet: false },
        { stage: 'Receive', period: 0, trend: trend({ 5: 1 }), total: 1, score: null, trendScore: 90, quiet: true },
        { stage: 'Get help', period: 0, trend: trend({}), total: 0, score: null, trendScore: null, quiet: true },
      ],
    });
  });

  it('calls a stage quiet only after quietPeriods periods without a story', () => {
    const d = digestOf(HISTORY, { stages: STAGES, quietPeriods: 6 });
    expect(d.journey!.stages.filter((s) => s.quiet).map((s) => s.stage)).toEqual(['Get help']);
  });

  it('calls no stage quiet before the history reaches back quietPeriods periods: earlier periods are unknown, not quiet', () => {
    const quiet = (history: LintRecord[]) => digestOf(history).journey!.stages.filter((s) => s.quiet).map((s) => s.stage);
    // Only this week's lints (a new team, or a digest read from Jira): nothing is known of the weeks before.
    expect(quiet([lint('SHOP-1', 'Buy', 80)])).toEqual([]);
    expect(coverageLines(digestOf([lint('SHOP-1', 'Buy', 80)]).journey!, { period: 'week', stage: (s) => s })).not.toContain('No work for Discover, Receive, Get help in 4 weeks');
    // The first lint three weeks ago: three weeks known.
    expect(quiet([lint('SHOP-2', null, 50, 2), lint('SHOP-1', 'Buy', 80)])).toEqual([]);
    // Four weeks ago (in the oldest of the four periods), or earlier than the trend: quiet.
    expect(quiet([lint('SHOP-2', null, 50, 3), lint('SHOP-1', 'Buy', 80)])).toEqual(['Discover', 'Receive', 'Get help']);
    expect(quiet([lint('SHOP-2', 'Buy', 50, 14), lint('SHOP-1', 'Buy', 80)])).toEqual(['Discover', 'Receive', 'Get help']);
  });

  it('counts the periods the history covers from its first lint', () => {
    expect(periodsKnown(null, END, WEEK, 12)).toBe(0);
    expect(periodsKnown(END - 1, END, WEEK, 12)).toBe(1);
    expect(periodsKnown(END - WEEK, END, WEEK, 12)).toBe(1);
    expect(periodsKnown(END - WEEK - 1, END, WEEK, 12)).toBe(2);
    expect(periodsKnown(END - 40 * WEEK, END, WEEK, 12)).toBe(12);
  });

  it('is absent when the journey has no stages', () => {
    expect(digestOf(HISTORY, { stages: [], quietPeriods: 4 })).not.toHaveProperty('journey');
    expect(digestOf(HISTORY, null)).not.toHaveProperty('journey');
  });

  it('reads as lines, the same in Slack and markdown', () => {
    expect(coverageLines(digestOf(HISTORY).journey!, { period: 'week', stage: (s) => s })).toEqual([
      'Discover: 1 this week, 1 over 12 weeks, score 70',
      'Buy: 2 this week, 3 over 12 weeks, score 80',
      'Receive: 0 this week, 1 over 12 weeks, score 90',
      'Get help: 0 this week, 0 over 12 weeks',
      'No work for Receive, Get help in 4 weeks',
      '1 story this week in no stage',
    ]);
  });

  it('shows in the markdown digest, stage names escaped', () => {
    const d = digestOf([lint('SHOP-1', 'Buy_*now*', 80)], { stages: ['Buy_*now*'], quietPeriods: 4 });
    expect(renderDigestMarkdown(d, 'SHOP')).toContain('**Journey coverage**\n- Buy\\_\\*now\\*: 1 this period, 1 over 12 periods, score 80\n\n');
    expect(renderDigestMarkdown(digestOf(HISTORY, null), 'SHOP')).not.toContain('Journey coverage');
  });

  it('shows in the Slack digest as a section and in the fallback text, stage names escaped', () => {
    const view = (digest: ReturnType<typeof digestOf>) => digestMessage({ title: 'SHOP', digest, browse: (k) => k, late: false, questions: QUESTIONS });
    const message = view(digestOf([...HISTORY, lint('SHOP-9', '<!channel>', 10)], { stages: [...STAGES, '<!channel>'], quietPeriods: 4 }));
    const section = message.blocks.find((b) => b.type === 'section' && b.text.text.startsWith('*Journey coverage*'));
    expect(section).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [
          '*Journey coverage*',
          '• Discover: 1 this week, 1 over 12 weeks, score 70',
          '• Buy: 2 this week, 3 over 12 weeks, score 80',
          '• Receive: 0 this week, 1 over 12 weeks, score 90',
          '• Get help: 0 this week, 0 over 12 weeks',
          '• &lt;!channel&gt;: 1 this week, 1 over 12 weeks, score 10',
          '• No work for Receive, Get help in 4 weeks',
          '• 1 story this week in no stage',
        ].join('\n'),
      },
    });
    expect(message.text).toContain('Journey coverage: Discover: 1 this week, 1 over 12 weeks, score 70; Buy: 2 this week');
    expect(view(digestOf(HISTORY, null)).blocks.some((b) => b.type === 'section' && b.text.text.includes('Journey coverage'))).toBe(false);
  });
});
