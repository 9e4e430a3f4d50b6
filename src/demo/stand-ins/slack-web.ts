import { WebSocketServer } from 'ws';
import { StandIn, type Answer, type RecordedRequest } from './http-stand-in.js';

export interface SlackPerson {
  name: string;
  /** The profile's e-mail; absent for a person without one (a bot, some guests). */
  email?: string;
  tz: string;
  /** Slack's is_admin: a workspace admin. */
  admin?: boolean;
  /** Slack's is_owner: a workspace owner (owners are admins too, in Slack's answers). */
  owner?: boolean;
  /** Slack's is_email_confirmed; true by default for a person with an e-mail. */
  emailConfirmed?: boolean;
  /** Another organisation's member in a Slack Connect channel: their team_id, is_stranger. */
  external?: { team: string };
  /** The language their Slack is set to, as Slack writes it ("de-DE"); "en-US" when not given. */
  locale?: string;
}

export interface SlackChannel {
  name: string;
  private?: boolean;
  /** Whether the bot is already a member. */
  member?: boolean;
  /** The people in it (user ids), the bot aside. */
  members?: string[];
}

export interface SlackStandInOptions {
  token: string;
  /** The app-level token (xapp-…) that may open Socket Mode connections. */
  appToken?: string;
  team?: { id: string; name: string };
  bot?: { userId: string; botId: string };
  people: Record<string, SlackPerson>;
  channels?: Record<string, SlackChannel>;
  /**
   * The bot token's scopes. When given, methods check them as Slack does (missing_scope, and
   * profile.email only with users:read.email); when absent, every scope is granted.
   */
  scopes?: string[];
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: Array<Record<string, any>>;
  /** Earlier versions, oldest first, when chat.update changed it. */
  history: Array<{ text: string; blocks: Array<Record<string, any>> }>;
  ephemeralTo?: string;
  /** A reply in the thread of the message with this ts (in the same channel). */
  threadTs?: string;
}

export interface SharedFile {
  id: string;
  filename: string;
  title: string;
  bytes: Buffer;
  channel: string;
  comment: string;
  /** What a screen reader says of it; '' when none was given. */
  altText: string;
}

/** Block Kit limits as Slack documents them (block-kit reference, "Limits"). */
const LIMIT = { messageBlocks: 50, viewBlocks: 100, sectionText: 3000, headerText: 150, buttonText: 75, actionsElements: 25, contextElements: 10, fields: 10, fieldText: 2000, messageText: 40_000, modalTitle: 24, blockId: 255, privateMetadata: 3000 };
const BLOCK_TYPES = new Set(['section', 'divider', 'image', 'actions', 'context', 'input', 'header', 'rich_text', 'video', 'file']);

/** What is wrong with a list of blocks, as Slack's invalid_blocks messages say it. */
export function blockProblems(blocks: unknown, max: number): string[] {
  if (!Array.isArray(blocks)) return ['blocks must be an array [json-pointer:/blocks]'];
  const problems: string[] = [];
  if (blocks.length > max) problems.push(`no more than ${max} items allowed [json-pointer:/blocks]`);
  const ids = new Set<string>();
  blocks.forEach((b: Record<string, any>, i) => {
    const at = `[json-pointer:/blocks/${i}`;
    if (!BLOCK_TYPES.has(b?.type)) return problems.push(`invalid block type "${String(b?.type)}" ${at}/type]`);
    if (b.block_id !== undefined) {
      if (String(b.block_id).length > LIMIT.blockId) problems.push(`must be less than ${LIMIT.blockId} characters ${at}/block_id]`);
      if (ids.has(b.block_id)) problems.push(`duplicate block_id "${b.block_id}" ${at}/block_id]`);
      ids.add(b.block_id);
    }
    if (b.type === 'section') {
      if (!b.text && !b.fields) problems.push(`must provide either text or fields ${at}]`);
      if (b.text && !['mrkdwn', 'plain_text'].includes(b.text.type)) problems.push(`must be mrkdwn or plain_text ${at}/text/type]`);
      if (b.text && (typeof b.text.text !== 'string' || b.text.text.length === 0)) problems.push(`must be more than 0 characters ${at}/text/text]`);
      if ((b.text?.text ?? '').length > LIMIT.sectionText) problems.push(`must be less than ${LIMIT.sectionText + 1} characters ${at}/text/text]`);
      if ((b.fields ?? []).length > LIMIT.fields) problems.push(`must be no more than ${LIMIT.fields} items ${at}/fields]`);
      if (b.accessory) problems.push(...elementProblems(b.accessory, `${at}/accessory`));
    }
    if (b.type === 'header') {
      if (b.text?.type !== 'plain_text') problems.push(`must be plain_text ${at}/text/type]`);
      if ((b.text?.text ?? '').length > LIMIT.headerText) problems.push(`must be less than ${LIMIT.headerText + 1} characters ${at}/text/text]`);
    }
    if (b.type === 'actions') {
      if (!Array.isArray(b.elements) || b.elements.length === 0) problems.push(`must provide elements ${at}/elements]`);
      else if (b.elements.length > LIMIT.actionsElements) problems.push(`must be no more than ${LIMIT.actionsElements} items ${at}/elements]`);
      else b.elements.forEach((e: Record<string, any>, j: number) => problems.push(...elementProblems(e, `${at}/elements/${j}`)));
    }
    if (b.type === 'context' && (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > LIMIT.contextElements)) problems.push(`must have 1 to ${LIMIT.contextElements} elements ${at}/elements]`);
    if (b.type === 'input' && (!b.label || !b.element)) problems.push(`must provide label and element ${at}]`);
    if (b.type === 'image' && (typeof b.image_url !== 'string' || typeof b.alt_text !== 'string')) problems.push(`must provide image_url and alt_text ${at}]`);
    return undefined;
  });
  return problems;
}

function elementProblems(e: Record<string, any>, at: string): string[] {
  if (e.type !== 'button') return [];
  const problems: string[] = [];
  if (e.text?.type !== 'plain_text') problems.push(`must be plain_text ${at}/text/type]`);
  if ((e.text?.text ?? '').length > LIMIT.buttonText) problems.push(`must be less than ${LIMIT.buttonText + 1} characters ${at}/text/text]`);
  if (e.url !== undefined && !/^https?:\/\//.test(String(e.url))) problems.push(`must be a valid url ${at}/url]`);
  return problems;
}

/** A Web API call's arguments: the Node SDK sends forms (JSON-encoded values inside), others JSON. */
export function slackArgs(req: Pick<RecordedRequest, 'body' | 'headers'>): Record<string, unknown> {
  if (String(req.headers['content-type'] ?? '').includes('application/json') || req.body.trimStart().startsWith('{')) {
    try {
      return JSON.parse(req.body) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  const args: Record<string, unknown> = Object.fromEntries(new URLSearchParams(req.body));
  for (const key of ['blocks', 'view', 'files', 'attachments']) {
    if (typeof args[key] === 'string') {
      try {
        args[key] = JSON.parse(args[key] as string);
      } catch {
        // left as a string: the method reports it as invalid
      }
    }
  }
  return args;
}

/** The file in an upload: the raw body, or the file part of a multipart/form-data body (as the Node SDK sends it). */
function uploadedBytes(req: RecordedRequest): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(String(req.headers['content-type'] ?? ''));
  if (!boundary) return req.raw;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = req.raw.indexOf(delimiter);
  while (at !== -1) {
    const next = req.raw.indexOf(delimiter, at + delimiter.length);
    if (next === -1) break;
    const part = req.raw.subarray(at + delimiter.length, next);
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1 && /filename=|name="(?:file|body)"/.test(part.subarray(0, split).toString())) return part.subarray(split + 4, part.length - 2);
    at = next;
  }
  return Buffer.alloc(0);
}

const fail = (error: string, extra: Record<string, unknown> = {}): Answer => ({ body: { ok: false, error, ...extra } });
const ok = (body: Record<string, unknown> = {}): Answer => ({ body: { ok: true, ...body } });

/** Whether the token has a scope; no list means every scope. */
const granted = (scopes: string[] | undefined, scope: string) => !scopes || scopes.includes(scope);
const missingScope = (scopes: string[] | undefined, needed: string): Answer => fail('missing_scope', { needed, provided: (scopes ?? []).join(',') });

/**
 * users.info's user object, as Slack shapes it: is_admin, is_owner, is_email_confirmed at the top,
 * profile.email only when the person has one and the token may read it (users:read.email), and
 * `locale` only when the call asked for it (include_locale), as Slack does.
 */
export function slackUser(id: string, person: SlackPerson, scopes?: string[], teamId = 'T1', includeLocale = false): Record<string, unknown> {
  const email = person.email && granted(scopes, 'users:read.email') ? { email: person.email } : {};
  return {
    id,
    team_id: person.external?.team ?? teamId,
    ...(person.external ? { is_stranger: true } : {}),
    name: person.name,
    real_name: person.name,
    tz: person.tz,
    is_admin: Boolean(person.admin || person.owner),
    is_owner: Boolean(person.owner),
    is_primary_owner: false,
    is_bot: false,
    is_email_confirmed: Boolean(person.email) && person.emailConfirmed !== false,
    ...(includeLocale ? { locale: person.locale ?? 'en-US' } : {}),
    profile: { real_name: person.name, ...email },
  };
}

/** A boolean argument as Slack reads it: true from JSON, "true" or "1" from a form. */
const flag = (value: unknown): boolean => value === true || value === 1 || value === 'true' || value === '1';

const cursorOf = (user: string) => Buffer.from(`user:${user}`).toString('base64');

/**
 * conversations.members as Slack answers it: channel_not_found for a channel that does not exist
 * or a private one the bot is not in (Slack does not reveal private channels to non-members),
 * missing_scope without channels:read / groups:read, pages of `limit` (100 by default, at most
 * 1000) with an opaque next_cursor ("" on the last page), invalid_cursor for one it did not give.
 */
export function conversationMembers(channels: Record<string, SlackChannel>, botUserId: string, a: Record<string, unknown>, scopes?: string[]): Answer {
  const channel = channels[String(a.channel ?? '')];
  if (!channel || (channel.private && !channel.member)) return fail('channel_not_found');
  const scope = channel.private ? 'groups:read' : 'channels:read';
  if (!granted(scopes, scope)) return missingScope(scopes, scope);
  const limit = a.limit === undefined || a.limit === '' ? 100 : Number(a.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return fail('invalid_limit');
  const all = [...(channel.members ?? []), ...(channel.member ? [botUserId] : [])];
  let from = 0;
  if (a.cursor !== undefined && a.cursor !== '') {
    from = all.findIndex((u) => cursorOf(u) === a.cursor);
    if (from <= 0) return fail('invalid_cursor');
  }
  const page = all.slice(from, from + limit);
  const next = all[from + limit];
  return ok({ members: page, response_metadata: { next_cursor: next ? cursorOf(next) : '' } });
}

/**
 * The Slack Web API methods Centric calls, in memory: it checks the token, required arguments
 * and Block Kit limits the way Slack does (HTTP 200 with ok: false and Slack's error codes), keeps
 * the messages, views and files it received, and answers response_url posts.
 */
export class SlackStandIn extends StandIn {
  readonly messages: PostedMessage[] = [];
  /** Messages posted to response_url (slash commands, button clicks). */
  readonly responses: Array<{ path: string; text: string; blocks: Array<Record<string, any>> }> = [];
  /** Every view Centric opened, updated or published, in order; `id` is the view's id. */
  readonly views: Array<{ method: 'views.open' | 'views.update' | 'views.publish'; id: string; view: Record<string, any>; user?: string }> = [];
  /** How long a trigger_id may be exchanged for a modal: Slack's 3 seconds. */
  triggerLifetimeMs = 3_000;
  private readonly triggers = new Map<string, { issued: number; user: string; used: boolean }>();
  private readonly openViews = new Map<string, { view: Record<string, any>; hash: string; user: string }>();
  private nextTrigger = 1;
  /** While true, apps.connections.open drops the connection: Slack unreachable. */
  socketOutage = false;
  private readonly sockets = new WebSocketServer({ noServer: true });
  private nextEnvelope = 1;
  readonly files: SharedFile[] = [];
  private readonly uploads = new Map<string, { filename: string; length: number; altText: string; title?: string; bytes?: Buffer }>();
  private nextTs = 1;
  private nextFile = 1;
  private readonly channels: Record<string, SlackChannel>;
  private readonly people: Record<string, SlackPerson>;

  constructor(private readonly options: SlackStandInOptions) {
    super();
    this.channels = structuredClone(options.channels ?? {});
    this.people = structuredClone(options.people);
    const team = options.team ?? { id: 'T0DEMO', name: 'Acme' };
    const bot = options.bot ?? { userId: 'U0CENTRIC', botId: 'B0CENTRIC' };
    // `formOnly`: methods Slack documents as not accepting JSON bodies read no argument from one.
    const method = (name: string, run: (args: Record<string, unknown>) => Answer, auth = true, formOnly = false) =>
      this.on('POST', `/api/${name}`, (req) => {
        const json = String(req.headers['content-type'] ?? '').includes('application/json');
        const args = formOnly && json ? {} : slackArgs(req);
        if (auth) {
          const header = String(req.headers.authorization ?? '');
          const token = header.startsWith('Bearer ') ? header.slice(7) : (args.token as string | undefined);
          if (!token) return fail('not_authed');
          if (token !== options.token) return fail('invalid_auth');
        }
        return run(args);
      });
    method('auth.test', () => ok({ url: `https://${team.name.toLowerCase()}.slack.com/`, team: team.name, user: 'centric', team_id: team.id, user_id: bot.userId, bot_id: bot.botId }));
    method('users.info', (a) => {
      if (!a.user) return fail('invalid_arguments');
      if (!granted(options.scopes, 'users:read')) return missingScope(options.scopes, 'users:read');
      const person = this.people[String(a.user)];
      return person ? ok({ user: slackUser(String(a.user), person, options.scopes, team.id, flag(a.include_locale)) }) : fail('user_not_found');
    });
    method('users.lookupByEmail', (a) => {
      if (!granted(options.scopes, 'users:read.email')) return missingScope(options.scopes, 'users:read.email');
      const entry = Object.entries(this.people).find(([, p]) => p.email !== undefined && p.email.toLowerCase() === String(a.email ?? '').toLowerCase());
      return entry ? ok({ user: slackUser(entry[0], entry[1], options.scopes, team.id) }) : fail('users_not_found');
    });
    method('conversations.members', (a) => conversationMembers(this.channels, bot.userId, a, options.scopes), true, true);
    this.on('POST', '/api/apps.connections.open', (req) => {
      if (this.socketOutage) return { drop: true };
      const header = String(req.headers.authorization ?? '');
      if (!header.startsWith('Bearer ')) return fail('not_authed');
      if (!options.appToken || header.slice(7) !== options.appToken) return fail(header.slice(7).startsWith('xapp-') ? 'invalid_auth' : 'not_allowed_token_type');
      return ok({ url: `${this.url.replace(/^http/, 'ws')}/socket?ticket=${this.nextEnvelope++}` });
    });
    this.server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket') || this.socketOutage) return void socket.destroy();
      this.sockets.handleUpgrade(req, socket, head, (ws) => {
        ws.send(JSON.stringify({ type: 'hello', num_connections: this.sockets.clients.size, connection_info: { app_id: 'A0CENTRIC' }, debug_info: { host: 'stand-in', approximate_connection_time: 3600 } }));
      });
    });
    method('chat.postMessage', (a) => this.post(a));
    method('chat.postEphemeral', (a) => (a.user ? this.post(a, String(a.user)) : fail('user_not_found')));
    method('chat.update', (a) => this.update(a));
    method('conversations.join', (a) => this.join(String(a.channel ?? '')));
    method('views.open', (a) => this.view('views.open', a));
    method('views.update', (a) => this.view('views.update', a));
    method('views.publish', (a) => this.view('views.publish', a));
    method('files.getUploadURLExternal', (a) => this.uploadUrl(a));
    method('files.completeUploadExternal', (a) => this.completeUpload(a));
    this.on('POST', /^\/upload\/F[0-9A-Z]+$/, (req) => {
      const upload = this.uploads.get(req.path.split('/').pop()!);
      if (!upload) return { status: 404, body: 'file not found' };
      upload.bytes = uploadedBytes(req);
      return { status: 200, body: `OK - ${upload.bytes.length}` };
    });
    this.on('POST', /^\/respond\//, (req) => {
      const args = slackArgs(req);
      const problems = args.blocks ? blockProblems(args.blocks, LIMIT.messageBlocks) : [];
      if (problems.length > 0) return { status: 400, body: 'invalid_blocks' };
      if (!args.text && !args.blocks) return { status: 400, body: 'no_text' };
      this.responses.push({ path: req.path, text: String(args.text ?? ''), blocks: (args.blocks as never) ?? [] });
      return { body: 'ok' };
    });
  }

  /** Adds or changes a person (an admin, someone without a confirmed e-mail) from here on. */
  declarePerson(id: string, person: SlackPerson): void {
    this.people[id] = person;
  }

  /** Adds or changes a channel (its members, whether it is private, whether the bot is in it). */
  declareChannel(id: string, channel: SlackChannel): void {
    this.channels[id] = structuredClone(channel);
  }

  /** Messages in a conversation: a user id for DMs, a channel id otherwise. */
  conversation(id: string): PostedMessage[] {
    return this.messages.filter((m) => m.channel === this.channelOf(id));
  }

  private channelOf(id: string): string {
    return /^[UW]/.test(id) ? `D${id.slice(1)}` : id;
  }

  private target(channel: string): { id: string } | { error: string } {
    if (!channel) return { error: 'channel_not_found' };
    if (/^[UW]/.test(channel)) return this.people[channel] ? { id: this.channelOf(channel) } : { error: 'channel_not_found' };
    if (/^D/.test(channel)) return { id: channel };
    const known = this.channels[channel];
    if (!known) return { error: 'channel_not_found' };
    if (!known.member) return { error: known.private ? 'channel_not_found' : 'not_in_channel' };
    return { id: channel };
  }

  private messageProblems(a: Record<string, unknown>): Answer | null {
    if (!a.text && !a.blocks) return fail('no_text');
    if (typeof a.text === 'string' && a.text.length > LIMIT.messageText) return fail('msg_too_long');
    if (a.blocks !== undefined) {
      const problems = blockProblems(a.blocks, LIMIT.messageBlocks);
      if (problems.length > 0) return fail('invalid_blocks', { errors: problems, response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } });
    }
    return null;
  }

  private post(a: Record<string, unknown>, ephemeralTo?: string): Answer {
    const target = this.target(String(a.channel ?? ''));
    if ('error' in target) return fail(target.error);
    const invalid = this.messageProblems(a);
    if (invalid) return invalid;
    // Kept as given: a test checks that a reply went into the thread of the message it belongs to.
    const threadTs = a.thread_ts === undefined ? undefined : String(a.thread_ts);
    const ts = `${1_700_000_000 + this.nextTs++}.000100`;
    this.messages.push({ channel: target.id, ts, text: String(a.text ?? ''), blocks: (a.blocks as never) ?? [], history: [], ...(ephemeralTo ? { ephemeralTo } : {}), ...(threadTs ? { threadTs } : {}) });
    return ephemeralTo ? ok({ message_ts: ts }) : ok({ channel: target.id, ts, message: { text: a.text, ts } });
  }

  private update(a: Record<string, unknown>): Answer {
    const message = this.messages.find((m) => m.channel === a.channel && m.ts === a.ts);
    if (!a.channel) return fail('channel_not_found');
    if (!message) return fail('message_not_found');
    const invalid = this.messageProblems(a);
    if (invalid) return invalid;
    message.history.push({ text: message.text, blocks: message.blocks });
    message.text = String(a.text ?? '');
    message.blocks = (a.blocks as never) ?? [];
    return ok({ channel: message.channel, ts: message.ts, text: message.text });
  }

  private join(channel: string): Answer {
    const known = this.channels[channel];
    if (!known) return fail('channel_not_found');
    if (known.private) return fail('method_not_supported_for_channel_type');
    known.member = true;
    return ok({ channel: { id: channel, name: known.name, is_member: true } });
  }

  /** A trigger_id as Slack puts in an interaction payload: usable once, for 3 seconds. */
  trigger(user: string): string {
    const id = `${this.nextTrigger++}.${Date.now()}.${Math.random().toString(16).slice(2, 10)}`;
    this.triggers.set(id, { issued: Date.now(), user, used: false });
    return id;
  }

  /** Open Socket Mode connections. */
  get socketConnections(): number {
    return [...this.sockets.clients].filter((ws) => ws.readyState === ws.OPEN).length;
  }

  /** Cuts every Socket Mode connection without a close frame, as a network failure does. */
  dropSockets(): void {
    for (const ws of this.sockets.clients) ws.terminate();
  }

  /**
   * Sends an envelope over Socket Mode (events_api, interactive, slash_commands) and resolves to
   * the app's acknowledgement; like Slack, gives up after 3 seconds.
   */
  sendOverSocket(type: 'events_api' | 'interactive' | 'slash_commands', payload: Record<string, unknown>): Promise<Record<string, unknown>> {
    const ws = [...this.sockets.clients].find((c) => c.readyState === c.OPEN);
    if (!ws) return Promise.reject(new Error('no Socket Mode connection is open'));
    const envelope_id = `env-${this.nextEnvelope++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => (ws.off('message', onMessage), reject(new Error(`envelope ${envelope_id} not acknowledged within 3 s`))), 3_000);
      const onMessage = (data: Buffer) => {
        const ack = JSON.parse(data.toString()) as Record<string, unknown>;
        if (ack.envelope_id !== envelope_id) return;
        clearTimeout(timer);
        ws.off('message', onMessage);
        resolve(ack);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
    });
  }

  override async close(): Promise<void> {
    for (const ws of this.sockets.clients) ws.terminate();
    this.sockets.close();
    await super.close();
  }

  /** The person closed the modal (or submitted it and Centric let it close). */
  closeView(id: string): void {
    this.openViews.delete(id);
  }

  /** The newest state of a view Centric opened (views.open, then any views.update). */
  openView(id: string): Record<string, any> | undefined {
    return this.openViews.get(id)?.view;
  }

  /**
   * The view_submission payload Slack would send for an open modal: its id, callback_id and
   * private_metadata as Centric set them, and state.values shaped by each input's element type.
   */
  submission(viewId: string, values: Record<string, string>, user: { id: string; name: string }): Record<string, unknown> {
    const open = this.openViews.get(viewId);
    if (!open) throw new Error(`no open view ${viewId}`);
    const state: Record<string, Record<string, unknown>> = {};
    for (const block of open.view.blocks ?? []) {
      if (block.type !== 'input') continue;
      const element = block.element as { type: string; action_id: string };
      const value = values[block.block_id] ?? null;
      state[block.block_id] = { [element.action_id]: element.type === 'static_select' ? { type: element.type, selected_option: value === null ? null : { text: { type: 'plain_text', text: value }, value } } : { type: element.type, value } };
    }
    return { type: 'view_submission', team: { id: 'T0DEMO' }, user: { id: user.id, username: user.name, name: user.name, team_id: 'T0DEMO' }, api_app_id: 'A0CENTRIC', token: 'x', trigger_id: this.trigger(user.id), view: { ...open.view, id: viewId, hash: open.hash, state: { values: state } } };
  }

  /** views.open exchanges a fresh trigger_id; views.update needs a view that is open. */
  private viewTarget(method: 'views.open' | 'views.update' | 'views.publish', a: Record<string, unknown>): { id: string; user: string } | Answer {
    if (method === 'views.publish') return this.people[String(a.user_id ?? '')] ? { id: `VH${String(a.user_id)}`, user: String(a.user_id) } : fail('user_not_found');
    if (method === 'views.update') {
      const open = this.openViews.get(String(a.view_id ?? ''));
      if (!a.view_id && !a.external_id) return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: view_id or external_id'] } });
      if (!open) return fail('not_found');
      if (a.hash !== undefined && a.hash !== open.hash) return fail('hash_conflict');
      return { id: String(a.view_id), user: open.user };
    }
    if (!a.trigger_id) return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: trigger_id'] } });
    const trigger = this.triggers.get(String(a.trigger_id));
    if (!trigger) return fail('invalid_trigger_id');
    if (trigger.used) return fail('exchanged_trigger_id');
    if (Date.now() - trigger.issued > this.triggerLifetimeMs) return fail('expired_trigger_id');
    trigger.used = true;
    return { id: `V${String(this.openViews.size + 1).padStart(9, '0')}`, user: trigger.user };
  }

  private view(method: 'views.open' | 'views.update' | 'views.publish', a: Record<string, unknown>): Answer {
    const view = a.view as Record<string, any> | undefined;
    if (!view || typeof view !== 'object') return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: view'] } });
    const problems = blockProblems(view.blocks, LIMIT.viewBlocks);
    const expected = method === 'views.publish' ? 'home' : 'modal';
    if (view.type !== expected) problems.push(`must be ${expected} [json-pointer:/view/type]`);
    if (view.type === 'modal') {
      if (view.title?.type !== 'plain_text' || !view.title.text || view.title.text.length > LIMIT.modalTitle) problems.push(`title must be plain_text of 1 to ${LIMIT.modalTitle} characters [json-pointer:/view/title]`);
      if ((view.blocks ?? []).some((b: { type: string }) => b.type === 'input') && !view.submit) problems.push('submit is required when a view has input blocks [json-pointer:/view/submit]');
      if (String(view.private_metadata ?? '').length > LIMIT.privateMetadata) problems.push(`must be less than ${LIMIT.privateMetadata} characters [json-pointer:/view/private_metadata]`);
    }
    if (problems.length > 0) return fail('invalid_arguments', { response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } });
    const target = this.viewTarget(method, a);
    if (!('id' in target)) return target;
    const hash = `${Date.now()}.${Math.random().toString(16).slice(2, 10)}`;
    if (method !== 'views.publish') this.openViews.set(target.id, { view, hash, user: target.user });
    this.views.push({ method, id: target.id, view, user: target.user });
    return ok({ view: { ...view, id: target.id, hash } });
  }

  private uploadUrl(a: Record<string, unknown>): Answer {
    const length = Number(a.length);
    if (!a.filename || !Number.isInteger(length) || length <= 0) return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] filename and length are required'] } });
    // Slack's name for it (alt_text, as @slack/web-api's filesUploadV2 sends it, is not one of its arguments).
    const altText = String(a.alt_txt ?? '');
    if (altText.length > 1_000) return fail('alt_txt_too_large');
    const id = `F${String(this.nextFile++).padStart(8, '0')}`;
    this.uploads.set(id, { filename: String(a.filename), length, altText });
    return ok({ upload_url: `${this.url}/upload/${id}`, file_id: id });
  }

  private completeUpload(a: Record<string, unknown>): Answer {
    const files = a.files as Array<{ id?: string; title?: string }> | undefined;
    if (!Array.isArray(files) || files.length === 0) return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] files must be a JSON array of {id, title}'] } });
    const channel = String(a.channel_id ?? a.channels ?? '');
    const target = channel ? this.target(channel) : { id: '' };
    if ('error' in target) return fail(target.error);
    const shared: Array<{ id: string; title: string }> = [];
    for (const f of files) {
      const upload = this.uploads.get(String(f.id));
      if (!upload || !upload.bytes) return fail('file_not_found');
      if (upload.bytes.length === 0) return fail('file_upload_failed');
      const title = f.title ?? upload.filename;
      if (target.id) this.files.push({ id: String(f.id), filename: upload.filename, title, bytes: upload.bytes, channel: target.id, comment: String(a.initial_comment ?? ''), altText: upload.altText });
      shared.push({ id: String(f.id), title });
    }
    return ok({ files: shared });
  }
}
