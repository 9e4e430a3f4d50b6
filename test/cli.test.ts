import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { DEFAULT_CONFIG } from '../src/core/default-config.js';
import { runCli } from './helpers/cli.js';
import { GOOD_AC, GOOD_DESIGN, GOOD_METRIC, GOOD_STORY, good, issue } from './helpers/issues.js';

const FIXTURES = resolve(import.meta.dirname, 'fixtures/jira');
const BACKLOG = join(FIXTURES, 'search-shop-backlog.json');
/** SHOP-1's success line as data: "checkout conversion … from 2.1% to 2.6% within 6 weeks". */
const CLI_METRIC = { name: 'checkout conversion', direction: 'up', baseline: 2.1, target: 2.6, kind: 'level', relative: null, unit: '%', timeframe: 'within 6 weeks', period: { count: 6, unit: 'week' } };
const passing = issue(good(GOOD_STORY, GOOD_AC, GOOD_METRIC, GOOD_DESIGN), {}, 'SHOP-1');
const failing = issue('Refactor the basket service.', {}, 'SHOP-2');
const tmp = () => mkdtempSync(join(tmpdir(), 'centric-cli-'));

describe('centric lint --format json', () => {
  it('prints exactly one JSON document in the report contract, exit 1 when a ticket has an error', async () => {
    const run = await runCli(['lint', '--format', 'json', BACKLOG]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(['reports', 'summary']);
    expect(report.summary).toEqual({ tickets: 6, linted: 5, skipped: 1, passing: 3, averageScore: 61 });
    expect(report.reports[0]).toEqual({
      key: 'SHOP-1',
      skipped: false,
      score: 100,
      story: { kind: 'user', role: 'returning customer', goal: 'save my basket for later', benefit: 'I can finish my purchase on my phone', language: 'en' },
      findings: [],
      metric: CLI_METRIC,
      benefit: { kind: 'customer' },
      evidence: { count: 1 },
      journey: { stage: 'Buy', kpis: ['checkout conversion rate', 'cart abandonment rate', 'payment failure rate'], metricInStage: true },
      journeyStage: 'Buy',
    });
    expect(report.reports[2].findings).toEqual([
      {
        rule: 'customer-metric',
        severity: 'warn',
        message: 'Names a customer metric (repeat purchase) but no target.',
        // One keyword of the built-in journey ("checkout") puts a story in no stage.
        hint: 'Say by how much and by when, e.g. "repeat purchase +5% within a quarter".',
        link: 'https://github.com/centric-bot/centric/blob/main/README.md#customer-metric',
      },
      {
        rule: 'customer-evidence',
        severity: 'warn',
        message: 'Nothing shows where the need came from: no support ticket, interview, survey or analytics link.',
        hint: 'Where did we hear this? Link the support tickets, interview notes or analytics that show the gift buyer needs it.',
        link: 'https://github.com/centric-bot/centric/blob/main/README.md#customer-evidence',
      },
    ]);
    expect(report.reports[4]).toEqual({ key: 'SHOP-5', skipped: true });
  });

  it('exits 0 when no ticket has an error finding', async () => {
    const run = await runCli(['lint', '--format', 'json', '-'], JSON.stringify(passing));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary.passing).toBe(1);
  });
});

describe('input forms', () => {
  it.each([
    ['one issue', JSON.stringify(failing)],
    ['an array', JSON.stringify([passing, failing])],
    ['a search response', JSON.stringify({ isLast: true, issues: [passing, failing] })],
    ['NDJSON', `${JSON.stringify(passing)}\n\n${JSON.stringify(failing)}\n`],
  ])('reads %s from stdin', async (_form, input) => {
    const run = await runCli(['lint', '--format', 'json'], input);
    expect(run.code).toBe(1);
    const keys = JSON.parse(run.stdout).reports.map((r: { key: string }) => r.key);
    expect(keys).toEqual(input.includes('SHOP-1') ? ['SHOP-1', 'SHOP-2'] : ['SHOP-2']);
  });

  it('reads Data Center (wiki) and Cloud (ADF) issues of the same ticket to the same report', async () => {
    const cloud = await runCli(['lint', '--format', 'json', join(FIXTURES, 'issue-good-cloud.json')]);
    const dc = await runCli(['lint', '--format', 'json', join(FIXTURES, 'issue-good-datacenter.json')]);
    expect(dc.stdout).toBe(cloud.stdout);
    expect(cloud.code).toBe(0);
  });

  it('lints several files in one report', async () => {
    const run = await runCli(['lint', '--format', 'json', join(FIXTURES, 'issue-good-cloud.json'), BACKLOG]);
    expect(JSON.parse(run.stdout).summary.tickets).toBe(7);
  });
});

describe('input and usage errors exit 2 with one line naming the file, and no stack trace', () => {
  it.each([
    ['invalid JSON', '{"key": "SHOP-1", ', /^centric: <stdin>: invalid JSON: /],
    ['bad NDJSON line', `${JSON.stringify(passing)}\n{oops\n`, /^centric: <stdin>:2: invalid JSON \(read as NDJSON, one issue per line\): /],
    ['not an issue', '{"name": "SHOP"}', /^centric: <stdin>: not a Jira issue: expected an object with "key" and "fields"/],
    ['bad key', JSON.stringify({ key: 'shop one', fields: {} }), /^centric: <stdin>: key: expected an issue key such as SHOP-1\n$/],
    ['bad field in the 2nd issue', JSON.stringify([passing, { key: 'SHOP-3', fields: { summary: 5 } }]), /^centric: <stdin>: issue 2 fields\.summary: /],
    ['empty input', '   ', /^centric: <stdin>: empty input: /],
  ])('%s', async (_name, input, message) => {
    const run = await runCli(['lint'], input);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it('names an unreadable file', async () => {
    const run = await runCli(['lint', '/nonexistent/tickets.json']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'centric: /nonexistent/tickets.json: file not found\n' });
  });

  it('rejects an unknown format and an unknown option with the usage', async () => {
    const format = await runCli(['lint', '--format', 'xml', BACKLOG]);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/^centric: --format must be one of text, json, markdown, not "xml"\n\nUsage:/);
    const option = await runCli(['lint', '--verbose', BACKLOG]);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^centric: lint has no option --verbose \(see centric help lint\)\n/);
  });

  it('rejects an unknown command', async () => {
    expect((await runCli(['lnt'])).stderr).toMatch(/^centric: unknown command "lnt"/);
  });

  it('stops on a bad centric.yml, naming the file and the path inside it', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'centric.yml'), 'rules:\n  single-goal: maybe\n');
    const run = await runCli(['lint', '--config', join(dir, 'centric.yml'), BACKLOG]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`centric: ${join(dir, 'centric.yml')}: rules.single-goal: Invalid option: expected one of "off"|"warn"|"error"\n`);
  });
});

describe('text and markdown output', () => {
  it('text shows key, score, verdict, each finding with its hint and a summary line', async () => {
    const run = await runCli(['lint', BACKLOG]);
    expect(run.stdout).toContain('SHOP-2  30/100  fails\n  story  user: search and filter products\n');
    expect(run.stdout).toContain('  error  customer-value       The story says who (user) and what, but not why: no "so that …" benefit.\n');
    expect(run.stdout).toContain('                              → After "search and filter products", add ", so that <what this lets the user do or stop worrying about>".\n');
    expect(run.stdout).toContain('SHOP-5  skipped (issue type not linted)');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('6 tickets: 5 linted, 1 skipped, 3 passing, average score 61');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('markdown has a table and a section per linted ticket', async () => {
    const run = await runCli(['lint', '--format', 'markdown', BACKLOG]);
    expect(run.stdout).toContain('| SHOP-2 | 30 | ❌ fails | 7 |');
    expect(run.stdout).toContain('| SHOP-5 | – | skipped | 0 |');
    expect(run.stdout).toContain('### SHOP-3 — 83/100');
    expect(run.stdout).toContain("- ⚠️ **[customer-metric](https://github.com/centric-bot/centric/blob/main/README.md#customer-metric)** (warn): Names a customer metric (repeat purchase) but no target.  \n  _Fix:_ Say by how much and by when, e.g. \"repeat purchase +5% within a quarter\".");
  });
});

describe('centric config --print', () => {
  it('prints the effective configuration as YAML', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'centric.yml'), 'issueTypes: [Story, Task]\n');
    const run = await runCli(['config', '--print'], '', { CENTRIC_CONFIG: join(dir, 'centric.yml') });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^issueTypes:\n {2}- Story\n {2}- Task\nrules:\n {2}story-format:\n {4}severity: error\n {4}forms:\n {6}- user\n {6}- job\n/);
    expect(run.stdout).toContain('  customer-metric:\n    severity: error\n    requireTarget: true\n');
    expect(run.stdout).toContain('designDomains:\n  - figma.com');
    expect(run.stdout).not.toContain('ruleOptions');
  });

  it('prints a valid centric.yml: read back, it is the same configuration', async () => {
    const dir = tmp();
    const file = join(dir, 'centric.yml');
    writeFileSync(file, 'rules:\n  visual-evidence: off\n  specific-persona: { allowedRoles: [admin] }\nnudges:\n  workingHours: { start: "08:00", end: "17:00" }\nprojects:\n  OPS:\n    rules: { customer-metric: { requireTarget: false } }\n');
    const printed = await runCli(['config', '--print'], '', { CENTRIC_CONFIG: file });
    writeFileSync(join(dir, 'printed.yml'), printed.stdout);
    expect(loadConfig(join(dir, 'printed.yml'))).toEqual(loadConfig(file));
  });

  it('prints the defaults, which read back as the defaults', async () => {
    const dir = tmp();
    const printed = await runCli(['config', '--print', '--config', join(dir, 'missing.yml')]);
    expect(printed).toMatchObject({ code: 2, stderr: `centric: ${join(dir, 'missing.yml')}: file not found\n` });
    const run = await runCli(['config', '--print'], '', {});
    writeFileSync(join(dir, 'defaults.yml'), run.stdout);
    expect(loadConfig(join(dir, 'defaults.yml'))).toEqual(DEFAULT_CONFIG);
  });
});

describe('the installed binary', () => {
  const bin = resolve(import.meta.dirname, '../bin/centric.js');

  it('exits 1 on failing tickets and 2 on bad input, with no stack trace', () => {
    const ok = spawnSync(process.execPath, [bin, 'lint', '--format', 'json', BACKLOG], { encoding: 'utf8' });
    expect(ok.status).toBe(1);
    expect(JSON.parse(ok.stdout).summary.tickets).toBe(6);
    const bad = spawnSync(process.execPath, [bin, 'lint', '-'], { input: '{"broken":', encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^centric: <stdin>: invalid JSON: /);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('lints an export with a null among its components, and writes one whole JSON document', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'centric-cli-')), 'export.json');
    writeFileSync(file, JSON.stringify([issue(GOOD_STORY, {}, 'SHOP-1'), issue(GOOD_STORY, { components: [null, { name: 'Checkout' }] } as never, 'SHOP-2')]));
    const run = spawnSync(process.execPath, [bin, 'lint', '--format', 'json', file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).summary.tickets).toBe(2);
  });

  it('stops quietly when its reader closes the pipe early (centric lint … | head -1)', () => {
    // Far more than a pipe's 64 KB buffer, so the writer is still writing when head exits.
    const many = `[${Array.from({ length: 600 }, (_, i) => JSON.stringify(issue(GOOD_STORY, {}, `SHOP-${i + 1}`))).join(',')}]`;
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" lint --format json - | head -c 10 >/dev/null`], { input: many, encoding: 'utf8' });
    expect(piped.status).toBe(0);
    expect(piped.stderr).toBe('');
  });

  it('prints help with exit 0', () => {
    expect(execFileSync(process.execPath, [bin, 'help'], { encoding: 'utf8' })).toMatch(/^Usage:\n {2}centric lint/);
  });

  it('reads the fixture it documents in the README', () => {
    expect(readFileSync(BACKLOG, 'utf8')).toContain('"key": "SHOP-6"');
  });
});
