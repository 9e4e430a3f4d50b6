/**
 * The whole-process rows of `npm run bench`: what a person waits for at a terminal. Each command
 * runs as its own process, in turns with its yardstick (A B A B …, so a drifting machine slows
 * both alike), and the median of the runs is reported: wall time from spawn to exit, and the peak
 * resident memory the process itself reports at exit (a preloaded module prints
 * process.resourceUsage().maxRSS to a file, so no platform tool is needed).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIssues } from './corpus.js';
import { middle, type BenchRow } from './rows.js';

interface Run {
  ms: number;
  /** Peak resident memory in MB, from the process itself. */
  mb: number;
  status: number | null;
}

const ROOT = join(import.meta.dirname, '..', '..');

/** Runs `node <args>` once, from the repository, and reports its wall time and peak memory. */
function runNode(args: string[], folder: string, env: NodeJS.ProcessEnv = process.env): Run {
  const rssFile = join(folder, `rss-${process.hrtime.bigint()}`);
  // CommonJS, preloaded with --require: an ES module hook (--import) would start Node's loader for
  // ES modules in every process measured, ~6 ms and ~2 MB that the command itself does not spend.
  const hook = join(folder, 'peak-rss.cjs');
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--require', hook, ...args], { cwd: ROOT, env: { ...env, CENTRIC_BENCH_RSS: rssFile }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // A process killed before its exit hook ran (out of memory, a signal) reports no memory: NaN
  // fails every row it is part of.
  const mb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Number.NaN;
  return { ms, mb, status: child.status };
}

interface Side {
  ms: number;
  mb: number;
  /** The first exit status of any run that was not 0 or 1 (lint's verdicts), else null. */
  failure: number | string | null;
}

const failureOf = (runs: Run[]): number | string | null => runs.map((r) => r.status).find((s) => s !== 0 && s !== 1) ?? null;

/** A and B in turns after one warm-up each; the medians and the median of the pairwise ratios. */
function paired(runs: number, a: () => Run, b: () => Run): { a: Side; b: Side; msRatio: number; mbRatio: number } {
  a();
  b();
  const as: Run[] = [];
  const bs: Run[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(a());
    bs.push(b());
  }
  const side = (rs: Run[]): Side => ({ ms: middle(rs.map((r) => r.ms)), mb: middle(rs.map((r) => r.mb)), failure: failureOf(rs) ?? (rs.some((r) => Number.isNaN(r.mb)) ? 'no memory reported' : null) });
  return { a: side(as), b: side(bs), msRatio: middle(as.map((r, i) => r.ms / bs[i]!.ms)), mbRatio: middle(as.map((r, i) => r.mb / bs[i]!.mb)) };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (x: number) => `${x.toFixed(0)} MB`;
const times = (x: number) => `${x.toFixed(2)}×`;

export interface ProcessRowsOptions {
  runs?: number;
  /** Tickets in the large file (the issue's figure: 10,000 ADF tickets). */
  tickets?: number;
}

/**
 * `centric lint` of one ticket and of 10,000 ADF tickets (one JSON array), each against
 * `node -e JSON.parse(readFileSync(file))` of the same file, the floor of any tool that reads it.
 */
export function processRows(options: ProcessRowsOptions = {}): BenchRow[] {
  const runs = options.runs ?? 5;
  const tickets = options.tickets ?? 10_000;
  const folder = mkdtempSync(join(tmpdir(), 'centric-bench-'));
  try {
    writeFileSync(join(folder, 'peak-rss.cjs'), "const { writeFileSync } = require('node:fs');\nprocess.on('exit', () => writeFileSync(process.env.CENTRIC_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n");
    const one = join(folder, 'one.json');
    writeFileSync(one, generateIssues(1)[0]!);
    const many = join(folder, 'many.json');
    writeFileSync(many, `[${generateIssues(tickets).join(',\n')}]`);
    const megabytes = readFileSync(many).length / 1024 / 1024;
    const cli = join(ROOT, 'bin', 'centric.js');
    const parse = (file: string) => () => runNode(['-e', `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`], folder);
    const lint = (file: string) => () => runNode([cli, 'lint', '--format', 'json', file], folder);

    const single = paired(runs, lint(one), parse(one));
    const bulk = paired(runs, lint(many), parse(many));
    // A run that failed (usage error, crash, no memory reported) fails its rows whatever it measured.
    const failed = (pair: { a: Side; b: Side }) => pair.a.failure ?? pair.b.failure;
    const said = (pair: { a: Side; b: Side }) => (failed(pair) === null ? '' : `; a run failed: ${failed(pair)}`);
    const note = `median of ${runs}, alternating with JSON.parse`;
    const ok = (pair: { a: Side; b: Side }, met: boolean) => met && failed(pair) === null;
    return [
      { what: 'centric lint, one ticket: wall', measured: s(single.a.ms), target: '≤ 0.15 s', ok: ok(single, single.a.ms <= 150), note: `node -e JSON.parse: ${s(single.b.ms)}; ${note}${said(single)}` },
      { what: 'centric lint, one ticket: peak memory', measured: mb(single.a.mb), target: '≤ 70 MB', ok: ok(single, single.a.mb <= 70), note: `node -e JSON.parse: ${mb(single.b.mb)}${said(single)}` },
      { what: `centric lint ${tickets.toLocaleString('en')} tickets: wall vs JSON.parse`, measured: times(bulk.msRatio), target: '≤ 2.00×', ok: ok(bulk, bulk.msRatio <= 2), note: `${s(bulk.a.ms)} vs ${s(bulk.b.ms)}, ${megabytes.toFixed(0)} MB of ADF; ${note}${said(bulk)}` },
      { what: `centric lint ${tickets.toLocaleString('en')} tickets: peak memory vs JSON.parse`, measured: times(bulk.mbRatio), target: '≤ 1.30×', ok: ok(bulk, bulk.mbRatio <= 1.3), note: `${mb(bulk.a.mb)} vs ${mb(bulk.b.mb)}${said(bulk)}` },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * `npm start -- --check` when nothing changed since the last build: npm, the staleness check and
 * the dry run itself (configuration, then Jira: the local Jira stand-in answers).
 */
export async function checkRow(runs = 5): Promise<BenchRow> {
  const { JiraCloudStandIn } = await import('../../src/demo/stand-ins/jira-cloud.js');
  const { BOT_ACCOUNT, DEMO_SECRETS } = await import('../../src/demo/backlog.js');
  const jira = new JiraCloudStandIn({ bot: BOT_ACCOUNT, apiToken: DEMO_SECRETS.JIRA_API_TOKEN });
  // A project with a ticket: the check asks for Centric's permissions in the projects it sees.
  jira.put({ key: 'SHOP-1', fields: { summary: 'A ticket', issuetype: { name: 'Story' }, project: { key: 'SHOP' } } });
  const jiraUrl = await jira.listen();
  const folder = mkdtempSync(join(tmpdir(), 'centric-bench-'));
  try {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? folder, ...DEMO_SECRETS, JIRA_BASE_URL: jiraUrl, JIRA_EMAIL: BOT_ACCOUNT.emailAddress, DATABASE_URL: `sqlite:${join(folder, 'centric.db')}`, LOG_LEVEL: 'warn' };
    // Asynchronous: a synchronous spawn would block the event loop the Jira stand-in answers on.
    const once = () =>
      new Promise<{ ms: number; status: number | null }>((resolve, reject) => {
        const started = process.hrtime.bigint();
        const child = spawn('npm', ['start', '--silent', '--', '--check'], { cwd: ROOT, env, stdio: 'ignore' });
        child.on('error', reject);
        child.on('exit', (status) => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status }));
      });
    await once();
    const results: Array<{ ms: number; status: number | null }> = [];
    for (let i = 0; i < runs; i++) results.push(await once());
    const ms = middle(results.map((r) => r.ms));
    const failed = results.find((r) => r.status !== 0);
    return { what: 'npm start -- --check, nothing changed', measured: s(ms), target: '≤ 1.5 s', ok: ms <= 1500 && !failed, note: `median of ${runs}${failed ? `; exit status ${failed.status}` : ''}` };
  } finally {
    await jira.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

