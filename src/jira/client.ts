import { Version2Client, Version3Client } from 'jira.js';
import pLimit, { type LimitFunction } from 'p-limit';
import type { JiraEnv } from '../config/env.js';
import type { CentricConfig, JiraSettings } from '../core/config-types.js';
import { readAdf } from '../core/ticket/adf.js';
import type { JiraIssue } from '../core/ticket/normalise.js';
import type { Actor, CommentText, JiraPermission, JiraPort, PermissionTarget } from '../flows/ports.js';
import type { Logger } from '../runtime/logger.js';
import type { Metrics } from '../runtime/metrics.js';
import { AnswerCache, missingFrom, MYPERMISSIONS_KEYS, type MissingPermission } from './permissions.js';

/** Fields Centric reads; asking for these only keeps responses small. */
export const ISSUE_FIELDS = ['summary', 'description', 'issuetype', 'status', 'project', 'attachment', 'labels', 'components', 'reporter', 'assignee', 'updated', 'issuelinks', 'parent'];

/** The custom fields a configuration reads besides ISSUE_FIELDS: acceptance criteria, benefit, cost, business value. */
export function customFieldsOf(config: Pick<CentricConfig, 'acceptanceCriteriaField' | 'projects' | 'digest'> & { rank?: Pick<CentricConfig['rank'], 'businessValueField'> }): string[] {
  const fields = [config.acceptanceCriteriaField, ...Object.values(config.projects).map((p) => p.acceptanceCriteriaField), config.digest.benefitField, config.digest.costField, config.rank?.businessValueField];
  return [...new Set(fields.filter((f): f is string => typeof f === 'string'))];
}

/** A field as GET /rest/api/3/field (/rest/api/2/field on Data Center) lists it. */
export interface JiraField {
  id: string;
  name: string;
  custom: boolean;
  /** schema.custom, the custom field type (e.g. "com.pyxis.greenhopper.jira:gh-sprint"); null for system fields. */
  schemaCustom: string | null;
}

/** How long a fetched field list is trusted before it is fetched again. */
export const FIELD_NAMES_TTL_MS = 10 * 60_000;
/** The wait, after a failed fetch of the field list, before the next one. */
export const FIELD_NAMES_RETRY_MS = 60_000;

/** Comment property that marks Centric's own comment. */
export const STICKY_PROPERTY = 'centric';

export class JiraError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
    this.name = 'JiraError';
  }

  get retryable(): boolean {
    return this.status === null || this.status === 408 || this.status === 409 || this.status === 425 || this.status === 429 || this.status >= 500;
  }
}

export interface JiraComment {
  id: string;
  authorAccountId: string | null;
}

export type CommentBody = string | Record<string, unknown>;

export interface JiraClientDeps {
  env: JiraEnv;
  settings: Pick<JiraSettings, 'concurrency' | 'interactiveConcurrency' | 'timeoutSeconds' | 'permissionCacheSeconds'>;
  metrics: Metrics;
  logger: Logger;
  /** Waits between retries; tests record the delays instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Retries of one call on 429, 5xx, time-outs and dropped connections. */
  maxRetries?: number;
  /** Custom fields to fetch with every issue (see customFieldsOf). */
  customFields?: string[];
  /** The time, for the age of the cached field list; Date.now by default. */
  now?: () => number;
}

/** Seconds ("2") or an HTTP date, as Retry-After allows. */
function retryAfterMs(value: unknown, now = Date.now()): number | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(String(value));
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** What went wrong, from whatever jira.js or axios threw; never includes credentials. */
export function toJiraError(err: unknown, operation: string, site = 'Jira'): JiraError {
  const e = err as { status?: number; cause?: { response?: { status?: number; headers?: Record<string, unknown>; data?: unknown }; code?: string; message?: string }; response?: { status?: number; headers?: Record<string, unknown> }; code?: string; message?: string };
  const response = e.cause?.response ?? e.response;
  const status = response?.status ?? (typeof e.status === 'number' && e.status !== 500 ? e.status : null) ?? null;
  if (status !== null) {
    const data = response && 'data' in response ? (response as { data?: { errorMessages?: string[]; errors?: Record<string, unknown> } }).data : undefined;
    // Jira puts general problems in errorMessages and per-field ones (an invalid description) in errors.
    const detail = [...(data?.errorMessages ?? []), ...Object.entries(data?.errors ?? {}).map(([field, problem]) => `${field}: ${String(problem)}`)].join('; ');
    return new JiraError(`${operation}: Jira answered HTTP ${status}${detail ? ` (${detail})` : ''}`, status, retryAfterMs(response?.headers?.['retry-after']));
  }
  const code = e.cause?.code ?? e.code;
  return new JiraError(`${operation}: no answer from ${site} (${code ?? e.message ?? 'connection failed'})`, null, null);
}

/** How many answers to "may this person…?" are remembered at most; the oldest go first. */
export const PERMISSION_CACHE_ENTRIES = 10_000;

/** Longest Slack name written into an issue's history. */
const ACTOR_NAME_MAX = 80;

/** Background work (webhook events, polls, digests) or people waiting in Slack. */
export type JiraLane = 'background' | 'interactive';

/** What both lanes of one client share: the connections, the caches and the bot's own account. */
interface Shared {
  v3: Version3Client | null;
  v2: Version2Client | null;
  me: Promise<{ accountId: string; displayName: string }> | null;
  /** Field names by field id, from the last field list fetched; null until one arrives. */
  fieldNameCache: ReadonlyMap<string, string> | null;
  /** When the field list should be fetched (again): 0 until the first fetch. */
  fieldNamesDue: number;
  fieldNamesLoad: Promise<ReadonlyMap<string, string> | null> | null;
  /** Jira's answers to "may this account do this here?". */
  permissions: AnswerCache<boolean>;
}

/**
 * Jira's edit-issue `historyMetadata` naming the person a write was made for: Jira shows its
 * description in the issue's history, so the change is not only the bot's.
 */
export function historyMetadataFor(actor: Actor): Record<string, unknown> {
  const name = actor.slackName.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, ACTOR_NAME_MAX) || actor.slackUserId;
  return {
    type: 'centric:on-behalf-of',
    description: `Centric, for ${name} (Slack ${actor.slackUserId}, Jira ${actor.jiraAccountId})`,
    actor: { id: actor.slackUserId, displayName: name, type: 'centric-slack-user' },
    generator: { id: 'centric', type: 'centric-bot' },
    extraData: { slackUserId: actor.slackUserId, jiraAccountId: actor.jiraAccountId },
  };
}

const targetOf = (target: PermissionTarget): { issueKey: string } | { projectKey: string } =>
  'issueKey' in target ? { issueKey: target.issueKey } : { projectKey: target.projectKey };

/**
 * Jira Cloud (REST v3, ADF, basic auth) or Data Center (REST v2, wiki markup, PAT), with what
 * jira.js lacks: retries on 429 and 5xx honouring Retry-After, exponential backoff with jitter, a
 * concurrency cap, a time-out per call, and a metric per outcome.
 *
 * Two lanes, each with its own cap: this client is the background lane (`jira.concurrency`);
 * `interactive()` is the lane for people waiting in Slack (`jira.interactiveConcurrency`), so a
 * burst of commands never delays webhook processing, nor the reverse.
 */
export class JiraClient implements JiraPort {
  readonly cloud: boolean;
  readonly lane: JiraLane;
  private readonly shared: Shared;
  private readonly limit: LimitFunction;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly maxRetries: number;
  private readonly fields: string[];
  private readonly now: () => number;
  private interactiveLane: JiraClient | null = null;

  /** `background`: the client whose connections and caches the new (interactive) lane shares; use `interactive()`. */
  constructor(
    private readonly deps: JiraClientDeps,
    background?: JiraClient,
  ) {
    const { env, settings } = deps;
    this.cloud = env.JIRA_DEPLOYMENT === 'cloud';
    this.lane = background ? 'interactive' : 'background';
    this.now = deps.now ?? Date.now;
    this.shared = background?.shared ?? this.connect();
    this.limit = pLimit(background ? settings.interactiveConcurrency : settings.concurrency);
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = deps.random ?? Math.random;
    this.maxRetries = deps.maxRetries ?? 4;
    this.fields = [...ISSUE_FIELDS, ...(deps.customFields ?? [])];
  }

  private connect(): Shared {
    const { env, settings } = this.deps;
    const timeout = settings.timeoutSeconds * 1000;
    // Cloud: basic auth. Data Center: the PAT as a Bearer header (jira.js leaves a default header alone).
    const v3 = this.cloud
      ? new Version3Client({ host: env.JIRA_BASE_URL, baseRequestConfig: { timeout }, authentication: { basic: { email: env.JIRA_EMAIL!, apiToken: env.JIRA_API_TOKEN! } } })
      : null;
    const v2 = this.cloud ? null : new Version2Client({ host: env.JIRA_BASE_URL, baseRequestConfig: { timeout, headers: { Authorization: `Bearer ${env.JIRA_PAT}` } } });
    const permissions = new AnswerCache<boolean>(settings.permissionCacheSeconds * 1000, PERMISSION_CACHE_ENTRIES, this.now);
    return { v3, v2, me: null, fieldNameCache: null, fieldNamesDue: 0, fieldNamesLoad: null, permissions };
  }

  private get v3(): Version3Client | null {
    return this.shared.v3;
  }

  private get v2(): Version2Client | null {
    return this.shared.v2;
  }

  /**
   * The lane for people waiting in Slack (/centric, Fix it, buttons): the same Jira, caches and
   * metrics, under `jira.interactiveConcurrency` instead of `jira.concurrency`. One per client.
   */
  interactive(): JiraClient {
    if (this.lane === 'interactive') return this;
    this.interactiveLane ??= new JiraClient(this.deps, this);
    return this.interactiveLane;
  }

  /** Runs one call under this lane's concurrency cap, retrying what Jira asks to be retried. */
  async call<T>(operation: string, fn: () => Promise<T>, maxRetries = this.maxRetries): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await this.limit(fn);
        this.deps.metrics.jiraCalls.inc({ outcome: 'ok' });
        return result;
      } catch (err) {
        const error = toJiraError(err, operation, this.deps.env.JIRA_BASE_URL);
        const outcome = error.status === 429 ? 'rate_limited' : error.status === null ? 'network_error' : error.status >= 500 ? 'server_error' : 'client_error';
        this.deps.metrics.jiraCalls.inc({ outcome });
        if (!error.retryable || attempt >= maxRetries) throw error;
        const backoff = Math.min(60_000, 1_000 * 2 ** attempt) * (0.5 + this.random() / 2);
        const delay = Math.min(error.retryAfterMs ?? backoff, 120_000);
        this.deps.logger.warn({ operation, status: error.status, attempt: attempt + 1, retryInMs: Math.round(delay) }, 'Jira call failed; retrying');
        await this.sleep(delay);
      }
    }
  }

  /**
   * The bot's own account, looked up once: events it caused are ignored. `retries: 0` for a
   * caller that retries (and reports) on its own, as the start-up check does.
   */
  myself(options: { retries?: number } = {}): Promise<{ accountId: string; displayName: string }> {
    this.shared.me ??= this.call(
      'GET /myself',
      async () => {
        const user = this.v3 ? await this.v3.myself.getCurrentUser() : await this.v2!.myself.getCurrentUser();
        const u = user as { accountId?: string; name?: string; key?: string; displayName?: string };
        return { accountId: u.accountId ?? u.name ?? u.key ?? '', displayName: u.displayName ?? '' };
      },
      options.retries,
    ).catch((err: unknown) => {
      this.shared.me = null;
      throw err;
    });
    return this.shared.me;
  }

  /**
   * The permissions Centric's account needs and lacks (GET /mypermissions, global context), each
   * with what breaks without it; empty when it holds them all.
   */
  async missingPermissions(options: { retries?: number } = {}): Promise<MissingPermission[]> {
    const answer: unknown = await this.call(
      'GET /mypermissions',
      () => (this.v3 ? this.v3.permissions.getMyPermissions({ permissions: MYPERMISSIONS_KEYS }) : this.v2!.permissions.getMyPermissions({ permissions: MYPERMISSIONS_KEYS })),
      options.retries,
    );
    return missingFrom(answer);
  }

  /**
   * Whether the account holds the permission on the issue or project, by Jira's "find users with
   * permissions" (the account id on Cloud, the user name on Data Center): true only when Jira's
   * answer lists that very account. False when Jira does not know the issue or project (404).
   * Answers, yes and no, are remembered for `jira.permissionCacheSeconds`, shared by both lanes.
   */
  userMay(accountId: string, permission: JiraPermission, target: PermissionTarget): Promise<boolean> {
    if (!accountId) return Promise.resolve(false);
    const where = targetOf(target);
    const key = JSON.stringify([accountId, permission, where]);
    return this.shared.permissions.get(key, () => this.askUserMay(accountId, permission, where));
  }

  private async askUserMay(accountId: string, permissions: JiraPermission, where: { issueKey: string } | { projectKey: string }): Promise<boolean> {
    const operation = `GET user/permission/search ${permissions} ${'issueKey' in where ? where.issueKey : where.projectKey}`;
    try {
      // Data Center matches `username` as a prefix of names and e-mails: ask for many, keep the exact one.
      const users = (await this.call(operation, () =>
        this.v3
          ? this.v3.userSearch.findUsersWithAllPermissions({ accountId, permissions, ...where })
          : this.v2!.userSearch.findUsersWithAllPermissions({ username: accountId, permissions, ...where, maxResults: 1000 }),
      )) as Array<{ accountId?: string; name?: string }>;
      return Array.isArray(users) && users.some((u) => (this.cloud ? u.accountId : u.name) === accountId);
    } catch (err) {
      if (err instanceof JiraError && err.status === 404) return false;
      throw err;
    }
  }

  /** Every field of the site, system and custom: GET /rest/api/3/field (/rest/api/2/field on Data Center). */
  async listFields(): Promise<JiraField[]> {
    const list: unknown = await this.call('GET /field', () => (this.v3 ? this.v3.issueFields.getFields() : this.v2!.issueFields.getFields()));
    if (!Array.isArray(list)) return [];
    return list.flatMap((entry: unknown) => {
      const f = entry as { id?: unknown; name?: unknown; custom?: unknown; schema?: { custom?: unknown } | null };
      if (typeof f?.id !== 'string' || typeof f.name !== 'string') return [];
      return [{ id: f.id, name: f.name, custom: f.custom === true, schemaCustom: typeof f.schema?.custom === 'string' ? f.schema.custom : null }];
    });
  }

  /**
   * Field names by field id, from a cached field list: never waits for Jira, so a webhook can
   * read it while Jira waits for its answer. Null until a first list arrived. A call starts a
   * fetch in the background when none was made yet, when the list is older than
   * FIELD_NAMES_TTL_MS, or FIELD_NAMES_RETRY_MS after a failed fetch.
   */
  fieldNames(): ReadonlyMap<string, string> | null {
    if (this.now() >= this.shared.fieldNamesDue) void this.refreshFieldNames();
    return this.shared.fieldNameCache;
  }

  /**
   * Fetches the field list now, or joins the fetch in flight, and caches its names. Never
   * throws: on failure the previous names (or null) stay, and the next try waits a minute.
   */
  refreshFieldNames(): Promise<ReadonlyMap<string, string> | null> {
    const shared = this.shared;
    shared.fieldNamesLoad ??= this.listFields()
      .then(
        (fields) => {
          shared.fieldNameCache = new Map(fields.map((f) => [f.id, f.name]));
          shared.fieldNamesDue = this.now() + FIELD_NAMES_TTL_MS;
          return shared.fieldNameCache;
        },
        (err: unknown) => {
          shared.fieldNamesDue = this.now() + FIELD_NAMES_RETRY_MS;
          this.deps.logger.warn(
            { err, retryInMs: FIELD_NAMES_RETRY_MS },
            'Jira field list unavailable: changelog items without a fieldId are matched by field id and the names of system fields',
          );
          return shared.fieldNameCache;
        },
      )
      .finally(() => {
        shared.fieldNamesLoad = null;
      });
    return shared.fieldNamesLoad;
  }

  /** The issue as it is now, ADF on Cloud; null when it no longer exists. */
  async getIssue(key: string): Promise<JiraIssue | null> {
    try {
      return await this.call(`GET issue ${key}`, async () =>
        (this.v3 ? await this.v3.issues.getIssue({ issueIdOrKey: key, fields: this.fields }) : await this.v2!.issues.getIssue({ issueIdOrKey: key, fields: this.fields })) as unknown as JiraIssue,
      );
    } catch (err) {
      if (err instanceof JiraError && err.status === 404) return null;
      throw err;
    }
  }

  /** Pages of a JQL search: nextPageToken on Cloud (/search/jql), startAt on Data Center. */
  async *search(jql: string, fields: string[] = this.fields, pageSize = 100): AsyncGenerator<JiraIssue[]> {
    if (this.v3) {
      let nextPageToken: string | undefined;
      do {
        const page = await this.call('search/jql', () => this.v3!.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql, fields, maxResults: pageSize, nextPageToken }));
        yield (page.issues ?? []) as unknown as JiraIssue[];
        nextPageToken = page.nextPageToken ?? undefined;
      } while (nextPageToken);
      return;
    }
    for (let startAt = 0; ; ) {
      const page = await this.call('search', () => this.v2!.issueSearch.searchForIssuesUsingJql({ jql, fields, maxResults: pageSize, startAt }));
      const issues = (page.issues ?? []) as unknown as JiraIssue[];
      yield issues;
      startAt += issues.length;
      if (issues.length === 0 || startAt >= (page.total ?? 0)) return;
    }
  }

  /** Comments of an issue (id and author), every page. */
  async comments(key: string): Promise<JiraComment[]> {
    const all: JiraComment[] = [];
    for (let startAt = 0; ; ) {
      const page = await this.call(`GET comments ${key}`, () =>
        this.v3 ? this.v3.issueComments.getComments({ issueIdOrKey: key, startAt, maxResults: 100 }) : this.v2!.issueComments.getComments({ issueIdOrKey: key, startAt, maxResults: 100 }),
      );
      const comments = page.comments ?? [];
      for (const c of comments) {
        const author = c.author as { accountId?: string; name?: string } | undefined;
        all.push({ id: String(c.id), authorAccountId: author?.accountId ?? author?.name ?? null });
      }
      startAt += comments.length;
      if (comments.length === 0 || startAt >= (page.total ?? 0)) return all;
    }
  }

  /** Ids, of the given comments, that carry Centric's property (POST /comment/list?expand=properties). */
  async commentsMarkedAsOurs(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const numeric = ids.map(Number);
    const page = await this.call('POST comment/list', () =>
      this.v3 ? this.v3.issueComments.getCommentsByIds({ ids: numeric, expand: 'properties' }) : this.v2!.issueComments.getCommentsByIds({ ids: numeric, expand: 'properties' }),
    );
    return (page.values ?? []).filter((c) => (c.properties ?? []).some((p) => p.key === STICKY_PROPERTY)).map((c) => String(c.id));
  }

  /** Creates Centric's comment, marked with its property so it can be found again. */
  async addComment(key: string, body: CommentBody, options: { sticky?: boolean } = {}): Promise<string> {
    // A note (sticky: false) carries no mark: it is never taken for the one comment Centric keeps up to date.
    const properties = options.sticky === false ? [] : [{ key: STICKY_PROPERTY, value: { sticky: true } }];
    const created = await this.call(`POST comment ${key}`, () =>
      this.v3
        ? this.v3.issueComments.addComment({ issueIdOrKey: key, comment: body as never, properties })
        : this.v2!.issueComments.addComment({ issueIdOrKey: key, comment: body as string, properties }),
    );
    return String(created.id);
  }

  /** Replaces the body of Centric's comment without notifying watchers. */
  async updateComment(key: string, id: string, body: CommentBody): Promise<void> {
    await this.call(`PUT comment ${key}/${id}`, () =>
      this.v3
        ? this.v3.issueComments.updateComment({ issueIdOrKey: key, id, body: body as never, notifyUsers: false })
        : this.v2!.issueComments.updateComment({ issueIdOrKey: key, id, comment: body as string, notifyUsers: false }),
    );
  }

  async deleteComment(key: string, id: string): Promise<void> {
    await this.call(`DELETE comment ${key}/${id}`, () =>
      this.v3 ? this.v3.issueComments.deleteComment({ issueIdOrKey: key, id }) : this.v2!.issueComments.deleteComment({ issueIdOrKey: key, id }),
    );
  }

  /**
   * The newest comments of an issue first (at most `limit`, up to 100), as text: ADF flattened on
   * Cloud, wiki markup as it is on Data Center; the author is the account id (the user name on
   * Data Center). Where a one-time link code is looked for.
   */
  async commentTexts(key: string, limit: number): Promise<CommentText[]> {
    const maxResults = Math.min(100, Math.floor(limit));
    if (!(maxResults >= 1)) return [];
    const page = await this.call(`GET comments ${key}`, () =>
      this.v3
        ? this.v3.issueComments.getComments({ issueIdOrKey: key, orderBy: '-created', startAt: 0, maxResults })
        : this.v2!.issueComments.getComments({ issueIdOrKey: key, orderBy: '-created', startAt: 0, maxResults }),
    );
    type Person = { accountId?: string; name?: string; key?: string; accountType?: string } | undefined;
    return (page.comments ?? []).slice(0, maxResults).map((c) => {
      const author = c.author as Person;
      const updater = (c as { updateAuthor?: Person }).updateAuthor;
      const idOf = (p: Person) => (this.cloud ? p?.accountId : (p?.key ?? p?.name)) ?? null;
      const body: unknown = c.body;
      const text = typeof body === 'string' ? body : readAdf(body).blocks.map((b) => b.text).join('\n');
      const { created, updated } = c as { created?: string; updated?: string };
      const edited = (updater !== undefined && idOf(updater) !== idOf(author)) || (created !== undefined && updated !== undefined && created !== updated);
      const byPerson = this.cloud ? author?.accountType === 'atlassian' : true;
      return { id: String(c.id), authorAccountId: (this.cloud ? author?.accountId : author?.name) ?? null, text, edited, byPerson };
    });
  }

  /**
   * The one Jira account whose e-mail is exactly this one (case-insensitive): a person (Cloud:
   * accountType atlassian), active, with the e-mail visible to Centric. Null when there is none,
   * several, or Jira hides the e-mail: a link is never made on a guess.
   */
  async findAccountByEmail(email: string): Promise<string | null> {
    const wanted = email.trim();
    if (!wanted) return null;
    const users = (await this.call('GET user/search', () =>
      this.v3 ? this.v3.userSearch.findUsers({ query: wanted, maxResults: 50 }) : this.v2!.userSearch.findUsers({ username: wanted, maxResults: 50 } as never),
    )) as Array<{ accountId?: string; name?: string; emailAddress?: string; accountType?: string; active?: boolean }>;
    if (!Array.isArray(users)) return null;
    const ids = new Set(
      users
        .filter((u) => (this.cloud ? u.accountType === 'atlassian' : true) && u.active !== false)
        .filter((u) => typeof u.emailAddress === 'string' && u.emailAddress.toLowerCase() === wanted.toLowerCase())
        .map((u) => (this.cloud ? u.accountId : u.name))
        .filter((id): id is string => typeof id === 'string' && id !== ''),
    );
    return ids.size === 1 ? [...ids][0]! : null;
  }

  /** Replaces the description (ADF on Cloud, wiki markup on Data Center); `actor` is named in the issue's history. */
  async updateDescription(key: string, description: CommentBody, actor?: Actor): Promise<void> {
    const historyMetadata = actor ? historyMetadataFor(actor) : undefined;
    await this.call(`PUT description ${key}`, () =>
      this.v3
        ? this.v3.issues.editIssue({ issueIdOrKey: key, fields: { description }, historyMetadata })
        : this.v2!.issues.editIssue({ issueIdOrKey: key, fields: { description }, historyMetadata }),
    );
  }

  /** Sets an issue property (PUT /issue/{key}/properties/{property}): structured data other tools read. */
  async setIssueProperty(key: string, property: string, value: unknown): Promise<void> {
    await this.call(`PUT property ${key}/${property}`, () =>
      this.v3
        ? this.v3.issueProperties.setIssueProperty({ issueIdOrKey: key, propertyKey: property, propertyValue: value })
        : this.v2!.issueProperties.setIssueProperty({ issueIdOrKey: key, propertyKey: property, propertyValue: value }),
    );
  }

  /** Adds and removes labels without notifying watchers; `actor` is named in the issue's history. */
  async updateLabels(key: string, add: string[], remove: string[], actor?: Actor): Promise<void> {
    const labels = [...add.map((l) => ({ add: l })), ...remove.map((l) => ({ remove: l }))];
    if (labels.length === 0) return;
    const historyMetadata = actor ? historyMetadataFor(actor) : undefined;
    await this.call(`PUT labels ${key}`, () =>
      this.v3
        ? this.v3.issues.editIssue({ issueIdOrKey: key, update: { labels }, notifyUsers: false, historyMetadata })
        : this.v2!.issues.editIssue({ issueIdOrKey: key, update: { labels }, notifyUsers: false, historyMetadata }),
    );
  }
}
