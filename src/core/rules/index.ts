import type { RuleId } from '../types.js';
import { acceptanceCriteria } from './acceptance-criteria.js';
import { customerMetric } from './customer-metric.js';
import { customerValue } from './customer-value.js';
import type { Rule } from './rule.js';
import { singleGoal } from './single-goal.js';
import { specificPersona } from './specific-persona.js';
import { storyFormat } from './story-format.js';
import { visualEvidenceRule } from './visual-evidence.js';

/** Every rule, in the order findings are reported. */
export const RULES: readonly Rule[] = [
  storyFormat,
  customerValue,
  specificPersona,
  customerMetric,
  visualEvidenceRule,
  acceptanceCriteria,
  singleGoal,
];

export const RULES_BY_ID = Object.fromEntries(RULES.map((r) => [r.id, r])) as Record<RuleId, Rule>;

export type { Rule, RuleContext, RuleFailure } from './rule.js';
