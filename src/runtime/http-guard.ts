import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorText } from './errors.js';
import type { Route } from './health.js';
import type { Logger } from './logger.js';

/** Bounds on what one client may cost the process, for every HTTP server Centric runs. */
export interface HttpLimits {
  /** Largest request body read; a larger one is refused with 413 before it is verified. */
  maxBodyBytes: number;
  /** Time a client has to send its request headers (a slowloris sends them byte by byte). */
  headersTimeoutMs: number;
  /** Time a client has to send its whole request, body included; then 408 and the connection is closed. */
  requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Connections open at once; beyond it new ones are closed at once. */
  maxConnections: number;
}

export const HTTP_LIMITS: HttpLimits = {
  // Slack's payloads and Jira's webhook bodies are a few KB (a Jira description is at most 32,767
  // characters): 1 MB is generous, and bounds what an unauthenticated body can cost.
  maxBodyBytes: 1024 * 1024,
  // Slack and Jira send a request in well under a second; a client holding a connection open with
  // a slow trickle of bytes is an attack (1,000 slow webhook bodies pinned 1.1 GB, never closed).
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  // Node's own default; said here so it is a decision, not an accident. Shorter than a load
  // balancer's idle time-out would cause 502s, so it stays short only when nothing sits in front.
  keepAliveTimeoutMs: 5_000,
  // Slack allows 3 s per acknowledgement and Centric answers in milliseconds: a few hundred
  // connections is far more than Slack, Jira and a Prometheus scraper ever hold at once.
  maxConnections: 256,
};

/** A request whose body the guard read: Bolt's HTTPReceiver uses `rawBody` instead of the stream. */
export type BufferedRequest = IncomingMessage & { rawBody?: Buffer };

type Handler = (req: BufferedRequest, res: ServerResponse) => void;

/** A JSON answer, never cached (probes and errors are about now). */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(text.length), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/** Refuses a body that is too large, and closes the connection once the answer is out. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, max: number): void {
  req.pause();
  res.once('finish', () => req.destroy());
  json(res, 413, { error: `request body larger than ${max} bytes` }, { connection: 'close' });
}

/** The body, read up to `max` bytes; null as soon as it is larger (what was read is dropped). */
function readCapped(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        cleanup();
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => (cleanup(), resolve(Buffer.concat(chunks)));
    const onError = (err: Error) => (cleanup(), reject(err));
    const onAborted = () => (cleanup(), reject(new Error('the client closed the connection before its body ended')));
    const cleanup = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onAborted);
    };
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onAborted);
  });
}

const hasBody = (req: IncomingMessage): boolean => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * Reads a request's body (bounded) before `next` sees it: refused by Content-Length before a byte
 * is read, cut off as soon as a streamed body passes the limit. Nothing downstream (Bolt's
 * signature check, the webhook route) ever buffers an unbounded body.
 */
export function boundedBodies(limits: Pick<HttpLimits, 'maxBodyBytes'>, logger: Logger, next: Handler): Handler {
  const max = limits.maxBodyBytes;
  return (req, res) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) return refuseTooLarge(req, res, max);
    if (!hasBody(req)) return next(req, res);
    readCapped(req, max).then(
      (body) => {
        if (body === null) return refuseTooLarge(req, res, max);
        req.rawBody = body;
        next(req, res);
      },
      (err: unknown) => {
        logger.debug({ err: errorText(err) }, 'request body not received');
        req.destroy();
      },
    );
  };
}

/** Dispatches to the route with this path and method; `fallback` for any other request, else 404. */
export function routeTable(routes: Route[], logger: Logger, fallback?: (req: BufferedRequest, res: ServerResponse) => boolean): Handler {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    const route = routes.find((r) => r.path === path && r.method.includes(method));
    if (route) {
      Promise.resolve()
        .then(() => route.handler(req, res))
        .catch((err: unknown) => {
          logger.error({ err, path }, 'HTTP route failed');
          if (!res.headersSent) json(res, 500, { error: 'internal error; see the log' });
          else res.destroy();
        });
      return;
    }
    if (fallback?.(req, res)) return;
    json(res, 404, { error: `no ${method} ${path} here` });
  };
}

/**
 * An HTTP server with every bound set: body size, header, request and keep-alive time-outs, and a
 * connection cap. `name` says which server in the log.
 */
export function guardedServer(name: string, limits: HttpLimits, logger: Logger, handler: Handler): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // Node enforces the two time-outs above by a sweep at this interval (30 s by default): a
      // quarter of the shorter one keeps a slow client's overstay within 25 %.
      connectionsCheckingInterval: Math.max(10, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)),
    },
    boundedBodies(limits, logger, handler),
  );
  server.maxConnections = limits.maxConnections;
  // A flood would log a line per refused connection: say it once a minute at most, with the count.
  let dropped = 0;
  let lastSaid = 0;
  server.on('drop', () => {
    dropped++;
    const now = Date.now();
    if (now - lastSaid < 60_000) return;
    logger.warn({ component: name, refused: dropped, maxConnections: limits.maxConnections }, 'HTTP connections refused: too many open at once');
    lastSaid = now;
    dropped = 0;
  });
  return server;
}

/** Listens; rejects with the listen error (EADDRINUSE, EACCES…) rather than throwing later. */
export function listen(server: Server, port: number, host?: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Stops accepting, lets requests in flight end for up to `graceMs`, then cuts what is left. */
export async function closeServer(server: Server, graceMs = 5_000): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  timer.unref();
  await closed;
  clearTimeout(timer);
}
