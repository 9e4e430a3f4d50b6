import type { Env } from '../config/env.js';

export interface JiraAccount {
  accountId: string;
  displayName: string;
}

/** The Authorization header for the configured deployment: basic auth on Cloud, a PAT on Data Center. */
export function jiraAuthorization(env: Env): string {
  if (env.JIRA_DEPLOYMENT === 'datacenter') return `Bearer ${env.JIRA_PAT}`;
  return `Basic ${Buffer.from(`${env.JIRA_EMAIL}:${env.JIRA_API_TOKEN}`).toString('base64')}`;
}

/** GET /myself: can Centric reach Jira, and as whom? Throws a message safe to log. */
export async function probeJira(env: Env, fetchImpl: typeof fetch = fetch): Promise<JiraAccount> {
  const version = env.JIRA_DEPLOYMENT === 'datacenter' ? 2 : 3;
  const url = new URL(`/rest/api/${version}/myself`, env.JIRA_BASE_URL);
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { authorization: jiraAuthorization(env), accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
  } catch (err) {
    throw new Error(`cannot reach ${url.origin}: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}`);
  }
  if (response.status === 401 || response.status === 403) throw new Error(`${url.origin} refused the credentials (HTTP ${response.status}): check JIRA_EMAIL/JIRA_API_TOKEN or JIRA_PAT`);
  if (!response.ok) throw new Error(`${url.origin} answered HTTP ${response.status} to GET /myself`);
  const body = (await response.json()) as { accountId?: string; name?: string; key?: string; displayName?: string };
  return { accountId: body.accountId ?? body.name ?? body.key ?? 'unknown', displayName: body.displayName ?? 'unknown' };
}
