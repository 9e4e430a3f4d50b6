import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { JIRA, JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';

const ENV = { JIRA_BASE_URL: JIRA, JIRA_EMAIL: 'centric@acme.io', JIRA_API_TOKEN: 'ATATT-audit-secret' };
const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

let jira: JiraFake;
beforeEach(() => {
  isolateNetwork();
  jira = new JiraFake(3);
  jira.install();
  jira.put({ key: 'SHOP-1', fields: { summary: 'a', description: adf('As a user, I want to pay.'), issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [] } as never });
  jira.put({ key: 'SHOP-2', fields: { summary: 'b', description: adf('As a night nurse, I want to see my ward, so that I plan. Success: task success +10% by March. Given a ward, when I open it, then I see beds.'), issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [{ filename: 'ward.png', mimeType: 'image/png' }] } as never });
  jira.put({ key: 'SHOP-3', fields: { summary: 'c', description: null, issuetype: { name: 'Bug' }, project: { key: 'SHOP' }, labels: [], attachment: [] } as never });
});
afterEach(() => resetNetwork());

describe('centric audit', () => {
  it('lints what a JQL search returns, page after page, in the lint report format', async () => {
    const run = await runCli(['audit', '--project', 'SHOP', '--format', 'json'], '', ENV);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.reports.map((r: { key: string; score?: number; skipped: boolean }) => [r.key, r.skipped])).toEqual([
      ['SHOP-1', false],
      ['SHOP-2', false],
      ['SHOP-3', true],
    ]);
    expect(report.summary).toMatchObject({ tickets: 3, linted: 2, skipped: 1, passing: 1 });
    expect(jira.calls.filter((c) => c.path === '/rest/api/3/search/jql')).toHaveLength(2);
    expect(jira.writes()).toEqual([]);
  });

  it('--write posts the sticky comments, --html writes a page with both charts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'centric-audit-'));
    const html = join(dir, 'report.html');
    const run = await runCli(['audit', '--jql', 'project = SHOP', '--write', '--html', html], '', { ...ENV, DATABASE_URL: `sqlite:${join(dir, 'c.db')}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`centric: HTML report written to ${html}\n`);
    // SHOP-2 passes with warnings: it gets a comment of suggestions (jira.commentWhen: any-finding), not the label.
    expect(jira.writes().map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /rest/api/3/issue/SHOP-1/comment',
      'PUT /rest/api/3/issue/SHOP-1',
      'POST /rest/api/3/issue/SHOP-2/comment',
    ]);
    const suggestions = jira.writes().find((c) => c.path === '/rest/api/3/issue/SHOP-2/comment');
    expect(JSON.stringify(suggestions?.body)).toMatch(/Centric: \d+\/100, passes, \d+ suggestions?"/);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<title>Centric audit: project = SHOP</title>');
    // Which site, which search and when, then both charts drawn in.
    expect(page).toContain(`<dt>Jira site</dt><dd><a href="${JIRA}">${JIRA}</a></dd><dt>Tickets</dt><dd>JQL project = SHOP</dd><dt>Written</dt><dd><time datetime="`);
    expect(page.match(/<figure><svg /g)).toHaveLength(2);
    expect(page).toContain('>Score distribution of 2 tickets</text>');
    expect(page).toContain('>Share of tickets passing each rule</text>');
    // Each ticket links to Jira, with its summary; the table has a row per ticket.
    expect(page).toContain(`<td data-label="Ticket"><a href="${JIRA}/browse/SHOP-1" title="Open SHOP-1 in Jira">SHOP-1</a></td><td data-label="Summary">a</td>`);
    expect(page.match(/<tr class="(passes|fails|skipped)" data-score="\d*">/g)).toHaveLength(3);
    expect(page).toContain('3 tickets: 2 linted, 1 skipped, 1 passing');
    expect(run.stdout).toContain('SHOP-1  ');
  });

  it('says which variables are missing, and what the command needs, with exit 2', async () => {
    const noEnv = await runCli(['audit', '--project', 'SHOP'], '', {});
    expect(noEnv.code).toBe(2);
    expect(noEnv.stderr).toBe(
      'centric: set these environment variables (or put them in .env):\n  JIRA_BASE_URL is missing: your Jira site, such as https://your-site.atlassian.net\n  JIRA_EMAIL is missing: the e-mail of the Jira Cloud account Centric uses\n  JIRA_API_TOKEN is missing: an API token of that account (id.atlassian.com → Security → API tokens)\n',
    );
    const noJql = await runCli(['audit'], '', ENV);
    expect(noJql).toMatchObject({ code: 2, stderr: expect.stringMatching(/^centric: centric audit needs --jql "…" or --project KEY\n/) });
    jira.failNext('GET', '/rest/api/3/search/jql', { status: 400 });
    const badJql = await runCli(['audit', '--jql', 'project = NOPE'], '', ENV);
    expect(badJql).toEqual({ code: 2, stdout: '', stderr: 'centric: audit stopped after 0 tickets: search/jql: Jira answered HTTP 400 (failure 400)\n' });
  });

  it('takes a project key typed in lower case, as rank, digest and outcomes do', async () => {
    const run = await runCli(['audit', '--project', 'shop', '--format', 'json'], '', ENV);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).summary).toMatchObject({ tickets: 3 });
    expect(jira.calls.find((c) => c.path === '/rest/api/3/search/jql')?.query.get('jql')).toBe('project = "SHOP" AND statusCategory != Done ORDER BY key');
  });

  it('--html into a folder that does not exist says so before asking Jira anything', async () => {
    const missing = join(tmpdir(), 'centric-no-such-folder', 'report.html');
    const run = await runCli(['audit', '--project', 'SHOP', '--html', missing], '', ENV);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^centric: --html \S+report\.html: the folder \S+centric-no-such-folder does not exist or cannot be written to; create it or pick another path\n/);
    expect(jira.calls).toEqual([]);
  });
});
