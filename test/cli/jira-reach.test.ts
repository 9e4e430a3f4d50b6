import nock from 'nock';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { runCli } from '../helpers/cli.js';
import { JIRA, JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';

const ENV = { JIRA_BASE_URL: JIRA, JIRA_EMAIL: 'centric@acme.io', JIRA_API_TOKEN: 'ATATT-reach-secret' };
const CREDENTIALS = 'check JIRA_EMAIL and JIRA_API_TOKEN (an API token from id.atlassian.com → Security → API tokens).';

beforeEach(() => isolateNetwork());
afterEach(() => resetNetwork());

describe('the commands that read Jira say at once when they cannot', () => {
  it.each([
    ['audit', ['--project', 'SHOP']],
    ['rank', ['--project', 'SHOP']],
    ['digest', ['--jql', 'project = SHOP']],
  ])('%s: refused credentials are one line naming what to check, and no search is made', async (command, args) => {
    const scope = nock(JIRA).get('/rest/api/3/myself').reply(401, { errorMessages: ['Client must be authenticated to access this resource.'] });
    const run = await runCli([command, ...args], '', ENV);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `centric: Jira at ${JIRA} refused the credentials (401 Unauthorized): ${CREDENTIALS}\n` });
    expect(scope.isDone()).toBe(true);
  });

  it('a 403 names the CAPTCHA that locks an account after failed logins', async () => {
    nock(JIRA).get('/rest/api/3/myself').reply(403, { errorMessages: ['Forbidden'] });
    expect((await runCli(['audit', '--project', 'SHOP'], '', ENV)).stderr).toBe(`centric: Jira at ${JIRA} answered 403 Forbidden: the account may be locked behind a CAPTCHA after failed logins (log in once in a browser) or not allowed to use the REST API; ${CREDENTIALS}\n`);
  });

  it('a site that does not answer is said at once, without retries and without log lines', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const run = await runCli(['audit', '--project', 'SHOP'], '', { ...ENV, JIRA_BASE_URL: 'http://127.0.0.1:1' });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'centric: cannot reach Jira at http://127.0.0.1:1: GET /myself: no answer from http://127.0.0.1:1 (ECONNREFUSED). Check JIRA_BASE_URL and the network.\n' });
  });

  it('a site that stays silent for a whole time-out is said then, without the search\'s retries', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const config = join(mkdtempSync(join(tmpdir(), 'centric-reach-')), 'centric.yml');
    writeFileSync(config, 'jira:\n  timeoutSeconds: 1\n');
    const scope = nock(JIRA).get('/rest/api/3/myself').delay(1_500).reply(200, { accountId: 'a1' });
    const run = await runCli(['audit', '--project', 'SHOP'], '', { ...ENV, CENTRIC_CONFIG: config });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `centric: Jira at ${JIRA} did not answer in time: GET /myself: no answer from ${JIRA} (ECONNABORTED). Check JIRA_BASE_URL, the network and any proxy; jira.timeoutSeconds in centric.yml sets how long Centric waits.\n` });
    expect(scope.isDone()).toBe(true);
  });

  it('a 404 names the two settings that point Centric at the REST API', async () => {
    nock(JIRA).get('/rest/api/3/myself').reply(404, { errorMessages: ['Not found'] });
    expect((await runCli(['audit', '--project', 'SHOP'], '', ENV)).stderr).toBe(`centric: Jira at ${JIRA} has no REST API where Centric looked (404): check JIRA_BASE_URL (the site, without /rest/…) and JIRA_DEPLOYMENT (cloud or datacenter).\n`);
  });

  it('a busy Jira (429, 5xx) does not stop the command: the search retries as the bot does', async () => {
    const jira = new JiraFake(3);
    nock(JIRA).get('/rest/api/3/myself').reply(429, { errorMessages: ['Rate limit exceeded'] }, { 'retry-after': '0' });
    jira.install();
    const run = await runCli(['audit', '--project', 'SHOP', '--format', 'json'], '', ENV);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).summary.tickets).toBe(0);
  });

  it.each([
    ['rank', ['--jql', 'projct = SHOP']],
    ['digest', ['--jql', 'projct = SHOP']],
  ])("%s: Jira's refusal of a JQL is one line, not an unexpected error", async (command, args) => {
    nock(JIRA).get('/rest/api/3/myself').reply(200, { accountId: 'a1', displayName: 'Centric' });
    nock(JIRA).post('/rest/api/3/search/jql').reply(400, { errorMessages: ["Field 'projct' does not exist or you do not have permission to view it."] });
    nock(JIRA).get(/\/rest\/api\/3\/search\/jql.*/).reply(400, { errorMessages: ["Field 'projct' does not exist or you do not have permission to view it."] });
    const run = await runCli([command, ...args], '', ENV);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^centric: search\/jql: .*projct/);
    expect(run.stderr).not.toMatch(/unexpected error/);
  });

  it.each(['audit', 'rank', 'digest'])('%s takes --project or --jql, not both', async (command) => {
    expect(await runCli([command, '--project', 'SHOP', '--jql', 'project = OPS'], '', ENV)).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(new RegExp(`^centric: centric ${command} (takes --project KEY or --jql "…", not both|needs --project KEY or --jql "…" \\(one of them\\))\\n`)) });
  });

  it('shows the whole JQL on a terminal, and the running count beneath it', async () => {
    const jira = new JiraFake(3);
    jira.install();
    const jql = 'project = SHOP AND labels in (checkout, mobile-web, accessibility) AND statusCategory != Done ORDER BY key';
    const stdout = new PassThrough();
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    const err: Buffer[] = [];
    stderr.on('data', (c: Buffer) => err.push(c));
    stdout.resume();
    expect(await main(['audit', '--jql', jql], { stdout, stderr, stdin: Readable.from(['']), env: ENV })).toBe(0);
    expect(Buffer.concat(err).toString()).toMatch(new RegExp(`^Linting ${jql.replace(/[()]/g, '\\$&')}\\n`));
  });
});
