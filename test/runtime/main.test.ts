import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const MAIN = resolve(import.meta.dirname, '../../dist/main.js');
const COMPLETE = {
  SLACK_BOT_TOKEN: 'xoxb-1-2-3',
  SLACK_APP_TOKEN: 'xapp-1-A1-2-abc',
  JIRA_BASE_URL: 'https://acme.atlassian.net',
  JIRA_EMAIL: 'centric@acme.io',
  JIRA_API_TOKEN: 'ATATT-not-a-real-token',
};

/** Runs the entry point of `npm start` in an empty folder (no .env) with exactly `env`. */
function start(env: Record<string, string>, args: string[] = []) {
  const cwd = mkdtempSync(join(tmpdir(), 'centric-start-'));
  return { cwd, ...spawnSync(process.execPath, [MAIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 15_000 }) };
}

describe('npm start', () => {
  it('with an empty environment exits 1 with one line per missing variable', () => {
    const run = start({});
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toEqual([
      'centric: cannot start; fix these environment variables (see README.md#set-up):',
      '  SLACK_BOT_TOKEN is missing: the bot token (xoxb-…) from OAuth & Permissions',
      '  JIRA_BASE_URL is missing: your Jira site, such as https://your-site.atlassian.net',
      '  SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is missing: set SLACK_APP_TOKEN (xapp-…) for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode',
      '  JIRA_EMAIL is missing: the e-mail of the Jira Cloud account Centric uses',
      '  JIRA_API_TOKEN is missing: an API token of that account (id.atlassian.com → Security → API tokens)',
      '',
    ]);
  });

  it('names a malformed variable without printing its value', () => {
    const run = start({ ...COMPLETE, SLACK_BOT_TOKEN: 'xoxp-user-token-SECRET', PORT: 'eighty' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('  SLACK_BOT_TOKEN should be a bot token starting with xoxb-\n');
    expect(run.stderr).toContain('  PORT should be a port number such as 3000\n');
    expect(run.stderr).not.toContain('SECRET');
    expect(run.stderr).not.toContain('eighty');
  });

  it('reads .env from the working folder, and stops on a bad centric.yml naming the path inside it', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'centric-start-'));
    writeFileSync(join(cwd, '.env'), Object.entries(COMPLETE).map(([k, v]) => `${k}=${v}`).join('\n'));
    writeFileSync(join(cwd, 'centric.yml'), 'inbox:\n  concurrency: 0\n');
    const run = spawnSync(process.execPath, [MAIN, '--check'], { cwd, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('centric: cannot start; fix centric.yml:\n  ./centric.yml: inbox.concurrency: Too small: expected number to be >=1\n');
  });
});

/** Runs `npm start -- --check` without blocking this process: the Jira stand-in answers from here. */
async function check(env: Record<string, string>, files: Record<string, string> = {}) {
  const { spawn } = await import('node:child_process');
  const cwd = mkdtempSync(join(tmpdir(), 'centric-check-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text);
  const child = spawn(process.execPath, [MAIN, '--check'], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const status = await new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
  return { status, stdout, stderr };
}

describe('npm start -- --check', () => {
  const BOT = { accountId: '5b10-centric-bot', displayName: 'Centric Bot', emailAddress: COMPLETE.JIRA_EMAIL };
  const closing: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => void (await Promise.all(closing.splice(0).map((s) => s.close()))));

  async function jiraSite() {
    const { JiraCloudStandIn } = await import('../../src/demo/stand-ins/jira-cloud.js');
    const jira = new JiraCloudStandIn({ bot: BOT, apiToken: COMPLETE.JIRA_API_TOKEN });
    closing.push(jira);
    const url = await jira.listen();
    jira.addProject('SHOP');
    return { jira, env: { ...COMPLETE, JIRA_BASE_URL: url, JIRA_WEBHOOK_SECRET: 'a-webhook-secret-of-some-length' } };
  }

  it('checks the configuration, then Jira: signed in and holding every permission, exits 0', async () => {
    const { jira, env } = await jiraSite();
    const run = await check(env);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      `centric: configuration OK (Slack Socket Mode; Jira cloud at ${env.JIRA_BASE_URL}; database sqlite:./data/centric.db)\n` +
        'centric: Jira OK (signed in as Centric Bot; every permission Centric needs is granted)\n',
    );
    expect(run.status).toBe(0);
    expect(jira.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /rest/api/3/myself',
      'GET /rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,ADD_COMMENTS,EDIT_OWN_COMMENTS,DELETE_OWN_COMMENTS,DELETE_ALL_COMMENTS,EDIT_ISSUES,ADMINISTER_PROJECTS,USER_PICKER,ADMINISTER',
    ]);
  });

  it('names each missing permission with what breaks, and a webhook that would refuse every delivery; exits 1', async () => {
    const { jira, env } = await jiraSite();
    jira.withhold('USER_PICKER');
    const run = await check({ ...env, JIRA_WEBHOOK_SECRET: '' });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('Jira OK');
    expect(run.stderr.split('\n')).toEqual([
      'centric: not ready; fix these (see README.md#set-up):',
      '  JIRA_WEBHOOK_SECRET is unset while jira.webhook is on: every Jira webhook delivery would be refused. Set JIRA_WEBHOOK_SECRET to the secret of the Jira webhook, or set jira.webhook: off in centric.yml when Centric polls instead (jira.poll)',
      "  Jira account Centric Bot lacks USER_PICKER (Browse users and groups, global permission): user search quietly finds nobody, so nobody can link their Slack account by their verified e-mail; grant it in Jira's global permissions",
      '',
    ]);
  });

  it('is content with jira.webhook: off and no secret', async () => {
    const { env } = await jiraSite();
    const run = await check({ ...env, JIRA_WEBHOOK_SECRET: '', CENTRIC_CONFIG: 'centric.yml' }, { 'centric.yml': 'jira:\n  webhook: "off"\n' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('says which credentials Jira refused', async () => {
    const { env } = await jiraSite();
    const run = await check({ ...env, JIRA_API_TOKEN: 'ATATT-revoked-token' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `centric: not ready; fix these (see README.md#set-up):\n  Jira at ${env.JIRA_BASE_URL} refused the credentials (HTTP 401 on /rest/api/3/myself): check JIRA_EMAIL and JIRA_API_TOKEN (an API token of that account)\n`,
    );
    expect(run.stderr).not.toContain('revoked');
  });

  it('gives up on a Jira that does not answer after jira.timeoutSeconds', async () => {
    const { jira, env } = await jiraSite();
    // Jira answers after 15 s; the check must give up long before. The margin is wide: starting the
    // process takes seconds on a loaded CI machine (a 4 s bound failed there at 5.3 s).
    jira.on('GET', '/rest/api/3/myself', () => ({ delayMs: 15_000, body: {} }));
    const started = Date.now();
    const run = await check({ ...env, CENTRIC_CONFIG: 'centric.yml' }, { 'centric.yml': 'jira:\n  timeoutSeconds: 1\n' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`  Jira at ${env.JIRA_BASE_URL} did not answer within 1 s (ECONNABORTED): check JIRA_BASE_URL and that this machine can reach it\n`);
    expect(Date.now() - started).toBeLessThan(12_000);
  });

  it('says when nothing listens at JIRA_BASE_URL', async () => {
    const { freePort } = await import('../helpers/stand-in.js');
    const url = `http://127.0.0.1:${await freePort()}`;
    const run = await check({ ...COMPLETE, JIRA_BASE_URL: url, JIRA_WEBHOOK_SECRET: 'a-webhook-secret-of-some-length' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`  Jira at ${url} did not answer within 10 s (ECONNREFUSED): check JIRA_BASE_URL and that this machine can reach it\n`);
  });
});

describe('a running bot', () => {
  it('drains and exits 0 on SIGTERM', async () => {
    const { spawn } = await import('node:child_process');
    const { freePort, jiraStandIn, slackStandIn } = await import('../helpers/stand-in.js');
    const slack = slackStandIn();
    const jira = jiraStandIn();
    const [slackUrl, jiraUrl, port] = await Promise.all([slack.listen(), jira.listen(), freePort()]);
    const cwd = mkdtempSync(join(tmpdir(), 'centric-run-'));
    // Any free port for /metrics: the default 127.0.0.1:9464 may be taken by another test's bot.
    writeFileSync(join(cwd, 'centric.yml'), 'ops:\n  port: 0\n');
    const child = spawn(process.execPath, [MAIN], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        ...COMPLETE,
        SLACK_APP_TOKEN: '',
        SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
        SLACK_API_URL: `${slackUrl}/api/`,
        JIRA_BASE_URL: jiraUrl,
        PORT: String(port),
        CENTRIC_CONFIG: 'centric.yml',
      },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
    for (let i = 0; i < 100; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok).catch(() => false);
      if (ok && out.includes('database ready')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const messages = out.trim().split('\n').map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages).toEqual(expect.arrayContaining(['starting Centric', 'database ready', 'shutdown requested', 'stopped']));
    await Promise.all([slack.close(), jira.close()]);
  });
});
