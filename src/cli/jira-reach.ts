import type { JiraEnv } from '../config/env.js';
import { JiraClient, JiraError } from '../jira/client.js';
import { AuditUsageError } from './usage-error.js';

/** Which variables hold the credentials: Cloud's e-mail and API token, or Data Center's token. */
const credentials = (env: JiraEnv): string => (env.JIRA_DEPLOYMENT === 'datacenter' ? 'JIRA_PAT' : 'JIRA_EMAIL and JIRA_API_TOKEN (an API token from id.atlassian.com → Security → API tokens)');

/**
 * One call before a command reads Jira: a site that cannot be reached, stays silent for a whole
 * time-out, or refuses the credentials, is said in one line (with what to check), not after
 * minutes of retries. Retries stay for what they are for: a rate limit or a server's hiccup
 * during the search.
 */
export async function reachJira(jira: JiraClient, env: JiraEnv): Promise<void> {
  try {
    await jira.myself({ retries: 0 });
  } catch (err) {
    if (!(err instanceof JiraError)) throw err;
    const site = withoutPassword(env.JIRA_BASE_URL);
    const said = withoutPassword(err.message);
    // Refused or unknown host: nothing to wait for. A 429 or a 5xx is left to the search, which
    // retries them as the bot does.
    if (err.status === null && /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|certificate|SSL|TLS/i.test(said)) {
      throw new AuditUsageError(`cannot reach Jira at ${site}: ${said}. Check JIRA_BASE_URL and the network.`);
    }
    // Silent for a whole time-out (30 s by default): the search's retries would wait minutes more
    // on a site, proxy or firewall that swallows requests; the person at the terminal is told now.
    if (err.status === null && /ECONNABORTED|ETIMEDOUT|timeout/i.test(said)) {
      throw new AuditUsageError(`Jira at ${site} did not answer in time: ${said}. Check JIRA_BASE_URL, the network and any proxy; jira.timeoutSeconds in centric.yml sets how long Centric waits.`);
    }
    if (err.status === 401) throw new AuditUsageError(`Jira at ${site} refused the credentials (401 Unauthorized): check ${credentials(env)}.`);
    if (err.status === 403) throw new AuditUsageError(`Jira at ${site} answered 403 Forbidden: the account may be locked behind a CAPTCHA after failed logins (log in once in a browser) or not allowed to use the REST API; check ${credentials(env)}.`);
    if (err.status === 404) throw new AuditUsageError(`Jira at ${site} has no REST API where Centric looked (404): check JIRA_BASE_URL (the site, without /rest/…) and JIRA_DEPLOYMENT (cloud or datacenter).`);
  }
}

/** A URL, or a message quoting one, without a password in it (a proxy's user:password@). */
const withoutPassword = (text: string): string => text.replace(/(\/\/[^/\s:@]+):[^/\s@]+@/g, '$1:***@');

/** --project and --jql say two different things to read: one of them, not both. */
export function oneScope(values: { project?: string | undefined; jql?: string | undefined }, command: string): void {
  if (values.project && values.jql) throw new AuditUsageError(`centric ${command} takes --project KEY or --jql "…", not both`);
}

/** A search's pages; Jira's refusal (a JQL typo: 400) is one line, not an "unexpected error". */
export async function* searchOrSay<T>(pages: AsyncIterable<T>): AsyncIterable<T> {
  try {
    yield* pages;
  } catch (err) {
    if (err instanceof JiraError) throw new AuditUsageError(withoutPassword(err.message));
    throw err;
  }
}
