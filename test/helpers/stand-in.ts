import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Responder = (req: RecordedRequest) => { status?: number; headers?: Record<string, string>; body?: unknown } | undefined;

/** A small HTTP server on loopback that answers like a platform API and records every request. */
export class StandIn {
  readonly requests: RecordedRequest[] = [];
  private server: Server;
  private routes: Array<{ method: string; path: string | RegExp; respond: Responder }> = [];

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  on(method: string, path: string | RegExp, respond: Responder): this {
    this.routes.unshift({ method, path, respond });
    return this;
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString() };
    this.requests.push(recorded);
    const route = this.routes.find((r) => r.method === recorded.method && (typeof r.path === 'string' ? recorded.path.split('?')[0] === r.path : r.path.test(recorded.path)));
    const answer = route?.respond(recorded) ?? { status: 404, body: { error: 'not_found' } };
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
    res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {}));
  }
}

/** A Slack Web API call's arguments: the WebClient sends forms, other clients JSON. */
export function slackArgs(body: string): Record<string, unknown> {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    const args: Record<string, unknown> = Object.fromEntries(new URLSearchParams(body));
    if (typeof args.blocks === 'string') args.blocks = JSON.parse(args.blocks);
    return args;
  }
}

/** Slack users the stand-in knows: id -> e-mail and timezone. */
export const SLACK_USERS: Record<string, { email: string; tz: string }> = {
  U1: { email: 'priya@acme.io', tz: 'Europe/Berlin' },
  U2: { email: 'marek@acme.io', tz: 'America/New_York' },
};

/** Slack Web API answers Centric needs (auth.test, users.info) and response_url posts, on a stand-in. */
export function slackStandIn(): StandIn {
  return new StandIn()
    .on('POST', '/api/auth.test', () => ({ body: { ok: true, url: 'https://acme.slack.com/', team: 'Acme', user: 'centric', team_id: 'T1', user_id: 'U0BOT', bot_id: 'B1' } }))
    .on('POST', '/api/users.info', (req) => {
      const id = new URLSearchParams(req.body).get('user') ?? '';
      const user = SLACK_USERS[id];
      return { body: user ? { ok: true, user: { id, tz: user.tz, profile: { email: user.email } } } : { ok: false, error: 'user_not_found' } };
    })
    .on('POST', '/api/chat.postMessage', (req) => {
      const { channel } = slackArgs(req.body);
      return { body: { ok: true, channel: `D${String(channel).slice(1)}`, ts: `17000000${String(Date.now()).slice(-2)}.000200` } };
    })
    .on('POST', '/api/views.publish', () => ({ body: { ok: true, view: { id: 'VHOME' } } }))
    .on('POST', '/api/views.open', (req) => ({ body: { ok: true, view: { id: 'V123', ...(slackArgs(req.body).view ? { opened: true } : {}) } } }))
    .on('POST', '/api/chat.update', (req) => {
      const { channel, ts } = slackArgs(req.body);
      return { body: { ok: true, channel, ts } };
    })
    .on('POST', /^\/respond\//, () => ({ body: { ok: true } }));
}

/** Jira Cloud answers the runtime needs (/myself), on a stand-in. */
export function jiraStandIn(): StandIn {
  return new StandIn().on('GET', '/rest/api/3/myself', () => ({ body: { accountId: '5b10-centric-bot', displayName: 'Centric Bot', active: true } }));
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
