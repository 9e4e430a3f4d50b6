/**
 * The prioritisation meeting's ranking: open stories by customer benefit ÷ cost, boosted by the
 * customer evidence behind them and by the reach of their persona, with business value ÷ cost as
 * a column of its own (never mixed into the customer score). Pure.
 *
 * Persona reach is counted, not configured: how many other open stories in the same ranking are
 * for the same persona. A persona the backlog keeps coming back to is one the team serves often,
 * and the count needs no upkeep; its boost is capped so one crowded persona cannot swamp the rest.
 */
import type { CentricConfig } from './config-types.js';
import type { Locale } from './i18n/locales.js';
import { rankText } from './i18n/messages/rank/index.js';
import { slackText } from './i18n/messages/slack/index.js';
import { lintIssue } from './lint.js';
import type { MetricPromise } from './metric/promise.js';
import { planningFacts, readNumber, type JiraIssue } from './ticket/normalise.js';
import type { Report } from './types.js';

export type RankWeights = CentricConfig['rank']['weights'];

/** One open story, as the ranking reads it. */
export interface RankInput {
  key: string;
  summary: string;
  /** The story's role; null when no story was found. */
  persona: string | null;
  benefit: number | null;
  businessValue: number | null;
  cost: number | null;
  /** Distinct pieces of customer evidence (support tickets, interviews, analytics…). */
  evidence: number;
  metric: MetricPromise | null;
  /** The lint score, 0-100. */
  score: number | null;
}

/** Why a story is listed after the ranked ones. */
export type Unranked = 'no benefit' | 'no cost' | 'no benefit, no cost';

export interface RankedStory extends RankInput {
  /** Other open stories of the ranking for the same persona. */
  reach: number;
  /** benefit × boosts ÷ cost, rounded to 2 decimals; null when unranked. */
  customerScore: number | null;
  /** business value ÷ cost, rounded to 2 decimals; null without both. */
  businessScore: number | null;
  /** Set on the stories listed after the ranked ones. */
  unranked: Unranked | null;
}

export interface Ranking {
  /** The formula with its weights, to print above the ranking. */
  formula: string;
  /** How ties are broken, in words. */
  ties: string;
  weights: RankWeights;
  /** Ranked first to last, then the stories that could not be ranked (by key). */
  stories: RankedStory[];
}

export const TIES_TEXT = 'ties: more evidence first, then the higher lint score, then the ticket key';

/**
 * "customer score = benefit × (1 + 0.25 × min(evidence, 4)) × (1 + 0.1 × min(same-persona stories, 10)) ÷ cost",
 * its words in `locale`, the weights as centric.yml gives them.
 */
export function formulaText(w: RankWeights, locale: Locale = 'en'): string {
  return rankText(locale)('formula', { evidence: String(w.evidence), evidenceCap: String(w.evidenceCap), reach: String(w.reach), reachCap: String(w.reachCap) });
}

/** The ranking's own formula in the reader's language; any other formula (a team's own) as it was written. */
export const formulaIn = (ranking: Pick<Ranking, 'formula' | 'weights'>, locale: Locale): string => (ranking.formula === formulaText(ranking.weights) ? formulaText(ranking.weights, locale) : ranking.formula);

/** The order line under the formula ("Highest customer score first; ties: …"), in the reader's language. */
export const orderIn = (ranking: Pick<Ranking, 'ties'>, locale: Locale): string => (ranking.ties === TIES_TEXT ? slackText(locale)('rank.tiesUsual') : slackText(locale)('rank.ties', { ties: ranking.ties }));

const round2 = (n: number): number => Math.round(n * 100) / 100;
/** Cost 0 or below is no cost: nothing is divided by it. */
const hasCost = (cost: number | null): cost is number => cost !== null && cost > 0;
const personaKey = (persona: string | null): string | null => (persona ? persona.trim().toLowerCase() : null);

function unrankedReason(input: RankInput): Unranked | null {
  const benefit = input.benefit === null;
  const cost = !hasCost(input.cost);
  return benefit && cost ? 'no benefit, no cost' : benefit ? 'no benefit' : cost ? 'no cost' : null;
}

/** The raw customer score: benefit, boosted by evidence and reach, per unit of cost. */
function customerScore(input: RankInput, reach: number, w: RankWeights): number {
  const evidenceBoost = 1 + w.evidence * Math.min(input.evidence, w.evidenceCap);
  const reachBoost = 1 + w.reach * Math.min(reach, w.reachCap);
  return (input.benefit! * evidenceBoost * reachBoost) / input.cost!;
}

/** "SHOP-9" before "SHOP-10": the project, then the number. */
export function compareKeys(a: string, b: string): number {
  const [pa = '', na = ''] = a.split(/-(?=\d+$)/);
  const [pb = '', nb = ''] = b.split(/-(?=\d+$)/);
  return pa.localeCompare(pb) || Number(na) - Number(nb) || a.localeCompare(b);
}

/** Ranks open stories; stories without benefit or cost come last, by key. */
export function rankStories(inputs: RankInput[], weights: RankWeights): Ranking {
  const perPersona = new Map<string, number>();
  for (const i of inputs) {
    const p = personaKey(i.persona);
    if (p) perPersona.set(p, (perPersona.get(p) ?? 0) + 1);
  }
  const scored = inputs.map((input) => {
    const p = personaKey(input.persona);
    const reach = p ? perPersona.get(p)! - 1 : 0;
    const unranked = unrankedReason(input);
    const raw = unranked ? null : customerScore(input, reach, weights);
    const businessScore = input.businessValue !== null && hasCost(input.cost) ? round2(input.businessValue / input.cost) : null;
    return { story: { ...input, reach, customerScore: raw === null ? null : round2(raw), businessScore, unranked }, raw };
  });
  const ranked = scored
    .filter((s) => s.raw !== null)
    .sort((a, b) => b.raw! - a.raw! || b.story.evidence - a.story.evidence || (b.story.score ?? -1) - (a.story.score ?? -1) || compareKeys(a.story.key, b.story.key));
  const rest = scored.filter((s) => s.raw === null).sort((a, b) => compareKeys(a.story.key, b.story.key));
  return { formula: formulaText(weights), ties: TIES_TEXT, weights, stories: [...ranked, ...rest].map((s) => s.story) };
}

/** Evidence counted by the customer-evidence rule; 0 on reports that do not carry it (rule off, older reports). */
const evidenceOf = (report: Report): number => report.evidence?.count ?? 0;

/** What the ranking reads of one linted issue. */
export function rankInput(issue: JiraIssue, report: Report, config: Pick<CentricConfig, 'digest' | 'rank'>): RankInput {
  const planning = planningFacts(issue, config.digest);
  const field = config.rank.businessValueField;
  return {
    key: issue.key,
    summary: (issue.fields.summary ?? '').trim(),
    // A job story names no role (''): no persona, as a ticket without a story.
    persona: report.story?.role || null,
    benefit: planning.benefit,
    businessValue: field ? readNumber(issue.fields[field]) : null,
    cost: planning.cost,
    evidence: evidenceOf(report),
    metric: report.metric ?? null,
    score: report.score ?? null,
  };
}

/** The open stories among the issues (linted, not skipped, not in the done category), ranked. */
export function rankIssues(issues: JiraIssue[], config: CentricConfig): Ranking {
  const inputs: RankInput[] = [];
  for (const issue of issues) {
    if (issue.fields.status?.statusCategory?.key === 'done') continue;
    const report = lintIssue(issue, config);
    // An epic is linted by its own profile, but ranked stories are stories.
    if (!report.skipped && !report.epic) inputs.push(rankInput(issue, report, config));
  }
  return rankStories(inputs, config.rank.weights);
}

/** The JQL of a project's open stories (the done ones are left out again as they are read). */
export const openStoriesJql = (project: string): string => `project = "${project}" AND statusCategory != Done ORDER BY key`;
