import type { MetricPromise } from '../metric/promise.js';

/** "2.1%", "200 ms", "3 points": a unit that is a word stands apart from its number. */
const withUnit = (value: number, unit: string | null): string => (unit ? `${value}${/^\p{L}/u.test(unit) ? ' ' : ''}${unit}` : String(value));

/** The target as a person says it: "from 2.1% to 2.6%", "+3%", "to 40", "halve". */
function targetText(p: MetricPromise): string | null {
  if (p.kind === 'relative') return p.relative;
  if (p.target === null) return null;
  if (p.baseline !== null) return `from ${withUnit(p.baseline, p.unit)} to ${withUnit(p.target, p.unit)}`;
  if (p.kind === 'change') return `${p.target > 0 ? '+' : ''}${withUnit(p.target, p.unit)}`;
  return `to ${withUnit(p.target, p.unit)}`;
}

/** The promise in one line: "checkout conversion from 2.1% to 2.6% within 6 weeks". Plain text: the adapter escapes it. */
export function promiseText(p: MetricPromise): string {
  return [p.name, targetText(p), p.timeframe].filter((part): part is string => !!part).join(' ');
}
