import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { parseCommand, type Command } from '../../src/core/slash-command.js';
import type { CentricConfig } from '../../src/core/config-types.js';
import { applyFix, fixPrefill } from '../../src/flows/fix-ticket.js';
import { markNotAStory } from '../../src/flows/nudge-actions.js';
import type { CommentText, JiraPermission, LinkMoved, PermissionTarget } from '../../src/flows/ports.js';
import { RateLimiter } from '../../src/flows/rate-limit.js';
import { runCommand, type CommandDeps, type CommandResult } from '../../src/flows/slash-commands.js';
import { Metrics } from '../../src/runtime/metrics.js';
import { saveLink } from '../../src/store/user-links.js';
import { capturedLogger } from '../helpers/quiet.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

const BOT = 'acc-centric';
/** A comment as Jira lists it: by a person, never edited, unless the test says otherwise. */
const comment = (id: string, authorAccountId: string, text: string, more: Partial<CommentText> = {}): CommentText => ({ id, authorAccountId, text, edited: false, byPerson: true, ...more });
const SECRET_TICKET = { key: 'VAULT-1', fields: { summary: 'Secret merger', description: 'As a CFO, I want the deal room.', issuetype: { name: 'Story' }, project: { key: 'VAULT' }, labels: [], attachment: [] } };

/** Jira as far as these flows ask it: who may do what, comments, e-mails. Records every call. */
class FakeJira {
  readonly cloud = false;
  readonly calls: string[] = [];
  readonly grants = new Set<string>();
  readonly emails = new Map<string, string>();
  readonly comments = new Map<string, CommentText[]>();
  readonly deleted: string[] = [];
  grant(account: string, permission: JiraPermission, target: string) {
    this.grants.add(`${account} ${permission} ${target}`);
  }
  async userMay(account: string, permission: JiraPermission, target: PermissionTarget) {
    const name = 'issueKey' in target ? target.issueKey : target.projectKey;
    this.calls.push(`userMay ${account} ${permission} ${name}`);
    return this.grants.has(`${account} ${permission} ${name}`) || ('issueKey' in target && this.grants.has(`${account} ${permission} ${name.split('-')[0]}`));
  }
  async findAccountByEmail(email: string) {
    this.calls.push(`findAccountByEmail ${email}`);
    return this.emails.get(email) ?? null;
  }
  async commentTexts(key: string) {
    this.calls.push(`commentTexts ${key}`);
    return this.comments.get(key) ?? [];
  }
  async deleteComment(key: string, id: string) {
    this.deleted.push(`${key}/${id}`);
  }
  async myself() {
    return { accountId: BOT };
  }
  async getIssue(key: string) {
    this.calls.push(`getIssue ${key}`);
    return key === SECRET_TICKET.key ? (SECRET_TICKET as never) : null;
  }
  async updateDescription(key: string) {
    this.calls.push(`updateDescription ${key}`);
  }
  async updateLabels(key: string) {
    this.calls.push(`updateLabels ${key}`);
  }
}

describe.each(BACKENDS)('who may do what through Centric, on $name', (backend) => {
  const store = storePerTest(backend);

  function setup(config: Partial<CentricConfig> = {}, users: { admins?: string[]; emails?: Record<string, string>; members?: Record<string, string[]> } = {}) {
    const jira = new FakeJira();
    const moved: Array<[string, LinkMoved]> = [];
    const removed: Array<[string, { account: string; by: string }]> = [];
    const { logger } = capturedLogger();
    let now = 1_000_000;
    const deps = {
      store: store(),
      config: { ...DEFAULT_CONFIG, ...config },
      metrics: new Metrics(),
      clock: () => now,
      jira,
      logger,
      dm: { postNudge: async () => ({ channel: 'D1', ts: '1' }), updateNudge: async () => undefined },
      users: {
        email: async (u: string) => users.emails?.[u] ?? null,
        timezone: async () => 'UTC',
        locale: async () => 'en',
        isWorkspaceAdmin: async (u: string) => users.admins?.includes(u) ?? false,
        isMember: async (channel: string, u: string) => users.members?.[channel]?.includes(u) ?? false,
        linkMoved: async (u: string, m: LinkMoved) => void moved.push([u, m]),
        linkRemoved: async (u: string, m: { account: string; by: string }) => void removed.push([u, m]),
      },
      limiter: new RateLimiter(config.slack?.commandsPerMinute ?? 100, () => now),
      digestPreview: async (scope: { value: string }) => ({ title: scope.value, digest: {} as never, late: false }),
      newCode: () => 'centric-K7Q2-M9XD',
    } as unknown as CommandDeps;
    const run = (text: string, userId = 'U1', channelId = 'C1'): Promise<CommandResult> => {
      const parsed = parseCommand(text);
      if (!parsed.ok) throw new Error(parsed.error);
      return runCommand(deps, { userId, channelId }, parsed.command as Command);
    };
    return { deps, jira, moved, removed, run, advance: (ms: number) => (now += ms) };
  }
  const link = (user: string, account: string) => saveLink(store(), { slackUserId: user, jiraAccountId: account, by: 'code' }, 0);

  it('an unlinked member gets "link your Jira account first" and no ticket content; Jira is not even asked for the ticket', async () => {
    const t = setup();
    for (const text of ['check VAULT-1', 'mine', 'digest VAULT', 'subscribe VAULT']) expect(await t.run(text)).toEqual({ kind: 'not-linked' });
    expect(t.jira.calls.filter((c) => c.startsWith('getIssue'))).toEqual([]);
  });

  it('a member whose Jira account may not browse the ticket or project is refused, the same way whether it exists or not', async () => {
    const t = setup();
    await link('U1', 'acc-mallory');
    expect(await t.run('check VAULT-1')).toEqual({ kind: 'forbidden', permission: 'BROWSE_PROJECTS', target: 'VAULT-1' });
    expect(await t.run('check VAULT-404')).toEqual({ kind: 'forbidden', permission: 'BROWSE_PROJECTS', target: 'VAULT-404' });
    expect(await t.run('digest VAULT')).toEqual({ kind: 'forbidden', permission: 'BROWSE_PROJECTS', target: 'VAULT' });
    expect(await t.run('subscribe VAULT')).toEqual({ kind: 'forbidden', permission: 'BROWSE_PROJECTS', target: 'VAULT' });
    expect(t.jira.calls.filter((c) => c.startsWith('getIssue'))).toEqual([]);
    expect(await store().db.selectFrom('digest_subscriptions').selectAll().execute()).toEqual([]);
  });

  it('Fix it and Not a story need the edit permission: without it nothing is read or written', async () => {
    const t = setup();
    await link('U1', 'acc-viewer');
    t.jira.grant('acc-viewer', 'BROWSE_PROJECTS', 'VAULT');
    const asker = { userId: 'U1', name: 'viewer' };
    expect(await fixPrefill(t.deps, 'U1', 'VAULT-1')).toEqual({ kind: 'forbidden', permission: 'EDIT_ISSUES', target: 'VAULT-1' });
    expect(await applyFix(t.deps, 'VAULT-1', { role: 'CFO', goal: 'x', benefit: 'y', metric: '', visualsUrl: '' }, asker)).toEqual({
      key: 'VAULT-1',
      status: 'denied',
      denied: { kind: 'forbidden', permission: 'EDIT_ISSUES', target: 'VAULT-1' },
    });
    expect(await markNotAStory(t.deps, asker, 'VAULT-1')).toEqual({ kind: 'forbidden', permission: 'EDIT_ISSUES', target: 'VAULT-1' });
    expect(await fixPrefill(t.deps, 'U2', 'VAULT-1')).toEqual({ kind: 'not-linked' });
    expect(t.jira.calls.filter((c) => !c.startsWith('userMay'))).toEqual([]);
    t.jira.grant('acc-viewer', 'EDIT_ISSUES', 'VAULT-1');
    expect(await fixPrefill(t.deps, 'U1', 'VAULT-1')).toMatchObject({ kind: 'ready', prefill: { key: 'VAULT-1', goal: 'the deal room' } });
  });

  it('/centric link <account> without proof is refused: only admins may link by their word', async () => {
    const t = setup({}, { admins: ['UADMIN'] });
    expect(await t.run('link acc-colleague')).toEqual({ kind: 'link-refused', reason: 'admins-only' });
    expect(await t.run('link <@U2|ana> acc-ana')).toEqual({ kind: 'link-refused', reason: 'admins-only' });
    expect(await store().db.selectFrom('user_links').selectAll().execute()).toEqual([]);
    expect(await t.run('link <@U2|ana> acc-ana', 'UADMIN')).toMatchObject({ kind: 'linked', account: 'acc-ana', by: 'admin', user: 'U2', self: false, replaced: [] });
  });

  it('centric.yml admins link anyone; workspace admins too unless slack.workspaceAdmins is off', async () => {
    const named = setup({ slack: { ...DEFAULT_CONFIG.slack, admins: ['UYML'], workspaceAdmins: false } }, { admins: ['UWS'] });
    expect(await named.run('link <@U2> acc-ana', 'UYML')).toMatchObject({ kind: 'linked', user: 'U2' });
    expect(await named.run('link <@U3> acc-bo', 'UWS')).toEqual({ kind: 'link-refused', reason: 'admins-only' });
  });

  it('links by confirmed e-mail only when Jira shows exactly one account with it', async () => {
    const t = setup({}, { emails: { U1: 'priya@acme.io' } });
    expect(await t.run('link')).toEqual({ kind: 'link-refused', reason: 'no-email-match' });
    t.jira.emails.set('priya@acme.io', 'acc-priya');
    expect(await t.run('link')).toMatchObject({ kind: 'linked', account: 'acc-priya', by: 'email', self: true });
    // No confirmed e-mail (the port gives none): nothing is looked up.
    t.jira.calls.length = 0;
    expect(await t.run('link', 'U9')).toEqual({ kind: 'link-refused', reason: 'no-email-match' });
    expect(t.jira.calls).toEqual([]);
  });

  it('links by a one-time code posted from the Jira account: read, linked, the comment deleted, the code used up', async () => {
    const t = setup();
    expect(await t.run('link SHOP-7')).toEqual({ kind: 'link-code', code: 'centric-K7Q2-M9XD', ticket: 'SHOP-7', minutes: 15 });
    const row = await store().db.selectFrom('link_codes').selectAll().executeTakeFirstOrThrow();
    expect(row.code_hash).not.toContain('K7Q2');
    expect(await t.run('link done')).toEqual({ kind: 'link-refused', reason: 'code-not-found', ticket: 'SHOP-7' });
    t.jira.comments.set('SHOP-7', [
      // Centric's own comment quotes tickets' text: a code in it proves nothing.
      comment('1', BOT, 'centric-K7Q2-M9XD'),
      comment('2', 'acc-priya', '  centric-k7q2-m9xd\n'),
    ]);
    expect(await t.run('link done')).toMatchObject({ kind: 'linked', account: 'acc-priya', by: 'code', user: 'U1' });
    expect(t.jira.deleted).toEqual(['SHOP-7/2']);
    expect(await t.run('link done')).toEqual({ kind: 'link-refused', reason: 'no-code' });
  });

  it('a code Centric itself posted, someone else\'s code, an edited comment, an app\'s comment, a quoted code or an expired code links nobody', async () => {
    const t = setup();
    await t.run('link SHOP-7');
    t.jira.comments.set('SHOP-7', [
      comment('1', BOT, 'centric-K7Q2-M9XD'),
      comment('2', 'acc-eve', 'centric-AAAA-BBBB'),
      // Someone allowed to edit all comments put the code into an admin's comment.
      comment('3', 'acc-jira-admin', 'centric-K7Q2-M9XD', { edited: true }),
      // An automation or app account that echoes text (a smart commit, a mail handler's app).
      comment('4', 'acc-automation', 'centric-K7Q2-M9XD', { byPerson: false }),
      // The code quoted inside other text: in a description echo, a quote of someone else.
      comment('5', 'acc-quoter', 'Priya asked me to post: centric-K7Q2-M9XD'),
    ]);
    expect(await t.run('link done')).toEqual({ kind: 'link-refused', reason: 'code-not-found', ticket: 'SHOP-7' });
    t.jira.comments.set('SHOP-7', [comment('6', 'acc-priya', 'centric-K7Q2-M9XD')]);
    t.advance(15 * 60_000);
    expect(await t.run('link done')).toEqual({ kind: 'link-refused', reason: 'code-expired', ticket: 'SHOP-7' });
    expect(await store().db.selectFrom('user_links').selectAll().execute()).toEqual([]);
  });

  it('relinking an account tells its previous holder; unlink removes one\'s own link, and only admins remove others\'', async () => {
    const t = setup({}, { admins: ['UADMIN'] });
    await link('U1', 'acc-priya');
    await t.run('link SHOP-7', 'U2');
    t.jira.comments.set('SHOP-7', [comment('9', 'acc-priya', 'centric-K7Q2-M9XD')]);
    expect(await t.run('link done', 'U2')).toMatchObject({ kind: 'linked', account: 'acc-priya', replaced: ['U1'] });
    expect(t.moved).toEqual([['U1', { account: 'acc-priya', to: 'U2', by: 'code' }]]);
    expect(await t.run('unlink <@U2>', 'U1')).toEqual({ kind: 'link-refused', reason: 'admins-only' });
    expect(await t.run('unlink', 'U2')).toEqual({ kind: 'unlinked', user: 'U2', self: true, account: 'acc-priya' });
    await link('U3', 'acc-bo');
    expect(await t.run('unlink <@U3|bo>', 'UADMIN')).toEqual({ kind: 'unlinked', user: 'U3', self: false, account: 'acc-bo' });
    expect(await store().db.selectFrom('user_links').selectAll().execute()).toEqual([]);
    expect(t.removed).toEqual([['U3', { account: 'acc-bo', by: 'UADMIN' }]]);
  });

  it('an admin\'s unlink sticks: no automatic e-mail link, no self-made link, until an admin links again', async () => {
    const t = setup({}, { admins: ['UADMIN'], emails: { U3: 'bo@acme.io' } });
    t.jira.emails.set('bo@acme.io', 'acc-bo');
    expect(await t.run('link', 'U3')).toMatchObject({ kind: 'linked', account: 'acc-bo' });
    await t.run('unlink <@U3>', 'UADMIN');
    expect(await t.run('mine', 'U3')).toEqual({ kind: 'not-linked' });
    expect(await t.run('link', 'U3')).toEqual({ kind: 'link-refused', reason: 'blocked' });
    expect(await t.run('link SHOP-1', 'U3')).toEqual({ kind: 'link-refused', reason: 'blocked' });
    expect(await t.run('link <@U3> acc-bo', 'UADMIN')).toMatchObject({ kind: 'linked', user: 'U3' });
    expect(await t.run('mine', 'U3')).toMatchObject({ kind: 'mine' });
  });

  it('JQL subscriptions are for admins; another channel\'s subscriptions only for its members and admins', async () => {
    const t = setup({}, { admins: ['UADMIN'], members: { C2: ['U2'] } });
    await link('U1', 'acc-priya');
    t.jira.grant('acc-priya', 'BROWSE_PROJECTS', 'SHOP');
    expect(await t.run('subscribe project = VAULT')).toEqual({ kind: 'refused', reason: 'jql-admins-only', channel: 'C1' });
    expect(await t.run('subscribe SHOP')).toMatchObject({ kind: 'subscribed', channel: 'C1' });
    expect(await t.run('subscriptions <#C2|secret>')).toEqual({ kind: 'refused', reason: 'not-a-member', channel: 'C2' });
    expect(await t.run('subscriptions <#C2|secret>', 'U2')).toMatchObject({ kind: 'subscriptions', channel: 'C2' });
    expect(await t.run('subscriptions <#C2|secret>', 'UADMIN')).toMatchObject({ kind: 'subscriptions', channel: 'C2' });
    expect(await t.run('subscribe project = VAULT', 'UADMIN')).toMatchObject({ kind: 'subscribed', scope: { type: 'jql', value: 'project = VAULT' } });
  });

  it('mine lists only the tickets the account may still browse', async () => {
    const t = setup();
    await link('U1', 'acc-priya');
    const report = (key: string) => ({
      ticket_key: key, project: key.split('-')[0]!, issue_type: 'Story', status: 'To Do', score: 10, passing: 0, skipped: 0, role: null,
      reporter_account_id: 'acc-priya', assignee_account_id: null, report_json: '{}', findings_hash: 'h', linted_at: 1, benefit: null, cost: null, done: 0,
    });
    await store().db.insertInto('reports').values([report('SHOP-1'), report('VAULT-1')]).execute();
    t.jira.grant('acc-priya', 'BROWSE_PROJECTS', 'SHOP');
    const mine = await t.run('mine');
    expect(mine.kind === 'mine' && mine.tickets.map((x) => x.key)).toEqual(['SHOP-1']);
  });

  it('more commands than slack.commandsPerMinute from one person are refused until the minute has passed', async () => {
    const t = setup({ slack: { ...DEFAULT_CONFIG.slack, commandsPerMinute: 2 } });
    expect((await t.run('mute 1')).kind).toBe('muted');
    expect((await t.run('mute 1')).kind).toBe('muted');
    expect(await t.run('mute 1')).toEqual({ kind: 'rate-limited', retryInSeconds: 60 });
    expect((await t.run('mute 1', 'U2')).kind).toBe('muted');
    expect((await t.run('help')).kind).toBe('help');
    t.advance(60_001);
    expect((await t.run('mute 1')).kind).toBe('muted');
  });
});
