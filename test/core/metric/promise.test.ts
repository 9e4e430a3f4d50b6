import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { readMetricPromise } from '../../../src/core/metric/promise.js';

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

  it('reads no promise from a sentence without a metric, and no target from dates or versions', () => {
    expect(read('Ship the new list in 2026.')).toBeNull();
    expect(read('Conversion regressed in version 2.3.1 on 2026-05-01.')).toMatchObject({ name: 'conversion', target: null, baseline: null, kind: null });
  });
});
