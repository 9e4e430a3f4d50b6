import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

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

  it('--check with a complete environment exits 0 without connecting', () => {
    const run = start(COMPLETE, ['--check']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('centric: configuration OK (Slack Socket Mode; Jira cloud at https://acme.atlassian.net; database sqlite:./data/centric.db)\n');
    expect(run.status).toBe(0);
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

describe('a running bot', () => {
  it('drains and exits 0 on SIGTERM', async () => {
    const { spawn } = await import('node:child_process');
    const { freePort, jiraStandIn, slackStandIn } = await import('../helpers/stand-in.js');
    const slack = slackStandIn();
    const jira = jiraStandIn();
    const [slackUrl, jiraUrl, port] = await Promise.all([slack.listen(), jira.listen(), freePort()]);
    const cwd = mkdtempSync(join(tmpdir(), 'centric-run-'));
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
