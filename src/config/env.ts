import { z } from 'zod';
import { EnvError } from './env-error.js';

export { EnvError };

export const SETUP_LINK = 'README.md#set-up';

const url = (example: string) =>
  z.url({ protocol: /^https?$/, error: `expected an http(s) URL such as ${example}` });

/**
 * The environment Centric runs with. Each message says what the value should look like and never
 * repeats the value: it may be a secret.
 */
const envSchema = z
  .object({
    SLACK_BOT_TOKEN: z.string({ error: 'is missing: the bot token, xoxb-…' }).regex(/^xoxb-\S+$/, 'should be a bot token starting with xoxb-'),
    SLACK_APP_TOKEN: z.string().regex(/^xapp-\S+$/, 'should be an app-level token starting with xapp- (Socket Mode)').optional(),
    SLACK_SIGNING_SECRET: z.string().regex(/^[0-9a-f]{32}$/i, 'should be the 32 hex characters of Basic Information → Signing Secret').optional(),
    SLACK_API_URL: url('https://slack.com/api/').default('https://slack.com/api/'),
    JIRA_BASE_URL: url('https://your-site.atlassian.net').refine((u) => !/\/rest\//.test(u), {
      message: 'should be the site URL only, such as https://your-site.atlassian.net, without /rest/…',
    }),
    JIRA_DEPLOYMENT: z.enum(['cloud', 'datacenter'], { error: 'should be cloud or datacenter' }).default('cloud'),
    JIRA_EMAIL: z.email({ error: 'should be the e-mail address of the Jira account Centric uses' }).optional(),
    JIRA_API_TOKEN: z.string().min(1).optional(),
    JIRA_PAT: z.string().min(1).optional(),
    JIRA_WEBHOOK_SECRET: z.string().min(16, 'should be at least 16 characters (the secret set on the Jira webhook)').optional(),
    PORT: z.coerce.number({ error: 'should be a port number such as 3000' }).int().min(1).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^(?:postgres(?:ql)?:\/\/\S+|sqlite:\S+)$/, 'should be postgres://user@host:5432/db or sqlite:PATH')
      .default('sqlite:./data/centric.db'),
    CENTRIC_CONFIG: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'should be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  });

/** Problems that depend on several variables; checked even when single variables are wrong. */
function crossProblems(raw: Record<string, string>): string[] {
  const problems: string[] = [];
  if (!raw.SLACK_APP_TOKEN && !raw.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is missing: set SLACK_APP_TOKEN (xapp-…) for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode');
  }
  if ((raw.JIRA_DEPLOYMENT ?? 'cloud') === 'cloud') {
    if (!raw.JIRA_EMAIL) problems.push('JIRA_EMAIL is missing: the e-mail of the Jira Cloud account Centric uses');
    if (!raw.JIRA_API_TOKEN) problems.push('JIRA_API_TOKEN is missing: an API token of that account (id.atlassian.com → Security → API tokens)');
  } else if (raw.JIRA_DEPLOYMENT === 'datacenter' && !raw.JIRA_PAT) {
    problems.push('JIRA_PAT is missing: a personal access token of the Jira Data Center account Centric uses');
  }
  return problems;
}

export type Env = z.infer<typeof envSchema>;

/** Every variable Centric reads. */
export const ENV_NAMES = Object.keys(envSchema.shape);

/** What a missing required variable should look like. */
const MISSING: Record<string, string> = {
  SLACK_BOT_TOKEN: 'is missing: the bot token (xoxb-…) from OAuth & Permissions',
  JIRA_BASE_URL: 'is missing: your Jira site, such as https://your-site.atlassian.net',
};

/** Empty strings count as unset, as they do in most .env files. */
function present(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''));
}

/** Validates the environment; throws an EnvError with one line per problem. */
export function loadEnv(source: NodeJS.ProcessEnv): Env {
  const raw = present(source);
  const result = envSchema.safeParse(raw);
  const problems = (result.error?.issues ?? []).map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const missing = issue.code === 'invalid_type' && !(name in raw);
    return `${name} ${missing ? (MISSING[name] ?? 'is missing') : issue.message}`;
  });
  problems.push(...crossProblems(raw));
  if (problems.length > 0 || !result.success) throw new EnvError(problems);
  return result.data;
}

const jiraSchema = envSchema.pick({ JIRA_BASE_URL: true, JIRA_DEPLOYMENT: true, JIRA_EMAIL: true, JIRA_API_TOKEN: true, JIRA_PAT: true, DATABASE_URL: true });
export type JiraEnv = z.infer<typeof jiraSchema>;

/** Only what talking to Jira needs (centric audit): the Slack variables may be absent. */
export function loadJiraEnv(source: NodeJS.ProcessEnv): JiraEnv {
  const raw = present(source);
  const result = jiraSchema.safeParse(raw);
  const problems = (result.error?.issues ?? []).map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const missing = issue.code === 'invalid_type' && !(name in raw);
    return `${name} ${missing ? (MISSING[name] ?? 'is missing') : issue.message}`;
  });
  problems.push(...crossProblems(raw).filter((p) => p.startsWith('JIRA')));
  if (problems.length > 0 || !result.success) throw new EnvError(problems);
  return result.data;
}

/**
 * Every value in the environment that must never appear in a log line, the database password
 * included. The log scrubber replaces those of at least MIN_SECRET_LENGTH (runtime/logger.ts)
 * characters: a shorter one is a word, not a secret worth redacting everywhere.
 */
export function secretsOf(env: Env): string[] {
  return [env.SLACK_BOT_TOKEN, env.SLACK_APP_TOKEN, env.SLACK_SIGNING_SECRET, env.JIRA_API_TOKEN, env.JIRA_PAT, env.JIRA_WEBHOOK_SECRET, passwordIn(env.DATABASE_URL)].filter(
    (s): s is string => typeof s === 'string' && s.length > 0,
  );
}

function passwordIn(databaseUrl: string): string | undefined {
  if (!databaseUrl.startsWith('postgres')) return undefined;
  try {
    return decodeURIComponent(new URL(databaseUrl).password) || undefined;
  } catch {
    return undefined;
  }
}
