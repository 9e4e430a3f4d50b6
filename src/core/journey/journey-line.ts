/**
 * The journey line of a report, as plain text: each renderer escapes it for its format (ADF
 * text, wiki markup, markdown, HTML). "Buy", or, when the stated metric is not one of the
 * stage's KPIs, the question whether the story moves one of them. No finding, no score: a nudge.
 */
import type { Locale } from '../i18n/locales.js';
import { commentText } from '../i18n/messages/comment/index.js';
import type { Report } from '../types.js';

/** A metric name from the ticket is quoted back at most this long. */
const MAX_METRIC = 80;

const quoted = (name: string): string => {
  const flat = name.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_METRIC ? `${flat.slice(0, MAX_METRIC - 1)}…` : flat;
};

/** "Buy (KPIs: …). The metric "…" is not one of them: does this story move one of them?", or "Buy"; null without a stage. */
export function journeyDetail(report: Pick<Report, 'journey' | 'metric'>, locale: Locale = 'en'): string | null {
  const journey = report.journey;
  if (!journey) return null;
  if (journey.metricInStage !== false || !report.metric || journey.kpis.length === 0) return journey.stage;
  return commentText(locale)('journey.outside', { stage: journey.stage, kpis: journey.kpis.join(', '), metric: quoted(report.metric.name) });
}

/** "Journey stage: Buy …", or null when the story matched no stage. */
export function journeyLine(report: Pick<Report, 'journey' | 'metric'>, locale: Locale = 'en'): string | null {
  const detail = journeyDetail(report, locale);
  return detail === null ? null : commentText(locale)('journey', { detail });
}
