import { z } from 'zod';
import type { CompiledConfig } from '../compile.js';
import { metricMentions } from '../metric/mentions.js';
import { hasTarget, readMetricPromise, type MetricPromise } from '../metric/promise.js';
import { judgeTable, tablesOf } from '../metric/table.js';
import { metricExample } from '../hints/index.js';
import { listOf } from '../i18n/messages/findings/index.js';
import type { TextBlock } from '../types.js';
import { epicMetricNote } from '../epic/context.js';
import { JOURNEY_DOMAIN, type JourneyStageSettings } from '../journey/index.js';
import { defineRule, whoIn, wordsFor, type RuleContext } from './rule.js';

// Where the metric reading lives now; kept importable from the rule as before.
export { metricMentions, sentenceAround, type MetricMention } from '../metric/mentions.js';

interface Reading {
  /** A metric and its target stand together: in one sentence, list item or table row. */
  met: boolean;
  /** The first metric named, when none has a target. */
  named: string | null;
  /** Where the metric and its target stand: the sentence, or the table row (for the promise). */
  where?: string;
}

/**
 * What the ticket says about metrics: sentence by sentence first, then, only when that finds no
 * metric with a target, table row by table row (a KPI table puts metric and target in two cells).
 */
function readMetrics(text: string, blocks: TextBlock[], compiled: CompiledConfig): Reading {
  // A line with bars is a table row, read as one below (its "Today" cell is no target).
  let met = false;
  const mentions = metricMentions(text, compiled.metrics, ({ sentence }) => (met = !sentence.includes('|') && hasTarget(sentence, compiled)));
  if (met) return { met: true, named: null, where: mentions[mentions.length - 1]!.sentence };
  let named = mentions.find((m) => m.strong)?.metric ?? null;
  for (const table of tablesOf(blocks)) {
    const verdict = judgeTable(table, compiled);
    if (verdict.met) return { met: true, named: verdict.named, where: verdict.row };
    named ??= verdict.named;
  }
  return { met: false, named };
}

/** The rule and the report read the same ticket in a row: the last reading is kept for the report. */
let lastReading: { text: string; blocks: TextBlock[]; compiled: CompiledConfig; reading: Reading } | null = null;

function readingOf(text: string, blocks: TextBlock[], compiled: CompiledConfig): Reading {
  if (lastReading?.text === text && lastReading.blocks === blocks && lastReading.compiled === compiled) return lastReading.reading;
  const reading = readMetrics(text, blocks, compiled);
  lastReading = { text, blocks, compiled, reading };
  return reading;
}

/**
 * The customer metric's promise as data ("from 2.1% to 2.6% within one quarter": baseline 2.1,
 * target 2.6, unit %, direction up, timeframe "within one quarter"), when the ticket states a
 * metric with a target; null when it does not. What cannot be read stays null.
 */
export function metricPromiseOf(text: string, blocks: TextBlock[], compiled: CompiledConfig): MetricPromise | null {
  const { met, where } = readingOf(text, blocks, compiled);
  return met && where ? readMetricPromise(where.replace(/\s*\|\s*/g, ' '), compiled) : null;
}

/** KPIs a hint names at most: the stage's most typical first. */
const HINT_KPIS = 3;

/**
 * The stage whose KPIs a failing hint starts from, or null. A stage a label or component names,
 * or one of the team's own journey, always; one the built-in (e-commerce) journey's keywords
 * found, only in a shop's ticket: in a ward's or a bank's, the domain's own metric is the
 * better example. The domain is worked out only here, on a failing hint.
 */
function hintStage({ journey, domain }: RuleContext): JourneyStageSettings | null {
  const match = journey();
  if (!match || match.stage.kpis.length === 0) return null;
  if (match.by !== 'keywords' || !match.builtIn || domain().id === JOURNEY_DOMAIN) return match.stage;
  return null;
}

/**
 * The failing hint, built here only: it starts from the story's journey stage and its KPIs when
 * the story has one ("This story is in the Buy stage of the journey, measured by checkout
 * conversion rate or cart abandonment rate: …"), and the example then measures the stage's first
 * KPI unless the ticket already names a metric.
 */
function hintOf(ctx: RuleContext, named: string | null): string {
  const { domain, story, hintText } = ctx;
  const t = wordsFor(ctx);
  const stage = hintStage(ctx);
  const kpis = stage ? listOf(stage.kpis.slice(0, HINT_KPIS), ctx.locale ?? 'en', 'or') : '';
  const language = story?.language;
  if (named) {
    const example = metricExample(domain(), { metricName: named, language, text: hintText, locale: ctx.locale });
    return stage ? t('customerMetric.namedInStage.hint', { stage: stage.name, kpis, example }) : t('customerMetric.named.hint', { example });
  }
  if (!stage) return t('customerMetric.none.hint', { example: metricExample(domain(), { text: hintText, locale: ctx.locale }) });
  const example = metricExample(domain(), { metricName: stage.kpis[0], language, text: hintText, locale: ctx.locale });
  return t('customerMetric.noneInStage.hint', { stage: stage.name, kpis, example });
}

export const customerMetric = defineRule({
  meta: {
    id: 'customer-metric',
    defaultSeverity: 'error',
    weight: 20,
    why: 'A metric with a target is how the team learns whether customers got the benefit, instead of assuming so once the ticket is closed.',
    docs: '#customer-metric',
    optionsSchema: z.object({
      /** When false, naming a customer metric is enough; no target is asked for. */
      requireTarget: z.boolean().default(true),
    }),
  },
  needsStory: false,
  check(ctx, { requireTarget }) {
    const { text, blocks, compiled, story } = ctx;
    const { met, named } = readingOf(text, blocks, compiled);
    if (met || (named && !requireTarget)) return null;
    const t = wordsFor(ctx);
    if (named) {
      return { message: t('customerMetric.noTarget', { metric: named }), hint: hintOf(ctx, named), maxSeverity: 'warn', partial: true };
    }
    return {
      message: t('customerMetric.none', { role: whoIn(story, text, t) }),
      // The story's epic names its metric: a question, never a pass.
      hint: `${hintOf(ctx, null)}${epicMetricNote(ctx.epic, t)}`,
    };
  },
});
