/**
 * A story's epic as context for its hints: "the epic's persona is 'night nurse'; is this story for
 * them?". Only ever a question in a hint: a story that names no persona or metric still fails.
 */
import type { FindingsText } from '../i18n/messages/findings/index.js';
import type { EpicContext } from '../rules/rule.js';
import type { Report } from '../types.js';

export type { EpicContext };

/** A persona or metric quoted back is the epic's own words: kept short. */
const MAX_QUOTED = 80;
const quoted = (s: string): string => s.replace(/\s+/g, ' ').trim().slice(0, MAX_QUOTED);

/** What a story may be told of its epic, from the epic's report; null when the epic was not linted as one. */
export function epicContextOf(key: string, report: Report | undefined): EpicContext | null {
  if (!report?.epic) return null;
  return { key, persona: report.epic.persona, metric: report.epic.metric };
}

/** A sentence for the persona hint (leading space), or nothing when the epic names no persona. */
export const epicPersonaNote = (epic: EpicContext | undefined, t: FindingsText): string =>
  epic?.persona ? ` ${t('epic.persona', { key: epic.key, persona: quoted(epic.persona) })}` : '';

/** A sentence for the metric hint (leading space), or nothing when the epic has no metric. */
export const epicMetricNote = (epic: EpicContext | undefined, t: FindingsText): string =>
  epic?.metric ? ` ${t('epic.metric', { key: epic.key, metric: quoted(epic.metric) })}` : '';
