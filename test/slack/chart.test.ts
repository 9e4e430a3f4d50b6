import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { QUESTIONS, type PeriodStats } from '../../src/core/digest.js';
import { CHART, HIT_RATE, trendChart } from '../../src/slack/chart.js';

const period = (i: number, score: number | null, hitRate: number | null = null): PeriodStats => ({
  start: i,
  tickets: score === null ? 0 : 5,
  score,
  shares: Object.fromEntries(QUESTIONS.map((q, k) => [q.id, score === null ? null : ((score + k * 7) % 100) / 100])),
  hitRate,
});

/** Pixels of the hit rate's colour. */
function hitRatePixels(png: PNG): number {
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === HIT_RATE[0] && png.data[i + 1] === HIT_RATE[1] && png.data[i + 2] === HIT_RATE[2]) count++;
  return count;
}

describe('the trend chart', () => {
  it('is a valid PNG of the declared size with the data drawn on it', () => {
    const trend = [null, 40, 45, 52, null, 60, 61, 70, 72, 75, 80, 84].map((s, i) => period(i, s));
    const png = PNG.sync.read(trendChart(trend, QUESTIONS.map((q) => q.id)));
    expect([png.width, png.height]).toEqual([CHART.width, CHART.height]);
    let coloured = 0;
    let score = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (r < 240 || g < 240 || b < 240) coloured++;
      if (r === 29 && g === 53 && b === 87) score++;
    }
    expect(coloured).toBeGreaterThan(5_000);
    expect(score).toBeGreaterThan(1_000);
  });

  it('is blank but for the axes when there is no data', () => {
    const png = PNG.sync.read(trendChart([period(0, null), period(1, null)], QUESTIONS.map((q) => q.id)));
    let score = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === 29 && png.data[i + 1] === 53) score++;
    expect(score).toBe(0);
  });

  it('draws the outcome hit rate as a second series when a period has one, and nothing of it otherwise', () => {
    const scores = [null, 40, 45, 52, null, 60, 61, 70, 72, 75, 80, 84];
    const rates = [null, null, null, null, null, null, null, 0.5, null, 1, 0.67, 0.75];
    const withRates = PNG.sync.read(trendChart(scores.map((s, i) => period(i, s, rates[i]!)), QUESTIONS.map((q) => q.id)));
    expect(hitRatePixels(withRates)).toBeGreaterThan(500);
    const without = PNG.sync.read(trendChart(scores.map((s, i) => period(i, s)), QUESTIONS.map((q) => q.id)));
    expect(hitRatePixels(without)).toBe(0);
  });
});
