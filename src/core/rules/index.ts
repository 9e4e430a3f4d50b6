import { acceptanceCriteria } from './acceptance-criteria.js';
import { customerBenefit } from './customer-benefit.js';
import { customerEvidence } from './customer-evidence.js';
import { customerMetric } from './customer-metric.js';
import { customerValue } from './customer-value.js';
import type { Rule } from './rule.js';
import { singleGoal } from './single-goal.js';
import { specificPersona } from './specific-persona.js';
import { storyFormat } from './story-format.js';
import { visualEvidenceRule } from './visual-evidence.js';
import { workingBackwards } from './working-backwards.js';

/**
 * The registry: every rule, in the order findings are reported. Rule ids, default severities,
 * score weights and the `rules` part of centric.yml are all derived from it.
 */
export const RULES = [
  storyFormat,
  customerValue,
  customerBenefit,
  specificPersona,
  customerMetric,
  visualEvidenceRule,
  customerEvidence,
  acceptanceCriteria,
  singleGoal,
  workingBackwards,
] as const;

export type RuleId = (typeof RULES)[number]['meta']['id'];

/** The registered rule with this id, its options typed. */
export type RuleOf<Id extends RuleId> = Extract<(typeof RULES)[number], { meta: { id: Id } }>;

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.meta.id);

export const RULES_BY_ID = Object.fromEntries(RULES.map((r) => [r.meta.id, r])) as { [Id in RuleId]: RuleOf<Id> };

/** The URL of a rule's explanation: its README section under the configured base. */
export const ruleLink = (rulesDocUrl: string, id: RuleId): string => `${rulesDocUrl}${RULES_BY_ID[id].meta.docs}`;

export type { Rule, RuleContext, RuleFailure, RuleMeta } from './rule.js';
