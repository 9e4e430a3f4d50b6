/**
 * npm run load: signed Jira webhooks at a fixed rate (default 300/s for 30 s, 10% redeliveries)
 * against the real bot (dist/main.js) and the local stand-ins; then waits for the inbox to drain
 * and prints what a user of the numbers needs. With DATABASE_URL (Postgres), two bot processes
 * share the work. Exits 1 when an event is lost, an effect is duplicated or p99 is 50 ms or more.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { BOT_ACCOUNT, DEMO_SECRETS } from '../../src/demo/backlog.js';
import { spawnBot } from '../../src/demo/run.js';
import { freePort } from '../../src/demo/stand-ins/http-stand-in.js';
import { JiraCloudStandIn } from '../../src/demo/stand-ins/jira-cloud.js';
import { SlackStandIn } from '../../src/demo/stand-ins/slack-web.js';
import { openStore } from '../../src/store/database.js';

const { values } = parseArgs({ options: { rate: { type: 'string', default: '300' }, duration: { type: 'string', default: '30' }, tickets: { type: 'string', default: '2000' } } });
const RATE = Number(values.rate);
const DURATION = Number(values.duration);
const TICKETS = Number(values.tickets);
const postgres = process.env.DATABASE_URL?.startsWith('postgres');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const jira = new JiraCloudStandIn({ bot: BOT_ACCOUNT, apiToken: DEMO_SECRETS.JIRA_API_TOKEN });
const slack = new SlackStandIn({ token: DEMO_SECRETS.SLACK_BOT_TOKEN, people: {} });
for (let i = 1; i <= TICKETS; i++) {
  const text = i % 3 === 0 ? `As a night nurse, I want ward list ${i}, so that I plan my shift. Success: handover time from 20 min to 10 min within 4 weeks.` : `As a user, I want thing ${i}.`;
  jira.put({ key: `LOAD-${i}`, fields: { summary: `Ticket ${i}`, description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }, issuetype: { name: 'Story' }, project: { key: 'LOAD' }, labels: [], attachment: [] } });
}
const [jiraUrl, slackUrl] = await Promise.all([jira.listen(), slack.listen()]);
const folder = mkdtempSync(join(tmpdir(), 'centric-load-'));
const databaseUrl = process.env.DATABASE_URL ?? `sqlite:${join(folder, 'centric.db')}`;
writeFileSync(join(folder, 'centric.yml'), 'jira:\n  debounceSeconds: 0\n');
const processes = postgres ? 2 : 1;
const bots: Array<{ base: string } & ReturnType<typeof spawnBot>> = [];
for (let i = 0; i < processes; i++) {
  const port = await freePort();
  const env = { PATH: process.env.PATH ?? '', ...DEMO_SECRETS, SLACK_API_URL: `${slackUrl}/api/`, JIRA_BASE_URL: jiraUrl, JIRA_EMAIL: BOT_ACCOUNT.emailAddress, PORT: String(port), DATABASE_URL: databaseUrl, CENTRIC_CONFIG: join(folder, 'centric.yml'), LOG_LEVEL: 'warn' };
  bots.push({ base: `http://127.0.0.1:${port}`, ...spawnBot(env, folder) });
}
const peakRss = new Map<number, number>();
const sampleRss = () => {
  for (const b of bots) {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${b.bot.pid}/status`, 'utf8'));
      if (hwm) peakRss.set(b.bot.pid!, Number(hwm[1]) * 1024);
    } catch {
      // the process is gone
    }
  }
};
try {
  for (const b of bots) {
    for (let i = 0; i < 400 && (await fetch(`${b.base}/readyz`).catch(() => null))?.status !== 200; i++) await sleep(25);
  }
  if (postgres) {
    const store = openStore(databaseUrl);
    await sql`delete from inbox`.execute(store.db).catch(() => undefined);
    await store.close();
  }
  process.stderr.write(`load: ${RATE} webhooks/s for ${DURATION} s, 10% redeliveries, ${TICKETS} tickets, ${processes} bot process(es) on ${postgres ? 'Postgres' : 'SQLite'}\n`);

  let sequence = 0;
  const sentIds: string[] = [];
  const answers = { accepted: 0, duplicates: 0, other: 0 };
  const runOne = (base: string, rate: number) =>
    autocannon({
      url: `${base}/jira/webhook`,
      method: 'POST',
      overallRate: rate,
      duration: DURATION,
      // Few connections: autocannon paces overallRate per tick, and many connections turn that into bursts it then counts as latency.
      connections: 8,
      requests: [
        {
          setupRequest: (req) => {
            const n = sequence++;
            // One request in ten redelivers an earlier event, with its identifier.
            const id = n > 10 && n % 10 === 0 ? sentIds[Math.floor(Math.random() * sentIds.length)]! : `load-${n}`;
            if (id === `load-${n}`) sentIds.push(id);
            const ticket = `LOAD-${(Number(id.slice(5)) % TICKETS) + 1}`;
            const body = JSON.stringify({ webhookEvent: 'jira:issue_updated', timestamp: Number(id.slice(5)), user: { accountId: 'someone' }, issue: { key: ticket }, changelog: { items: [{ field: 'description', fieldId: 'description' }] } });
            const signature = `sha256=${createHmac('sha256', DEMO_SECRETS.JIRA_WEBHOOK_SECRET).update(body).digest('hex')}`;
            return { ...req, body, headers: { 'content-type': 'application/json', 'x-hub-signature': signature, 'x-atlassian-webhook-identifier': id } };
          },
          onResponse: (status, body) => {
            const answer = JSON.parse(body) as { status?: string };
            if (status === 202) answers.accepted++;
            else if (status === 200 && answer.status === 'duplicate') answers.duplicates++;
            else answers.other++;
          },
        },
      ],
    });
  const rssTimer = setInterval(sampleRss, 500);
  const results = await Promise.all(bots.map((b) => runOne(b.base, RATE / processes)));
  const sent = results.reduce((s, r) => s + r.requests.sent, 0);
  const uniqueSent = sentIds.length;

  const store = openStore(databaseUrl);
  const pending = async () => Number((await store.db.selectFrom('inbox').select((eb) => eb.fn.countAll().as('n')).where('status', 'in', ['pending', 'processing']).executeTakeFirstOrThrow()).n);
  const drainStarted = Date.now();
  while ((await pending()) > 0 && Date.now() - drainStarted < 120_000) await sleep(200);
  clearInterval(rssTimer);
  sampleRss();
  const stored = await store.db.selectFrom('inbox').select(['delivery_id', 'status']).execute();
  await store.close();
  const storedIds = new Set(stored.map((r) => r.delivery_id));
  const lost = sentIds.filter((id) => !storedIds.has(id)).length;
  const duplicateComments = [...jira.comments.values()].filter((list) => list.filter((c) => c.author === BOT_ACCOUNT.accountId).length > 1).length;
  const latency = results[0]!.latency;
  const p99 = Math.max(...results.map((r) => r.latency.p99));
  const report = {
    'requests sent': sent,
    'accepted (202)': answers.accepted,
    'duplicates dropped (200 duplicate)': answers.duplicates,
    'other answers': answers.other + results.reduce((s, r) => s + r.errors + r.non2xx, 0),
    'ack latency p50 / p99 / max (ms)': `${latency.p50} / ${p99} / ${Math.max(...results.map((r) => r.latency.max))}`,
    'events processed': stored.filter((r) => r.status === 'done' || r.status === 'coalesced').length,
    'events still pending after drain': stored.filter((r) => r.status === 'pending' || r.status === 'processing').length,
    'dead-lettered': stored.filter((r) => r.status === 'dead').length,
    'comments written': jira.calls(/\/comment$/, 'POST').length,
    'comment updates': jira.calls(/\/comment\/\d+$/, 'PUT').length,
    'tickets with a duplicate comment': duplicateComments,
    'events lost': lost,
    'unique deliveries sent': uniqueSent,
    'drain time (s)': ((Date.now() - drainStarted) / 1000).toFixed(1),
    'peak RSS per bot (MB)': [...peakRss.values()].map((b) => (b / 1024 / 1024).toFixed(0)).join(', '),
  };
  for (const [k, v] of Object.entries(report)) process.stdout.write(`${k.padEnd(36)} ${v}\n`);
  const ok = lost === 0 && duplicateComments === 0 && p99 < 50 && report['events still pending after drain'] === 0;
  process.stdout.write(ok ? 'load: OK (0 lost, 0 duplicate effects, p99 < 50 ms)\n' : 'load: FAILED a target (0 lost, 0 duplicate effects, p99 < 50 ms, drained)\n');
  process.exitCode = ok ? 0 : 1;
} finally {
  for (const b of bots) {
    b.bot.kill('SIGTERM');
    await b.exited;
  }
  await Promise.all([jira.close(), slack.close()]);
  rmSync(folder, { recursive: true, force: true });
}
