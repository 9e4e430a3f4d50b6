import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Route } from '../runtime/health.js';
import { HTTP_LIMITS, type BufferedRequest } from '../runtime/http-guard.js';
import type { Logger } from '../runtime/logger.js';
import type { Enqueued, NewEvent } from '../flows/ports.js';

export const MAX_WEBHOOK_BYTES = HTTP_LIMITS.maxBodyBytes;
export const JIRA_EVENT_KIND = 'jira-issue';
export const WEBHOOK_PATH = '/jira/webhook';

/** What the route answers, and start-up warns, while webhooks are on but nothing can prove who sent one. */
export const NO_SECRET_REASON =
  'Centric refuses Jira webhooks while JIRA_WEBHOOK_SECRET is unset, as anyone could post one. ' +
  'Set JIRA_WEBHOOK_SECRET, and the same secret on the Jira webhook (its "Secret" field); ' +
  'or, if Jira sends Centric no webhooks (Socket Mode or polling only), set jira.webhook: off in centric.yml.';

/**
 * Bounds of what a delivery may store. Jira's own are far smaller: project keys of at most 10
 * characters on Cloud (a site setting on Data Center, rarely over 20), account ids of at most 128
 * (Cloud) and user names of 255 (Data Center), status names of 60. A longer value is not Jira's.
 */
const MAX = { ticketKey: 100, accountId: 255, deliveryId: 128, identity: 200, trigger: 200 };

const HANDLED = new Set(['jira:issue_created', 'jira:issue_updated']);
const ALGORITHMS = new Set(['sha1', 'sha256', 'sha384', 'sha512']);

/**
 * Fields the rules read: an update that changes none of them changes no finding. Components: the
 * journey stage. The parent (Cloud's changelog names it IssueParentAssociation): a story's epic, whose
 * persona and metric its hints name.
 */
const READ_FIELDS = new Set(['summary', 'description', 'attachment', 'labels', 'issuetype', 'components', 'parent', 'issueparentassociation']);

/**
 * Names, in lower case, that changelog items without a fieldId give the fields the rules read
 * (Data Center, and custom or older items on Cloud): their ids, or their display names.
 */
const READ_FIELD_NAMES = new Set([...READ_FIELDS, 'attachments', 'label', 'issue type', 'component', 'epic link', 'parent link']);

/**
 * Names of other well-known fields (system fields, and Jira Software's own custom fields), in
 * lower case: a change to one of them is not read by the rules, even when Jira's field list
 * could not be fetched to say so.
 */
const OTHER_FIELD_NAMES = new Set([
  'status', 'resolution', 'resolutiondate', 'assignee', 'reporter', 'creator', 'priority', 'duedate', 'due date',
  'fix version', 'fixversions', 'fix versions', 'version', 'versions', 'affects version', 'affects versions',
  'environment', 'project', 'key', 'security', 'security level',
  'link', 'remoteissuelink', 'comment', 'workflow', 'worklogid', 'timeestimate',
  'timeoriginalestimate', 'timespent', 'watchers', 'votes', 'sprint', 'rank', 'epic name',
  'epic status', 'epic colour', 'epic color', 'epic child', 'flagged', 'story points', 'story point estimate',
]);

const webhookSchema = z.looseObject({
  webhookEvent: z.string(),
  timestamp: z.number().optional(),
  user: z.looseObject({ accountId: z.string().max(MAX.accountId).optional(), name: z.string().max(MAX.accountId).optional() }).optional(),
  issue: z.looseObject({
    id: z.union([z.string(), z.number()]).optional(),
    key: z.string().max(MAX.ticketKey).regex(/^[A-Za-z][A-Za-z0-9_]*-\d+$/),
    fields: z.looseObject({}).optional(),
  }),
  // Jira names a changelog property "toString": it is read as an own property below, never
  // declared here, where every item's inherited Object.prototype.toString would fail a string check.
  changelog: z.looseObject({ items: z.array(z.looseObject({ field: z.string().optional(), fieldId: z.string().optional() })) }).optional(),
});

export interface JiraEventPayload {
  webhookEvent: string;
  /** Who caused the event; the bot's own events are dropped by the worker. */
  userAccountId: string | null;
  source: 'webhook' | 'poll' | 'command';
  /** Set when a move that matters (a configured status, a sprint) is reason to nudge again. */
  trigger?: string;
}

export interface WebhookDeps {
  secret: string | undefined;
  accept: (event: NewEvent, source: string) => Promise<Enqueued>;
  /** The bot's account id when already known: its own events are not even stored. */
  selfAccountId: () => string | null;
  /** Custom field holding acceptance criteria: a change to it matters too. */
  acceptanceCriteriaField: () => string | null;
  debounceMs: () => number;
  /** Status and sprint moves that nudge about a failing ticket. */
  nudgeTriggers: () => { statuses: string[]; sprint: boolean };
  clock: () => number;
  logger: Logger;
  /**
   * Jira's field names by field id (JiraClient.fieldNames): resolves changelog items that carry
   * only the field's name. Read synchronously and never awaited, so it must answer from a cache;
   * null (or absent) while unknown, and then an item naming a field that could be the acceptance
   * criteria field is accepted rather than dropped.
   */
  fieldNames?: () => ReadonlyMap<string, string> | null;
  /**
   * Whether a move to this status matters by itself, though no field the rules read changed: a
   * story shipping schedules its outcome review, a reopened one cancels it.
   */
  statusMatters?: (ticketKey: string, to: StatusMove) => Promise<boolean>;
}

/** X-Hub-Signature: "<method>=<hex HMAC of the raw body>", compared in constant time. */
export function verifySignature(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  const match = /^([a-z0-9]+)=([0-9a-f]+)$/i.exec(header?.trim() ?? '');
  if (!match || !ALGORITHMS.has(match[1]!.toLowerCase())) return false;
  const expected = createHmac(match[1]!.toLowerCase(), secret).update(rawBody).digest();
  const given = Buffer.from(match[2]!, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

class TooLarge extends Error {}

/** The value itself when short enough to store, otherwise its SHA-256: still unique, bounded. */
function bounded(value: string, max: number): string {
  return value.length <= max ? value : `sha256:${createHash('sha256').update(value).digest('hex')}`;
}

/**
 * The event's own identity, from the signed body: the same for a replay under a new
 * X-Atlassian-Webhook-Identifier, so a captured delivery cannot be made to act twice. Null
 * without Jira's timestamp, as then two real events could not be told apart.
 */
function eventIdentity(event: { webhookEvent: string; timestamp?: number | undefined; issue: { id?: string | number | undefined; key: string } }): string | null {
  if (event.timestamp === undefined) return null;
  return bounded(`${event.webhookEvent}:${String(event.issue.id ?? event.issue.key)}:${event.timestamp}`, MAX.identity);
}

/** The body as the HTTP guard read it (bounded); read here, bounded too, when served elsewhere. */
async function readBody(req: BufferedRequest): Promise<Buffer> {
  if (req.rawBody) return req.rawBody;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_WEBHOOK_BYTES) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_WEBHOOK_BYTES) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function reply(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

type ChangeItem = { field?: string; fieldId?: string };

/** The value a change set, from Jira's "toString" property (an own property, not the method). */
const changedTo = (item: ChangeItem): string | null => {
  const value: unknown = Object.prototype.hasOwnProperty.call(item, 'toString') ? (item as Record<string, unknown>).toString : null;
  return typeof value === 'string' ? value : null;
};

/** "status: Ready for Development" or "sprint" when the update is a move that should nudge. */
function nudgeTrigger(changelog: { items: ChangeItem[] } | undefined, triggers: { statuses: string[]; sprint: boolean }): string | undefined {
  for (const item of changelog?.items ?? []) {
    const field = (item.fieldId ?? item.field ?? '').toLowerCase();
    const to = changedTo(item);
    if (field === 'status' && to && triggers.statuses.some((s) => s.toLowerCase() === to.toLowerCase())) return `status: ${to}`;
    if (triggers.sprint && (item.field ?? '').toLowerCase() === 'sprint' && to) return 'sprint';
  }
  return undefined;
}

/** A status change: the status's name, and whether it is in Jira's "done" category (from the issue in the payload). */
export interface StatusMove {
  name: string | null;
  categoryDone: boolean;
}

/** The status the changelog moves the ticket to; null when it does not move it. */
function statusMove(event: { changelog?: { items: ChangeItem[] } | undefined; issue: { fields?: Record<string, unknown> | undefined } }): StatusMove | null {
  const item = (event.changelog?.items ?? []).find((i) => (i.fieldId ?? i.field ?? '').toLowerCase() === 'status');
  if (!item) return null;
  const status = event.issue.fields?.status as { statusCategory?: { key?: unknown } } | undefined;
  return { name: changedTo(item), categoryDone: status?.statusCategory?.key === 'done' };
}

/** Whether a change touched a field the rules read; "unknown" when an item's field cannot be told. */
type Relevance = 'read' | 'not-read' | 'unknown';

/** Field ids by lower-case name, built once per field list. */
const idsByNameOf = new WeakMap<ReadonlyMap<string, string>, Map<string, string[]>>();

function idsNamed(names: ReadonlyMap<string, string>, name: string): string[] {
  let index = idsByNameOf.get(names);
  if (!index) {
    index = new Map();
    for (const [id, fieldName] of names) {
      const key = fieldName.trim().toLowerCase();
      index.set(key, [...(index.get(key) ?? []), id]);
    }
    idsByNameOf.set(names, index);
  }
  return index.get(name) ?? [];
}

/**
 * An item with a fieldId is matched by it, as always. Without one, `field` holds an id (system
 * fields on Data Center: "description") or a display name ("Acceptance Criteria", "Sprint"):
 * it is matched against the ids and the names of the fields the rules read, then resolved
 * through Jira's field list when one is cached, then against well-known names. A custom field
 * still unresolved may be the acceptance criteria field: "unknown", so the event is kept.
 */
function relevance(item: ChangeItem, acField: string | null, fieldNames: () => ReadonlyMap<string, string> | null): Relevance {
  const ac = acField?.toLowerCase() ?? null;
  const readsId = (id: string) => READ_FIELDS.has(id.toLowerCase()) || (ac !== null && id.toLowerCase() === ac);
  if (item.fieldId !== undefined) return readsId(item.fieldId) ? 'read' : 'not-read';
  const name = (item.field ?? '').trim().toLowerCase();
  if (!name) return 'not-read';
  if (readsId(name) || READ_FIELD_NAMES.has(name)) return 'read';
  const names = fieldNames();
  const ids = names ? idsNamed(names, name) : [];
  if (ids.length > 0) return ids.some(readsId) ? 'read' : 'not-read';
  if (OTHER_FIELD_NAMES.has(name)) return 'not-read';
  // System fields are named by their ids or the names above; only a custom field can be the AC field.
  const fieldtype = (item as Record<string, unknown>).fieldtype;
  if (typeof fieldtype === 'string' && fieldtype.toLowerCase() === 'jira') return 'not-read';
  return ac === null ? 'not-read' : 'unknown';
}

function changesReadFields(changelog: { items: ChangeItem[] } | undefined, acField: string | null, fieldNames: () => ReadonlyMap<string, string> | null): Relevance {
  // No changelog (some Data Center payloads): assume it matters rather than miss an edit.
  if (!changelog) return 'read';
  const all = changelog.items.map((item) => relevance(item, acField, fieldNames));
  return all.includes('read') ? 'read' : all.includes('unknown') ? 'unknown' : 'not-read';
}

/** The cached field names, or null; a failing lookup only costs the resolution of names. */
function namesOnce(deps: WebhookDeps): () => ReadonlyMap<string, string> | null {
  let names: ReadonlyMap<string, string> | null | undefined;
  return () => {
    if (names === undefined) {
      try {
        names = deps.fieldNames?.() ?? null;
      } catch (err) {
        deps.logger.warn({ err }, 'Jira field names could not be read; matching changelog items by id and well-known names');
        names = null;
      }
    }
    return names;
  };
}

/**
 * POST /jira/webhook as centric.yml says: not served at all with `jira.webhook: off`; with `on`
 * and no JIRA_WEBHOOK_SECRET, served but refusing every delivery, and start-up warns once.
 */
export function jiraWebhookRoutes(setting: 'on' | 'off', deps: WebhookDeps): Route[] {
  if (setting === 'off') return [];
  if (!deps.secret) {
    deps.logger.warn({ component: 'jira-webhook', path: WEBHOOK_PATH }, NO_SECRET_REASON);
    return [{ path: WEBHOOK_PATH, method: ['POST'], handler: (_req, res) => reply(res, 403, { error: NO_SECRET_REASON }) }];
  }
  return [jiraWebhookRoute(deps)];
}

/** POST /jira/webhook: verifies, filters, stores, then acknowledges; the work happens later. */
export function jiraWebhookRoute(deps: WebhookDeps): Route {
  // Starts fetching Jira's field names in the background, so the first webhook finds them.
  namesOnce(deps)();
  // zod compiles a schema at its first parse (a few ms): paid at start-up, not by the first delivery.
  webhookSchema.safeParse({ webhookEvent: 'jira:issue_updated', timestamp: 0, user: { accountId: 'warm-up' }, issue: { key: 'WARMUP-1' }, changelog: { items: [{ field: 'description', fieldId: 'description' }] } });
  return {
    path: WEBHOOK_PATH,
    method: ['POST'],
    handler: async (req, res) => {
      try {
        await handle(deps, req, res);
      } catch (err) {
        // Not acknowledged, so Jira delivers it again: nothing accepted is lost.
        deps.logger.error({ err }, 'Jira webhook could not be stored; Jira will retry');
        if (!res.headersSent) reply(res, 503, { error: 'the event could not be stored; retry later' });
      }
    },
  };
}

async function handle(deps: WebhookDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!deps.secret) {
    reply(res, 403, { error: NO_SECRET_REASON });
    return;
  }
  let raw: Buffer;
  try {
    raw = await readBody(req);
  } catch (err) {
    if (err instanceof TooLarge) {
      reply(res, 413, { error: `body larger than ${MAX_WEBHOOK_BYTES} bytes` });
      req.resume();
      return;
    }
    throw err;
  }
  const signature = req.headers['x-hub-signature'];
  if (!verifySignature(deps.secret, raw, Array.isArray(signature) ? signature[0] : signature)) {
    deps.logger.warn({ delivery: String(req.headers['x-atlassian-webhook-identifier'] ?? '').slice(0, MAX.deliveryId) }, 'Jira webhook rejected: missing or wrong X-Hub-Signature');
    reply(res, 401, { error: signature ? 'X-Hub-Signature does not match the body and JIRA_WEBHOOK_SECRET' : 'X-Hub-Signature is missing' });
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    reply(res, 400, { error: 'body is not valid JSON' });
    return;
  }
  const parsed = webhookSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const handled = typeof (json as { webhookEvent?: unknown })?.webhookEvent === 'string' && HANDLED.has((json as { webhookEvent: string }).webhookEvent);
    if (!handled) {
      reply(res, 202, { status: 'ignored', reason: 'not an issue created or updated event' });
      return;
    }
    reply(res, 400, { error: `not a Jira issue event: ${issue.path.join('.') || 'body'}: ${issue.message}` });
    return;
  }
  const event = parsed.data;
  if (!HANDLED.has(event.webhookEvent)) {
    reply(res, 202, { status: 'ignored', reason: `${event.webhookEvent} is not handled` });
    return;
  }
  const userAccountId = event.user?.accountId ?? event.user?.name ?? null;
  if (userAccountId && userAccountId === deps.selfAccountId()) {
    reply(res, 202, { status: 'ignored', reason: "caused by Centric's own account" });
    return;
  }
  const trigger = nudgeTrigger(event.changelog, deps.nudgeTriggers());
  const move = statusMove(event);
  const statusMatters = move !== null && deps.statusMatters !== undefined && (await deps.statusMatters(event.issue.key, move));
  if (event.webhookEvent === 'jira:issue_updated' && !trigger && !statusMatters) {
    const change = changesReadFields(event.changelog, deps.acceptanceCriteriaField(), namesOnce(deps));
    if (change === 'not-read') {
      reply(res, 202, { status: 'ignored', reason: 'no field the rules read changed' });
      return;
    }
    if (change === 'unknown') {
      const fields = (event.changelog?.items ?? []).filter((i) => i.fieldId === undefined).map((i) => i.field);
      deps.logger.debug({ ticket: event.issue.key, fields }, 'changelog names a field not resolved to an id; kept, in case it is the acceptance criteria field');
    }
  }
  const identifier = req.headers['x-atlassian-webhook-identifier'];
  const deliveryId = bounded((Array.isArray(identifier) ? identifier[0] : identifier) ?? `${event.webhookEvent}:${event.issue.key}:${event.timestamp ?? deps.clock()}`, MAX.deliveryId);
  const payload: JiraEventPayload = { webhookEvent: event.webhookEvent, userAccountId, source: 'webhook', ...(trigger ? { trigger: trigger.slice(0, MAX.trigger) } : {}) };
  const now = deps.clock();
  const identity = eventIdentity(event);
  const stored = await deps.accept({ deliveryId, identity, kind: JIRA_EVENT_KIND, ticketKey: event.issue.key, payload, notBefore: now + deps.debounceMs() }, 'jira-webhook');
  reply(res, stored.duplicate ? 200 : 202, { status: stored.duplicate ? 'duplicate' : 'accepted', ticket: event.issue.key });
}

