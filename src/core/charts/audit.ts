import type { TopLevelSpec } from 'vega-lite';
import { catalogs } from '../i18n/messages/charts/index.js';
import type { Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translate.js';
import { BANDS, BASE_CONFIG, PALETTE } from './palette.js';

/** Scores in ten bands, 0-9 … 90-100: counted here, so the chart's data stays ten rows for any audit. */
export function scoreBands(scores: number[]): number[] {
  const bands = Array.from({ length: 10 }, () => 0);
  for (const s of scores) bands[Math.max(0, Math.min(9, Math.floor(s / 10)))]!++;
  return bands;
}

/** How many tickets scored in each band, coloured low / middle / high. */
export function scoreDistributionSpec(scores: number[], locale: Locale): TopLevelSpec {
  const t = translator(catalogs, locale);
  const values = scoreBands(scores).map((count, i) => ({
    band: i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`,
    count,
    level: i >= 8 ? 'high' : i >= 5 ? 'middle' : 'low',
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: t('scoresTitle', { count: scores.length }),
    description: t('scoresTitle', { count: scores.length }),
    width: 420,
    height: 200,
    config: BASE_CONFIG,
    data: { values },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'band', type: 'ordinal', sort: values.map((v) => v.band), title: t('scoresX'), axis: { labelAngle: 0, labelFontSize: 10 } },
          y: { field: 'count', type: 'quantitative', title: t('scoresY'), axis: { tickMinStep: 1, format: 'd' } },
          color: { field: 'level', type: 'nominal', scale: { domain: ['low', 'middle', 'high'], range: [BANDS.low, BANDS.middle, BANDS.high] }, legend: null },
        },
      },
      {
        mark: { type: 'text', dy: -6, fontSize: 11 },
        encoding: { x: { field: 'band', type: 'ordinal', sort: values.map((v) => v.band) }, y: { field: 'count', type: 'quantitative' }, text: { field: 'count' } },
      },
    ],
  } as TopLevelSpec;
}

export interface RulePass {
  rule: string;
  /** Share of the linted tickets that pass it, 0-1. */
  share: number;
}

/** Each rule's pass rate as a horizontal bar, 0-100 %. */
export function rulePassSpec(rules: RulePass[], locale: Locale): TopLevelSpec {
  const t = translator(catalogs, locale);
  const format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const values = rules.map((r) => ({ rule: r.rule, percent: Math.round(r.share * 100), label: format.format(r.share) }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: t('rulesTitle'),
    description: t('rulesTitle'),
    width: 300,
    height: { step: 22 },
    config: BASE_CONFIG,
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: PALETTE.score },
        encoding: {
          y: { field: 'rule', type: 'nominal', sort: null, title: t('rulesY'), axis: { labelLimit: 0 } },
          x: { field: 'percent', type: 'quantitative', scale: { domain: [0, 100] }, title: t('rulesX') },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
        encoding: { y: { field: 'rule', type: 'nominal', sort: null }, x: { field: 'percent', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  } as TopLevelSpec;
}
