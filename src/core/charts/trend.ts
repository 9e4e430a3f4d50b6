import type { TopLevelSpec } from 'vega-lite';
import type { PeriodStats } from '../digest.js';
import { catalogs } from '../i18n/messages/charts/index.js';
import type { Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translate.js';
import { BASE_CONFIG, PALETTE } from './palette.js';

export interface TrendChart {
  /** The project key, or the JQL, the digest is of. */
  scope: string;
  trend: PeriodStats[];
  /** The digest's questions (who, what, why…) in their order. */
  questionIds: string[];
  locale: Locale;
  /** The subscription's timezone: each week is labelled with the date it starts on there. */
  timeZone?: string;
}

/** The longest scope shown in the title: a long JQL would widen the image, and Slack would shrink the chart to fit it. */
const SCOPE_CHARS = 32;
/** The latest week's score, for the description; a dash when no week had one. */
export const latestScore = (trend: PeriodStats[]): number | string => [...trend].reverse().find((p) => p.score !== null)?.score ?? '–';
const percent = (share: number | null | undefined): number | null => (share === null || share === undefined ? null : Math.round(share * 1000) / 10);

/**
 * The digest's trend as a Vega-Lite spec: the score (0-100) thick and on top, each question's share
 * of tickets (%), and the outcome hit rate when any week has one; a week without tickets leaves a
 * gap, not a line to zero. Labels and dates in the reader's language.
 */
export function trendSpec(chart: TrendChart): TopLevelSpec {
  const t = translator(catalogs, chart.locale);
  const day = new Intl.DateTimeFormat(chart.locale, { day: 'numeric', month: 'short', timeZone: chart.timeZone ?? 'UTC' });
  const weeks = chart.trend.map((p) => day.format(p.start));
  const withHitRate = chart.trend.some((p) => p.hitRate !== null && p.hitRate !== undefined);
  const series = [
    ...chart.questionIds.filter((id) => id in PALETTE).map((id) => ({ id, label: t(id as keyof typeof PALETTE), value: (p: PeriodStats) => percent(p.shares[id]) })),
    ...(withHitRate ? [{ id: 'hitRate', label: t('hitRate'), value: (p: PeriodStats) => percent(p.hitRate) }] : []),
  ];
  const rows = (list: typeof series) => list.flatMap((s) => chart.trend.map((p, i) => ({ week: weeks[i], order: i, series: s.label, value: s.value(p) })));
  const scoreLabel = t('score');
  const scoreRows = chart.trend.map((p, i) => ({ week: weeks[i], order: i, series: scoreLabel, value: p.score }));
  const labels = [scoreLabel, ...series.map((s) => s.label)];
  const colours = [PALETTE.score, ...series.map((s) => PALETTE[s.id as keyof typeof PALETTE])];
  const scope = chart.scope.length > SCOPE_CHARS ? `${chart.scope.slice(0, SCOPE_CHARS - 1)}…` : chart.scope;
  // Twelve labels share 760 px: a long date format ("12 de out.") is slanted rather than run together.
  const slanted = weeks.some((w) => w.length > 9);
  const x = { field: 'week', type: 'ordinal', sort: weeks, title: t('trendX'), axis: { labelAngle: slanted ? -35 : 0, labelAlign: slanted ? 'right' : 'center' } } as const;
  const y = { field: 'value', type: 'quantitative', title: t('trendY'), scale: { domain: [0, 100] } } as const;
  const color = { field: 'series', type: 'nominal', title: t('legend'), scale: { domain: labels, range: colours }, legend: { orient: 'bottom', columns: 2, labelLimit: 0, columnPadding: 24, symbolType: 'stroke' } } as const;
  const empty = chart.trend.every((p) => p.score === null);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: t('trendTitle', { scope, weeks: chart.trend.length }),
    description: t('trendAlt', { scope, latest: latestScore(chart.trend) }),
    width: 760,
    height: 300,
    config: BASE_CONFIG,
    layer: [
      {
        data: { values: rows(series) },
        mark: { type: 'line', point: { size: 30 }, strokeWidth: 1.5, invalid: 'break-paths-show-domains' },
        encoding: { x, y, color, strokeDash: { condition: { test: `datum.series === ${JSON.stringify(t('hitRate'))}`, value: [6, 4] }, value: [1, 0] } },
      },
      {
        data: { values: scoreRows },
        mark: { type: 'line', point: { size: 80, filled: true }, strokeWidth: 4, invalid: 'break-paths-show-domains' },
        encoding: { x, y, color },
      },
      ...(empty ? [{ data: { values: [{ text: t('noData') }] }, mark: { type: 'text', fontSize: 14, color: '#555', x: 380, y: 150 }, encoding: { text: { field: 'text' } } } as const] : []),
    ],
  } as TopLevelSpec;
}
