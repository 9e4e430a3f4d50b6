import { describe, expect, it } from 'vitest';
import { buildDigest, QUESTIONS } from '../../src/core/digest.js';
import type { OutcomeAnswer } from '../../src/core/outcome/outcome.js';
import { outcomeListing, outcomeStats, reviewState, type ReviewDetail, type ReviewFact } from '../../src/core/outcome/stats.js';
import { renderDigestMarkdown } from '../../src/core/render/digest-markdown.js';
import { digestMessage } from '../../src/slack/views/digest.js';
import { limitProblems } from '../../src/slack/views/limits.js';

const WEEK = 7 * 86_400_000;
const END = Date.parse('2026-11-23T08:00:00Z');
const at = (weeksAgo: number, hours = 1) => END - weeksAgo * WEEK + hours * 3_600_000;

const answered = (key: string, role: string | null, outcome: OutcomeAnswer, when: number): ReviewFact => ({ key, role, status: 'answered', outcome, shippedAt: when - 4 * WEEK, answeredAt: when, remindedAt: null });
const waiting = (key: string, status: string, shippedAt: number, remindedAt: number | null = null): ReviewFact => ({ key, role: 'gift buyer', status, outcome: null, shippedAt, answeredAt: null, remindedAt });

/** The example: 1 of 1 hit this week, 67% over 12 weeks, SHOP-3 and SHOP-9 overdue, gift buyer 2/2 and ward nurse 0/1. */
const REVIEWS: ReviewFact[] = [
  answered('SHOP-1', 'gift buyer', 'hit', at(1)),
  answered('SHOP-2', 'gift buyer', 'hit', at(3)),
  answered('SHOP-4', 'ward nurse', 'missed', at(5)),
  // Not measured: reviewed, and left out of every hit rate.
  answered('SHOP-5', 'ward nurse', 'not-measured', at(2)),
  answered('SHOP-6', null, 'not-measured', at(4)),
  // Reminded and still unanswered: overdue, the longest waiting first.
  waiting('SHOP-9', 'asked', at(6), at(1)),
  waiting('SHOP-3', 'asked', at(8), at(2)),
  // Out of the 12 weeks, after the period, cancelled or undeliverable: not counted.
  answered('SHOP-7', 'gift buyer', 'missed', at(13)),
  answered('SHOP-10', 'gift buyer', 'missed', END + 1),
  waiting('SHOP-8', 'cancelled', at(3)),
  waiting('SHOP-11', 'undeliverable', at(3)),
];

const generic = (role: string) => role === 'user';
const digestWith = (reviews?: ReviewFact[]) => buildDigest({ end: END, periodMs: WEEK, history: [], facts: [], isGenericRole: generic, readyStatuses: [], ...(reviews ? { reviews } : {}) });
const browse = (k: string) => `https://acme.atlassian.net/browse/${k}`;

describe('outcome stats', () => {
  it('tells pending, overdue, answered and closed reviews apart', () => {
    expect(reviewState(waiting('A-1', 'scheduled', 0))).toBe('pending');
    expect(reviewState(waiting('A-1', 'sending:w1', 0))).toBe('pending');
    expect(reviewState(waiting('A-1', 'asked', 0))).toBe('pending');
    expect(reviewState(waiting('A-1', 'asked', 0, 5))).toBe('overdue');
    expect(reviewState(answered('A-1', null, 'missed', 0))).toBe('answered');
    expect(reviewState(waiting('A-1', 'cancelled', 0))).toBe('closed');
    expect(reviewState(waiting('A-1', 'undeliverable', 0))).toBe('closed');
  });

  it('counts this period, the hit rate over 12 periods (not measured left out), overdue, pending and personas', () => {
    const stats = outcomeStats({ reviews: [...REVIEWS, waiting('SHOP-12', 'scheduled', at(1))], end: END, periodMs: WEEK })!;
    expect(stats.period).toEqual({ hit: 1, missed: 0, notMeasured: 0, hitRate: 1 });
    expect(stats.overall).toEqual({ hit: 2, missed: 1, notMeasured: 2, hitRate: 2 / 3 });
    expect(stats.overdue).toEqual(['SHOP-3', 'SHOP-9']);
    expect(stats.pending).toBe(1);
    expect(stats.personas).toEqual([
      { role: 'gift buyer', hit: 2, missed: 0, notMeasured: 0, hitRate: 1 },
      { role: 'ward nurse', hit: 0, missed: 1, notMeasured: 1, hitRate: 0 },
    ]);
  });

  it('keeps the hit rate of each of the 12 periods, oldest first, null where nothing was hit or missed', () => {
    const stats = outcomeStats({ reviews: REVIEWS, end: END, periodMs: WEEK })!;
    expect(stats.trend).toHaveLength(12);
    expect(stats.trend[0]!.start).toBe(END - 12 * WEEK);
    expect(stats.trend.map((p) => p.hitRate)).toEqual([null, null, null, null, null, null, null, 0, null, 1, null, 1]);
    expect(stats.trend[10]).toMatchObject({ notMeasured: 1, hitRate: null });
  });

  it('is null when no review waits and none was answered in the periods', () => {
    expect(outcomeStats({ reviews: [], end: END, periodMs: WEEK })).toBeNull();
    expect(outcomeStats({ reviews: [answered('SHOP-7', 'x', 'hit', at(13)), waiting('SHOP-8', 'cancelled', at(1))], end: END, periodMs: WEEK })).toBeNull();
  });

  it('has no hit rate when only "not measured" was answered', () => {
    const stats = outcomeStats({ reviews: [answered('SHOP-5', 'ward nurse', 'not-measured', at(1))], end: END, periodMs: WEEK })!;
    expect(stats.period).toEqual({ hit: 0, missed: 0, notMeasured: 1, hitRate: null });
    expect(stats.overall.hitRate).toBeNull();
    expect(stats.personas).toEqual([]);
  });

  it('lists overdue, pending and answered outcomes since a date, with their hit rate', () => {
    const detail = (f: ReviewFact, extra: Partial<ReviewDetail> = {}): ReviewDetail => ({ ...f, summary: f.key, promise: null, measured: null, note: null, answeredBy: null, dueAt: f.shippedAt + 4 * WEEK, askedAt: null, ...extra });
    const listing = outcomeListing(
      [...REVIEWS.map((r) => detail(r)), detail(waiting('SHOP-12', 'scheduled', at(1)), { dueAt: at(-3) }), detail(waiting('SHOP-13', 'asked', at(6)), { dueAt: at(1) })],
      at(4, 0),
    );
    expect(listing.overdue.map((r) => r.key)).toEqual(['SHOP-3', 'SHOP-9']);
    expect(listing.pending.map((r) => r.key)).toEqual(['SHOP-13', 'SHOP-12']);
    // Answered since: the latest first (SHOP-10 is after END, yet answered: listed).
    expect(listing.answered.map((r) => r.key)).toEqual(['SHOP-10', 'SHOP-1', 'SHOP-5', 'SHOP-2', 'SHOP-6']);
    expect(listing.tally).toEqual({ hit: 2, missed: 1, notMeasured: 2, hitRate: 2 / 3 });
  });
});

describe('outcomes in the digest', () => {
  it('has no outcomes section and no hit rate without reviews, or when none counts', () => {
    for (const digest of [digestWith(), digestWith([]), digestWith([waiting('SHOP-8', 'cancelled', at(1))])]) {
      expect(digest.outcomes).toBeUndefined();
      expect(digest.trend.every((p) => p.hitRate === null)).toBe(true);
      expect(digest.period.hitRate).toBeNull();
      const message = digestMessage({ title: 'SHOP', digest, browse, late: false, questions: QUESTIONS });
      expect(JSON.stringify(message)).not.toContain('Outcomes');
      expect(renderDigestMarkdown(digest, 'SHOP')).not.toContain('Outcomes');
    }
  });

  it('carries the outcome stats, and the hit rate of each period in the trend', () => {
    const digest = digestWith(REVIEWS);
    expect(digest.outcomes).toEqual(outcomeStats({ reviews: REVIEWS, end: END, periodMs: WEEK }));
    expect(digest.trend.map((p) => p.hitRate)).toEqual(digest.outcomes!.trend.map((p) => p.hitRate));
    expect(digest.period.hitRate).toBe(1);
    expect(digest.trend.at(-1)).toEqual(digest.period);
    expect(digest.trend.at(-2)).toEqual(digest.previous);
  });

  it('shows one Outcomes line in Slack: this week, 12 weeks, overdue (linked), personas', () => {
    const message = digestMessage({ title: 'SHOP', digest: digestWith(REVIEWS), browse, late: false, questions: QUESTIONS });
    expect(limitProblems(message)).toEqual([]);
    const section = message.blocks.find((b) => b.type === 'section' && String(b.text.text).startsWith('*Outcomes:*'));
    expect(section!.text.text).toBe(
      '*Outcomes:* 1 of 1 hit (100%) this week; hit rate over 12 weeks 67%; 2 overdue: <https://acme.atlassian.net/browse/SHOP-3|SHOP-3>, <https://acme.atlassian.net/browse/SHOP-9|SHOP-9>; who did we help: gift buyer 2/2, ward nurse 0/1',
    );
    expect(message.text.split('\n')).toContain('Outcomes: 1 of 1 hit (100%) this week; hit rate over 12 weeks 67%; 2 overdue: SHOP-3, SHOP-9; who did we help: gift buyer 2/2, ward nurse 0/1');
  });

  it('says what this week had when nothing was hit or missed, and counts what waits', () => {
    const reviews = [answered('SHOP-5', 'ward nurse', 'not-measured', at(1)), answered('SHOP-4', 'ward nurse', 'missed', at(2)), waiting('SHOP-12', 'scheduled', at(1)), waiting('SHOP-13', 'asked', at(1))];
    const message = digestMessage({ title: 'SHOP', digest: digestWith(reviews), browse, late: false, questions: QUESTIONS });
    expect(message.text.split('\n')).toContain('Outcomes: 1 not measured this week; hit rate over 12 weeks 0%; 2 pending; who did we help: ward nurse 0/1');
    const quiet = digestMessage({ title: 'SHOP', digest: digestWith([waiting('SHOP-12', 'scheduled', at(1))]), browse, late: false, questions: QUESTIONS });
    expect(quiet.text.split('\n')).toContain('Outcomes: none reviewed this week; 1 pending');
  });

  it('escapes personas in Slack and in markdown, and mentions nobody', () => {
    const reviews = [answered('SHOP-1', '<!channel> & <@U1|boss>', 'hit', at(1)), answered('SHOP-2', '*bold* [x](https://evil)', 'missed', at(1))];
    const digest = digestWith(reviews);
    const message = digestMessage({ title: 'SHOP', digest, browse, late: false, questions: QUESTIONS });
    const all = JSON.stringify(message);
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<@U1');
    expect(message.text.split('\n')).toContain('Outcomes: 1 of 2 hit (50%) this week; hit rate over 12 weeks 50%; who did we help: &lt;!channel&gt; &amp; &lt;@U1|boss&gt; 1/1, *bold* [x](https://evil) 0/1');
    expect(renderDigestMarkdown(digest, 'SHOP')).toContain('**Outcomes:** 1 of 2 hit (50%) this period; hit rate over 12 periods 50%; who did we help: \\<!channel\\> & \\<@U1\\|boss\\> 1/1, \\*bold\\* \\[x\\](https://evil) 0/1\n');
  });

  it('names at most 8 overdue tickets and cuts long personas in Slack', () => {
    const reviews = [...Array.from({ length: 11 }, (_, i) => waiting(`SHOP-${i + 1}`, 'asked', at(12 - i), at(1))), answered('SHOP-99', 'x'.repeat(500), 'hit', at(1))];
    const message = digestMessage({ title: 'SHOP', digest: digestWith(reviews), browse, late: false, questions: QUESTIONS });
    const line = message.text.split('\n').find((l) => l.startsWith('Outcomes:'))!;
    expect(line).toContain('11 overdue: SHOP-1, SHOP-2, SHOP-3, SHOP-4, SHOP-5, SHOP-6, SHOP-7, SHOP-8, and 3 more;');
    expect(line).toContain(`who did we help: ${'x'.repeat(59)}… 1/1`);
  });

  it('shows the same line in markdown, per period', () => {
    expect(renderDigestMarkdown(digestWith(REVIEWS), 'SHOP')).toContain('**Outcomes:** 1 of 1 hit (100%) this period; hit rate over 12 periods 67%; 2 overdue: SHOP-3, SHOP-9; who did we help: gift buyer 2/2, ward nurse 0/1\n');
  });
});
