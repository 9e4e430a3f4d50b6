import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import type { CentricConfig } from '../../src/core/config-types.js';
import { lintIssue } from '../../src/core/lint.js';
import type { JiraIssue } from '../../src/core/ticket/normalise.js';
import type { Finding, RuleId } from '../../src/core/types.js';
import { issue } from './issues.js';

/** The finding one rule reports for a description, or undefined when the rule passes. */
export function finding(rule: RuleId, description: unknown, fields: Partial<JiraIssue['fields']> = {}, config: CentricConfig = DEFAULT_CONFIG): Finding | undefined {
  return lintIssue(issue(description, fields), config).findings?.find((f) => f.rule === rule);
}
