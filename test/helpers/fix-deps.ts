import { loadJiraEnv } from '../../src/config/env.js';
import type { CentricConfig } from '../../src/core/config-types.js';
import type { FixDeps } from '../../src/flows/fix-ticket.js';
import { JiraClient } from '../../src/jira/client.js';
import { Metrics } from '../../src/runtime/metrics.js';
import type { Store } from '../../src/store/database.js';
import { capturedLogger } from './quiet.js';

/**
 * Fix it's dependencies against a Jira Data Center fake (wiki markup, a PAT): a real JiraClient
 * that never sleeps between retries, and a DM port that is there for "fixed", never called.
 */
export function dataCenterFixDeps(store: Store, config: CentricConfig): FixDeps {
  const logger = capturedLogger().logger;
  const env = loadJiraEnv({ JIRA_BASE_URL: 'https://acme.atlassian.net', JIRA_PAT: 'pat', JIRA_DEPLOYMENT: 'datacenter' });
  const dm = { postNudge: async () => ({ channel: 'D1', ts: '1.1' }), updateNudge: async () => undefined };
  return { store, config, metrics: new Metrics(), clock: () => 1_000, jira: new JiraClient({ env, settings: config.jira, metrics: new Metrics(), logger, sleep: async () => undefined }), logger, dm };
}
