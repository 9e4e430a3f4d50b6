import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOT_ACCOUNT, DEMO_SECRETS, JIRA_PEOPLE, PEOPLE, PRODUCT_CHANNEL, shopBacklog, SLACK_CHANNELS, SLACK_PEOPLE } from './backlog.js';
import { runDigestsAtNextSlot } from './digest-run.js';
import { freePort } from './stand-ins/http-stand-in.js';
import { adfText, JiraCloudStandIn } from './stand-ins/jira-cloud.js';
import { SlackStandIn, type PostedMessage } from './stand-ins/slack-web.js';


const DEMO_CONFIG = `# centric.yml of the demo: lint at once, nudge at any hour.
jira:
  debounceSeconds: 0
nudges:
  workingHours: { days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "23:59" }
`;

export class StepFailed extends Error {
  constructor(
    readonly step: string,
    detail: string,
  ) {
    super(detail);
  }
}

export interface Demo {
  jira: JiraCloudStandIn;
  slack: SlackStandIn;
  /** The Centric process (npm start's main). */
  bot: ChildProcess;
  base: string;
  folder: string;
  databaseUrl: string;
  botLog: () => string;
  stop: () => Promise<number | null>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` returns something, or fails the step after `ms`. */
async function until<T>(step: string, what: string, check: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new StepFailed(step, `${what} did not happen within ${ms / 1000} s`);
    await sleep(25);
  }
}

/** Starts Centric's own `main` (dist/main.js, as `npm start` runs it) with exactly this environment. */
export function spawnBot(env: Record<string, string>, cwd: string): { bot: ChildProcess; log: () => string; exited: Promise<number | null> } {
  // From dist/demo/run.js the bot is dist/main.js; from the sources (tests), the built one too.
  const main = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../../dist/main.js' : '../main.js', import.meta.url));
  // Its own folder as working directory: a .env beside the repository must not point it at a real Slack.
  const bot = spawn(process.execPath, [main], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  bot.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  bot.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const exited = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
  return { bot, log: () => log, exited };
}

/** Starts the stand-ins and Centric's own `main` (as `npm start` runs it) pointed at them. */
export async function startDemo(): Promise<Demo> {
  const folder = mkdtempSync(join(tmpdir(), 'centric-demo-'));
  const jira = new JiraCloudStandIn({ bot: BOT_ACCOUNT, apiToken: DEMO_SECRETS.JIRA_API_TOKEN, people: JIRA_PEOPLE });
  const slack = new SlackStandIn({ token: DEMO_SECRETS.SLACK_BOT_TOKEN, people: SLACK_PEOPLE, channels: SLACK_CHANNELS });
  const [jiraUrl, slackUrl, port] = await Promise.all([jira.listen(), slack.listen(), freePort()]);
  for (const issue of shopBacklog()) jira.put(issue);
  writeFileSync(join(folder, 'centric.yml'), DEMO_CONFIG);
  const databaseUrl = `sqlite:${join(folder, 'centric.db')}`;
  const env = {
    PATH: process.env.PATH ?? '',
    ...DEMO_SECRETS,
    SLACK_API_URL: `${slackUrl}/api/`,
    JIRA_BASE_URL: jiraUrl,
    JIRA_EMAIL: BOT_ACCOUNT.emailAddress,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    CENTRIC_CONFIG: join(folder, 'centric.yml'),
    LOG_LEVEL: 'info',
  };
  const { bot, log, exited } = spawnBot(env, folder);
  const base = `http://127.0.0.1:${port}`;
  return {
    jira,
    slack,
    bot,
    base,
    folder,
    databaseUrl,
    botLog: log,
    async stop() {
      if (bot.exitCode === null) bot.kill('SIGTERM');
      const code = await Promise.race([exited, sleep(10_000).then(() => (bot.kill('SIGKILL'), null))]);
      await Promise.all([jira.close(), slack.close()]);
      rmSync(folder, { recursive: true, force: true });
      return code;
    },
  };
}

/** Signed requests as Jira and Slack send them. */
export function senders(demo: Pick<Demo, 'base' | 'slack'>) {
  let delivery = 0;
  let responses = 0;
  const slackPost = (body: string, contentType: string) => {
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = `v0=${createHmac('sha256', DEMO_SECRETS.SLACK_SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    return fetch(`${demo.base}/slack/events`, { method: 'POST', headers: { 'content-type': contentType, 'x-slack-request-timestamp': ts, 'x-slack-signature': signature }, body });
  };
  return {
    webhook(body: unknown, id = `demo-${++delivery}`) {
      const raw = JSON.stringify(body);
      const signature = `sha256=${createHmac('sha256', DEMO_SECRETS.JIRA_WEBHOOK_SECRET).update(raw).digest('hex')}`;
      return fetch(`${demo.base}/jira/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature': signature, 'x-atlassian-webhook-identifier': id }, body: raw });
    },
    /** A /centric command; resolves to what the user sees (the ack's answer or the response_url post). */
    async command(text: string, userId: string, channelId: string): Promise<string> {
      const path = `/respond/command-${++responses}`;
      const form = new URLSearchParams({ token: 'x', team_id: 'T0DEMO', channel_id: channelId, channel_name: 'demo', user_id: userId, user_name: userId, command: '/centric', text, api_app_id: 'A0CENTRIC', response_url: `${demo.slack.url}${path}`, trigger_id: `${responses}.1` });
      const res = await slackPost(form.toString(), 'application/x-www-form-urlencoded');
      if (res.status !== 200) throw new Error(`Slack command answered HTTP ${res.status}`);
      const acked = await res.text();
      if (acked) {
        const json = JSON.parse(acked) as { text?: string };
        if (json.text) return json.text;
      }
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const answer = demo.slack.responses.find((r) => r.path === path);
        if (answer) return answer.text;
        await sleep(25);
      }
      throw new Error(`no answer to "/centric ${text}" within 10 s`);
    },
    interaction(payload: Record<string, unknown>) {
      return slackPost(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
    },
  };
}

const indent = (s: string, by = '    ') => s.split('\n').map((l) => `${by}${l}`).join('\n');
const firstScore = (s: string) => /(\d{1,3})\/100/.exec(s)?.[1] ?? '?';
const messageText = (m: PostedMessage) => m.blocks.map((b) => b.text?.text ?? (b.elements ?? []).map((e: { text?: unknown }) => (typeof e.text === 'string' ? e.text : (e.text as { text?: string })?.text ?? '')).join(' ')).filter(Boolean).join('\n') || m.text;

/** The whole demo; returns the exit status. */
export async function runDemo(out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const started = Date.now();
  const say = (line = '') => out.write(`${line}\n`);
  let demo: Demo | undefined;
  let n = 0;
  const step = async <T>(name: string, run: () => Promise<T>, note?: (value: T) => string): Promise<T> => {
    n++;
    try {
      const value = await run();
      say(`✓ ${String(n).padStart(2)}. ${name}${note ? `: ${note(value)}` : ''}`);
      return value;
    } catch (err) {
      throw err instanceof StepFailed ? err : new StepFailed(name, err instanceof Error ? err.message : String(err));
    }
  };
  say('Centric demo: Jira and Slack are local stand-ins on 127.0.0.1; Centric is the real bot (npm start). Nothing leaves this machine.');
  say();
  try {
    demo = await step('Jira and Slack stand-ins listening, shop backlog of 5 tickets seeded', startDemo, (d) => `Jira ${d.jira.url}, Slack ${d.slack.url}`);
    const d = demo;
    const send = senders(d);
    await step('Centric started (node dist/main.js, SQLite in a temporary folder) and ready', () =>
      until('Centric started', 'GET /readyz answering 200', async () => (await fetch(`${d.base}/readyz`).catch(() => null))?.status === 200, 20_000),
    );
    const priya = PEOPLE.priya;
    const linked = await step(`Priya links her Slack user to Jira: /centric link`, () => send.command('link', priya.slack, 'D0PRIYA'), (text) => text);
    if (!/link/i.test(linked)) throw new StepFailed('link', `unexpected answer: ${linked}`);

    const backlog = shopBacklog();
    await step('Jira sends a signed webhook for each new ticket', async () => {
      for (const issue of backlog) {
        const res = await send.webhook({ webhookEvent: 'jira:issue_created', timestamp: Date.now(), user: { accountId: issue.fields.reporter?.accountId }, issue: { key: issue.key, fields: { summary: issue.fields.summary } } }, `created-${issue.key}`);
        if (res.status !== 202) throw new Error(`${issue.key}: the webhook was answered HTTP ${res.status} ${await res.text()}`);
      }
    }, () => `${backlog.length} accepted (202)`);
    const stories = backlog.filter((i) => i.fields.issuetype?.name === 'Story').map((i) => i.key);
    // SHOP-1 and SHOP-3 are good stories: Centric stays silent on them, as on the task SHOP-5.
    const failing = ['SHOP-2', 'SHOP-4'];
    await step('Centric comments on the two weak stories, and stays silent on the good ones and the task', async () => {
      await until('comments', `a Centric comment on ${failing.join(' and ')}`, () => failing.every((k) => d.jira.ownComments(k).length === 1));
      await until('linted', 'every ticket checked', () => d.jira.calls(/^\/rest\/api\/3\/issue\/SHOP-\d+$/, 'GET').length >= backlog.length);
      const noisy = ['SHOP-1', 'SHOP-3', 'SHOP-5'].filter((k) => d.jira.ownComments(k).length > 0);
      if (noisy.length > 0) throw new Error(`unexpected comments on ${noisy.join(', ')}`);
    });
    await step('A second delivery of the same webhook changes nothing', async () => {
      const before = d.jira.requests.filter((r) => r.method !== 'GET').length;
      const res = await send.webhook({ webhookEvent: 'jira:issue_created', timestamp: Date.now(), user: { accountId: priya.jira }, issue: { key: 'SHOP-2' } }, 'created-SHOP-2');
      await sleep(300);
      const after = d.jira.requests.filter((r) => r.method !== 'GET').length;
      if (after !== before || d.jira.ownComments('SHOP-2').length !== 1) throw new Error('the redelivery wrote to Jira again');
      return res.status;
    }, (status) => `HTTP ${status}, no write to Jira`);
    const nudge = await step('Priya gets a nudge in Slack about her failing stories', () =>
      until('nudge', 'a DM to Priya', () => d.slack.conversation(priya.slack).find((m) => m.text.includes('SHOP-2') && m.text.includes('SHOP-4'))),
    );
    const before = await step('/centric check SHOP-2', () => send.command('check SHOP-2', priya.slack, 'D0PRIYA'), (text) => `${firstScore(text)}/100`);

    await step('Fix it: the button opens a pre-filled modal', async () => {
      const res = await send.interaction({ type: 'block_actions', user: { id: priya.slack, name: 'priya' }, team: { id: 'T0DEMO' }, api_app_id: 'A0CENTRIC', token: 'x', trigger_id: '42.1', response_url: `${d.slack.url}/respond/fix`, container: { type: 'message', channel_id: 'D0PRIYA', message_ts: nudge.ts }, actions: [{ type: 'button', action_id: 'fix_ticket', block_id: 'nudge:SHOP-2', value: 'SHOP-2', action_ts: '1' }] });
      if (res.status !== 200) throw new Error(`the click was answered HTTP ${res.status}`);
      return until('modal', 'views.open', () => d.slack.views.find((v) => v.method === 'views.open'));
    }, (v) => `"${v.view.title.text}"`);

    const fix = { role: 'first-time shopper on mobile', goal: 'filter products by size', benefit: 'I only see shoes I can buy', metric: 'Filter-to-basket rate from 8% to 12% within 4 weeks', visuals: 'https://www.figma.com/file/f1l/Filters' };
    await step('Fix it: Priya submits persona, benefit, metric and design', async () => {
      const state = Object.fromEntries(Object.entries(fix).map(([block, value]) => [block, { value: { type: block === 'visuals' ? 'url_text_input' : 'plain_text_input', value } }]));
      const res = await send.interaction({ type: 'view_submission', user: { id: priya.slack, name: 'priya' }, team: { id: 'T0DEMO' }, api_app_id: 'A0CENTRIC', token: 'x', trigger_id: '42.2', view: { id: 'V1', type: 'modal', callback_id: 'fix_ticket_modal', private_metadata: 'SHOP-2', state: { values: state } } });
      if (res.status !== 200) throw new Error(`the submission was answered HTTP ${res.status}`);
      await until('description', 'the description written back to Jira', () => d.jira.calls('/rest/api/3/issue/SHOP-2', 'PUT').some((r) => r.body.includes('"description"') && r.status === 204));
      await until('comment', 'the sticky comment updated', () => adfText(d.jira.ownComments('SHOP-2')[0]?.body).includes('Story updated from Slack'));
      return until('DM', 'the nudge DM updated', () => d.slack.conversation(priya.slack).find((m) => m.ts === nudge.ts && m.history.length > 0));
    }, () => 'description written back, comment and DM updated');
    await step('The description kept its screenshot', async () => {
      const media = JSON.stringify(d.jira.issues.get('SHOP-2')!.fields.description);
      if (!media.includes('"filter-sketch"')) throw new Error('the media node of the screenshot is gone');
    });
    const after = await step('/centric check SHOP-2 again', () => send.command('check SHOP-2', priya.slack, 'D0PRIYA'), (text) => `${firstScore(text)}/100`);

    await step('/centric subscribe SHOP in #product', () => send.command('subscribe SHOP', priya.slack, PRODUCT_CHANNEL), (text) => text);
    const digest = await step('The weekly digest run (Monday 09:00): Centric joins #product, posts the digest and its trend chart', async () => {
      const runs = await runDigestsAtNextSlot(d);
      if (runs.map((r) => r.status).join() !== 'posted') throw new Error(`digest run: ${JSON.stringify(runs)}`);
      const posted = await until('digest', 'the digest in #product', () => d.slack.conversation(PRODUCT_CHANNEL)[0]);
      const chart = await until('chart', 'the trend chart uploaded', () => d.slack.files.find((f) => f.channel === PRODUCT_CHANNEL));
      return { posted, chart };
    }, ({ chart }) => `${chart.filename}, ${chart.bytes.length} bytes`);

    say();
    say('── What Jira received: Centric\'s sticky comments ──');
    for (const key of stories) {
      const comment = d.jira.ownComments(key)[0];
      say(`${key} (${d.jira.issues.get(key)!.fields.summary}):`);
      say(indent(comment ? adfText(comment.body) : 'no comment: the story passes every check that matters (errors); Centric stays silent.'));
    }
    say();
    say('── What Slack received ──');
    for (const message of d.slack.conversation(priya.slack)) {
      say(`DM to ${priya.name}, as first sent:`);
      say(indent(messageText(message.history[0] ? { ...message, ...message.history[0] } : message)));
      if (message.history.length > 0) {
        say(`…then edited in place:`);
        say(indent(messageText(message)));
      }
    }
    say(`#product, the weekly digest:`);
    say(indent(messageText(digest.posted)));
    say();
    say('── Scores ──');
    say(`SHOP-2 before the fix: ${firstScore(before)}/100; after: ${firstScore(after)}/100`);
    say(`Requests: Jira ${d.jira.requests.length}, Slack ${d.slack.requests.length}, all on loopback.`);
    const code = await d.stop();
    demo = undefined;
    if (code !== 0) throw new StepFailed('stop', `Centric exited with ${code} on SIGTERM`);
    say();
    say(`Demo finished in ${((Date.now() - started) / 1000).toFixed(1)} s: every step happened.`);
    return 0;
  } catch (err) {
    const failed = err instanceof StepFailed ? err : new StepFailed('demo', err instanceof Error ? err.message : String(err));
    say(`✗ ${String(n).padStart(2)}. ${failed.step}: ${failed.message}`);
    if (demo) {
      say('Last lines of Centric\'s log:');
      say(indent(demo.botLog().trim().split('\n').slice(-15).join('\n')));
      await demo.stop();
    }
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runDemo().then((code) => {
    process.exitCode = code;
  });
}
