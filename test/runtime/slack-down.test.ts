import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { opsUrlIn, spawnBot } from '../../src/demo/run.js';
import { freePort } from '../../src/demo/stand-ins/http-stand-in.js';

let running: ReturnType<typeof spawnBot> | undefined;
afterEach(async () => {
  if (running && running.bot.exitCode === null) {
    running.bot.kill('SIGKILL');
    await running.exited;
  }
  running = undefined;
});

const logLines = (log: string) => log.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; err?: { type?: string } });

describe('npm start with Slack unreachable (Socket Mode)', () => {
  it('keeps running, serves /healthz, says why /readyz is not ready, prints no stack trace, and stops cleanly', async () => {
    const [port, nobody] = await Promise.all([freePort(), freePort()]);
    const folder = mkdtempSync(join(tmpdir(), 'centric-slack-down-'));
    writeFileSync(join(folder, 'centric.yml'), 'ops:\n  port: 0\n');
    running = spawnBot(
      {
        PATH: process.env.PATH ?? '',
        SLACK_BOT_TOKEN: 'xoxb-1-2-3',
        SLACK_APP_TOKEN: 'xapp-1-A1-2-abc',
        // Nothing listens there: every Slack call is refused, as when Slack is unreachable.
        SLACK_API_URL: `http://127.0.0.1:${nobody}/api/`,
        JIRA_BASE_URL: `http://127.0.0.1:${nobody}`,
        JIRA_EMAIL: 'centric@acme.io',
        JIRA_API_TOKEN: 'not-a-real-token',
        PORT: String(port),
        DATABASE_URL: `sqlite:${join(folder, 'centric.db')}`,
        CENTRIC_CONFIG: join(folder, 'centric.yml'),
      },
      folder,
    );
    const { bot, log, exited } = running;
    // The old crash came with the first failed auth.test; wait for two, and for Socket Mode retries.
    const deadline = Date.now() + 20_000;
    const retried = () => {
      const lines = logLines(log());
      return lines.filter((l) => l.msg === 'auth.test failed; retrying').length >= 2 && lines.some((l) => l.msg === 'Socket Mode connection failed; retrying');
    };
    while (!retried() && bot.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(bot.exitCode).toBeNull();
    expect(retried()).toBe(true);

    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const bare = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(bare.status).toBe(503);
    expect(await bare.json()).toMatchObject({ status: 'not ready', checks: { slack: { ok: false } } });
    // Why, on the ops address only.
    const ops = opsUrlIn(log());
    expect(ops).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ready = await fetch(`${ops}/readyz`);
    expect(ready.status).toBe(503);
    const { checks } = (await ready.json()) as { checks: { slack: { ok: boolean; detail: string } } };
    expect(checks.slack.ok).toBe(false);
    expect(checks.slack.detail).toMatch(/failed \(attempt \d+, retrying\)/);

    bot.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log()).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(logLines(log()).filter((l) => l.msg.includes('unhandled'))).toEqual([]);
  }, 30_000);
});
