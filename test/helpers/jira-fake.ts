import nock from 'nock';
import { afterEach, beforeEach } from 'vitest';
import type { JiraIssue } from '../../src/core/ticket/normalise.js';

export const JIRA = 'https://acme.atlassian.net';
export const BOT_ACCOUNT = '5b10-centric-bot';

export interface JiraCall {
  method: string;
  path: string;
  body: unknown;
  /** The query string, decoded. */
  query: URLSearchParams;
}

interface FakeComment {
  id: string;
  author: string;
  body: unknown;
  properties: Array<{ key: string; value: unknown }>;
}

/**
 * Jira's REST API as nock interceptors over an in-memory site: issues, comments with properties,
 * labels, search with nextPageToken. Answers in the documented shapes and records every call.
 */
export class JiraFake {
  readonly calls: JiraCall[] = [];
  readonly issues = new Map<string, JiraIssue>();
  readonly comments = new Map<string, FakeComment[]>();
  /** Answers to give before the normal one, per "METHOD path" (e.g. 429s, 500s). */
  readonly failures = new Map<string, Array<{ status: number; headers?: Record<string, string> }>>();
  pageSize = 2;
  /** Jira users findable by e-mail: e-mail -> account id (the user name on Data Center). */
  readonly accounts = new Map<string, string>();
  /** Projects restricted by a test (everyone may browse and edit the others): who may browse, who may edit. */
  readonly access = new Map<string, { browse: string[]; edit: string[] }>();
  /** Permissions Centric's account lacks, as GET /mypermissions answers. */
  readonly missing = new Set<string>();
  /** The site's fields, as GET /field lists them: a few system fields and Sprint; tests add custom ones. */
  readonly fields: Array<Record<string, unknown>> = [
    { id: 'summary', key: 'summary', name: 'Summary', custom: false, schema: { type: 'string', system: 'summary' } },
    { id: 'description', key: 'description', name: 'Description', custom: false, schema: { type: 'string', system: 'description' } },
    { id: 'issuetype', key: 'issuetype', name: 'Issue Type', custom: false, schema: { type: 'issuetype', system: 'issuetype' } },
    { id: 'status', key: 'status', name: 'Status', custom: false, schema: { type: 'status', system: 'status' } },
    { id: 'labels', key: 'labels', name: 'Labels', custom: false, schema: { type: 'array', items: 'string', system: 'labels' } },
    { id: 'attachment', key: 'attachment', name: 'Attachment', custom: false, schema: { type: 'array', items: 'attachment', system: 'attachment' } },
    { id: 'customfield_10020', key: 'customfield_10020', name: 'Sprint', custom: true, schema: { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint', customId: 10020 } },
  ];
  private nextComment = 10_000;

  constructor(readonly version: 2 | 3 = 3) {}

  put(issue: JiraIssue): this {
    this.issues.set(issue.key, structuredClone(issue));
    return this;
  }

  /** Calls that change something in Jira. */
  writes(): JiraCall[] {
    return this.calls.filter((c) => c.method !== 'GET' && !c.path.includes('/comment/list'));
  }

  /** Only these accounts may browse the project; only `edit` ones edit it. */
  restrict(project: string, access: { browse: string[]; edit?: string[] }): this {
    this.access.set(project, { browse: [...access.browse, ...(access.edit ?? [])], edit: access.edit ?? [] });
    return this;
  }

  private may(account: string, permission: string, project: string): boolean {
    const rules = this.access.get(project);
    if (!rules) return true;
    return (permission === 'EDIT_ISSUES' ? rules.edit : rules.browse).includes(account);
  }

  failNext(method: string, path: string, ...answers: Array<{ status: number; headers?: Record<string, string> }>): void {
    this.failures.set(`${method} ${path}`, answers);
  }

  install(): void {
    const api = `/rest/api/${this.version}`;
    // Cloud names an account by accountId; Data Center by its user name.
    const user = (id: string, extra: Record<string, unknown> = {}) => (this.version === 3 ? { accountId: id, accountType: 'atlassian', ...extra } : { name: id, key: `JIRAUSER-${id}`, ...extra });
    const scope = nock(JIRA).persist();
    const handle = (method: string, respond: (call: JiraCall, query: URLSearchParams) => [number, unknown?]) =>
      (uri: string, body: unknown): [number, unknown, Record<string, string>?] => {
        const call: JiraCall = { method, path: uri.split('?')[0]!, body: typeof body === 'string' && body ? JSON.parse(body) : body, query: new URLSearchParams(uri.split('?')[1] ?? '') };
        this.calls.push(call);
        const pending = this.failures.get(`${method} ${call.path}`);
        const failure = pending?.shift();
        if (failure) return [failure.status, { errorMessages: [`failure ${failure.status}`] }, failure.headers];
        const [status, answer] = respond(call, call.query);
        return [status, answer ?? ''];
      };

    scope.get(new RegExp(`^${api}/field(\\?.*)?$`)).reply(handle('GET', () => [200, this.fields]));

    scope.get(`${api}/myself`).reply(handle('GET', () => [200, { accountId: BOT_ACCOUNT, name: 'centric', displayName: 'Centric Bot' }]));

    scope.get(new RegExp(`^${api}/issue/([A-Z]+-\\d+)(\\?.*)?$`)).reply(
      handle('GET', (call) => {
        const issue = this.issues.get(call.path.split('/').pop()!);
        return issue ? [200, issue] : [404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'] }];
      }),
    );

    scope.get(new RegExp(`^${api}/issue/([A-Z]+-\\d+)/comment(\\?.*)?$`)).reply(
      handle('GET', (call) => {
        const key = call.path.split('/')[5]!;
        const orderBy = call.query.get('orderBy');
        if (orderBy !== null && !['created', '+created', '-created'].includes(orderBy)) return [400, { errorMessages: [`Invalid orderBy: ${orderBy}`] }];
        // Ids grow with time: the newest comment has the highest id.
        const list = [...(this.comments.get(key) ?? [])].sort((a, b) => (orderBy === '-created' ? Number(b.id) - Number(a.id) : Number(a.id) - Number(b.id)));
        const maxResults = Number(call.query.get('maxResults') ?? 100);
        return [200, { startAt: 0, maxResults, total: list.length, comments: list.slice(0, maxResults).map((c) => ({ id: c.id, author: user(c.author), body: c.body })) }];
      }),
    );

    scope.post(new RegExp(`^${api}/comment/list(\\?.*)?$`)).reply(
      handle('POST', (call, query) => {
        const ids = new Set(((call.body as { ids: number[] }).ids ?? []).map(String));
        const all = [...this.comments.values()].flat().filter((c) => ids.has(c.id));
        const withProperties = query.get('expand')?.includes('properties');
        return [200, { isLast: true, startAt: 0, maxResults: 1000, total: all.length, values: all.map((c) => ({ id: c.id, ...(withProperties ? { properties: c.properties } : {}) })) }];
      }),
    );

    scope.post(new RegExp(`^${api}/issue/([A-Z]+-\\d+)/comment(\\?.*)?$`)).reply(
      handle('POST', (call) => {
        const key = call.path.split('/')[5]!;
        const body = call.body as { body: unknown; properties?: FakeComment['properties'] };
        const comment = { id: String(this.nextComment++), author: BOT_ACCOUNT, body: body.body, properties: body.properties ?? [] };
        this.comments.set(key, [...(this.comments.get(key) ?? []), comment]);
        return [201, { id: comment.id, body: comment.body, author: { accountId: BOT_ACCOUNT } }];
      }),
    );

    scope.put(new RegExp(`^${api}/issue/([A-Z]+-\\d+)/comment/(\\d+)(\\?.*)?$`)).reply(
      handle('PUT', (call) => {
        const [, , , , , key, , id] = call.path.split('/');
        const comment = (this.comments.get(key!) ?? []).find((c) => c.id === id);
        if (!comment) return [404, { errorMessages: ['Can not find a comment for the id'] }];
        comment.body = (call.body as { body: unknown }).body;
        return [200, { id, body: comment.body }];
      }),
    );

    scope.delete(new RegExp(`^${api}/issue/([A-Z]+-\\d+)/comment/(\\d+)(\\?.*)?$`)).reply(
      handle('DELETE', (call) => {
        const [, , , , , key, , id] = call.path.split('/');
        this.comments.set(key!, (this.comments.get(key!) ?? []).filter((c) => c.id !== id));
        return [204];
      }),
    );

    scope.put(new RegExp(`^${api}/issue/([A-Z]+-\\d+)(\\?.*)?$`)).reply(
      handle('PUT', (call) => {
        const issue = this.issues.get(call.path.split('/').pop()!);
        if (!issue) return [404, { errorMessages: ['Issue does not exist'] }];
        const fields = (call.body as { fields?: Record<string, unknown> }).fields ?? {};
        Object.assign(issue.fields, fields);
        const ops = ((call.body as { update?: { labels?: Array<{ add?: string; remove?: string }> } }).update?.labels ?? []);
        let labels = issue.fields.labels ?? [];
        for (const op of ops) labels = op.add ? [...labels, op.add] : labels.filter((l) => l !== op.remove);
        issue.fields.labels = labels;
        return [204];
      }),
    );

    scope.get(new RegExp(`^${api}/user/search(\\?.*)?$`)).reply(
      handle('GET', (_call, query) => {
        const email = query.get('query') ?? query.get('username') ?? '';
        const account = this.accounts.get(email);
        return [200, account ? [user(account, { displayName: email, emailAddress: email, active: true })] : []];
      }),
    );

    scope.get(new RegExp(`^${api}/user/permission/search(\\?.*)?$`)).reply(
      handle('GET', (_call, query) => {
        const permissions = (query.get('permissions') ?? '').split(',').filter(Boolean);
        const account = query.get(this.version === 3 ? 'accountId' : 'username') ?? '';
        const issueKey = query.get('issueKey');
        const project = issueKey ? issueKey.slice(0, issueKey.lastIndexOf('-')) : query.get('projectKey');
        if (permissions.length === 0 || !account || !project) return [400, { errorMessages: ['permissions, an account and issueKey or projectKey are required'] }];
        if (issueKey && !this.issues.has(issueKey)) return [404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'] }];
        if (!issueKey && ![...this.issues.keys()].some((k) => k.startsWith(`${project}-`))) return [404, { errorMessages: [`No project could be found with key '${project}'.`] }];
        return [200, permissions.every((p) => this.may(account, p, project)) ? [user(account, { displayName: account, active: true })] : []];
      }),
    );

    scope.get(new RegExp(`^${api}/mypermissions(\\?.*)?$`)).reply(
      handle('GET', (_call, query) => {
        const keys = (query.get('permissions') ?? '').split(',').filter(Boolean);
        if (keys.length === 0) return [400, { errorMessages: ["The 'permissions' parameter is required."] }];
        return [200, { permissions: Object.fromEntries(keys.map((key) => [key, { key, name: key, type: 'PROJECT', havePermission: !this.missing.has(key) }])) }];
      }),
    );

    scope.get(new RegExp(`^/rest/api/3/search/jql(\\?.*)?$`)).reply(
      handle('GET', (_call, query) => {
        const all = [...this.issues.values()];
        const start = Number(query.get('nextPageToken') ?? 0);
        const page = all.slice(start, start + this.pageSize);
        const next = start + this.pageSize < all.length ? String(start + this.pageSize) : undefined;
        return [200, { issues: page, ...(next ? { nextPageToken: next } : { isLast: true }) }];
      }),
    );
  }

  /** The comment bodies on a ticket, as Jira holds them. */
  commentBodies(key: string): unknown[] {
    return (this.comments.get(key) ?? []).map((c) => c.body);
  }

  /** The wiki body of the first comment posted on a ticket (Data Center), '' when none was. */
  postedWiki(key: string): string {
    const post = this.writes().find((c) => c.method === 'POST' && c.path.includes(`/issue/${key}/comment`));
    return String((post?.body as { body?: string } | undefined)?.body ?? '');
  }
}

/** A Jira fake of `version` for each test of the calling suite, with every other host cut off. */
export function jiraFakePerTest(version: 2 | 3 = 3): () => JiraFake {
  let jira: JiraFake | undefined;
  beforeEach(() => {
    isolateNetwork();
    jira = new JiraFake(version);
    jira.install();
  });
  afterEach(() => resetNetwork());
  return () => jira!;
}

export function isolateNetwork(): void {
  nock.disableNetConnect();
  nock.enableNetConnect((host) => host.startsWith('127.0.0.1') || host.startsWith('localhost'));
}

export function resetNetwork(): void {
  nock.cleanAll();
  nock.enableNetConnect();
}
