/**
 * Journey coverage for the digest: which stages of the customer journey get work, period by
 * period, how well their stories score, and which have had none for a while. Pure: the digest
 * hands in each period's stories (each ticket's latest lint of the period).
 */

import type { Locale } from '../i18n/locales.js';
import { digestText } from '../i18n/messages/digest/index.js';

/** What coverage reads of one lint; the digest's LintRecord has these. */
export interface StagedState {
  key: string;
  score: number;
  journeyStage?: string | null;
}

export interface StageCoverage {
  stage: string;
  /** Stories (distinct tickets) in the stage this period. */
  period: number;
  /** Stories in the stage per period, oldest first; the last is this period. */
  trend: number[];
  /** Distinct stories over all the periods, each in the stage of its latest lint. */
  total: number;
  /** Average score of this period's stories in the stage; null when none. */
  score: number | null;
  /** Average score over all the periods, each story's latest lint; null when none. */
  trendScore: number | null;
  /**
   * No story in the stage in the last `quietPeriods` periods, and the history reaches back that
   * far: periods before the first lint of the scope are unknown, not quiet.
   */
  quiet: boolean;
}

export interface JourneyCoverage {
  /** In journey order. */
  stages: StageCoverage[];
  quietPeriods: number;
  /** This period's stories that matched no stage. */
  unassigned: number;
}

const mean = (values: number[]): number | null => (values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length));

/**
 * How many of the latest `periods` periods (each `periodMs` long, the last ending at `end`) the
 * history covers: from the period of its first lint (`earliest`, of any ticket of the scope) on,
 * all of them when it is older. A new team's first weeks, or a digest read from Jira (every lint
 * is now), cover one period: no stage is called quiet on that.
 */
export function periodsKnown(earliest: number | null, end: number, periodMs: number, periods: number): number {
  if (earliest === null || earliest >= end) return 0;
  return Math.min(periods, Math.floor((end - earliest - 1) / periodMs) + 1);
}

/**
 * `periods`: each period's states, oldest first, the last one this period. `known`: how many of
 * the latest periods the history covers (`periodsKnown`). A lint stored under a stage name the
 * journey no longer declares (renamed or removed) counts in no stage.
 */
export function journeyCoverage(journey: { stages: string[]; quietPeriods: number }, periods: StagedState[][], known: number): JourneyCoverage {
  const index = new Map<string, number>();
  journey.stages.forEach((name, i) => {
    if (!index.has(name.toLowerCase())) index.set(name.toLowerCase(), i);
  });
  const stageOf = (s: StagedState): number | undefined => (s.journeyStage ? index.get(s.journeyStage.toLowerCase()) : undefined);
  const trend = journey.stages.map(() => periods.map(() => 0));
  const latest = new Map<string, StagedState>();
  periods.forEach((states, p) => {
    for (const s of states) {
      const i = stageOf(s);
      if (i !== undefined) trend[i]![p]!++;
      latest.set(s.key, s);
    }
  });
  const current = periods.at(-1) ?? [];
  const overall = [...latest.values()];
  const stages = journey.stages.map((stage, i): StageCoverage => {
    const now = current.filter((s) => stageOf(s) === i);
    const all = overall.filter((s) => stageOf(s) === i);
    return {
      stage,
      period: now.length,
      trend: trend[i]!,
      total: all.length,
      score: mean(now.map((s) => s.score)),
      trendScore: mean(all.map((s) => s.score)),
      quiet: known >= journey.quietPeriods && trend[i]!.slice(-journey.quietPeriods).every((n) => n === 0),
    };
  });
  return { stages, quietPeriods: journey.quietPeriods, unassigned: current.filter((s) => stageOf(s) === undefined).length };
}

export interface CoverageWording {
  /** "week", or "period" when the period is not known to be one. */
  period: 'week' | 'period';
  /** A stage name as the target format shows it (escaped). */
  stage: (name: string) => string;
  /** The language of the lines (English when absent). */
  locale?: Locale;
}

/**
 * The coverage as lines, the same in Slack and markdown: one per stage ("Buy: 3 this week, 12
 * over 12 weeks, score 74"), then the quiet stages ("No work for Receive, Get help in 4 weeks")
 * and the stories in no stage.
 */
export function coverageLines(c: JourneyCoverage, w: CoverageWording): string[] {
  const t = digestText(w.locale);
  const { period } = w;
  const thisPeriod = t('this', { period });
  const span = t('span', { period, count: c.stages[0]?.trend.length ?? 0 });
  const lines = c.stages.map((s) => {
    const values = { stage: w.stage(s.stage), count: s.period, this: thisPeriod, total: s.total, span };
    return s.trendScore === null ? t('journey.stage', values) : t('journey.stageScore', { ...values, score: s.trendScore });
  });
  const quiet = c.stages.filter((s) => s.quiet).map((s) => w.stage(s.stage));
  if (quiet.length > 0) lines.push(t('journey.quiet', { stages: quiet.join(', '), span: t('span', { period, count: c.quietPeriods }) }));
  if (c.unassigned > 0) lines.push(t('journey.unassigned', { count: c.unassigned, this: thisPeriod }));
  return lines;
}
