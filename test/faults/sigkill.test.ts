import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BOT_ACCOUNT, DEMO_SECRETS, JIRA_PEOPLE, PEOPLE, SLACK_PEOPLE } from '../../src/demo/backlog.js';
import { spawnBot } from '../../src/demo/run.js';
import { senders } from '../../src/demo/senders.js';
import { freePort } from '../../src/demo/stand-ins/http-stand-in.js';
import { JiraCloudStandIn } from '../../src/demo/stand-ins/jira-cloud.js';
import { SlackStandIn } from '../../src/demo/stand-ins/slack-web.js';
import { openStore } from '../../src/store/database.js';

const cleanup: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const TICKETS = Array.from({ length: 30 }, (_, i) => `SHOP-${100 + i}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the process is killed (SIGKILL) while events are in flight', () => {
  it('loses no accepted event and writes no duplicate comment or DM after a restart', async () => {
    const jira = new JiraCloudStandIn({ bot: BOT_ACCOUNT, apiToken: DEMO_SECRETS.JIRA_API_TOKEN, people: JIRA_PEOPLE });
    const slack = new SlackStandIn({ token: DEMO_SECRETS.SLACK_BOT_TOKEN, people: SLACK_PEOPLE });
    const [jiraUrl, slackUrl, port] = await Promise.all([jira.listen(), slack.listen(), freePort()]);
    cleanup.push(() => jira.close(), () => slack.close());
    for (const key of TICKETS) {
      jira.put({ key, fields: { summary: key, description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: `As a user, I want thing ${key}.` }] }] }, issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [], reporter: { accountId: PEOPLE.priya.jira } } });
    }
    // A slow Jira keeps events in flight when the process dies.
    jira.latencyMs = 40;
    const folder = mkdtempSync(join(tmpdir(), 'centric-kill-'));
    cleanup.push(() => rmSync(folder, { recursive: true, force: true }));
    writeFileSync(join(folder, 'centric.yml'), 'jira:\n  debounceSeconds: 0\ninbox:\n  leaseSeconds: 2\nnudges:\n  workingHours: { days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "23:59" }\n');
    const env = { PATH: process.env.PATH ?? '', ...DEMO_SECRETS, SLACK_API_URL: `${slackUrl}/api/`, JIRA_BASE_URL: jiraUrl, JIRA_EMAIL: BOT_ACCOUNT.emailAddress, PORT: String(port), DATABASE_URL: `sqlite:${join(folder, 'centric.db')}`, CENTRIC_CONFIG: join(folder, 'centric.yml'), LOG_LEVEL: 'info' };
    const base = `http://127.0.0.1:${port}`;
    const ready = async () => {
      for (let i = 0; i < 400; i++) {
        if ((await fetch(`${base}/readyz`).catch(() => null))?.status === 200) return;
        await sleep(25);
      }
      throw new Error('Centric did not become ready');
    };
    const send = senders({ base, slack });

    const first = spawnBot(env, folder);
    cleanup.push(() => void first.bot.kill('SIGKILL'));
    await ready();
    expect((await send.command('link', PEOPLE.priya.slack, 'D0PRIYA')).startsWith('Linked')).toBe(true);
    for (const key of TICKETS) expect((await send.webhook({ webhookEvent: 'jira:issue_created', user: { accountId: PEOPLE.priya.jira }, issue: { key } }, `kill-${key}`)).status).toBe(202);
    // Killed once a few comments are written and most events are still to do.
    for (let i = 0; i < 400 && jira.calls(/\/comment$/, 'POST').length < 3; i++) await sleep(10);
    first.bot.kill('SIGKILL');
    await first.exited;
    const doneBeforeKill = TICKETS.filter((k) => jira.ownComments(k).length > 0).length;
    expect(doneBeforeKill).toBeLessThan(TICKETS.length);

    const second = spawnBot(env, folder);
    cleanup.push(async () => {
      second.bot.kill('SIGTERM');
      await second.exited;
    });
    await ready();
    for (let i = 0; i < 600 && !TICKETS.every((k) => jira.ownComments(k).length > 0); i++) await sleep(25);
    expect(TICKETS.filter((k) => jira.ownComments(k).length !== 1)).toEqual([]);
    expect(jira.calls(/\/comment$/, 'POST')).toHaveLength(TICKETS.length);

    const store = openStore(env.DATABASE_URL);
    cleanup.push(() => store.close());
    // Events the killed process held are taken over when their lease (2 s here) runs out.
    const unfinished = () => store.db.selectFrom('inbox').select(['ticket_key', 'status']).where('status', '!=', 'done').execute();
    for (let i = 0; i < 400 && (await unfinished()).length > 0; i++) await sleep(25);
    expect(await unfinished()).toEqual([]);
    const events = await store.db.selectFrom('inbox').select(['ticket_key', 'status']).execute();
    expect(jira.calls(/\/comment$/, 'POST')).toHaveLength(TICKETS.length);
    expect(new Set(events.map((e) => e.ticket_key))).toEqual(new Set(TICKETS));
    // Every nudge went out at most once.
    for (let i = 0; i < 400 && (await store.db.selectFrom('nudges').select('status').where('status', '!=', 'sent').execute()).length > 0; i++) await sleep(25);
    const dms = slack.conversation(PEOPLE.priya.slack);
    const named = dms.flatMap((m) => TICKETS.filter((k) => m.text.includes(`${k},`) || m.text.endsWith(k)));
    expect(named.length).toBeGreaterThan(0);
    expect(named.length).toBe(new Set(named).size);
    // What the two processes logged (info level) holds none of the secrets.
    const logs = first.log() + second.log();
    expect(logs).toContain('ticket checked');
    for (const secret of Object.values(DEMO_SECRETS)) expect(logs).not.toContain(secret);
  }, 60_000);
});
