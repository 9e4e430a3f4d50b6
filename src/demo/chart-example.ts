/**
 * The digest trend the README shows (docs/digest-trend.png): fixed, made-up weeks of a team that
 * got better at personas and metrics, one quiet week, outcomes reviewed from week 8.
 */
import { QUESTIONS, type PeriodStats } from '../core/digest.js';

const WEEK = 7 * 86_400_000;
const START = Date.UTC(2026, 8, 7);
const SCORES = [48, 52, 55, 51, null, 60, 64, 66, 71, 74, 78, 81];
const HIT_RATES = [null, null, null, null, null, null, null, 0.5, 0.5, 0.67, 0.6, 0.71];
/** Each question's share climbs at its own pace: who and what early, how (the metric) last. */
const PACE: Record<string, [number, number]> = { who: [0.55, 0.92], what: [0.8, 0.97], why: [0.5, 0.85], how: [0.15, 0.62], see: [0.3, 0.7], done: [0.6, 0.88] };

export function exampleTrend(): PeriodStats[] {
  return SCORES.map((score, i) => ({
    start: START + i * WEEK,
    tickets: score === null ? 0 : 6 + (i % 4),
    score,
    shares: Object.fromEntries(QUESTIONS.map((q) => {
      const [from, to] = PACE[q.id]!;
      return [q.id, score === null ? null : Math.round((from + ((to - from) * i) / 11) * 100) / 100];
    })),
    hitRate: HIT_RATES[i]!,
  }));
}

