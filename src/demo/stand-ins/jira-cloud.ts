import type { JiraIssue } from '../../core/ticket/normalise.js';
import { adfProblems } from './adf-schema.js';
import { StandIn, type Answer, type RecordedRequest } from './http-stand-in.js';

export interface JiraAccount {
  accountId: string;
  displayName: string;
  emailAddress: string;
  /** Whether Jira shows the e-mail to others (profile visibility); true by default. */
  emailVisible?: boolean;
  /** `atlassian` (a person, the default), `app` (a bot) or `customer`. */
  accountType?: 'atlassian' | 'app' | 'customer';
  active?: boolean;
  /** An API token of theirs: requests signed with their e-mail and it act as them (a test posting a comment as them). */
  apiToken?: string;
}

export interface StandInComment {
  id: string;
  author: string;
  body: unknown;
  properties: Array<{ key: string; value: unknown }>;
  created: string;
  updated: string;
  /** Who edited it last (the author until someone edits it). */
  updateAuthor: string;
}

/** One change of an issue, as GET /issue/{key}/changelog lists it. */
export interface StandInChange {
  id: string;
  author: string;
  created: string;
  items: Array<{ field: string; fieldtype: 'jira'; from: null; fromString: string | null; to: null; toString: string | null }>;
  /** As the edit sent it: who the change was made for. */
  historyMetadata?: Record<string, unknown>;
}

/** Who may do what in a project: account ids, or null for everyone. */
export interface ProjectAccess {
  browse: string[] | null;
  edit: string[] | null;
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
const CHANGELOG = new RegExp(`^${API}/issue/([A-Z][A-Z0-9_]*-\\d+)/changelog$`);
const COMMENTS = new RegExp(`^${API}/issue/([A-Z][A-Z0-9_]*-\\d+)/comment$`);
const COMMENT = new RegExp(`^${API}/issue/([A-Z][A-Z0-9_]*-\\d+)/comment/(\\d+)$`);
const PROPERTY = new RegExp(`^${API}/issue/([A-Z][A-Z0-9_]*-\\d+)/properties/([^/?]+)$`);
/** Jira's bounds of an issue property: its key, and its value as JSON. */
const MAX_PROPERTY_KEY = 255;
const MAX_PROPERTY_BYTES = 32_768;
/** Fields an edit may set; anything else is "not on the appropriate screen", as Jira says. */
const EDITABLE = new Set(['summary', 'description', 'labels']);

/** Jira Cloud's project permissions (GET /permissions lists them): what "find users with permissions" accepts. */
const PROJECT_PERMISSIONS = new Set([
  'ADD_COMMENTS', 'ADMINISTER_PROJECTS', 'ASSIGNABLE_USER', 'ASSIGN_ISSUES', 'BROWSE_PROJECTS', 'CLOSE_ISSUES', 'CREATE_ATTACHMENTS',
  'CREATE_ISSUES', 'DELETE_ALL_ATTACHMENTS', 'DELETE_ALL_COMMENTS', 'DELETE_ALL_WORKLOGS', 'DELETE_ISSUES', 'DELETE_OWN_ATTACHMENTS',
  'DELETE_OWN_COMMENTS', 'DELETE_OWN_WORKLOGS', 'EDIT_ALL_COMMENTS', 'EDIT_ALL_WORKLOGS', 'EDIT_ISSUES', 'EDIT_OWN_COMMENTS',
  'EDIT_OWN_WORKLOGS', 'LINK_ISSUES', 'MANAGE_WATCHERS', 'MODIFY_REPORTER', 'MOVE_ISSUES', 'RESOLVE_ISSUES', 'SCHEDULE_ISSUES',
  'SET_ISSUE_SECURITY', 'TRANSITION_ISSUES', 'VIEW_DEV_TOOLS', 'VIEW_READONLY_WORKFLOW', 'VIEW_VOTERS_AND_WATCHERS', 'WORK_ON_ISSUES',
]);
/** Deprecated keys Jira still accepts in "find users with permissions", and what they mean today. */
const DEPRECATED_PERMISSIONS: Record<string, string> = {
  BROWSE: 'BROWSE_PROJECTS', EDIT_ISSUE: 'EDIT_ISSUES', COMMENT_ISSUE: 'ADD_COMMENTS', COMMENT_EDIT_OWN: 'EDIT_OWN_COMMENTS',
  COMMENT_EDIT_ALL: 'EDIT_ALL_COMMENTS', COMMENT_DELETE_OWN: 'DELETE_OWN_COMMENTS', COMMENT_DELETE_ALL: 'DELETE_ALL_COMMENTS',
  PROJECT_ADMIN: 'ADMINISTER_PROJECTS', CREATE_ISSUE: 'CREATE_ISSUES', ASSIGN_ISSUE: 'ASSIGN_ISSUES', TRANSITION_ISSUE: 'TRANSITION_ISSUES',
};
/** Jira Cloud's global permissions, which GET /mypermissions also answers. */
const GLOBAL_PERMISSIONS = new Set(['ADMINISTER', 'SYSTEM_ADMIN', 'USER_PICKER', 'CREATE_SHARED_OBJECTS', 'MANAGE_GROUP_FILTER_SUBSCRIPTIONS', 'BULK_CHANGE']);
/** Held by the project's editors only. */
const EDIT_PERMISSIONS = new Set(['EDIT_ISSUES', 'TRANSITION_ISSUES', 'RESOLVE_ISSUES', 'CLOSE_ISSUES', 'MOVE_ISSUES', 'LINK_ISSUES', 'ASSIGN_ISSUES', 'SCHEDULE_ISSUES', 'MODIFY_REPORTER']);
/** Administrative ones: held by Centric's account (unless withheld), by nobody else. */
const ADMIN_PERMISSIONS = new Set(['ADMINISTER_PROJECTS', 'DELETE_ALL_COMMENTS', 'EDIT_ALL_COMMENTS', 'DELETE_ALL_ATTACHMENTS', 'DELETE_ALL_WORKLOGS', 'EDIT_ALL_WORKLOGS', 'DELETE_ISSUES', 'SET_ISSUE_SECURITY', 'ADMINISTER', 'SYSTEM_ADMIN', 'BULK_CHANGE', 'MANAGE_GROUP_FILTER_SUBSCRIPTIONS']);
/** historyMetadata's text fields and its participants (HistoryMetadata and HistoryMetadataParticipant in Jira's REST schema). */
const HISTORY_TEXT = ['type', 'description', 'descriptionKey', 'activityDescription', 'activityDescriptionKey', 'emailDescription', 'emailDescriptionKey'];
const HISTORY_PARTICIPANTS = ['actor', 'generator', 'cause'];
const PARTICIPANT_TEXT = ['id', 'displayName', 'displayNameKey', 'type', 'avatarUrl', 'url'];
const NO_ISSUE = 'Issue does not exist or you do not have permission to see it.';

const errors = (status: number, messages: string[], fieldErrors: Record<string, string> = {}): Answer => ({ status, body: { errorMessages: messages, errors: fieldErrors } });
const query = (req: RecordedRequest) => new URLSearchParams(req.path.split('?')[1] ?? '');
const projectOfKey = (key: string) => key.slice(0, key.lastIndexOf('-'));
const list = (value: string | null) => (value ?? '').split(',').map((k) => k.trim()).filter(Boolean);

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

/** What is wrong with an edit's historyMetadata, by the types of Jira's schema; null when Jira takes it. */
export function historyMetadataProblem(value: unknown): string | null {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value)) return 'historyMetadata: must be an object';
  for (const name of HISTORY_TEXT) if (name in value && typeof value[name] !== 'string') return `historyMetadata.${name}: must be a string`;
  for (const name of HISTORY_PARTICIPANTS) {
    if (!(name in value)) continue;
    const participant = value[name];
    if (!isObject(participant)) return `historyMetadata.${name}: must be an object`;
    for (const field of PARTICIPANT_TEXT) if (field in participant && typeof participant[field] !== 'string') return `historyMetadata.${name}.${field}: must be a string`;
  }
  if ('extraData' in value) {
    if (!isObject(value.extraData)) return 'historyMetadata.extraData: must be an object';
    for (const [k, v] of Object.entries(value.extraData)) if (typeof v !== 'string') return `historyMetadata.extraData.${k}: must be a string`;
  }
  return null;
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
 * The part of the Jira Cloud REST API (v3) Centric uses, in memory: issues (get, edit, labels,
 * history), search with nextPageToken, comments with properties, myself, user search, "find users
 * with permissions" and "my permissions". It checks what a real site checks (basic auth, JSON
 * bodies, ADF documents, editable fields, who may browse and edit) and answers in the documented
 * shapes and status codes.
 *
 * Permissions: by default everyone may browse and edit every project that has issues; a test
 * restricts a project with `restrictProject`. Centric's account holds every permission, including
 * the administrative ones (Administer projects, Delete all comments), unless a test withholds
 * some with `withhold`; other people never hold the administrative ones. People sign in with their
 * own `apiToken` to act as themselves (post a comment as them).
 */
export class JiraCloudStandIn extends StandIn {
  readonly issues = new Map<string, JiraIssue>();
  readonly comments = new Map<string, StandInComment[]>();
  /** Issue properties (PUT /issue/{key}/properties/{property}), by issue key then property key. */
  readonly properties = new Map<string, Map<string, unknown>>();
  /** Changes made through PUT issue, by issue key, oldest first. */
  readonly history = new Map<string, StandInChange[]>();
  readonly people: JiraAccount[];
  /** Projects restricted by a test: who may browse, who may edit. */
  readonly access = new Map<string, ProjectAccess>();
  /** Permissions Centric's account does not hold (a test withholds USER_PICKER, say). */
  readonly withheld = new Set<string>();
  /** GET /field: the site's fields, system and custom, as Jira lists them. */
  readonly fields: Array<{ id: string; key: string; name: string; custom: boolean; schema?: Record<string, unknown> }> = [
    ...[['summary', 'Summary', 'string'], ['description', 'Description', 'string'], ['issuetype', 'Issue Type', 'issuetype'], ['status', 'Status', 'status'], ['labels', 'Labels', 'array'], ['attachment', 'Attachment', 'array'], ['assignee', 'Assignee', 'user'], ['reporter', 'Reporter', 'user']].map(([id, name, type]) => ({ id: id!, key: id!, name: name!, custom: false, schema: { type: type!, system: id! } })),
    { id: 'customfield_10020', key: 'customfield_10020', name: 'Sprint', custom: true, schema: { type: 'array', custom: 'com.pyxis.greenhopper.jira:gh-sprint', customId: 10020 } },
    { id: 'customfield_10016', key: 'customfield_10016', name: 'Story point estimate', custom: true, schema: { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points', customId: 10016 } },
  ];
  private nextCommentId = 10_000;
  private nextChangeId = 20_000;
  /** The last `created` handed out: comments posted in the same millisecond still have an order. */
  private lastStamp = 0;

  constructor(private readonly options: JiraCloudOptions) {
    super();
    this.people = [options.bot, ...(options.people ?? [])];
    const authed = (respond: (req: RecordedRequest, caller: JiraAccount, match: RegExpExecArray | null) => Answer, pattern?: RegExp) => (req: RecordedRequest) => {
      const caller = this.caller(req.headers.authorization);
      if (!caller) return { status: 401, body: 'Client must be authenticated to access this resource.' };
      return respond(req, caller, pattern ? pattern.exec(req.path.split('?')[0]!) : null);
    };
    this.on('GET', `${API}/field`, authed(() => ({ body: this.fields })));
    this.on('GET', `${API}/myself`, authed((_req, caller) => ({ body: this.userJson(caller, true) })));
    this.on('GET', `${API}/mypermissions`, authed((req, caller) => this.myPermissions(caller, query(req))));
    this.on('GET', ISSUE, authed((req, caller, m) => this.getIssue(caller, m![1]!, query(req)), ISSUE));
    this.on('PUT', ISSUE, authed((req, caller, m) => this.editIssue(caller, m![1]!, req), ISSUE));
    this.on('PUT', PROPERTY, authed((req, caller, m) => this.setProperty(caller, m![1]!, decodeURIComponent(m![2]!), req), PROPERTY));
    this.on('GET', PROPERTY, authed((_req, caller, m) => this.getProperty(caller, m![1]!, decodeURIComponent(m![2]!)), PROPERTY));
    this.on('GET', CHANGELOG, authed((_req, caller, m) => this.changelog(caller, m![1]!), CHANGELOG));
    this.on('GET', COMMENTS, authed((req, caller, m) => this.listComments(caller, m![1]!, query(req)), COMMENTS));
    this.on('POST', COMMENTS, authed((req, caller, m) => this.addComment(caller, m![1]!, req), COMMENTS));
    this.on('PUT', COMMENT, authed((req, caller, m) => this.updateComment(caller, m![1]!, m![2]!, req), COMMENT));
    this.on('DELETE', COMMENT, authed((_req, caller, m) => this.deleteComment(caller, m![1]!, m![2]!), COMMENT));
    this.on('POST', `${API}/comment/list`, authed((req, caller) => this.commentsByIds(caller, req)));
    this.on('GET', `${API}/search/jql`, authed((req, caller) => this.search(caller, query(req))));
    this.on('GET', `${API}/user/search`, authed((req, caller) => this.findUsers(caller, query(req))));
    this.on('GET', `${API}/user/permission/search`, authed((req, caller) => this.usersWithPermissions(caller, query(req))));
  }

  put(issue: JiraIssue): this {
    this.issues.set(issue.key, structuredClone(issue));
    return this;
  }

  /** Adds a person Jira knows (e-mail visible unless `emailVisible: false`). */
  addPerson(account: JiraAccount): this {
    this.people.push(account);
    return this;
  }

  /** A project without issues yet, open to everyone (issues put later make their project exist too). */
  addProject(key: string): this {
    if (!this.access.has(key)) this.access.set(key, { browse: null, edit: null });
    return this;
  }

  /**
   * Restricts a project: only these accounts may browse it, and only `edit` ones edit it (each
   * editor may browse too). Centric's account is always among both: it holds wide rights.
   */
  restrictProject(key: string, access: { browse: string[]; edit?: string[] }): this {
    const edit = [...new Set([this.options.bot.accountId, ...(access.edit ?? [])])];
    this.access.set(key, { browse: [...new Set([...access.browse, ...edit])], edit });
    return this;
  }

  /** Takes permissions away from Centric's account, as a Jira admin who did not grant them would. */
  withhold(...keys: string[]): this {
    for (const key of keys) this.withheld.add(key);
    return this;
  }

  /** A comment posted by someone (not through HTTP): plain text becomes an ADF paragraph. */
  commentAs(accountId: string, key: string, body: string | Record<string, unknown>): StandInComment {
    const doc = typeof body === 'string' ? { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }] } : body;
    return this.storeComment(key, accountId, doc, []);
  }

  /** The bodies of Centric's comments on a ticket (those it marked with a property). */
  ownComments(key: string): StandInComment[] {
    return (this.comments.get(key) ?? []).filter((c) => c.author === this.options.bot.accountId);
  }

  /** Whether this account holds the permission in the project (the rules above). */
  may(accountId: string, permission: string, project: string): boolean {
    const bot = accountId === this.options.bot.accountId;
    if (bot && this.withheld.has(permission)) return false;
    if (!this.people.some((p) => p.accountId === accountId && p.active !== false)) return false;
    if (!this.projectExists(project)) return false;
    if (ADMIN_PERMISSIONS.has(permission)) return bot;
    const rules = this.access.get(project);
    const allowed = EDIT_PERMISSIONS.has(permission) ? rules?.edit : rules?.browse;
    return allowed === null || allowed === undefined || allowed.includes(accountId);
  }

  private caller(authorization: string | undefined): JiraAccount | null {
    const token = (p: JiraAccount) => (p.accountId === this.options.bot.accountId ? this.options.apiToken : p.apiToken);
    return this.people.find((p) => token(p) !== undefined && p.active !== false && authorization === `Basic ${Buffer.from(`${p.emailAddress}:${token(p)}`).toString('base64')}`) ?? null;
  }

  private projectExists(key: string): boolean {
    return this.access.has(key) || [...this.issues.keys()].some((k) => projectOfKey(k) === key);
  }

  private projectOf(issueKey: string): string {
    const project = (this.issues.get(issueKey)?.fields as { project?: { key?: string } } | undefined)?.project?.key;
    return project ?? projectOfKey(issueKey);
  }

  /** Whether the caller may see the issue: Jira answers 404 for an issue you may not browse. */
  private visible(caller: JiraAccount, key: string): boolean {
    return this.issues.has(key) && this.may(caller.accountId, 'BROWSE_PROJECTS', this.projectOf(key));
  }

  private userJson(p: JiraAccount, self = false) {
    const email = self || p.emailVisible !== false ? { emailAddress: p.emailAddress } : {};
    return { self: `${this.url}${API}/user?accountId=${p.accountId}`, accountId: p.accountId, accountType: p.accountType ?? 'atlassian', ...email, displayName: p.displayName, active: p.active !== false, timeZone: 'Etc/UTC' };
  }

  private stamp(): string {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return new Date(this.lastStamp).toISOString();
  }

  private getIssue(caller: JiraAccount, key: string, q: URLSearchParams): Answer {
    if (!this.visible(caller, key)) return errors(404, [NO_ISSUE]);
    const issue = this.issues.get(key)!;
    const wanted = q.get('fields')?.split(',').filter(Boolean);
    const fields = wanted && !wanted.includes('*all') ? Object.fromEntries(Object.entries(issue.fields).filter(([k]) => wanted.includes(k))) : issue.fields;
    return { body: { id: String(10_000 + Number(key.split('-')[1])), key, self: `${this.url}${API}/issue/${key}`, fields } };
  }

  private editIssue(caller: JiraAccount, key: string, req: RecordedRequest): Answer {
    if (!this.visible(caller, key)) return errors(404, [NO_ISSUE]);
    const issue = this.issues.get(key)!;
    if (!this.may(caller.accountId, 'EDIT_ISSUES', this.projectOf(key))) return errors(403, ['You do not have permission to edit issues in this project.']);
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
    const metadata = body.value.historyMetadata;
    const metadataProblem = metadata === undefined ? null : historyMetadataProblem(metadata);
    if (metadataProblem) return errors(400, [metadataProblem]);
    const before = structuredClone(issue.fields);
    Object.assign(issue.fields, fields);
    let labels = issue.fields.labels ?? [];
    for (const op of update.labels ?? []) labels = op.add ? [...new Set([...labels, String(op.add)])] : labels.filter((l) => l !== op.remove);
    issue.fields.labels = labels;
    this.recordChange(caller, key, before, issue.fields, metadata as Record<string, unknown> | undefined);
    return { status: 204 };
  }

  private recordChange(caller: JiraAccount, key: string, before: JiraIssue['fields'], after: JiraIssue['fields'], historyMetadata?: Record<string, unknown>): void {
    const text = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'string' ? v : Array.isArray(v) ? v.join(' ') : adfText(v));
    const items = [...EDITABLE]
      .filter((field) => JSON.stringify((before as Record<string, unknown>)[field]) !== JSON.stringify((after as Record<string, unknown>)[field]))
      .map((field) => ({ field, fieldtype: 'jira' as const, from: null, fromString: text((before as Record<string, unknown>)[field]), to: null, toString: text((after as Record<string, unknown>)[field]) }));
    if (items.length === 0) return;
    const change: StandInChange = { id: String(this.nextChangeId++), author: caller.accountId, created: this.stamp(), items, ...(historyMetadata ? { historyMetadata } : {}) };
    this.history.set(key, [...(this.history.get(key) ?? []), change]);
  }

  /** As Jira: Edit issues is needed, the key is at most 255 characters, the value valid JSON of at most 32 KB; 201 created, 200 updated. */
  private setProperty(caller: JiraAccount, key: string, property: string, req: RecordedRequest): Answer {
    if (!this.visible(caller, key)) return errors(404, [NO_ISSUE]);
    if (!this.may(caller.accountId, 'EDIT_ISSUES', this.projectOf(key))) return errors(403, ['You do not have permission to edit issues in this project.']);
    if (property.length > MAX_PROPERTY_KEY) return errors(400, [`The property key cannot be longer than ${MAX_PROPERTY_KEY} characters.`]);
    if (!String(req.headers['content-type'] ?? '').includes('application/json')) return { status: 415, body: 'Unsupported Media Type' };
    if (Buffer.byteLength(req.body) > MAX_PROPERTY_BYTES) return errors(400, [`The property value cannot be longer than ${MAX_PROPERTY_BYTES} bytes.`]);
    let value: unknown;
    try {
      value = JSON.parse(req.body);
    } catch {
      return errors(400, ['The property value must be a valid JSON.']);
    }
    const props = this.properties.get(key) ?? new Map<string, unknown>();
    const existed = props.has(property);
    props.set(property, value);
    this.properties.set(key, props);
    return { status: existed ? 200 : 201 };
  }

  private getProperty(caller: JiraAccount, key: string, property: string): Answer {
    if (!this.visible(caller, key)) return errors(404, [NO_ISSUE]);
    const props = this.properties.get(key);
    if (!props?.has(property)) return errors(404, [`The property with key '${property}' does not exist.`]);
    return { body: { key: property, value: props.get(property) } };
  }

  private changelog(caller: JiraAccount, key: string): Answer {
    if (!this.visible(caller, key)) return errors(404, [NO_ISSUE]);
    const values = (this.history.get(key) ?? []).map((c) => ({ ...c, author: this.userJson(this.person(c.author)) }));
    return { body: { startAt: 0, maxResults: 100, total: values.length, isLast: true, values } };
  }

  private person(accountId: string): JiraAccount {
    return this.people.find((p) => p.accountId === accountId) ?? { accountId, displayName: accountId, emailAddress: '', emailVisible: false };
  }

  /** `orderBy`: created (the default, oldest first) or -created (newest first); Jira accepts nothing else. */
  private listComments(caller: JiraAccount, key: string, q: URLSearchParams): Answer {
    if (!this.visible(caller, key)) return errors(404, [NO_ISSUE]);
    const orderBy = q.get('orderBy');
    if (orderBy !== null && !['created', '+created', '-created'].includes(orderBy)) return errors(400, [`The orderBy value '${orderBy}' is not supported: use created, +created or -created.`]);
    const oldestFirst = [...(this.comments.get(key) ?? [])].sort((a, b) => a.created.localeCompare(b.created) || Number(a.id) - Number(b.id));
    const all = orderBy === '-created' ? oldestFirst.reverse() : oldestFirst;
    const startAt = Number(q.get('startAt') ?? 0);
    const maxResults = Math.min(Number(q.get('maxResults') ?? 50), 100);
    const page = all.slice(startAt, startAt + maxResults);
    return { body: { startAt, maxResults, total: all.length, comments: page.map((c) => this.commentJson(c)) } };
  }

  /** As Jira Cloud answers: author and updateAuthor as user objects (accountType included), created and updated. */
  private commentJson(c: StandInComment, withProperties = false) {
    const userOf = (accountId: string) => {
      const person = this.people.find((p) => p.accountId === accountId);
      return person ? this.userJson(person) : { accountId, displayName: accountId, accountType: 'atlassian', active: true };
    };
    return { id: c.id, author: userOf(c.author), updateAuthor: userOf(c.updateAuthor), body: c.body, created: c.created, updated: c.updated, ...(withProperties ? { properties: c.properties } : {}) };
  }

  private checkBody(body: unknown): string | null {
    if (body === undefined || body === null) return 'Comment body can not be empty!';
    const found = adfProblems(body);
    return found.length > 0 ? `Comment body is not a valid Atlassian Document: ${found.join('; ')}` : null;
  }

  private storeComment(key: string, author: string, body: unknown, properties: StandInComment['properties']): StandInComment {
    const now = this.stamp();
    const comment: StandInComment = { id: String(this.nextCommentId++), author, body, properties, created: now, updated: now, updateAuthor: author };
    this.comments.set(key, [...(this.comments.get(key) ?? []), comment]);
    return comment;
  }

  private addComment(caller: JiraAccount, key: string, req: RecordedRequest): Answer {
    if (!this.visible(caller, key)) return errors(404, [NO_ISSUE]);
    if (!this.may(caller.accountId, 'ADD_COMMENTS', this.projectOf(key))) return errors(403, ['You do not have the permission to comment on this issue.']);
    const body = json(req);
    if (!body.ok) return body.answer;
    const problem = this.checkBody(body.value.body);
    if (problem) return errors(400, [], { comment: problem });
    const properties = Array.isArray(body.value.properties) ? (body.value.properties as StandInComment['properties']) : [];
    return { status: 201, body: this.commentJson(this.storeComment(key, caller.accountId, body.value.body, properties)) };
  }

  /** Own comments need the "own" permission; somebody else's the "all" one. */
  private mayTouch(caller: JiraAccount, key: string, comment: StandInComment, verb: 'EDIT' | 'DELETE'): boolean {
    const kind = comment.author === caller.accountId ? 'OWN' : 'ALL';
    return this.may(caller.accountId, `${verb}_${kind}_COMMENTS`, this.projectOf(key));
  }

  private updateComment(caller: JiraAccount, key: string, id: string, req: RecordedRequest): Answer {
    const comment = this.visible(caller, key) ? (this.comments.get(key) ?? []).find((c) => c.id === id) : undefined;
    if (!comment) return errors(404, ['Can not find a comment for the id: ' + id + '.']);
    if (!this.mayTouch(caller, key, comment, 'EDIT')) return errors(403, ['You do not have the permission to edit this comment.']);
    const body = json(req);
    if (!body.ok) return body.answer;
    const problem = this.checkBody(body.value.body);
    if (problem) return errors(400, [], { comment: problem });
    comment.body = body.value.body;
    comment.updated = this.stamp();
    comment.updateAuthor = caller.accountId;
    return { body: this.commentJson(comment) };
  }

  private deleteComment(caller: JiraAccount, key: string, id: string): Answer {
    const all = this.comments.get(key) ?? [];
    const comment = this.visible(caller, key) ? all.find((c) => c.id === id) : undefined;
    if (!comment) return errors(404, ['Can not find a comment for the id: ' + id + '.']);
    if (!this.mayTouch(caller, key, comment, 'DELETE')) return errors(403, ['You do not have the permission to delete this comment.']);
    this.comments.set(key, all.filter((c) => c.id !== id));
    return { status: 204 };
  }

  private commentsByIds(caller: JiraAccount, req: RecordedRequest): Answer {
    const body = json(req);
    if (!body.ok) return body.answer;
    if (!Array.isArray(body.value.ids)) return errors(400, ['ids: must be a list of comment ids.']);
    const ids = new Set((body.value.ids as unknown[]).map(String));
    const withProperties = query(req).get('expand')?.split(',').includes('properties') ?? false;
    const found = [...this.comments.entries()].filter(([key]) => this.visible(caller, key)).flatMap(([, list]) => list).filter((c) => ids.has(c.id));
    return { body: { isLast: true, startAt: 0, maxResults: 1000, total: found.length, values: found.map((c) => this.commentJson(c, withProperties)) } };
  }

  /** JQL: `project = KEY` (or `project in (A, B)`) narrows the issues; other clauses match everything. Only what the caller may browse. */
  private search(caller: JiraAccount, q: URLSearchParams): Answer {
    const jql = q.get('jql');
    if (!jql) return errors(400, ['The JQL query is required: pass jql, such as project = SHOP.']);
    const projects = /project\s*(?:=\s*"?([A-Z][A-Z0-9_]*)"?|in\s*\(([^)]*)\))/i.exec(jql);
    const keys = projects ? (projects[1] ? [projects[1]] : projects[2]!.split(',').map((k) => k.trim().replace(/"/g, ''))).map((k) => k.toUpperCase()) : null;
    const all = [...this.issues.values()].filter((i) => (!keys || keys.includes(projectOfKey(i.key))) && this.visible(caller, i.key));
    const start = Number(q.get('nextPageToken') ?? 0);
    const size = Math.min(Number(q.get('maxResults') ?? 50), 100);
    const wanted = q.get('fields')?.split(',').filter(Boolean);
    const page = all.slice(start, start + size).map((i) => ({ id: i.key, key: i.key, fields: wanted ? Object.fromEntries(Object.entries(i.fields).filter(([k]) => wanted.includes(k))) : i.fields }));
    const next = start + size < all.length ? String(start + size) : undefined;
    return { body: { issues: page, ...(next ? { nextPageToken: next, isLast: false } : { isLast: true }) } };
  }

  /**
   * Matches `query` against display names (contained) and e-mails (a prefix), hidden e-mails too,
   * but answers a hidden e-mail by leaving `emailAddress` out. Without Browse users and groups,
   * Jira quietly finds nobody.
   */
  private findUsers(caller: JiraAccount, q: URLSearchParams): Answer {
    const text = (q.get('query') ?? '').toLowerCase();
    const accountId = q.get('accountId');
    if (!text && !accountId) return errors(400, ['One of the query parameters query, accountId or property is required.']);
    if (!this.holdsGlobal(caller, 'USER_PICKER')) return { body: [] };
    const found = this.people.filter((p) => (accountId ? p.accountId === accountId : p.emailAddress.toLowerCase().startsWith(text) || p.displayName.toLowerCase().includes(text)));
    return { body: found.slice(0, Math.min(Number(q.get('maxResults') ?? 50), 1000)).map((p) => this.userJson(p)) };
  }

  private holdsGlobal(caller: JiraAccount, permission: string): boolean {
    if (caller.accountId === this.options.bot.accountId) return !this.withheld.has(permission);
    return permission === 'USER_PICKER' || permission === 'CREATE_SHARED_OBJECTS';
  }

  /** "Find users with permissions": project permissions only, on an issue or a project; needs Administer projects (or Administer Jira). */
  private usersWithPermissions(caller: JiraAccount, q: URLSearchParams): Answer {
    const permissions = list(q.get('permissions')).map((p) => DEPRECATED_PERMISSIONS[p] ?? p);
    if (permissions.length === 0) return errors(400, ["The 'permissions' parameter is required."]);
    const unknown = permissions.filter((p) => !PROJECT_PERMISSIONS.has(p));
    if (unknown.length > 0) return errors(400, [`Invalid permission: ${unknown.join(', ')}.`]);
    const accountId = q.get('accountId');
    const text = (q.get('query') ?? '').toLowerCase();
    if (!accountId && !text) return errors(400, ["The 'query' or 'accountId' parameter is required."]);
    const issueKey = q.get('issueKey');
    const projectKey = q.get('projectKey');
    if (!issueKey && !projectKey) return errors(400, ["The 'issueKey' or 'projectKey' parameter is required."]);
    if (issueKey && !this.visible(caller, issueKey)) return errors(404, [NO_ISSUE]);
    const project = issueKey ? this.projectOf(issueKey) : projectKey!;
    if (!this.projectExists(project) || !this.may(caller.accountId, 'BROWSE_PROJECTS', project)) return errors(404, [`No project could be found with key '${project}'.`]);
    if (!this.may(caller.accountId, 'ADMINISTER_PROJECTS', project) && !this.holdsGlobal(caller, 'ADMINISTER')) {
      return errors(403, ['You do not have the permission to see the permissions of other users in this project.']);
    }
    const candidates = this.people.filter((p) => (accountId ? p.accountId === accountId : p.emailAddress.toLowerCase().startsWith(text) || p.displayName.toLowerCase().includes(text)));
    return { body: candidates.filter((p) => permissions.every((perm) => this.may(p.accountId, perm, project))).map((p) => this.userJson(p)) };
  }

  /** "My permissions" in the global context: a project permission counts when held in any project. `permissions` is required. */
  private myPermissions(caller: JiraAccount, q: URLSearchParams): Answer {
    const keys = list(q.get('permissions'));
    if (keys.length === 0) return errors(400, ["The 'permissions' parameter is required."]);
    const unknown = keys.filter((k) => !PROJECT_PERMISSIONS.has(k) && !GLOBAL_PERMISSIONS.has(k));
    if (unknown.length > 0) return errors(400, [`Invalid permission: ${unknown.join(', ')}.`]);
    const projects = [...new Set([...this.access.keys(), ...[...this.issues.keys()].map(projectOfKey)])];
    const name = (key: string) => key.toLowerCase().replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
    const permissions = Object.fromEntries(
      keys.map((key, i) => {
        const global = GLOBAL_PERMISSIONS.has(key);
        const have = global ? this.holdsGlobal(caller, key) : projects.some((p) => this.may(caller.accountId, key, p));
        return [key, { id: String(i + 1), key, name: name(key), type: global ? 'GLOBAL' : 'PROJECT', description: name(key), havePermission: have }];
      }),
    );
    return { body: { permissions } };
  }
}
