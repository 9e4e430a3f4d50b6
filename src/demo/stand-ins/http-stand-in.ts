import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorText } from '../../runtime/errors.js';

export interface RecordedRequest {
  method: string;
  /** Path with its query string, as sent. */
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The body as bytes (uploads). */
  raw: Buffer;
  /** When it arrived (ms since the epoch). */
  at: number;
  /** What the stand-in answered. */
  status?: number;
  answer?: unknown;
}

export interface Answer {
  /** Close the connection without an answer (a dropped connection). */
  drop?: boolean;
  /** Answer this late (a slow or hanging service). */
  delayMs?: number;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type Responder = (req: RecordedRequest) => Answer | undefined | Promise<Answer | undefined>;

/**
 * A small HTTP server on loopback (a random port) that answers like a platform API and records
 * every request with its answer, for tests and the demo to show.
 */
export class StandIn {
  readonly requests: RecordedRequest[] = [];
  url = '';
  /** Added to every answer: a slow platform, for fault tests. */
  latencyMs = 0;
  protected readonly server: Server;
  private routes: Array<{ method: string; path: string | RegExp; respond: Responder }> = [];

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  /** Adds a route; later routes win, so a test can override one answer. */
  on(method: string, path: string | RegExp, respond: Responder): this {
    this.routes.unshift({ method, path, respond });
    return this;
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Requests to a path (without the query string). */
  calls(path: string | RegExp, method?: string): RecordedRequest[] {
    return this.requests.filter((r) => (!method || r.method === method) && (typeof path === 'string' ? r.path.split('?')[0] === path : path.test(r.path.split('?')[0]!)));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: raw.toString(), raw, at: Date.now() };
    this.requests.push(recorded);
    const path = recorded.path.split('?')[0]!;
    // Routes added later come first; one that answers undefined hands the request on (a test's override).
    const routes = this.routes.filter((r) => r.method === recorded.method && (typeof r.path === 'string' ? path === r.path : r.path.test(path)));
    let answer: Answer | undefined;
    try {
      for (const route of routes) {
        answer = await route.respond(recorded);
        if (answer) break;
      }
      answer ??= { status: 404, body: { error: 'not_found', detail: `${recorded.method} ${path} is not part of this stand-in` } };
    } catch (err) {
      answer = { status: 500, body: { error: 'stand_in_error', detail: errorText(err) } };
    }
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (answer.drop || res.destroyed) {
      recorded.status = 0;
      req.socket.destroy();
      return;
    }
    recorded.status = answer.status ?? 200;
    recorded.answer = answer.body;
    res.writeHead(recorded.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
    res.end(answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
  }
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
