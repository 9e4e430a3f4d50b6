import { chartPng } from '../charts/render.js';
import { QUESTIONS, type PeriodStats } from '../core/digest.js';
import type { Locale } from '../core/i18n/locales.js';
import { catalogs } from '../core/i18n/messages/charts/index.js';
import { translator } from '../core/i18n/translate.js';
import { trendSpec } from '../core/charts/trend.js';
import type { ChartView } from '../flows/ports.js';

/** The digest's trend as Slack shows it: a PNG with its title, axes, dates and legend drawn in. */
export async function trendChart(scope: string, trend: PeriodStats[], view: ChartView): Promise<Buffer> {
  return chartPng(trendSpec({ scope, trend, questionIds: QUESTIONS.map((q) => q.id), locale: view.locale, timeZone: view.timeZone }));
}

/** The file's title in Slack: the chart's own title. */
export const trendTitle = (scope: string, trend: PeriodStats[], locale: Locale): string => translator(catalogs, locale)('trendTitle', { scope, weeks: trend.length });
