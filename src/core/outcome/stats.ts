/** What the outcome reviews say, for the digest, `centric outcomes` and `/centric outcomes`. Pure: data in, data out. */
import type { MetricPromise } from '../metric/promise.js';
import type { OutcomeAnswer } from './outcome.js';

/** One outcome review as the stats read it (plain data, not a database row). */
export interface ReviewFact {
  key: string;
  /** The persona the story is for; null when it named none. */
  role: string | null;
  /** scheduled, sending:<claim>, asked, answered, cancelled or undeliverable. */
  status: string;
  /** Set once answered. */
  outcome: OutcomeAnswer | null;
  shippedAt: number;
  answeredAt: number | null;
  /** Set once the owner was reminded (and cleared by "Too early"). */
  remindedAt: number | null;
}

/** What a list of outcomes shows of a review besides its facts. */
export interface ReviewDetail extends ReviewFact {
  summary: string;
  /** null when the stored promise cannot be read. */
  promise: MetricPromise | null;
  measured: string | null;
  note: string | null;
  /** The name of who answered. */
  answeredBy: string | null;
  /** When it is (or was) to be asked. */
  dueAt: number;
  askedAt: number | null;
}

/**
 * pending: waiting to be asked, or asked and not yet reminded; overdue: reminded once and still
 * unanswered; answered; closed: cancelled (reopened) or nobody could be asked.
 */
export type ReviewState = 'pending' | 'overdue' | 'answered' | 'closed';

export function reviewState(r: Pick<ReviewFact, 'status' | 'outcome' | 'remindedAt'>): ReviewState {
  if (r.status === 'asked') return r.remindedAt === null ? 'pending' : 'overdue';
  if (r.status === 'scheduled' || r.status.startsWith('sending:')) return 'pending';
  return r.status === 'answered' && r.outcome !== null ? 'answered' : 'closed';
}

/** Answers counted. */
export interface Tally {
  hit: number;
  missed: number;
  notMeasured: number;
  /**
   * hit / (hit + missed). "Not measured" is left out on purpose: it says nothing about whether
   * customers got the benefit, and counting it as a miss would punish teams for being honest.
   * Null when nothing was hit or missed.
   */
  hitRate: number | null;
}

export interface OutcomeStats {
  /** Answered in the current period. */
  period: Tally;
  /** Answered in each of the last periods, oldest first (the current one last). */
  trend: Array<Tally & { start: number }>;
  /** Answered over all of those periods together. */
  overall: Tally;
  /** Keys of the reviews reminded once and still unanswered, the longest waiting first. */
  overdue: string[];
  /** Reviews waiting to be asked or for their answer, not overdue. */
  pending: number;
  /** "Who did we actually help?": per persona, over all the periods; only personas with a hit or a miss, most rated first. */
  personas: Array<Tally & { role: string }>;
}

export interface OutcomeStatsInput {
  reviews: ReviewFact[];
  /** End of the current period (exclusive). */
  end: number;
  periodMs: number;
  /** How many periods the trend, the overall hit rate and the personas span; 12 by default. */
  periods?: number;
}

export function tally(answers: Array<OutcomeAnswer | null>): Tally {
  const count = (a: OutcomeAnswer) => answers.filter((x) => x === a).length;
  const hit = count('hit');
  const missed = count('missed');
  return { hit, missed, notMeasured: count('not-measured'), hitRate: hit + missed === 0 ? null : hit / (hit + missed) };
}

const answeredIn = (reviews: ReviewFact[], start: number, end: number): ReviewFact[] =>
  reviews.filter((r) => reviewState(r) === 'answered' && r.answeredAt !== null && r.answeredAt >= start && r.answeredAt < end);

function personas(answered: ReviewFact[]): OutcomeStats['personas'] {
  const byRole = new Map<string, ReviewFact[]>();
  for (const r of answered) if (r.role) byRole.set(r.role, [...(byRole.get(r.role) ?? []), r]);
  return [...byRole]
    .map(([role, rs]) => ({ role, ...tally(rs.map((r) => r.outcome)) }))
    .filter((p) => p.hitRate !== null)
    .sort((a, b) => b.hit + b.missed - (a.hit + a.missed) || b.hitRate! - a.hitRate! || a.role.localeCompare(b.role));
}

/** The outcome stats of the periods that end at `end`; null when there is nothing to show: no review waiting, none answered in those periods. */
export function outcomeStats(input: OutcomeStatsInput): OutcomeStats | null {
  const periods = input.periods ?? 12;
  const from = input.end - periods * input.periodMs;
  const answered = answeredIn(input.reviews, from, input.end);
  const overdue = input.reviews.filter((r) => reviewState(r) === 'overdue').sort((a, b) => a.shippedAt - b.shippedAt || a.key.localeCompare(b.key));
  const pending = input.reviews.filter((r) => reviewState(r) === 'pending').length;
  if (answered.length === 0 && overdue.length === 0 && pending === 0) return null;
  const trend = Array.from({ length: periods }, (_, i) => {
    const start = input.end - (periods - i) * input.periodMs;
    return { start, ...tally(answeredIn(answered, start, start + input.periodMs).map((r) => r.outcome)) };
  });
  return {
    period: tally(answeredIn(answered, input.end - input.periodMs, input.end).map((r) => r.outcome)),
    trend,
    overall: tally(answered.map((r) => r.outcome)),
    overdue: overdue.map((r) => r.key),
    pending,
    personas: personas(answered),
  };
}

/** A project's outcomes for a retrospective: what waits, what is overdue, what was answered since `since`. */
export interface OutcomeListing {
  /** Reminded once and still unanswered, the longest waiting first. */
  overdue: ReviewDetail[];
  /** Waiting to be asked or for an answer, the soonest due first. */
  pending: ReviewDetail[];
  /** Answered since `since`, the latest first. */
  answered: ReviewDetail[];
  /** Of the answered ones. */
  tally: Tally;
}

export function outcomeListing(reviews: ReviewDetail[], since: number): OutcomeListing {
  const inState = (state: ReviewState) => reviews.filter((r) => reviewState(r) === state);
  const answered = inState('answered')
    .filter((r) => r.answeredAt !== null && r.answeredAt >= since)
    .sort((a, b) => b.answeredAt! - a.answeredAt! || a.key.localeCompare(b.key));
  return {
    overdue: inState('overdue').sort((a, b) => (a.askedAt ?? a.dueAt) - (b.askedAt ?? b.dueAt) || a.key.localeCompare(b.key)),
    pending: inState('pending').sort((a, b) => a.dueAt - b.dueAt || a.key.localeCompare(b.key)),
    answered,
    tally: tally(answered.map((r) => r.outcome)),
  };
}
