/** The weekly customer-centricity digest, computed from stored reports. Pure: data in, data out. */
import type { BenefitKind } from './benefit/benefit-kind.js';
import type { Locale } from './i18n/locales.js';
import { digestText } from './i18n/messages/digest/index.js';
import { percentIn } from './render/locale-format.js';
import { journeyCoverage, periodsKnown, type JourneyCoverage } from './journey/coverage.js';
import { epicLinesOf, type EpicFact, type EpicLine } from './epic/epic-digest.js';
import { outcomeStats, type OutcomeStats, type ReviewFact } from './outcome/stats.js';
import type { RuleId } from './types.js';


/** Shares of the stories with a stated benefit whose benefit is for the customer, the business, or both (0-1 each). */
export interface BenefitBalance {
  customer: number;
  business: number;
  both: number;
  /** Stories the shares are of: those whose benefit kind is known. */
  stories: number;
}

/** One lint of one ticket, as stored in the report history. */
export type { BenefitKind };

export interface LintRecord {
  key: string;
  score: number;
  role: string | null;
  failedRules: RuleId[];
  lintedAt: number;
  /** How many customer-evidence items the lint found; absent when not known (the rule off, or a record kept without it). */
  evidence?: number | null;
  /** Whose benefit the story states; absent or null when it states none (or the record predates it). */
  benefitKind?: BenefitKind | null;
  /** The story's customer-journey stage; absent or null when it matched none (or the record predates stages). */
  journeyStage?: string | null;
  /** The epic the ticket belongs to (its parent); absent or null when none (or the record predates it). */
  epicKey?: string | null;
}

/** What else the digest knows of a ticket: its latest state. */
export interface TicketFacts {
  key: string;
  status: string | null;
  owner: string | null;
  /** Customer benefit and cost (story points by default), when those fields are configured. */
  benefit: number | null;
  cost: number | null;
  passing: boolean;
  /** In Jira's "done" status category: no longer ranked for the buck. */
  done: boolean;
}

export const QUESTIONS: Array<{ id: string; label: string; rule: RuleId }> = [
  { id: 'who', label: 'Who is it for? (a specific persona)', rule: 'specific-persona' },
  { id: 'what', label: 'What do they want? (a story)', rule: 'story-format' },
  { id: 'why', label: 'Why? (a benefit)', rule: 'customer-value' },
  { id: 'how', label: 'How will we know? (a metric with a target)', rule: 'customer-metric' },
  { id: 'see', label: 'What will they see? (visuals)', rule: 'visual-evidence' },
  { id: 'done', label: 'When is it done? (acceptance criteria)', rule: 'acceptance-criteria' },
];

export interface PeriodStats {
  /** Start of the period (inclusive). */
  start: number;
  tickets: number;
  score: number | null;
  /** Question id -> share of tickets that answer it (0-1). */
  shares: Record<string, number | null>;
  /** Share of the outcome reviews answered in the period whose target was hit (0-1); null when none was hit or missed. */
  hitRate: number | null;
  /**
   * Share of the tickets that show customer evidence (0-1), of those whose evidence count is known;
   * absent when none is, so a history kept without counts is not read as "no evidence".
   */
  evidence?: number;
  /** Whose benefit the period's stories state; absent when no story's benefit kind is known. */
  benefit?: BenefitBalance;
}

export interface Digest {
  period: PeriodStats;
  previous: PeriodStats;
  personas: Array<{ role: string; count: number }>;
  genericShare: number | null;
  bangForBuck: Array<{ key: string; benefit: number; cost: number; ratio: number }>;
  mostImproved: Array<{ key: string; from: number; to: number }>;
  needsAttention: Array<{ key: string; score: number; owner: string | null }>;
  trend: PeriodStats[];
  /** What the outcome reviews say; absent when no review was given, waits or was answered in the trend's periods. */
  outcomes?: OutcomeStats;
  /** The customer's share of the benefit balance the team aims for (digest.customerShareTarget); absent when none is set. */
  customerShareTarget?: number;
  /** Which journey stages get work, and how their stories score; absent when the journey has no stages. */
  journey?: JourneyCoverage;
  /** A line per epic with stories in the scope: their average score, how many are for the epic's persona; absent when none. */
  epics?: EpicLine[];
}

export interface DigestInput {
  /** End of the current period (exclusive): the digest's slot. */
  end: number;
  periodMs: number;
  history: LintRecord[];
  facts: TicketFacts[];
  isGenericRole: (role: string) => boolean;
  /** Statuses whose failing tickets need attention ("ready for development"). */
  readyStatuses: string[];
  trendPeriods?: number;
  /** The scope's outcome reviews; without them the digest has no outcomes and no hit rate. */
  reviews?: ReviewFact[];
  /** digest.customerShareTarget: the balance line says whether the period meets it. */
  customerShareTarget?: number | null;
  /** The journey's stage names, in order, and after how many periods without a story a stage is called out. */
  journey?: { stages: string[]; quietPeriods: number } | null;
  /** The scope's stored epics (their lints are left out of the story figures), for the line per epic. */
  epics?: EpicFact[];
}

/**
 * What a digest cut at digest.maxIssues says, in Slack and in markdown: that it saw only part of
 * its scope, and what to do about it.
 */
export const truncatedNote = (read: number): string =>
  `Based on the first ${read.toLocaleString('en-US')} issues of this scope only (the most one digest reads): narrow the scope for a complete digest.`;

const mean = (values: number[]): number | null => (values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length));

/** Each ticket's latest lint before `end`, for tickets linted in [start, end). */
function statesIn(byTicket: Map<string, LintRecord[]>, start: number, end: number): LintRecord[] {
  const states: LintRecord[] = [];
  for (const records of byTicket.values()) {
    let latest: LintRecord | undefined;
    let touched = false;
    for (const r of records) {
      if (r.lintedAt >= end) break;
      latest = r;
      if (r.lintedAt >= start) touched = true;
    }
    if (touched && latest) states.push(latest);
  }
  return states;
}

/** Whose benefit the stories state, of those whose kind is known; null when none is. */
function balanceOf(states: LintRecord[]): BenefitBalance | null {
  const kinds = states.map((s) => s.benefitKind).filter((k): k is BenefitKind => k === 'customer' || k === 'business' || k === 'both');
  if (kinds.length === 0) return null;
  const share = (kind: BenefitKind) => kinds.filter((k) => k === kind).length / kinds.length;
  return { customer: share('customer'), business: share('business'), both: share('both'), stories: kinds.length };
}

/**
 * The customer's share of the balance: stories whose benefit reaches the customer (theirs alone,
 * or theirs and the business's). What `digest.customerShareTarget` is compared with.
 */
export const customerShare = (balance: BenefitBalance): number => balance.customer + balance.both;

function stats(states: LintRecord[], start: number): PeriodStats {
  const shares: Record<string, number | null> = {};
  for (const q of QUESTIONS) {
    shares[q.id] = states.length === 0 ? null : states.filter((s) => !s.failedRules.includes(q.rule) && (q.rule !== 'specific-persona' || s.role !== null)).length / states.length;
  }
  const known = states.filter((s) => typeof s.evidence === 'number');
  const evidence = known.length === 0 ? {} : { evidence: known.filter((s) => s.evidence! > 0).length / known.length };
  const balance = balanceOf(states);
  return { start, tickets: states.length, score: mean(states.map((s) => s.score)), shares, hitRate: null, ...evidence, ...(balance ? { benefit: balance } : {}) };
}

/** The first lint the history holds (of any ticket, an epic's too): how far back the digest can tell a quiet stage. */
function earliestLint(history: LintRecord[]): number | null {
  let earliest: number | null = null;
  for (const r of history) if (earliest === null || r.lintedAt < earliest) earliest = r.lintedAt;
  return earliest;
}

export function buildDigest(input: DigestInput): Digest {
  const byTicket = new Map<string, LintRecord[]>();
  // An epic's own lints are not a story's: they make its line (epics), not the story figures.
  const epicKeys = new Set((input.epics ?? []).map((e) => e.key));
  for (const r of input.history) {
    if (epicKeys.has(r.key)) continue;
    const list = byTicket.get(r.key);
    if (list) list.push(r);
    else byTicket.set(r.key, [r]);
  }
  for (const list of byTicket.values()) list.sort((a, b) => a.lintedAt - b.lintedAt);

  const start = input.end - input.periodMs;
  const current = statesIn(byTicket, start, input.end);
  const periods = input.trendPeriods ?? 12;
  const outcomes = input.reviews ? outcomeStats({ reviews: input.reviews, end: input.end, periodMs: input.periodMs, periods }) : null;
  const trend = Array.from({ length: periods }, (_, i) => {
    const s = input.end - (i + 1) * input.periodMs;
    return stats(statesIn(byTicket, s, s + input.periodMs), s);
  })
    .reverse()
    // Both count periods back from the same end: the i-th outcome period is the i-th trend period.
    .map((p, i) => ({ ...p, hitRate: outcomes?.trend[i]?.hitRate ?? null }));

  // Journey coverage reads each period's states by stage: only when stages are configured.
  const journey = input.journey && input.journey.stages.length > 0
    ? journeyCoverage(input.journey, Array.from({ length: periods }, (_, i) => {
      const s = input.end - (periods - i) * input.periodMs;
      return statesIn(byTicket, s, s + input.periodMs);
    }), periodsKnown(earliestLint(input.history), input.end, input.periodMs, periods))
    : null;

  // Each story's latest lint in the trend's periods, by epic.
  const epics = input.epics ? epicLinesOf(input.epics, statesIn(byTicket, input.end - periods * input.periodMs, input.end)) : [];

  const roleCounts = new Map<string, number>();
  for (const s of current) if (s.role) roleCounts.set(s.role, (roleCounts.get(s.role) ?? 0) + 1);
  const withRole = current.filter((s) => s.role);

  const improved: Digest['mostImproved'] = [];
  for (const [key, records] of byTicket) {
    const before = [...records].reverse().find((r) => r.lintedAt < start);
    const inPeriod = records.filter((r) => r.lintedAt >= start && r.lintedAt < input.end);
    const first = before ?? inPeriod[0];
    const last = inPeriod.at(-1);
    if (first && last && last.score > first.score) improved.push({ key, from: first.score, to: last.score });
  }

  const facts = new Map(input.facts.map((f) => [f.key, f]));
  const ready = new Set(input.readyStatuses.map((s) => s.toLowerCase()));
  const scoreOf = new Map(current.map((s) => [s.key, s.score]));
  const currentKeys = new Set(current.map((s) => s.key));

  return {
    period: { ...stats(current, start), hitRate: outcomes?.period.hitRate ?? null },
    previous: trend.at(-2) ?? stats([], start - input.periodMs),
    personas: [...roleCounts].map(([role, count]) => ({ role, count })).sort((a, b) => b.count - a.count || a.role.localeCompare(b.role)),
    genericShare: withRole.length === 0 ? null : withRole.filter((s) => input.isGenericRole(s.role!)).length / withRole.length,
    bangForBuck: input.facts
      .filter((f): f is TicketFacts & { benefit: number; cost: number } => !f.done && f.benefit !== null && f.cost !== null && f.cost > 0)
      .map((f) => ({ key: f.key, benefit: f.benefit, cost: f.cost, ratio: f.benefit / f.cost }))
      .sort((a, b) => b.ratio - a.ratio || b.benefit - a.benefit || a.key.localeCompare(b.key))
      .slice(0, 5),
    mostImproved: improved.sort((a, b) => b.to - b.from - (a.to - a.from) || a.key.localeCompare(b.key)).slice(0, 5),
    needsAttention: [...currentKeys]
      .map((key) => ({ key, fact: facts.get(key), score: scoreOf.get(key)! }))
      .filter((t) => t.fact && !t.fact.passing && t.fact.status !== null && ready.has(t.fact.status.toLowerCase()))
      .sort((a, b) => a.score - b.score || a.key.localeCompare(b.key))
      .slice(0, 5)
      .map((t) => ({ key: t.key, score: t.score, owner: t.fact!.owner })),
    trend,
    ...(outcomes ? { outcomes } : {}),
    ...(typeof input.customerShareTarget === 'number' ? { customerShareTarget: input.customerShareTarget } : {}),
    ...(journey ? { journey } : {}),
    ...(epics.length > 0 ? { epics } : {}),
  };
}

/**
 * The benefit balance in one line, the same in Slack and markdown (no user text in it): "Whose
 * benefit: customer 60%, both 20%, business 20% of 10 stories; customer share 80% (target ≥ 60%: met)".
 * Null when no story's benefit kind is known.
 */
export function balanceText(d: Pick<Digest, 'period' | 'previous' | 'customerShareTarget'>, locale: Locale = 'en'): string | null {
  const b = d.period.benefit;
  if (!b) return null;
  const t = digestText(locale);
  const percent = (share: number) => percentIn(share, locale);
  const share = customerShare(b);
  const before = d.previous.benefit ? customerShare(d.previous.benefit) : null;
  const change = before === null ? '' : t('balance.change', { change: `${share >= before ? '+' : ''}${Math.round((share - before) * 100)}` });
  const target = d.customerShareTarget === undefined ? '' : t('balance.target', { target: percent(d.customerShareTarget), met: share >= d.customerShareTarget ? 'yes' : 'no' });
  return t('balance', { customer: percent(b.customer), both: percent(b.both), business: percent(b.business), stories: b.stories, share: percent(share), change, target });
}
