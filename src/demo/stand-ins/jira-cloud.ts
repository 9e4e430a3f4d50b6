import type { JiraIssue } from '../../core/ticket/normalise.js';
import { adfProblems } from './adf-schema.js';
import { StandIn, type Answer, type RecordedRequest } from './http-stand-in.js';

export interface JiraAccount {
  accountId: string;
  displayName: string;
  emailAddress: string;
}

export interface StandInComment {
  id: string;
  author: string;
  body: unknown;
  properties: Array<{ key: string; value: unknown }>;
  created: string;
  updated: string;
}

export interface JiraCloudOptions {
  /** The account Centric signs in with (basic auth: e-mail and API token). */
  bot: JiraAccount;
  apiToken: string;
  /** People Jira knows, findable by e-mail with /user/search. */
  people?: JiraAccount[];
}

const API = '/rest/api/3';
const ISSUE = new RegExp(`^${API}/issue/([A-Z][A-Z0-9_]*-\\d+)$`);
const COMMENTS = new RegExp(`^${API}/issue/([A-Z][A-Z0-9_]*-\\d+)/comment$`);
const COMMENT = new RegExp(`^${API}/issue/([A-Z][A-Z0-9_]*-\\d+)/comment/(\\d+)$`);
/** Fields an edit may set; anything else is "not on the appropriate screen", as Jira says. */
const EDITABLE = new Set(['summary', 'description', 'labels']);

const errors = (status: number, messages: string[], fieldErrors: Record<string, string> = {}): Answer => ({ status, body: { errorMessages: messages, errors: fieldErrors } });
const query = (req: RecordedRequest) => new URLSearchParams(req.path.split('?')[1] ?? '');

function json(req: RecordedRequest): { ok: true; value: Record<string, unknown> } | { ok: false; answer: Answer } {
  if (!String(req.headers['content-type'] ?? '').includes('application/json')) return { ok: false, answer: { status: 415, body: 'Unsupported Media Type' } };
  try {
    const value = JSON.parse(req.body) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, answer: errors(400, ['Request body must be a JSON object.']) };
    return { ok: true, value: value as Record<string, unknown> };
  } catch {
    return { ok: false, answer: errors(400, ['Unexpected character in the request body: it is not JSON.']) };
  }
}

/** An ADF document as plain text: one line per paragraph, heading or list item. */
export function adfText(node: unknown): string {
  const lines: string[] = [];
  const walk = (n: { type?: string; text?: string; content?: unknown[]; attrs?: Record<string, unknown> }, line: string[]): void => {
    if (n.type === 'text') line.push(n.text ?? '');
    else if (n.type === 'hardBreak') line.push('\n');
    else if (n.type === 'inlineCard') line.push(String(n.attrs?.url ?? ''));
    else if (n.type === 'paragraph' || n.type === 'heading') {
      const own: string[] = [];
      for (const c of n.content ?? []) walk(c as never, own);
      lines.push(`${n.type === 'heading' ? '# ' : ''}${own.join('')}`);
    } else if (n.type === 'listItem') {
      const before = lines.length;
      for (const c of n.content ?? []) walk(c as never, line);
      if (lines.length > before) lines[before] = `• ${lines[before]}`;
    } else if (n.type === 'media') lines.push(`[media ${String(n.attrs?.id ?? '')}]`);
    else for (const c of n.content ?? []) walk(c as never, line);
  };
  walk(node as never, []);
  return lines.join('\n');
}

/**
 * The part of the Jira Cloud REST API (v3) Centric uses, in memory: issues (get, edit, labels),
 * search with nextPageToken, comments with properties, myself and user search. It checks what a
 * real site checks (basic auth, JSON bodies, ADF documents, editable fields) and answers in the
 * documented shapes and status codes.
 */
export class JiraCloudStandIn extends StandIn {
  readonly issues = new Map<string, JiraIssue>();
  readonly comments = new Map<string, StandInComment[]>();
  readonly people: JiraAccount[];
  /** GET /field: the site's fields, system and custom, as Jira lists them. */
  readonly fields: Array<{ id: string; key: string; name: string; custom: boolean; schema?: Record<string, unknown> }> = [
    ...[['summary', 'Summary', 'string'], ['description', 'Description', 'string'], ['issuetype', 'Issue Type', 'issuetype'], ['status', 'Status', 'status'], ['labels', 'Labels', 'array'], ['attachment', 'Attachment', 'array'], ['assignee', 'Assignee', 'user'], ['reporter', 'Reporter', 'user']].map(([id, name, type]) => ({ id: id!, key: id!, name: name!, custom: false, schema: { type: type!, system: id! } })),
    { id: 'customfield_10020', key: 'customfield_10020', name: 'Sprint', custom: true, schema: { type: 'array', custom: 'com.pyxis.greenhopper.jira:gh-sprint', customId: 10020 } },
    { id: 'customfield_10016', key: 'customfield_10016', name: 'Story point estimate', custom: true, schema: { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points', customId: 10016 } },
  ];
  private nextCommentId = 10_000;
  private readonly authorization: string;

  constructor(private readonly options: JiraCloudOptions) {
    super();
    this.people = [options.bot, ...(options.people ?? [])];
    this.authorization = `Basic ${Buffer.from(`${options.bot.emailAddress}:${options.apiToken}`).toString('base64')}`;
    const authed = (respond: (req: RecordedRequest, match: RegExpExecArray | null) => Answer, pattern?: RegExp) => (req: RecordedRequest) => {
      if (req.headers.authorization !== this.authorization) return { status: 401, body: 'Client must be authenticated to access this resource.' };
      return respond(req, pattern ? pattern.exec(req.path.split('?')[0]!) : null);
    };
    this.on('GET', `${API}/field`, authed(() => ({ body: this.fields })));
    this.on('GET', `${API}/myself`, authed(() => ({ body: { accountId: options.bot.accountId, displayName: options.bot.displayName, emailAddress: options.bot.emailAddress, accountType: 'atlassian', active: true } })));
    this.on('GET', ISSUE, authed((req, m) => this.getIssue(m![1]!, query(req)), ISSUE));
    this.on('PUT', ISSUE, authed((req, m) => this.editIssue(m![1]!, req), ISSUE));
    this.on('GET', COMMENTS, authed((req, m) => this.listComments(m![1]!, query(req)), COMMENTS));
    this.on('POST', COMMENTS, authed((req, m) => this.addComment(m![1]!, req), COMMENTS));
    this.on('PUT', COMMENT, authed((req, m) => this.updateComment(m![1]!, m![2]!, req), COMMENT));
    this.on('DELETE', COMMENT, authed((_req, m) => this.deleteComment(m![1]!, m![2]!), COMMENT));
    this.on('POST', `${API}/comment/list`, authed((req) => this.commentsByIds(req)));
    this.on('GET', `${API}/search/jql`, authed((req) => this.search(query(req))));
    this.on('GET', `${API}/user/search`, authed((req) => this.findUsers(query(req))));
  }

  put(issue: JiraIssue): this {
    this.issues.set(issue.key, structuredClone(issue));
    return this;
  }

  /** The bodies of Centric's comments on a ticket (those it marked with a property). */
  ownComments(key: string): StandInComment[] {
    return (this.comments.get(key) ?? []).filter((c) => c.author === this.options.bot.accountId);
  }

  private issueOr404(key: string): JiraIssue | Answer {
    return this.issues.get(key) ?? errors(404, ['Issue does not exist or you do not have permission to see it.']);
  }

  private getIssue(key: string, q: URLSearchParams): Answer {
    const issue = this.issueOr404(key);
    if (!('key' in issue)) return issue;
    const wanted = q.get('fields')?.split(',').filter(Boolean);
    const fields = wanted && !wanted.includes('*all') ? Object.fromEntries(Object.entries(issue.fields).filter(([k]) => wanted.includes(k))) : issue.fields;
    return { body: { id: String(10_000 + Number(key.split('-')[1])), key, self: `${this.url}${API}/issue/${key}`, fields } };
  }

  private editIssue(key: string, req: RecordedRequest): Answer {
    const issue = this.issueOr404(key);
    if (!('key' in issue)) return issue;
    const body = json(req);
    if (!body.ok) return body.answer;
    const fields = (body.value.fields ?? {}) as Record<string, unknown>;
    const update = (body.value.update ?? {}) as Record<string, Array<Record<string, unknown>>>;
    const problems: Record<string, string> = {};
    for (const name of [...Object.keys(fields), ...Object.keys(update)]) {
      if (!EDITABLE.has(name)) problems[name] = `Field '${name}' cannot be set. It is not on the appropriate screen, or unknown.`;
    }
    if ('description' in fields && fields.description !== null) {
      // Checked against Atlassian's ADF JSON schema; the problems (at most 5) follow Jira's own sentence.
      const found = adfProblems(fields.description);
      if (found.length > 0) problems.description = `Operation value must be an Atlassian Document (see the Atlassian Document Format): ${found.join('; ')}`;
    }
    for (const op of update.labels ?? []) {
      const label = op.add ?? op.remove;
      if (typeof label !== 'string' || /\s/.test(label)) problems.labels = 'The label must not contain spaces.';
    }
    if (Object.keys(problems).length > 0) return errors(400, [], problems);
    Object.assign(issue.fields, fields);
    let labels = issue.fields.labels ?? [];
    for (const op of update.labels ?? []) labels = op.add ? [...new Set([...labels, String(op.add)])] : labels.filter((l) => l !== op.remove);
    issue.fields.labels = labels;
    return { status: 204 };
  }

  private listComments(key: string, q: URLSearchParams): Answer {
    if (!this.issues.has(key)) return errors(404, ['Issue does not exist or you do not have permission to see it.']);
    const all = this.comments.get(key) ?? [];
    const startAt = Number(q.get('startAt') ?? 0);
    const maxResults = Math.min(Number(q.get('maxResults') ?? 50), 100);
    const page = all.slice(startAt, startAt + maxResults);
    return { body: { startAt, maxResults, total: all.length, comments: page.map((c) => this.commentJson(c)) } };
  }

  private commentJson(c: StandInComment, withProperties = false) {
    const author = this.people.find((p) => p.accountId === c.author);
    return { id: c.id, author: { accountId: c.author, displayName: author?.displayName ?? c.author }, body: c.body, created: c.created, updated: c.updated, ...(withProperties ? { properties: c.properties } : {}) };
  }

  private checkBody(body: unknown): string | null {
    if (body === undefined || body === null) return 'Comment body can not be empty!';
    const found = adfProblems(body);
    return found.length > 0 ? `Comment body is not a valid Atlassian Document: ${found.join('; ')}` : null;
  }

  private addComment(key: string, req: RecordedRequest): Answer {
    if (!this.issues.has(key)) return errors(404, ['Issue does not exist or you do not have permission to see it.']);
    const body = json(req);
    if (!body.ok) return body.answer;
    const problem = this.checkBody(body.value.body);
    if (problem) return errors(400, [], { comment: problem });
    const now = new Date().toISOString();
    const properties = Array.isArray(body.value.properties) ? (body.value.properties as StandInComment['properties']) : [];
    const comment: StandInComment = { id: String(this.nextCommentId++), author: this.options.bot.accountId, body: body.value.body, properties, created: now, updated: now };
    this.comments.set(key, [...(this.comments.get(key) ?? []), comment]);
    return { status: 201, body: this.commentJson(comment) };
  }

  private updateComment(key: string, id: string, req: RecordedRequest): Answer {
    const comment = (this.comments.get(key) ?? []).find((c) => c.id === id);
    if (!comment) return errors(404, ['Can not find a comment for the id: ' + id + '.']);
    const body = json(req);
    if (!body.ok) return body.answer;
    const problem = this.checkBody(body.value.body);
    if (problem) return errors(400, [], { comment: problem });
    comment.body = body.value.body;
    comment.updated = new Date().toISOString();
    return { body: this.commentJson(comment) };
  }

  private deleteComment(key: string, id: string): Answer {
    const list = this.comments.get(key) ?? [];
    if (!list.some((c) => c.id === id)) return errors(404, ['Can not find a comment for the id: ' + id + '.']);
    this.comments.set(key, list.filter((c) => c.id !== id));
    return { status: 204 };
  }

  private commentsByIds(req: RecordedRequest): Answer {
    const body = json(req);
    if (!body.ok) return body.answer;
    if (!Array.isArray(body.value.ids)) return errors(400, ['ids: must be a list of comment ids.']);
    const ids = new Set((body.value.ids as unknown[]).map(String));
    const withProperties = query(req).get('expand')?.split(',').includes('properties') ?? false;
    const found = [...this.comments.values()].flat().filter((c) => ids.has(c.id));
    return { body: { isLast: true, startAt: 0, maxResults: 1000, total: found.length, values: found.map((c) => this.commentJson(c, withProperties)) } };
  }

  /** JQL: `project = KEY` (or `project in (A, B)`) narrows the issues; other clauses match everything. */
  private search(q: URLSearchParams): Answer {
    const jql = q.get('jql');
    if (!jql) return errors(400, ['The JQL query is required: pass jql, such as project = SHOP.']);
    const projects = /project\s*(?:=\s*"?([A-Z][A-Z0-9_]*)"?|in\s*\(([^)]*)\))/i.exec(jql);
    const keys = projects ? (projects[1] ? [projects[1]] : projects[2]!.split(',').map((k) => k.trim().replace(/"/g, ''))).map((k) => k.toUpperCase()) : null;
    const all = [...this.issues.values()].filter((i) => !keys || keys.includes(i.key.split('-')[0]!));
    const start = Number(q.get('nextPageToken') ?? 0);
    const size = Math.min(Number(q.get('maxResults') ?? 50), 100);
    const wanted = q.get('fields')?.split(',').filter(Boolean);
    const page = all.slice(start, start + size).map((i) => ({ id: i.key, key: i.key, fields: wanted ? Object.fromEntries(Object.entries(i.fields).filter(([k]) => wanted.includes(k))) : i.fields }));
    const next = start + size < all.length ? String(start + size) : undefined;
    return { body: { issues: page, ...(next ? { nextPageToken: next, isLast: false } : { isLast: true }) } };
  }

  private findUsers(q: URLSearchParams): Answer {
    const text = (q.get('query') ?? '').toLowerCase();
    if (!text) return errors(400, ['One of the query parameters query, accountId or property is required.']);
    return { body: this.people.filter((p) => p.emailAddress.toLowerCase() === text || p.displayName.toLowerCase().includes(text)).map((p) => ({ ...p, accountType: 'atlassian', active: true })) };
  }
}
