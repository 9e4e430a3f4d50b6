import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { periodMs, readMetricPromise } from '../../../src/core/metric/promise.js';

const read = (sentence: string) => readMetricPromise(sentence, compile(DEFAULT_CONFIG));

describe('readMetricPromise: a metric sentence as data', () => {
  it.each([
    ['Churn −2 points within a quarter.', { name: 'churn', direction: 'down', baseline: null, target: -2, kind: 'change', unit: 'points' }],
    ['Success: mobile checkout conversion from 2.1% to 2.6% within 6 weeks.', { name: 'checkout conversion', baseline: 2.1, target: 2.6 }],
    ['Checkout conversion from 2.1% to 2.6% within 6 weeks.', { name: 'checkout conversion', direction: 'up', baseline: 2.1, target: 2.6, kind: 'level', unit: '%', timeframe: 'within 6 weeks' }],
    ['Churn below 2% a month.', { name: 'churn', direction: 'down', baseline: null, target: 2, kind: 'level', unit: '%', timeframe: null }],
    ['Load time ≤ 2 s by Q3.', { name: 'load time', direction: 'down', target: 2, unit: 's', timeframe: 'by Q3' }],
    ['NPS +10 in Q3.', { name: 'NPS', direction: 'up', target: 10, kind: 'change', unit: null, timeframe: 'in Q3' }],
    ['Halve missed deliveries within 6 weeks.', { name: 'missed deliveries', direction: 'down', target: null, kind: 'relative', relative: 'Halve', timeframe: 'within 6 weeks' }],
    ['Abbruchquote von 12 % auf 8,5 % bis Q3.', { name: 'abbruchquote', direction: 'down', baseline: 12, target: 8.5, unit: '%', timeframe: 'bis Q3' }],
    ['Wiederkaufrate verdoppeln innerhalb von 8 Wochen.', { name: 'wiederkaufrate', direction: 'up', kind: 'relative', relative: 'verdoppeln', timeframe: 'innerhalb von 8 Wochen' }],
    ['Tasa de abandono del 30\u00a0% al 20\u00a0% en 3 meses.', { name: 'tasa de abandono', direction: 'down', baseline: 30, target: 20, unit: '%', timeframe: 'en 3 meses' }],
    ['Taux de rebond sous 40\u202f% en Q4.', { name: 'taux de rebond', direction: 'down', target: 40, unit: '%', timeframe: 'en Q4' }],
    ['Tasso di abbandono: dimezzare entro 6 settimane.', { name: 'tasso di abbandono', direction: 'down', kind: 'relative', timeframe: 'entro 6 settimane' }],
    ['Wachttijd van 14 naar 7 minuten binnen 6 weken.', { name: 'wachttijd', direction: 'down', baseline: 14, target: 7, unit: 'minuten', timeframe: 'binnen 6 weken' }],
    ['Taxa de conversão de 2,1% para 2,6% em 8 semanas.', { name: 'taxa de conversão', direction: 'up', baseline: 2.1, target: 2.6, unit: '%', timeframe: 'em 8 semanas' }],
  ])('%s', (sentence, expected) => {
    expect(read(sentence)).toMatchObject(expected);
  });

  it.each([
    ['Churn −2 points within one quarter.', 'within one quarter', { count: 1, unit: 'quarter' }],
    ['Conversion +3% in two weeks.', 'in two weeks', { count: 2, unit: 'week' }],
    ['Konversion +3 % innerhalb eines Quartals.', 'innerhalb eines Quartals', { count: 1, unit: 'quarter' }],
    ['Abbruchquote −2 Punkte innerhalb von zwei Monaten.', 'innerhalb von zwei Monaten', { count: 2, unit: 'month' }],
    ['Tasa de abandono −5 % en un trimestre.', 'en un trimestre', { count: 1, unit: 'quarter' }],
    ["Taux d'abandon −5 % dans deux mois.", 'dans deux mois', { count: 2, unit: 'month' }],
    ['Tasso di abbandono −5% entro un mese.', 'entro un mese', { count: 1, unit: 'month' }],
    ['Conversie +3% binnen twee weken.', 'binnen twee weken', { count: 2, unit: 'week' }],
    ['Taxa de conversão +3% em três meses.', 'em três meses', { count: 3, unit: 'month' }],
    ['Churn −2 points within a month.', 'within a month', { count: 1, unit: 'month' }],
    ['Churn −2 points over the next 6 weeks.', 'over the next 6 weeks', { count: 6, unit: 'week' }],
    ['Churn −2 points in 30 days.', 'in 30 days', { count: 30, unit: 'day' }],
    ["Tasso di abbandono −5% entro la fine dell'anno.", "entro la fine dell'anno", null],
    ['Churn −2 points by Q3.', 'by Q3', null],
    ['Abbruchquote −2 Punkte bis Ende 2027.', 'bis Ende 2027', null],
    ['Churn −2 points by the end of the quarter.', 'by the end of the quarter', null],
  ])('reads the timeframe of "%s" as written and its period', (sentence, timeframe, period) => {
    expect(read(sentence)).toMatchObject({ timeframe, period });
  });

  it('names a hyphenated compound metric whole: "Add-to-cart rate", not "cart rate"', () => {
    expect(read('Add-to-cart rate +3% within 6 weeks')?.name).toBe('add-to-cart rate');
    expect(read('Self-service rate up 10%')?.name).toBe('self-service rate');
    expect(read('Filter-to-basket rate from 8% to 12%')?.name).toBe('filter-to-basket rate');
  });

  it('reads no timeframe where a sentence gives none, nor from a measurement or a relative target', () => {
    expect(read('Churn below 2% a month.')).toMatchObject({ timeframe: null, period: null });
    expect(read('First response time within 2 hours.')).toMatchObject({ target: 2, unit: 'hours', timeframe: null, period: null });
    expect(read('Churn −2 points, answered in an hour.')).toMatchObject({ timeframe: null, period: null });
    expect(read('Reduce churn by a quarter within 6 weeks.')).toMatchObject({ kind: 'relative', relative: 'by a quarter', timeframe: 'within 6 weeks', period: { count: 6, unit: 'week' } });
    expect(read('Diviser par 2 le taux d’abandon en un an.')).toMatchObject({ kind: 'relative', target: null, timeframe: 'en un an', period: { count: 1, unit: 'year' } });
  });

  it('gives a period in milliseconds: a month is 30 days, a quarter 91, a year 365', () => {
    const day = 86_400_000;
    expect(periodMs({ count: 2, unit: 'day' })).toBe(2 * day);
    expect(periodMs({ count: 6, unit: 'week' })).toBe(42 * day);
    expect(periodMs({ count: 1, unit: 'month' })).toBe(30 * day);
    expect(periodMs({ count: 1, unit: 'quarter' })).toBe(91 * day);
    expect(periodMs({ count: 2, unit: 'year' })).toBe(730 * day);
  });

  it('stays linear on a long run of timeframe fillers', () => {
    const hostile = `Conversion +3% within ${'the next '.repeat(20_000)}sprint.`;
    const start = performance.now();
    expect(read(hostile)).toMatchObject({ target: 3, timeframe: null });
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('reads no promise from a sentence without a metric, and no target from dates or versions', () => {
    expect(read('Ship the new list in 2026.')).toBeNull();
    expect(read('Conversion regressed in version 2.3.1 on 2026-05-01.')).toMatchObject({ name: 'conversion', target: null, baseline: null, kind: null });
  });
});
