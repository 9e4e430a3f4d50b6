import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import type { CentricConfig } from '../../src/core/config-types.js';
import { lintIssue } from '../../src/core/lint.js';
import type { JiraIssue } from '../../src/core/ticket/normalise.js';
import type { Finding, RuleId } from '../../src/core/types.js';
import { issue } from './issues.js';

/**
 * The finding one rule reports for a description, or undefined when the rule passes. In English
 * whatever the ticket's language: these tests are about what the rules find in every language;
 * how each language words it is test/core/i18n/findings-language.test.ts's.
 */
export function finding(rule: RuleId, description: unknown, fields: Partial<JiraIssue['fields']> = {}, config: CentricConfig = DEFAULT_CONFIG): Finding | undefined {
  return lintIssue(issue(description, fields), config, { locale: 'en' }).findings?.find((f) => f.rule === rule);
}
