import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { chartPng, chartSvg } from '../../src/charts/render.js';
import { rulePassSpec, scoreBands, scoreDistributionSpec } from '../../src/core/charts/audit.js';
import { PALETTE } from '../../src/core/charts/palette.js';
import { trendSpec } from '../../src/core/charts/trend.js';
import { QUESTIONS, type PeriodStats } from '../../src/core/digest.js';
import type { Locale } from '../../src/core/i18n/locales.js';
import { trendChart, trendTitle } from '../../src/slack/chart.js';

const WEEK = 7 * 86_400_000;
const START = Date.UTC(2026, 8, 7); // a Monday

const period = (i: number, score: number | null, hitRate: number | null = null): PeriodStats => ({
  start: START + i * WEEK,
  tickets: score === null ? 0 : 5,
  score,
  shares: Object.fromEntries(QUESTIONS.map((q, k) => [q.id, score === null ? null : Math.min(1, (score + k * 3) / 100)])),
  hitRate,
});
const SCORES = [null, 40, 45, 52, null, 60, 61, 70, 72, 75, 80, 84];
const RATES = [null, null, null, null, null, null, null, 0.5, null, 1, 0.67, 0.75];
const trend = (rates = false) => SCORES.map((s, i) => period(i, s, rates ? RATES[i]! : null));
const spec = (locale: Locale = 'en', periods = trend(), scope = 'SHOP', timeZone?: string) => trendSpec({ scope, trend: periods, questionIds: QUESTIONS.map((q) => q.id), locale, timeZone });

/** Pixels of a colour, within a small tolerance for anti-aliasing. */
function pixelsOf(png: PNG, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) if (Math.abs(png.data[i]! - r!) < 8 && Math.abs(png.data[i + 1]! - g!) < 8 && Math.abs(png.data[i + 2]! - b!) < 8) count++;
  return count;
}
const notWhite = (png: PNG) => {
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 240 || png.data[i + 1]! < 240 || png.data[i + 2]! < 240) count++;
  return count;
};
/** The visible text of an SVG: what its <text> elements say. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe('the digest trend chart', () => {
  it('is a PNG for Slack, sized for a high-density screen, with the score line drawn thick in its colour', async () => {
    const png = PNG.sync.read(await trendChart('SHOP', trend(true), { locale: 'en', timeZone: 'UTC' }));
    expect(png.width).toBeGreaterThan(1_500);
    expect(png.width).toBeLessThan(2_000);
    expect(png.height).toBeGreaterThan(800);
    expect(png.height).toBeLessThan(1_200);
    expect(notWhite(png)).toBeGreaterThan(40_000);
    // The title's letters: dark pixels in the top band (no font, no text: resvg draws none, silently).
    let dark = 0;
    for (let y = 0; y < 70; y++) for (let x = 0; x < png.width; x++) { const i = (y * png.width + x) * 4; if (png.data[i]! < 80 && png.data[i + 1]! < 80 && png.data[i + 2]! < 80) dark++; }
    expect(dark).toBeGreaterThan(3_000);
    expect(pixelsOf(png, PALETTE.score)).toBeGreaterThan(5_000);
    expect(pixelsOf(png, PALETTE.why)).toBeGreaterThan(1_000);
  });

  it('has a title, a dated x axis, a 0-100 y axis and a legend drawn in', async () => {
    const shown = texts(await chartSvg(spec()));
    expect(shown).toContain('Customer-centricity of SHOP, last 12 weeks');
    expect(shown).toContain('Week starting');
    expect(shown).toContain('Score and share of tickets (%)');
    expect(shown.filter((t) => /^(Sep|Oct|Nov) \d+$/.test(t))).toEqual(['Sep 7', 'Sep 14', 'Sep 21', 'Sep 28', 'Oct 5', 'Oct 12', 'Oct 19', 'Oct 26', 'Nov 2', 'Nov 9', 'Nov 16', 'Nov 23']);
    expect(shown).toEqual(expect.arrayContaining(['0', '50', '100']));
    expect(shown).toEqual(expect.arrayContaining(['Score (0–100)', 'Who: a specific persona', 'What: a story', 'Why: a benefit', 'How will we know: a metric', 'What will they see: visuals', 'Acceptance criteria']));
  });

  it('leaves a gap for a week without tickets instead of drawing through it', async () => {
    const svg = await chartSvg(spec());
    const score = svg.match(/<path[^>]*aria-roledescription="line mark" d="([^"]+)" stroke="#0072B2" stroke-width="4"/);
    // Weeks 2-4, then 6-12 (week 1 and 5 had no tickets): two runs of the line.
    expect(score?.[1]?.match(/M/g)).toHaveLength(2);
  });

  it('draws the outcome hit rate, dashed and in the legend, only when a week has one', async () => {
    const withRates = await chartSvg(spec('en', trend(true)));
    expect(texts(withRates)).toContain('Outcome hit rate');
    expect(withRates).toMatch(/stroke="#000000"[^>]*stroke-dasharray="6,4"|stroke-dasharray="6,4"[^>]*stroke="#000000"/);
    expect(texts(await chartSvg(spec()))).not.toContain('Outcome hit rate');
  });

  it('says so when no week had tickets, instead of an empty frame', async () => {
    const png = PNG.sync.read(await chartPng(spec('en', SCORES.map((_, i) => period(i, null)))));
    expect(pixelsOf(png, PALETTE.score)).toBeLessThan(1_000); // the legend's swatch only (a drawn score line is over 5,000)
    expect(texts(await chartSvg(spec('en', SCORES.map((_, i) => period(i, null)))))).toContain('No tickets were linted in these weeks.');
  });

  it('speaks the reader’s language, dates included', async () => {
    const shown = texts(await chartSvg(spec('de')));
    expect(shown).toContain('Kundenorientierung von SHOP, letzte 12 Wochen');
    expect(shown).toContain('Woche ab');
    expect(shown).toContain('7. Sept.');
    expect(texts(await chartSvg(spec('fr')))).toContain('7 sept.');
  });

  it('dates each week in the subscription’s timezone', async () => {
    // Monday 00:00 UTC is still Sunday in New York.
    expect(texts(await chartSvg(spec('en', trend(), 'SHOP', 'America/New_York')))).toContain('Sep 6');
  });

  it('shows a JQL scope as text, never as markup, and cuts a long one', async () => {
    const svg = await chartSvg(spec('en', trend(), 'summary ~ "<script>x</script>" AND project = SHOP'));
    expect(svg).not.toContain('<script');
    expect(texts(svg).find((t) => t.startsWith('Customer-centricity of'))).toBe('Customer-centricity of summary ~ "&lt;script&gt;x&lt;/script&gt;" …, last 12 weeks');
  });

  it('has a file title for Slack in the reader’s language', () => {
    expect(trendTitle('SHOP', trend(), 'en')).toBe('Customer-centricity of SHOP, last 12 weeks');
    expect(trendTitle('SHOP', trend(), 'de')).toBe('Kundenorientierung von SHOP, letzte 12 Wochen');
  });

  it('keeps its width when the scope is long, and slants long week labels', async () => {
    const long = PNG.sync.read(await chartPng(spec('pt', trend(), 'project = SHOP AND labels in (checkout, payments) AND sprint in openSprints()')));
    const short = PNG.sync.read(await chartPng(spec('pt')));
    expect(short.width).toBeLessThan(1_700);
    // The scope is cut: the title widens the image a little, not by the length of the JQL.
    expect(long.width).toBeLessThan(short.width * 1.15);
    const svg = await chartSvg(spec('pt'));
    expect(svg).toMatch(/<text text-anchor="end" transform="translate\([^)]*\) rotate\(325\)[^"]*"[^>]*>12 de out\.<\/text>/);
  });
});

describe('the audit charts', () => {
  it('count scores in ten bands, 100 in the last', () => {
    expect(scoreBands([0, 9, 10, 55, 99, 100, 100])).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 3]);
  });

  it('draw the score distribution with a count over each band', async () => {
    const svg = await chartSvg(scoreDistributionSpec([5, 12, 55, 61, 83, 90, 100, 100, 47, 75], 'en'));
    const shown = texts(svg);
    expect(shown).toContain('Score distribution of 10 tickets');
    expect(shown).toEqual(expect.arrayContaining(['0–9', '90–100', 'Score', 'Tickets']));
    expect(texts(await chartSvg(scoreDistributionSpec([50], 'en')))).toContain('Score distribution of 1 ticket');
    const png = PNG.sync.read(await chartPng(scoreDistributionSpec([5, 12, 55, 61, 83, 90, 100, 100, 47, 75], 'en')));
    expect(pixelsOf(png, '#009E73')).toBeGreaterThan(2_000);
    expect(pixelsOf(png, '#D55E00')).toBeGreaterThan(2_000);
  });

  it('draw each rule’s pass rate as a bar with its share, per locale', async () => {
    const rules = [{ rule: 'story-format', share: 0.8 }, { rule: 'customer-metric', share: 0 }];
    expect(texts(await chartSvg(rulePassSpec(rules, 'en')))).toEqual(expect.arrayContaining(['story-format', 'customer-metric', '80%', '0%', 'Share of tickets passing each rule']));
    expect(texts(await chartSvg(rulePassSpec(rules, 'de')))).toEqual(expect.arrayContaining(['80\u00a0%', 'Anteil der Tickets, die jede Regel erfüllen']));
  });
});

describe('the chart the README shows', () => {
  it('is docs/digest-trend.png as the chart module draws it today (npm run docs:chart redraws it)', async () => {
    const { readFileSync } = await import('node:fs');
    const { exampleTrend } = await import('../../src/demo/chart-example.js');
    const drawn = PNG.sync.read(await trendChart('SHOP', exampleTrend(), { locale: 'en', timeZone: 'Europe/Berlin' }));
    const kept = PNG.sync.read(readFileSync('docs/digest-trend.png'));
    expect([kept.width, kept.height], 'docs/digest-trend.png is out of date: run npm run docs:chart').toEqual([drawn.width, drawn.height]);
    // Pixel by pixel, with room for another platform's anti-aliasing: under 0.5% may differ.
    let differ = 0;
    for (let i = 0; i < kept.data.length; i += 4) if ([0, 1, 2].some((c) => Math.abs(kept.data[i + c]! - drawn.data[i + c]!) > 32)) differ++;
    expect(differ / (kept.width * kept.height), 'docs/digest-trend.png is out of date: run npm run docs:chart').toBeLessThan(0.005);
    expect(readFileSync('README.md', 'utf8')).toContain('![');
    expect(readFileSync('README.md', 'utf8')).toContain('(docs/digest-trend.png)');
  });
});
