import { PROJECT_KEY } from '../core/jira-keys.js';
import { AuditUsageError } from './usage-error.js';

/**
 * `--project`, upper-cased (a key typed in lower case is the same project) and checked, for every
 * command that takes it; undefined when not given.
 */
export function projectOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const key = value.toUpperCase();
  if (!PROJECT_KEY.test(key)) throw new AuditUsageError(`--project takes a Jira project key such as SHOP, not "${value}"`);
  return key;
}
