import type { MetricPromise } from '../metric/promise.js';

/** What the owner answered: a final answer; "too early" is no answer, it only asks again later. */
export type OutcomeAnswer = 'hit' | 'missed' | 'not-measured';

export const OUTCOME_ANSWERS: readonly OutcomeAnswer[] = ['hit', 'missed', 'not-measured'];

export const ANSWER_TEXT: Record<OutcomeAnswer, string> = { hit: 'target hit', missed: 'missed', 'not-measured': 'not measured' };

/** Bounds of what a person types in the answer modal. */
export const MAX_MEASURED_CHARS = 40;
export const MAX_NOTE_CHARS = 200;

/** One answered outcome review, as it is written to Jira. */
export interface OutcomeRecord {
  ticketKey: string;
  answer: OutcomeAnswer;
  /** The measured value as typed ("2.7%"), trimmed; null when none was given. */
  measured: string | null;
  note: string | null;
  promise: MetricPromise;
  shippedAt: number;
  answeredAt: number;
  answeredBy: { slackUserId: string; name: string; jiraAccountId: string | null };
}

/** The issue property other tools read: the structured answer. */
export function outcomeProperty(record: OutcomeRecord): Record<string, unknown> {
  return {
    version: 1,
    outcome: record.answer,
    measured: record.measured,
    note: record.note,
    promise: record.promise,
    shippedAt: new Date(record.shippedAt).toISOString(),
    answeredAt: new Date(record.answeredAt).toISOString(),
    answeredBy: { slackUserId: record.answeredBy.slackUserId, jiraAccountId: record.answeredBy.jiraAccountId },
  };
}

/** One line of free text: no line breaks, no control characters, bounded. */
export function oneLine(value: string | null | undefined, max: number): string | null {
  // eslint-disable-next-line no-control-regex
  const line = (value ?? '').replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return line ? line.slice(0, max) : null;
}
