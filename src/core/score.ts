import type { LintConfig } from './config-types.js';
import { RULE_IDS, type RuleId } from './types.js';

export interface ScoredFailure {
  rule: RuleId;
  partial: boolean;
  /** The share of the rule's weight lost (0-1), when the rule says; before `partial`. */
  share?: number;
}

/** 0-100: the share of the enabled rules' weight the ticket earns; a partial failure costs half, one with a share that share. */
export function score(failures: ScoredFailure[], config: LintConfig, notApplicable: RuleId[] = []): number {
  let total = 0;
  for (const id of RULE_IDS) if (config.rules[id].severity !== 'off' && !notApplicable.includes(id)) total += config.scoreWeights[id];
  if (total <= 0) return 100;
  let lost = 0;
  for (const f of failures) lost += config.scoreWeights[f.rule] * (f.share ?? (f.partial ? 0.5 : 1));
  return Math.max(0, Math.round((100 * (total - lost)) / total));
}
