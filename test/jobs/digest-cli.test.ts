import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';
import { runCli } from '../helpers/cli.js';
import { JIRA, JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';

beforeEach(() => isolateNetwork());
afterEach(() => resetNetwork());

async function storedReports(): Promise<string> {
  const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'centric-digest-')), 'c.db')}`;
  const store = openStore(url);
  await migrate(store.db);
  const now = Date.now();
  const row = (key: string, score: number, role: string, failed: string, ago: number) => ({ ticket_key: key, project: 'SHOP', score, passing: 0, role, failed_rules: failed, linted_at: now - ago });
  await store.db.insertInto('report_history').values([row('SHOP-1', 40, 'user', 'customer-value,specific-persona', 9 * 86_400_000), row('SHOP-1', 80, 'night nurse', 'visual-evidence', 86_400_000), row('SHOP-2', 60, 'night nurse', 'customer-metric', 3_600_000)]).execute();
  await store.close();
  return url;
}

describe('centric digest', () => {
  it('prints the digest of a project from the stored reports as markdown', async () => {
    const run = await runCli(['digest', '--project', 'shop'], '', { DATABASE_URL: await storedReports() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('## Customer-centricity digest: SHOP');
    expect(run.stdout).toContain('**Score: 70/100** ▲30 over 2 tickets (previous period: 40)');
    expect(run.stdout).toContain('| Why? (a benefit) | 100% | ▲100 pts |');
    expect(run.stdout).toContain('**Who we built for:** night nurse (2); 0% with a generic role');
    expect(run.stdout).toContain('- SHOP-1: 40 → 80');
  });

  it('prints JSON, and takes --since', async () => {
    const run = await runCli(['digest', '--project', 'SHOP', '--format', 'json', '--since', '30d'], '', { DATABASE_URL: await storedReports() });
    const digest = JSON.parse(run.stdout);
    expect(digest.period).toMatchObject({ tickets: 2, score: 70 });
    expect(digest.trend).toHaveLength(12);
  });

  it('reads Jira directly with --jql', async () => {
    const jira = new JiraFake(3);
    jira.install();
    jira.put({ key: 'SHOP-1', fields: { summary: 'x', description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'As a night nurse, I want to see my ward so that I plan.' }] }] }, issuetype: { name: 'Story' }, status: { name: 'To Do' }, labels: [], attachment: [] } as never });
    const run = await runCli(['digest', '--jql', 'project = SHOP'], '', { JIRA_BASE_URL: JIRA, JIRA_EMAIL: 'c@acme.io', JIRA_API_TOKEN: 't' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('## Customer-centricity digest: "project = SHOP"');
    expect(run.stdout).toContain('**Who we built for:** night nurse (1)');
  });

  it('reads at most digest.maxIssues issues with --jql, and says so in the markdown (and on stderr for JSON)', async () => {
    const jira = new JiraFake(3);
    jira.install();
    jira.pageSize = 50;
    const story = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'As a night nurse, I want to see my ward so that I plan.' }] }] };
    for (let i = 1; i <= 250; i++) jira.put({ key: `BIG-${i}`, fields: { summary: 'x', description: story, issuetype: { name: 'Story' }, status: { name: 'To Do' }, labels: [], attachment: [] } as never });
    const config = join(mkdtempSync(join(tmpdir(), 'centric-digest-')), 'centric.yml');
    writeFileSync(config, 'digest:\n  maxIssues: 100\n');
    const env = { JIRA_BASE_URL: JIRA, JIRA_EMAIL: 'c@acme.io', JIRA_API_TOKEN: 't' };
    const run = await runCli(['digest', '--jql', 'project = BIG', '--config', config], '', env);
    expect(run.code).toBe(0);
    expect(jira.calls.filter((c) => c.path === '/rest/api/3/search/jql')).toHaveLength(2);
    expect(run.stdout).toContain('## Customer-centricity digest: "project = BIG"\n\n> **Note:** Based on the first 100 issues of this scope only (the most one digest reads): narrow the scope for a complete digest.\n');
    expect(run.stdout).toContain('**Who we built for:** night nurse (100)');
    const json = await runCli(['digest', '--jql', 'project = BIG', '--config', config, '--format', 'json'], '', env);
    expect(JSON.parse(json.stdout).period.tickets).toBe(100);
    expect(json.stderr).toBe('centric: Based on the first 100 issues of this scope only (the most one digest reads): narrow the scope for a complete digest.\n');
  });

  it('says what is missing, with exit 2', async () => {
    expect((await runCli(['digest'], '', {})).stderr).toMatch(/^centric: centric digest needs --project KEY \(from the stored reports\) or --jql/);
    const none = await runCli(['digest', '--project', 'SHOP'], '', { DATABASE_URL: 'sqlite:/nonexistent/c.db' });
    expect(none).toEqual({ code: 2, stdout: '', stderr: 'centric: no stored reports: DATABASE_URL (sqlite:/nonexistent/c.db) does not exist. Run the bot, or `centric audit --project SHOP --write`, first; or use --jql to read Jira directly.\n' });
    expect((await runCli(['digest', '--project', 'SHOP', '--since', 'week'], '', {})).stderr).toMatch(/^centric: --since takes a number of days such as 7d, not "week"/);
  });
});

describe('centric digest --lang', () => {
  const config = (yaml: string): string => {
    const file = join(mkdtempSync(join(tmpdir(), 'centric-digest-')), 'centric.yml');
    writeFileSync(file, yaml);
    return file;
  };
  const GERMAN = '## Kundenorientierung im Überblick: SHOP\n\n**Punktzahl: 70/100** ▲30 über 2 Tickets (vorheriger Zeitraum: 40)\n';
  const ENGLISH = '## Customer-centricity digest: SHOP\n\n**Score: 70/100** ▲30 over 2 tickets (previous period: 40)\n';

  it('writes the Markdown in the language asked for', async () => {
    const run = await runCli(['digest', '--project', 'SHOP', '--lang', 'de'], '', { DATABASE_URL: await storedReports() });
    expect(run.code).toBe(0);
    expect(run.stdout.slice(0, GERMAN.length)).toBe(GERMAN);
    expect(run.stdout).toContain('| Warum? (ein Nutzen) | 100\u00a0% | ▲100 Pkt. |');
    expect(run.stdout).toContain('**Für wen wir gebaut haben:** night nurse (2); 0\u00a0% mit einer allgemeinen Rolle');
  });

  it('refuses a language Centric does not speak, with exit 2', async () => {
    const run = await runCli(['digest', '--project', 'SHOP', '--lang', 'xx'], '', { DATABASE_URL: await storedReports() });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'centric: --lang must be one of en, de, es, fr, it, nl, pt, not "xx"\n' });
  });

  it("defaults to the environment's locale when Centric speaks it, else English", async () => {
    const url = await storedReports();
    expect((await runCli(['digest', '--project', 'SHOP'], '', { DATABASE_URL: url, LANG: 'de_DE.UTF-8' })).stdout.slice(0, GERMAN.length)).toBe(GERMAN);
    expect((await runCli(['digest', '--project', 'SHOP'], '', { DATABASE_URL: url, LANG: 'ja_JP.UTF-8' })).stdout.slice(0, ENGLISH.length)).toBe(ENGLISH);
    expect((await runCli(['digest', '--project', 'SHOP'], '', { DATABASE_URL: url, LC_ALL: 'C', LANG: 'de_DE.UTF-8' })).stdout.slice(0, ENGLISH.length)).toBe(ENGLISH);
  });

  it("takes the project's language: from centric.yml over the environment's, --lang over both", async () => {
    const url = await storedReports();
    const file = config('projects:\n  SHOP:\n    language: de\n');
    expect((await runCli(['digest', '--project', 'shop', '--config', file], '', { DATABASE_URL: url, LANG: 'fr_FR.UTF-8' })).stdout.slice(0, GERMAN.length)).toBe(GERMAN);
    expect((await runCli(['digest', '--project', 'SHOP', '--config', file, '--lang', 'en'], '', { DATABASE_URL: url, LANG: 'de_DE.UTF-8' })).stdout.slice(0, ENGLISH.length)).toBe(ENGLISH);
  });
});
