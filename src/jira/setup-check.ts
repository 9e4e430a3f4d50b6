import type { JiraEnv } from '../config/env.js';
import type { JiraSettings } from '../core/config-types.js';
import type { Logger } from '../runtime/logger.js';
import { Metrics } from '../runtime/metrics.js';
import { JiraClient, JiraError } from './client.js';

/** The longest `--check` waits for one Jira answer, whatever jira.timeoutSeconds says. */
export const CHECK_TIMEOUT_SECONDS = 10;

export interface JiraCheck {
  /** Signed in as this account; null when Jira could not be reached or refused the credentials. */
  account: string | null;
  /** One line each: what is wrong, where, and what to do. */
  problems: string[];
}

/** How to fix a refused or failed GET /myself, by what Jira answered. */
function myselfProblem(err: unknown, env: JiraEnv, timeoutSeconds: number): string {
  const site = env.JIRA_BASE_URL;
  const path = env.JIRA_DEPLOYMENT === 'cloud' ? '/rest/api/3/myself' : '/rest/api/2/myself';
  const status = err instanceof JiraError ? err.status : null;
  if (status === 401) {
    const credentials = env.JIRA_DEPLOYMENT === 'cloud' ? 'JIRA_EMAIL and JIRA_API_TOKEN (an API token of that account)' : 'JIRA_PAT (a personal access token of that account)';
    return `Jira at ${site} refused the credentials (HTTP 401 on ${path}): check ${credentials}`;
  }
  if (status === 403) return `Jira at ${site} answered HTTP 403 on ${path}: the account may have no product access or may have to pass a CAPTCHA; sign in to Jira as it once and check its access`;
  if (status === 404) return `Jira at ${site} answered HTTP 404 on ${path}: check that JIRA_BASE_URL is the site's address and JIRA_DEPLOYMENT matches it (cloud or datacenter)`;
  if (status !== null) return `Jira at ${site} answered HTTP ${status} on ${path}: try again later, and check Jira's status if it persists`;
  const detail = err instanceof Error ? (/\(([^()]*)\)$/.exec(err.message)?.[1] ?? err.message) : String(err);
  return `Jira at ${site} did not answer within ${timeoutSeconds} s (${detail}): check JIRA_BASE_URL and that this machine can reach it`;
}

/**
 * `npm start -- --check`, the Jira part: reachable and signed in (GET /myself), and holding
 * every permission Centric needs (GET /mypermissions). One try each, under a short time-out.
 */
export async function checkJira(env: JiraEnv, settings: JiraSettings, logger: Logger): Promise<JiraCheck> {
  const timeoutSeconds = Math.min(settings.timeoutSeconds, CHECK_TIMEOUT_SECONDS);
  const jira = new JiraClient({ env, settings: { ...settings, timeoutSeconds }, metrics: new Metrics(), logger, maxRetries: 0 });
  let account: string;
  try {
    const me = await jira.myself({ retries: 0 });
    account = me.displayName || me.accountId;
  } catch (err) {
    return { account: null, problems: [myselfProblem(err, env, timeoutSeconds)] };
  }
  try {
    const missing = await jira.missingPermissions({ retries: 0 });
    const where = (scope: 'global' | 'project') =>
      scope === 'global' ? "grant it in Jira's global permissions" : 'grant it in the permission scheme of the projects Centric works on';
    return { account, problems: missing.map((p) => `Jira account ${account} lacks ${p.sentence}; ${where(p.scope)}`) };
  } catch (err) {
    return { account, problems: [`Jira at ${env.JIRA_BASE_URL} did not list the account's permissions (${err instanceof Error ? err.message : String(err)}): try again, or check the permissions by hand (see README.md#set-up)`] };
  }
}
