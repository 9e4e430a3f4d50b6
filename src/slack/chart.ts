import { createRequire } from 'node:module';
import type { PNG } from 'pngjs';
import type { PeriodStats } from '../core/digest.js';

export const CHART = { width: 960, height: 400, margin: 40 };

/** What the colours mean (the PNG carries no text): posted with the chart. */
export const CHART_LEGEND =
  'Last 12 weeks, oldest on the left, 0-100: score (thick, dark blue); who (red), what (green), why (yellow), how will we know (orange), what will they see (blue), acceptance criteria (purple); outcome hit rate (black), when outcomes were reviewed.';

type Rgb = [number, number, number];
/** Score in dark blue, thick; the six questions in lighter colours. */
const SCORE: Rgb = [29, 53, 87];
const QUESTION_COLOURS: Rgb[] = [[230, 57, 70], [42, 157, 143], [233, 196, 106], [244, 162, 97], [69, 123, 157], [131, 56, 236]];
const AXIS: Rgb = [160, 160, 160];
/** The outcome hit rate: black, so it stands apart from the score and the questions. */
export const HIT_RATE: Rgb = [0, 0, 0];

function plot(png: PNG, x: number, y: number, [r, g, b]: Rgb, size: number): void {
  for (let dx = -size; dx <= size; dx++) {
    for (let dy = -size; dy <= size; dy++) {
      const px = Math.round(x + dx);
      const py = Math.round(y + dy);
      if (px < 0 || py < 0 || px >= png.width || py >= png.height) continue;
      const i = (py * png.width + px) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
}

function line(png: PNG, x0: number, y0: number, x1: number, y1: number, colour: Rgb, size: number): void {
  const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
  for (let s = 0; s <= steps; s++) plot(png, x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps, colour, size);
}

/**
 * The trend of the last periods as a PNG: the score (0-100) and each question's share (0-100%)
 * per period, oldest on the left; and the outcome hit rate (0-100%) when any period has one.
 * Periods without tickets (or without a rated outcome) leave a gap.
 */
export function trendChart(trend: PeriodStats[], questionIds: string[]): Buffer {
  const { width, height, margin } = CHART;
  // Loaded when a digest draws its chart, not when the bot starts.
  const { PNG: Png } = createRequire(import.meta.url)('pngjs') as typeof import('pngjs');
  const png = new Png({ width, height });
  png.data.fill(255);
  line(png, margin, margin, margin, height - margin, AXIS, 0);
  line(png, margin, height - margin, width - margin, height - margin, AXIS, 0);
  for (const level of [25, 50, 75, 100]) {
    const y = height - margin - ((height - 2 * margin) * level) / 100;
    for (let x = margin; x < width - margin; x += 6) plot(png, x, y, [225, 225, 225], 0);
  }
  const x = (i: number) => margin + ((width - 2 * margin) * i) / Math.max(1, trend.length - 1);
  const y = (value: number) => height - margin - ((height - 2 * margin) * value) / 100;
  const series = (values: Array<number | null>, colour: Rgb, size: number) => {
    values.forEach((v, i) => {
      if (v === null) return;
      plot(png, x(i), y(v), colour, size + 2);
      const next = values[i + 1];
      if (next !== null && next !== undefined) line(png, x(i), y(v), x(i + 1), y(next), colour, size);
    });
  };
  questionIds.forEach((id, q) => series(trend.map((p) => (p.shares[id] === null || p.shares[id] === undefined ? null : p.shares[id]! * 100)), QUESTION_COLOURS[q % QUESTION_COLOURS.length]!, 0));
  series(trend.map((p) => p.score), SCORE, 2);
  // Drawn last, over the score: few periods have one, and each point is worth seeing.
  if (trend.some((p) => p.hitRate !== null && p.hitRate !== undefined)) series(trend.map((p) => (p.hitRate === null || p.hitRate === undefined ? null : p.hitRate * 100)), HIT_RATE, 1);
  return Png.sync.write(png);
}
