import { z } from 'zod';
import type { CompiledConfig } from '../compile.js';
import { metricMentions } from '../metric/mentions.js';
import { hasTarget } from '../metric/promise.js';
import { judgeTable, tablesOf } from '../metric/table.js';
import { metricExample } from '../hints/index.js';
import { roleAsWritten } from '../story/parse-story.js';
import type { TextBlock } from '../types.js';
import { defineRule } from './rule.js';

// Where the metric reading lives now; kept importable from the rule as before.
export { metricMentions, sentenceAround, type MetricMention } from '../metric/mentions.js';

interface Reading {
  /** A metric and its target stand together: in one sentence, list item or table row. */
  met: boolean;
  /** The first metric named, when none has a target. */
  named: string | null;
}

/**
 * What the ticket says about metrics: sentence by sentence first, then, only when that finds no
 * metric with a target, table row by table row (a KPI table puts metric and target in two cells).
 */
function readMetrics(text: string, blocks: TextBlock[], compiled: CompiledConfig): Reading {
  // A line with bars is a table row, read as one below (its "Today" cell is no target).
  let met = false;
  const mentions = metricMentions(text, compiled.metrics, ({ sentence }) => (met = !sentence.includes('|') && hasTarget(sentence, compiled)));
  if (met) return { met: true, named: null };
  let named = mentions.find((m) => m.strong)?.metric ?? null;
  for (const table of tablesOf(blocks)) {
    const verdict = judgeTable(table, compiled);
    if (verdict.met) return verdict;
    named ??= verdict.named;
  }
  return { met: false, named };
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
  check({ text, blocks, compiled, story, domain, hintText }, { requireTarget }) {
    const { met, named } = readMetrics(text, blocks, compiled);
    if (met || (named && !requireTarget)) return null;
    if (named) {
      return {
        message: `Names a customer metric (${named}) but no target.`,
        hint: `Say by how much and by when, e.g. "${metricExample(domain(), { metricName: named, language: story?.language, text: hintText })}".`,
        maxSeverity: 'warn',
        partial: true,
      };
    }
    return {
      message: `No customer metric: nothing says how we will know this worked for the ${story ? roleAsWritten(story.role, text) : 'customer'}.`,
      hint: `Add a success line with a customer metric and a target, e.g. "Success: ${metricExample(domain(), { text: hintText })}".`,
    };
  },
});
