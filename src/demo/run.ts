import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOT_ACCOUNT, DEMO_SECRETS, JIRA_PEOPLE, PEOPLE, PRODUCT_CHANNEL, shopBacklog, SLACK_CHANNELS, SLACK_PEOPLE } from './backlog.js';
import { runDigestsAtNextSlot } from './digest-run.js';
import { senders } from './senders.js';
import { openStore, type Store } from '../store/database.js';
import { depth } from '../store/inbox.js';
import { errorText } from '../runtime/errors.js';
import { freePort } from './stand-ins/http-stand-in.js';
import { adfText, JiraCloudStandIn } from './stand-ins/jira-cloud.js';
import { SlackStandIn, type PostedMessage } from './stand-ins/slack-web.js';


const DEMO_CONFIG = `# centric.yml of the demo: lint at once, nudge at any hour, ops endpoints on any free loopback port.
jira:
  debounceSeconds: 0
nudges:
  workingHours: { days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "23:59" }
outcomes:
  defaultReviewAfter: 0d   # a shipped story whose promise names no timeframe is reviewed at once
ops:
  port: 0
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
  /** The ops address (/metrics, the detailed /readyz), once the bot has said it in its log. */
  ops: () => string | null;
  folder: string;
  databaseUrl: string;
  botLog: () => string;
  /** Whether the bot's inbox holds no event pending or in flight (read from its database). */
  inboxIdle: () => Promise<boolean>;
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

/** The ops address a bot logged ("ops endpoints listening"), or null while it has not. */
export function opsUrlIn(log: string): string | null {
  for (const line of log.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'ops endpoints listening' && entry.url) return entry.url;
    } catch {
      // not a log line
    }
  }
  return null;
}

/** Starts Centric's own `main` (dist/main.js, as `npm start` runs it) with exactly this environment. */
/** What `npm start` and the Docker image pass to node before dist/main.js (a test holds the three alike). */
export const BOT_NODE_FLAGS = '--max-semi-space-size=4';

export function spawnBot(env: Record<string, string>, cwd: string): { bot: ChildProcess; log: () => string; exited: Promise<number | null> } {
  // From dist/demo/run.js the bot is dist/main.js; from the sources (tests), the built one too.
  const main = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../../dist/main.js' : '../main.js', import.meta.url));
  // Its own folder as working directory: a .env beside the repository must not point it at a real Slack.
  // With npm start's V8 flag (the young generation's size, see src/main.ts): the same memory as in production.
  const bot = spawn(process.execPath, [BOT_NODE_FLAGS, main], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
  let store: Store | undefined;
  return {
    jira,
    slack,
    bot,
    base,
    ops: () => opsUrlIn(log()),
    folder,
    databaseUrl,
    botLog: log,
    async inboxIdle() {
      store ??= openStore(databaseUrl);
      return (await depth(store).catch(() => 1)) === 0;
    },
    async stop() {
      await store?.close();
      store = undefined;
      if (bot.exitCode === null) bot.kill('SIGTERM');
      const code = await Promise.race([exited, sleep(10_000).then(() => (bot.kill('SIGKILL'), null))]);
      await Promise.all([jira.close(), slack.close()]);
      rmSync(folder, { recursive: true, force: true });
      return code;
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
      throw err instanceof StepFailed ? err : new StepFailed(name, errorText(err));
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
    await step('The ops endpoints answer on loopback only; the public /readyz says no more than "ready"', async () => {
      const ops = await until('ops', 'the ops address in the log', () => d.ops());
      if (!new URL(ops).hostname.startsWith('127.')) throw new Error(`the ops endpoints listen on ${ops}, not on loopback`);
      const metrics = await fetch(`${ops}/metrics`);
      if (metrics.status !== 200 || !(await metrics.text()).includes('centric_inbox_depth')) throw new Error(`GET ${ops}/metrics answered HTTP ${metrics.status}`);
      const onPort = await fetch(`${d.base}/metrics`);
      if (onPort.status !== 404) throw new Error(`GET /metrics on PORT answered HTTP ${onPort.status}, not 404`);
      const bare = JSON.stringify(await (await fetch(`${d.base}/readyz`)).json());
      if (/detail|sqlite|Centric/.test(bare)) throw new Error(`the public /readyz tells too much: ${bare}`);
      return { ops, bare };
    }, ({ ops, bare }) => `/metrics at ${ops}, public /readyz ${bare}`);
    const priya = PEOPLE.priya;
    const linked = await step(`Priya links her Slack user to Jira: /centric link`, () => send.command('link', priya.slack, 'D0PRIYA'), (text) => text);
    if (!/link/i.test(linked)) throw new StepFailed('link', `unexpected answer: ${linked}`);

    const backlog = shopBacklog();
    const sentBodies = new Map<string, unknown>();
    await step('Jira sends a signed webhook for each new ticket', async () => {
      for (const issue of backlog) {
        const body = { webhookEvent: 'jira:issue_created', timestamp: Date.now(), user: { accountId: issue.fields.reporter?.accountId }, issue: { key: issue.key, fields: { summary: issue.fields.summary } } };
        sentBodies.set(issue.key, body);
        const res = await send.webhook(body, `created-${issue.key}`);
        if (res.status !== 202) throw new Error(`${issue.key}: the webhook was answered HTTP ${res.status} ${await res.text()}`);
      }
    }, () => `${backlog.length} accepted (202)`);
    const stories = backlog.filter((i) => i.fields.issuetype?.name === 'Story').map((i) => i.key);
    // SHOP-1 is a good story: Centric stays silent on it, as on the task SHOP-5. SHOP-3 passes with
    // warnings: a comment of suggestions, no label, no nudge, in German as the story is. SHOP-2 and SHOP-4 fail.
    const failing = ['SHOP-2', 'SHOP-4'];
    await step('Centric comments on the two weak stories, suggests on the passing SHOP-3, and stays silent on the good one and the task', async () => {
      // Done means every event processed to its last write (comment, then label), not the first comment seen.
      await until('linted', 'every webhook processed', () => d.inboxIdle());
      const missing = [...failing, 'SHOP-3'].filter((k) => d.jira.ownComments(k).length !== 1);
      if (missing.length > 0) throw new Error(`no Centric comment on ${missing.join(', ')}`);
      const suggestions = adfText(d.jira.ownComments('SHOP-3')[0]!.body);
      if (!/bestanden, \d+ Vorschl(ag|äge)/.test(suggestions)) throw new Error(`SHOP-3's comment does not say, in German, that it passes with suggestions: ${suggestions.split('\n')[0]}`);
      const noisy = ['SHOP-1', 'SHOP-5'].filter((k) => d.jira.ownComments(k).length > 0);
      if (noisy.length > 0) throw new Error(`unexpected comments on ${noisy.join(', ')}`);
    });
    await step('A second delivery of the same webhook changes nothing', async () => {
      const before = d.jira.requests.filter((r) => r.method !== 'GET').length;
      const res = await send.webhook({ webhookEvent: 'jira:issue_created', timestamp: Date.now(), user: { accountId: priya.jira }, issue: { key: 'SHOP-2' } }, 'created-SHOP-2');
      const answer = (await res.json()) as { status?: string };
      if (answer.status !== 'duplicate') throw new Error(`the redelivery was answered ${res.status} ${JSON.stringify(answer)}, not as a duplicate`);
      await until('redelivery', 'the inbox idle again', () => d.inboxIdle());
      const after = d.jira.requests.filter((r) => r.method !== 'GET').length;
      if (after !== before || d.jira.ownComments('SHOP-2').length !== 1) throw new Error('the redelivery wrote to Jira again');
      return res.status;
    }, (status) => `HTTP ${status} (duplicate), no write to Jira`);
    await step('A captured webhook replayed under a new identifier changes nothing either', async () => {
      const res = await send.webhook(sentBodies.get('SHOP-4'), 'replayed-by-someone-else');
      const answer = (await res.json()) as { status?: string };
      if (answer.status !== 'duplicate') throw new Error(`the replay was answered ${res.status} ${JSON.stringify(answer)}, not as a duplicate`);
      if (d.jira.ownComments('SHOP-4').length !== 1) throw new Error('the replay wrote to Jira again');
      return res.status;
    }, (status) => `HTTP ${status} (duplicate: the same event, by its own identity)`);
    const nudge = await step('Priya gets a nudge in Slack about her failing stories', () =>
      until('nudge', 'a DM to Priya', () => d.slack.conversation(priya.slack).find((m) => m.text.includes('SHOP-2') && m.text.includes('SHOP-4'))),
    );
    const before = await step('/centric check SHOP-2', () => send.command('check SHOP-2', priya.slack, 'D0PRIYA'), (text) => `${firstScore(text)}/100`);

    const modal = await step('Fix it: the button opens a modal at once, pre-filled when Jira has answered', async () => {
      const pressed = await send.press({ user: { id: priya.slack, name: 'priya' }, actionId: 'fix_ticket', value: 'SHOP-2', container: { type: 'message', channel_id: nudge.channel, message_ts: nudge.ts } });
      if (pressed.status !== 200) throw new Error(`the click was answered HTTP ${pressed.status}`);
      const opened = await until('modal', 'views.open', () => d.slack.views.find((v) => v.method === 'views.open'));
      const form = await until('modal', 'the pre-filled form (views.update)', () => d.slack.views.find((v) => v.method === 'views.update' && v.id === opened.id && v.view.submit));
      return { id: opened.id, title: form.view.title.text as string };
    }, (v) => `"${v.title}"`);

    const fix = { role: 'first-time shopper on mobile', goal: 'filter products by size', benefit: 'I only see shoes I can buy', metric: 'Filter-to-basket rate from 8% to 12%', visuals: 'https://www.figma.com/file/f1l/Filters' };
    await step('Fix it: Priya submits persona, benefit, metric and design', async () => {
      const dms = d.slack.conversation(priya.slack).length;
      const submitted = await send.submit(modal.id, fix, { id: priya.slack, name: 'priya' });
      if (submitted.status !== 200 || submitted.body) throw new Error(`the submission was answered HTTP ${submitted.status} ${submitted.body}`);
      // The last thing Fix it does is tell Priya how it went: by then the description, comment, label and nudge are written.
      const told = await until('outcome', 'the outcome DM', () => d.slack.conversation(priya.slack)[dms]);
      if (!told.text.startsWith('Updated SHOP-2 from Slack')) throw new Error(`Priya was told: ${told.text}`);
      if (!d.jira.calls('/rest/api/3/issue/SHOP-2', 'PUT').some((r) => r.body.includes('"description"') && r.status === 204)) throw new Error('the description was not written back to Jira');
      if (!adfText(d.jira.ownComments('SHOP-2')[0]?.body).includes('Story updated from Slack')) throw new Error('the sticky comment was not updated');
      if (!d.slack.conversation(priya.slack).some((m) => m.ts === nudge.ts && m.history.length > 0)) throw new Error('the nudge DM was not updated');
      return told;
    }, (told) => `description written back, comment and nudge updated; Priya told "${told.text}"`);
    await step('The description kept its screenshot', async () => {
      const media = JSON.stringify(d.jira.issues.get('SHOP-2')!.fields.description);
      if (!media.includes('"filter-sketch"')) throw new Error('the media node of the screenshot is gone');
    });
    const after = await step('/centric check SHOP-2 again', () => send.command('check SHOP-2', priya.slack, 'D0PRIYA'), (text) => `${firstScore(text)}/100`);

    await step('SHOP-2 ships: Jira moves it to Done and sends the webhook', async () => {
      const issue = d.jira.issues.get('SHOP-2')!;
      issue.fields.status = { name: 'Done', statusCategory: { key: 'done' } };
      const body = { webhookEvent: 'jira:issue_updated', timestamp: Date.now(), user: { accountId: priya.jira }, issue: { key: 'SHOP-2', fields: { status: issue.fields.status } }, changelog: { items: [{ field: 'status', fieldId: 'status', fromString: 'To Do', toString: 'Done' }] } };
      const res = await send.webhook(body, 'shipped-SHOP-2');
      if (res.status !== 202) throw new Error(`the webhook was answered HTTP ${res.status} ${await res.text()}`);
      await until('shipped', 'the inbox idle', () => d.inboxIdle());
    });
    const question = await step('Centric asks Priya whether the customer metric moved (outcomes.defaultReviewAfter: 0d asks at once)', () =>
      until('outcome question', 'the outcome DM', () => d.slack.conversation(priya.slack).find((m) => m.text.includes('Did it happen?'))),
    (m) => `"${m.text}"`);
    await step('Target hit: Priya records the value she measured, 11.5%, and a note', async () => {
      const views = d.slack.views.length;
      const pressed = await send.press({ user: { id: priya.slack, name: 'priya' }, actionId: 'outcome_hit', value: String(question.blocks.flatMap((b) => b.elements ?? []).find((el: { action_id?: string }) => el.action_id === 'outcome_hit')?.value ?? ''), container: { type: 'message', channel_id: question.channel, message_ts: question.ts } });
      if (pressed.status !== 200) throw new Error(`the button was answered HTTP ${pressed.status}`);
      const opened = await until('outcome modal', 'views.open', () => d.slack.views.slice(views).find((v) => v.method === 'views.open'));
      await until('outcome modal', 'the form (views.update)', () => d.slack.views.find((v) => v.method === 'views.update' && v.id === opened.id && v.view.callback_id === 'outcome_modal'));
      const submitted = await send.submit(opened.id, { measured: '11.5%', note: 'Size filters are used on 4 in 5 shoe visits' }, { id: priya.slack, name: 'Priya Nair' });
      if (submitted.status !== 200 || submitted.body) throw new Error(`the submission was answered HTTP ${submitted.status} ${submitted.body}`);
      await until('outcome recorded', 'the question edited in place', () => d.slack.conversation(priya.slack).find((m) => m.ts === question.ts && m.history.length > 0));
      const comment = await until('outcome comment', 'the outcome comment in Jira', () => d.jira.ownComments('SHOP-2').find((c) => adfText(c.body).startsWith('Outcome:')));
      await until('outcome property', 'the label and the issue property', () => d.jira.issues.get('SHOP-2')!.fields.labels?.includes('centric:outcome-hit') && d.jira.properties.get('SHOP-2')?.get('centric.outcome'));
      return comment;
    }, (comment) => `Jira: "${adfText(comment.body)}", label centric:outcome-hit, issue property centric.outcome`);

    await step('/centric subscribe SHOP in #product', () => send.command('subscribe SHOP', priya.slack, PRODUCT_CHANNEL), (text) => text);
    const digest = await step('The weekly digest run (Monday 09:00): Centric joins #product, posts the digest and its trend chart', async () => {
      const runs = await runDigestsAtNextSlot(d);
      if (runs.map((r) => r.status).join() !== 'posted') throw new Error(`digest run: ${JSON.stringify(runs)}`);
      const posted = await until('digest', 'the digest in #product', () => d.slack.conversation(PRODUCT_CHANNEL)[0]);
      const chart = await until('chart', 'the trend chart uploaded', () => d.slack.files.find((f) => f.channel === PRODUCT_CHANNEL));
      if (!JSON.stringify(posted.blocks).includes('1 of 1 hit')) throw new Error('the digest has no outcome line "1 of 1 hit"');
      return { posted, chart };
    }, ({ chart }) => `${chart.filename}, ${chart.bytes.length} bytes`);

    say();
    say('── What Jira received: Centric\'s sticky comments ──');
    for (const key of stories) {
      const comment = d.jira.ownComments(key)[0];
      say(`${key} (${d.jira.issues.get(key)!.fields.summary}):`);
      say(indent(comment ? adfText(comment.body) : 'no comment: nothing to suggest; Centric stays silent.'));
    }
    say('SHOP-2, once shipped and reviewed:');
    say(indent(adfText(d.jira.ownComments('SHOP-2').find((c) => adfText(c.body).startsWith('Outcome:'))?.body)));
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
    const failed = err instanceof StepFailed ? err : new StepFailed('demo', errorText(err));
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
