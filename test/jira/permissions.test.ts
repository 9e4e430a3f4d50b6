import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { JiraClient, JiraError } from '../../src/jira/client.js';
import { AnswerCache } from '../../src/jira/permissions.js';
import { Metrics } from '../../src/runtime/metrics.js';
import { JIRA, JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';
import { capturedLogger } from '../helpers/quiet.js';

const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', JIRA_BASE_URL: JIRA };
const cloudEnv = loadEnv({ ...base, JIRA_EMAIL: 'c@acme.io', JIRA_API_TOKEN: 'tok' });
const dcEnv = loadEnv({ ...base, JIRA_DEPLOYMENT: 'datacenter', JIRA_PAT: 'pat-123' });

beforeEach(() => isolateNetwork());
afterEach(() => resetNetwork());

function client(options: { dc?: boolean; now?: () => number; cacheSeconds?: number } = {}) {
  const settings = { ...DEFAULT_CONFIG.jira, permissionCacheSeconds: options.cacheSeconds ?? 60 };
  return new JiraClient({ env: options.dc ? dcEnv : cloudEnv, settings, metrics: new Metrics(), logger: capturedLogger().logger, sleep: async () => undefined, maxRetries: 0, now: options.now });
}

function fake(version: 2 | 3 = 3) {
  const jira = new JiraFake(version);
  jira.put({ key: 'SHOP-1', fields: { summary: 's', issuetype: { name: 'Story' } } });
  jira.put({ key: 'SECRET-1', fields: { summary: 'launch plan', issuetype: { name: 'Story' } } });
  jira.restrict('SECRET', { browse: ['acc-priya'], edit: [] });
  jira.install();
  return jira;
}

const asked = (jira: JiraFake, path: string) => jira.calls.filter((c) => c.path === path).map((c) => Object.fromEntries(c.query));

describe('userMay: Jira decides who may browse and edit', () => {
  it('asks "find users with permissions" for the account, permission and issue or project (Cloud)', async () => {
    const jira = fake();
    const c = client();
    expect(await c.userMay('acc-priya', 'BROWSE_PROJECTS', { issueKey: 'SECRET-1' })).toBe(true);
    expect(await c.userMay('acc-marek', 'BROWSE_PROJECTS', { issueKey: 'SECRET-1' })).toBe(false);
    expect(await c.userMay('acc-priya', 'EDIT_ISSUES', { projectKey: 'SECRET' })).toBe(false);
    expect(await c.userMay('acc-marek', 'EDIT_ISSUES', { issueKey: 'SHOP-1' })).toBe(true);
    expect(asked(jira, '/rest/api/3/user/permission/search')).toEqual([
      { accountId: 'acc-priya', permissions: 'BROWSE_PROJECTS', issueKey: 'SECRET-1' },
      { accountId: 'acc-marek', permissions: 'BROWSE_PROJECTS', issueKey: 'SECRET-1' },
      { accountId: 'acc-priya', permissions: 'EDIT_ISSUES', projectKey: 'SECRET' },
      { accountId: 'acc-marek', permissions: 'EDIT_ISSUES', issueKey: 'SHOP-1' },
    ]);
  });

  it('asks by user name on Data Center (REST v2)', async () => {
    const jira = fake(2);
    const c = client({ dc: true });
    expect(await c.userMay('priya', 'BROWSE_PROJECTS', { issueKey: 'SHOP-1' })).toBe(true);
    expect(asked(jira, '/rest/api/2/user/permission/search')).toEqual([{ username: 'priya', permissions: 'BROWSE_PROJECTS', issueKey: 'SHOP-1', maxResults: '1000' }]);
  });

  it('believes only an answer that lists that very account', async () => {
    // Cloud: an answer about someone else; Data Center: `username` matches as a prefix, so "ann" finds "anna".
    nock(JIRA).get('/rest/api/3/user/permission/search').query(true).reply(200, [{ accountId: 'acc-someone-else', accountType: 'atlassian' }]);
    expect(await client().userMay('acc-priya', 'BROWSE_PROJECTS', { issueKey: 'SHOP-1' })).toBe(false);
    nock(JIRA).get('/rest/api/2/user/permission/search').query(true).reply(200, [{ name: 'anna', key: 'JIRAUSER10100' }]);
    expect(await client({ dc: true }).userMay('ann', 'BROWSE_PROJECTS', { issueKey: 'SHOP-1' })).toBe(false);
    nock(JIRA).get('/rest/api/2/user/permission/search').query(true).reply(200, [{ name: 'anna' }, { name: 'ann' }]);
    expect(await client({ dc: true }).userMay('ann', 'BROWSE_PROJECTS', { issueKey: 'SHOP-1' })).toBe(true);
  });

  it('answers false for an issue or project Jira does not know (404), without asking for an empty account', async () => {
    const jira = fake();
    const c = client();
    expect(await c.userMay('acc-priya', 'BROWSE_PROJECTS', { issueKey: 'SHOP-404' })).toBe(false);
    expect(await c.userMay('acc-priya', 'BROWSE_PROJECTS', { projectKey: 'NOPE' })).toBe(false);
    expect(await c.userMay('', 'BROWSE_PROJECTS', { issueKey: 'SHOP-1' })).toBe(false);
    expect(asked(jira, '/rest/api/3/user/permission/search')).toHaveLength(2);
  });

  it('fails with the status when Jira refuses to say (Centric lacks Administer projects): never a guess', async () => {
    nock(JIRA).get('/rest/api/3/user/permission/search').query(true).reply(403, { errorMessages: ['You do not have the permission to see the permissions of other users in this project.'] });
    const error = await client().userMay('acc-priya', 'BROWSE_PROJECTS', { issueKey: 'SHOP-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect((error as JiraError).status).toBe(403);
  });

  it('remembers answers, yes and no, for jira.permissionCacheSeconds, and asks again after', async () => {
    const jira = fake();
    let now = 1_000_000;
    const c = client({ now: () => now, cacheSeconds: 60 });
    const ask = () => Promise.all([c.userMay('acc-priya', 'BROWSE_PROJECTS', { issueKey: 'SECRET-1' }), c.userMay('acc-marek', 'BROWSE_PROJECTS', { issueKey: 'SECRET-1' })]);
    expect(await ask()).toEqual([true, false]);
    expect(await ask()).toEqual([true, false]);
    // The interactive lane shares the answers.
    expect(await c.interactive().userMay('acc-marek', 'BROWSE_PROJECTS', { issueKey: 'SECRET-1' })).toBe(false);
    expect(asked(jira, '/rest/api/3/user/permission/search')).toHaveLength(2);
    now += 59_000;
    await ask();
    expect(asked(jira, '/rest/api/3/user/permission/search')).toHaveLength(2);
    now += 1_000;
    jira.restrict('SECRET', { browse: [], edit: [] });
    expect(await ask()).toEqual([false, false]);
    expect(asked(jira, '/rest/api/3/user/permission/search')).toHaveLength(4);
  });

  it('with jira.permissionCacheSeconds 0 asks every time', async () => {
    const jira = fake();
    const c = client({ cacheSeconds: 0 });
    await c.userMay('acc-priya', 'BROWSE_PROJECTS', { issueKey: 'SHOP-1' });
    await c.userMay('acc-priya', 'BROWSE_PROJECTS', { issueKey: 'SHOP-1' });
    expect(asked(jira, '/rest/api/3/user/permission/search')).toHaveLength(2);
  });
});

describe('the answer cache', () => {
  it('holds at most maxEntries answers, dropping the oldest, and shares a load in flight', async () => {
    const loads: string[] = [];
    const cache = new AnswerCache<boolean>(60_000, 2, () => 0);
    const get = (key: string) =>
      cache.get(key, async () => {
        loads.push(key);
        return true;
      });
    await Promise.all([get('a'), get('a')]);
    await get('b');
    await get('c');
    expect(cache.size).toBe(2);
    await get('b');
    await get('a');
    expect(loads).toEqual(['a', 'b', 'c', 'a']);
  });

  it('does not remember a failure', async () => {
    let calls = 0;
    const cache = new AnswerCache<boolean>(60_000, 10, () => 0);
    const load = async () => {
      calls++;
      if (calls === 1) throw new Error('Jira down');
      return true;
    };
    await expect(cache.get('k', load)).rejects.toThrow('Jira down');
    expect(await cache.get('k', load)).toBe(true);
    expect(calls).toBe(2);
  });
});

describe('findAccountByEmail: exactly one person, e-mail visible, or nobody', () => {
  const person = (accountId: string, emailAddress?: string, extra: Record<string, unknown> = {}) => ({ accountId, accountType: 'atlassian', active: true, displayName: accountId, ...(emailAddress ? { emailAddress } : {}), ...extra });
  const answer = (users: unknown[]) => nock(JIRA).get('/rest/api/3/user/search').query({ query: 'priya@acme.io', maxResults: '50' }).reply(200, users);

  it('finds the one account whose e-mail matches, case-insensitively', async () => {
    answer([person('acc-priyanka', 'priyanka@acme.io'), person('acc-priya', 'Priya@Acme.io')]);
    expect(await client().findAccountByEmail('priya@acme.io')).toBe('acc-priya');
  });

  it('finds nobody when the only result hides its e-mail (no "only result" guess)', async () => {
    answer([person('acc-priya')]);
    expect(await client().findAccountByEmail('priya@acme.io')).toBeNull();
  });

  it('finds nobody when several accounts share the e-mail', async () => {
    answer([person('acc-priya', 'priya@acme.io'), person('acc-priya-2', 'priya@acme.io')]);
    expect(await client().findAccountByEmail('priya@acme.io')).toBeNull();
  });

  it('ignores apps, customers and deactivated accounts', async () => {
    answer([person('acc-app', 'priya@acme.io', { accountType: 'app' }), person('acc-customer', 'priya@acme.io', { accountType: 'customer' }), person('acc-old', 'priya@acme.io', { active: false })]);
    expect(await client().findAccountByEmail('priya@acme.io')).toBeNull();
    answer([person('acc-app', 'priya@acme.io', { accountType: 'app' }), person('acc-priya', 'priya@acme.io')]);
    expect(await client().findAccountByEmail('priya@acme.io')).toBe('acc-priya');
  });

  it('on Data Center searches by username and answers the user name', async () => {
    nock(JIRA).get('/rest/api/2/user/search').query({ username: 'priya@acme.io', maxResults: '50' }).reply(200, [{ name: 'priya', key: 'JIRAUSER10000', emailAddress: 'priya@acme.io', active: true }]);
    expect(await client({ dc: true }).findAccountByEmail('priya@acme.io')).toBe('priya');
  });
});

describe('commentTexts: the newest comments first, as text', () => {
  it('says whether a comment was edited (by anyone) and whether a person wrote it: what a link code is proven by', async () => {
    const person = (accountId: string, accountType = 'atlassian') => ({ accountId, accountType, displayName: accountId, active: true });
    const at = '2026-11-30T10:00:00.000+0000';
    nock(JIRA)
      .get('/rest/api/3/issue/SHOP-1/comment')
      .query(true)
      .reply(200, {
        startAt: 0, maxResults: 3, total: 3,
        comments: [
          { id: '3', author: person('acc-admin'), updateAuthor: person('acc-mallory'), body: 'centric-AAAA-BBBB', created: at, updated: '2026-11-30T10:05:00.000+0000' },
          { id: '2', author: person('acc-bot', 'app'), updateAuthor: person('acc-bot', 'app'), body: 'centric-AAAA-BBBB', created: at, updated: at },
          { id: '1', author: person('acc-priya'), updateAuthor: person('acc-priya'), body: 'centric-AAAA-BBBB', created: at, updated: at },
        ].map((c) => ({ ...c, body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: c.body }] }] } })),
      });
    expect((await client().commentTexts('SHOP-1', 3)).map((c) => [c.id, c.edited, c.byPerson])).toEqual([['3', true, true], ['2', false, false], ['1', false, true]]);
  });

  const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

  it('asks Cloud for -created order and flattens ADF', async () => {
    const jira = fake();
    jira.comments.set('SHOP-1', [
      { id: '10000', author: 'acc-marek', body: adf('first'), properties: [] },
      { id: '10001', author: 'acc-priya', body: adf('centric-link 4821-7730'), properties: [] },
      { id: '10002', author: 'acc-marek', body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'newest ' }, { type: 'text', text: 'one', marks: [{ type: 'strong' }] }] }, { type: 'paragraph', content: [{ type: 'text', text: 'second line' }] }] }, properties: [] },
    ]);
    expect(await client().commentTexts('SHOP-1', 2)).toEqual([
      { id: '10002', authorAccountId: 'acc-marek', text: 'newest one\nsecond line', edited: false, byPerson: true },
      { id: '10001', authorAccountId: 'acc-priya', text: 'centric-link 4821-7730', edited: false, byPerson: true },
    ]);
    expect(asked(jira, '/rest/api/3/issue/SHOP-1/comment')).toEqual([{ orderBy: '-created', startAt: '0', maxResults: '2' }]);
  });

  it('on Data Center answers wiki markup and the author user name', async () => {
    const jira = fake(2);
    jira.comments.set('SHOP-1', [{ id: '10000', author: 'priya', body: 'centric-link *4821-7730*', properties: [] }]);
    expect(await client({ dc: true }).commentTexts('SHOP-1', 500)).toEqual([{ id: '10000', authorAccountId: 'priya', text: 'centric-link *4821-7730*', edited: false, byPerson: true }]);
    expect(asked(jira, '/rest/api/2/issue/SHOP-1/comment')).toEqual([{ orderBy: '-created', startAt: '0', maxResults: '100' }]);
  });
});

describe('writes on someone\'s behalf name them in the issue history', () => {
  const actor = { slackUserId: 'U1', slackName: 'Priya', jiraAccountId: 'acc-priya' };
  const metadata = {
    type: 'centric:on-behalf-of',
    description: 'Centric, for Priya (Slack U1, Jira acc-priya)',
    actor: { id: 'U1', displayName: 'Priya', type: 'centric-slack-user' },
    generator: { id: 'centric', type: 'centric-bot' },
    extraData: { slackUserId: 'U1', jiraAccountId: 'acc-priya' },
  };
  const doc = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'As a buyer…' }] }] };

  it('sends historyMetadata with the description and the labels (Cloud)', async () => {
    const jira = fake();
    const c = client();
    await c.updateDescription('SHOP-1', doc, actor);
    await c.updateLabels('SHOP-1', ['centric:not-a-story'], ['centric:needs-work'], actor);
    const puts = jira.writes().filter((w) => w.path === '/rest/api/3/issue/SHOP-1');
    expect(puts.map((p) => p.body)).toEqual([
      { fields: { description: doc }, historyMetadata: metadata },
      { update: { labels: [{ add: 'centric:not-a-story' }, { remove: 'centric:needs-work' }] }, historyMetadata: metadata },
    ]);
    expect(puts.map((p) => Object.fromEntries(p.query))).toEqual([{}, { notifyUsers: 'false' }]);
  });

  it('sends the same on Data Center, and nothing extra without an actor', async () => {
    const jira = fake(2);
    const c = client({ dc: true });
    await c.updateDescription('SHOP-1', 'As a buyer…', actor);
    await c.updateLabels('SHOP-1', ['centric:needs-work'], []);
    expect(jira.writes().map((w) => w.body)).toEqual([{ fields: { description: 'As a buyer…' }, historyMetadata: metadata }, { update: { labels: [{ add: 'centric:needs-work' }] } }]);
  });

  it('keeps a hostile Slack name to one short line', async () => {
    const jira = fake();
    await client().updateLabels('SHOP-1', ['x'], [], { ...actor, slackName: `Eve\n\u0007${'e'.repeat(200)}` });
    const sent = (jira.writes()[0]!.body as { historyMetadata: { description: string } }).historyMetadata.description;
    expect(sent).toBe(`Centric, for Eve ${'e'.repeat(76)} (Slack U1, Jira acc-priya)`);
  });
});

describe('missingPermissions: what Centric\'s account lacks', () => {
  const ASKED = 'BROWSE_PROJECTS,ADD_COMMENTS,EDIT_OWN_COMMENTS,DELETE_OWN_COMMENTS,DELETE_ALL_COMMENTS,EDIT_ISSUES,ADMINISTER_PROJECTS,USER_PICKER,ADMINISTER';

  it('asks GET /mypermissions for every permission it needs and names each one missing, with what breaks', async () => {
    const jira = fake();
    const c = client();
    expect(await c.missingPermissions()).toEqual([]);
    jira.missing.add('USER_PICKER').add('ADMINISTER_PROJECTS').add('ADMINISTER');
    expect((await c.missingPermissions()).map((p) => p.sentence)).toEqual([
      'ADMINISTER_PROJECTS (Administer projects, project permission): Jira does not tell Centric who may browse or edit a ticket (find users with permissions), so Centric refuses every /centric check, digest, Fix it and Not a story',
      'USER_PICKER (Browse users and groups, global permission): user search quietly finds nobody, so nobody can link their Slack account by their verified e-mail',
    ]);
    expect(asked(jira, '/rest/api/3/mypermissions')).toEqual([{ permissions: ASKED }, { permissions: ASKED }]);
  });

  it('counts Administer Jira as Administer projects, and on Data Center asks v2', async () => {
    nock(JIRA)
      .get('/rest/api/2/mypermissions')
      .query({ permissions: ASKED })
      .reply(200, { permissions: Object.fromEntries(ASKED.split(',').map((k) => [k, { key: k, havePermission: k !== 'ADMINISTER_PROJECTS' }])) });
    expect(await client({ dc: true }).missingPermissions()).toEqual([]);
  });

  it('counts a permission Jira left out of its answer as missing', async () => {
    nock(JIRA).get('/rest/api/3/mypermissions').query(true).reply(200, { permissions: { BROWSE_PROJECTS: { havePermission: true } } });
    expect((await client().missingPermissions()).map((p) => p.key)).toEqual(['ADD_COMMENTS', 'EDIT_OWN_COMMENTS', 'DELETE_OWN_COMMENTS', 'DELETE_ALL_COMMENTS', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS', 'USER_PICKER']);
  });
});
