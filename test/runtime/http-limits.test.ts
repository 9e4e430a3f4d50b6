import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HttpLimits } from '../../src/runtime/http-guard.js';
import { startTestBot, type TestBot } from '../helpers/bot.js';
import { startE2E, type E2E } from '../helpers/e2e.js';
import { isolateNetwork, JiraFake, resetNetwork } from '../helpers/jira-fake.js';

const MB = 1024 * 1024;
/** Small time-outs and cap, so a test sees them act in well under a second. */
const LIMITS: Partial<HttpLimits> = { headersTimeoutMs: 400, requestTimeoutMs: 800, keepAliveTimeoutMs: 10_000, maxConnections: 4 };

let running: Array<TestBot | E2E> = [];
beforeEach(() => {
  isolateNetwork();
  new JiraFake(3).install();
});
afterEach(async () => {
  await Promise.all(running.map((r) => r.stop()));
  running = [];
  resetNetwork();
});

async function httpBot(): Promise<TestBot> {
  const t = await startTestBot({ bot: { http: LIMITS } });
  running.push(t);
  return t;
}

async function socketModeBot(): Promise<E2E> {
  const e = await startE2E({ env: { SLACK_APP_TOKEN: 'xapp-1-A0CENTRIC-1-limits', SLACK_SIGNING_SECRET: undefined }, bot: { http: LIMITS } });
  running.push(e);
  return e;
}

interface Exchange {
  /** Everything the server sent. */
  answer: string;
  /** Whether the server closed the connection (false: still open when the test gave up). */
  closed: boolean;
  ms: number;
}

/** Opens a raw connection, lets `talk` write on it, and collects the answer until the server closes it or `within` ms pass. */
function exchange(url: string, talk: (s: Socket) => void, within = 5_000): Promise<Exchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    const s = connect(Number(port), hostname);
    let answer = '';
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      resolve({ answer, closed, ms: Date.now() - started });
    };
    const timer = setTimeout(() => (finish(false), s.destroy()), within);
    s.on('data', (c: Buffer) => (answer += c.toString()));
    s.on('error', () => undefined);
    s.on('close', () => finish(true));
    s.on('connect', () => talk(s));
  });
}

const statusLine = (x: Exchange) => x.answer.split('\r\n')[0];
const bodyOf = (x: Exchange) => JSON.parse(x.answer.slice(x.answer.indexOf('\r\n\r\n') + 4)) as unknown;

/** Streams a chunked body of `bytes` as fast as the connection takes it (Transfer-Encoding: chunked, no Content-Length). */
function streamChunked(path: string, bytes: number) {
  return (s: Socket) => {
    s.write(`POST ${path} HTTP/1.1\r\nHost: centric\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < bytes && !s.destroyed) {
        sent += chunk.length;
        s.write(`${chunk.length.toString(16)}\r\n`);
        s.write(chunk);
        if (!s.write('\r\n')) return void s.once('drain', pump);
      }
      if (!s.destroyed) s.write('0\r\n\r\n');
    };
    pump();
  };
}

/** Sends the headers of a 100-byte body, then the body one byte every 100 ms (10 s in all). */
function dribble(path: string) {
  return (s: Socket) => {
    s.write(`POST ${path} HTTP/1.1\r\nHost: centric\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`);
    const timer = setInterval(() => (s.destroyed ? clearInterval(timer) : s.write('x')), 100);
    s.once('close', () => clearInterval(timer));
  };
}

const TOO_LARGE = { error: `request body larger than ${MB} bytes` };

describe('request bodies on /slack/events (HTTP mode), before Bolt checks the signature', () => {
  it('refuses one whose Content-Length is over 1 MB with 413, before reading a byte of it', async () => {
    const t = await httpBot();
    // Headers only: the 2 MB body is never sent. Bolt would wait for it, buffering whatever came.
    const x = await exchange(t.base, (s) => s.write(`POST /slack/events HTTP/1.1\r\nHost: centric\r\nContent-Type: application/json\r\nContent-Length: ${2 * MB}\r\n\r\n`), 3_000);
    expect(statusLine(x)).toBe('HTTP/1.1 413 Payload Too Large');
    expect(bodyOf(x)).toEqual(TOO_LARGE);
    expect(x.closed).toBe(true);
  });

  it('cuts off a streamed (chunked) body at 1 MB with 413 and closes the connection, unseen by Bolt', async () => {
    const t = await httpBot();
    const x = await exchange(t.base, streamChunked('/slack/events', 64 * MB), 10_000);
    expect(statusLine(x)).toBe('HTTP/1.1 413 Payload Too Large');
    expect(bodyOf(x)).toEqual(TOO_LARGE);
    expect(x.closed).toBe(true);
    // Bolt never read it: no signature failure was logged.
    expect(t.lines().filter((l) => /verify|Malformed/.test(l))).toEqual([]);
  });

  it('still takes a signed request of ordinary size', async () => {
    const t = await httpBot();
    const res = await fetch(`${t.base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'url_verification', challenge: 'c' }) });
    // Unsigned: Bolt (not the guard) answers, with its 401.
    expect(res.status).toBe(401);
  });
});

describe('request bodies on /jira/webhook', () => {
  it('cuts off a streamed body at 1 MB with 413', async () => {
    const t = await httpBot();
    const x = await exchange(t.base, streamChunked('/jira/webhook', 64 * MB), 10_000);
    expect(statusLine(x)).toBe('HTTP/1.1 413 Payload Too Large');
    expect(x.closed).toBe(true);
  });
});

describe('every HTTP server Centric runs', () => {
  const servers: Array<[string, () => Promise<{ url: string; path: string }>]> = [
    ['PORT in HTTP mode, /slack/events', async () => ({ url: (await httpBot()).base, path: '/slack/events' })],
    ['PORT in HTTP mode, /jira/webhook', async () => ({ url: (await httpBot()).base, path: '/jira/webhook' })],
    ['PORT in Socket Mode, /jira/webhook', async () => ({ url: (await socketModeBot()).base, path: '/jira/webhook' })],
    ['the ops server', async () => ({ url: (await httpBot()).ops, path: '/metrics' })],
  ];

  it.each(servers)('%s: cuts off a client that dribbles its body, with 408, after the request time-out', async (_name, start) => {
    const { url, path } = await start();
    const x = await exchange(url, dribble(path), 5_000);
    expect(statusLine(x)).toBe('HTTP/1.1 408 Request Timeout');
    expect(x.closed).toBe(true);
    // 0.8 s allowed, swept every 0.1 s; the dribble itself would take 10 s.
    expect(x.ms).toBeGreaterThanOrEqual(700);
    expect(x.ms).toBeLessThan(3_000);
  });

  it.each(servers)('%s: cuts off a client that dribbles its headers, after the header time-out', async (_name, start) => {
    const { url, path } = await start();
    const x = await exchange(
      url,
      (s) => {
        s.write(`POST ${path} HTTP/1.1\r\nHost: centric\r\n`);
        const timer = setInterval(() => (s.destroyed ? clearInterval(timer) : s.write('X-Slow: 1\r\n')), 100);
        s.once('close', () => clearInterval(timer));
      },
      5_000,
    );
    expect(statusLine(x)).toBe('HTTP/1.1 408 Request Timeout');
    expect(x.closed).toBe(true);
    expect(x.ms).toBeLessThan(2_000);
  });

  it.each(servers)('%s: refuses connections beyond the cap, and takes new ones once some close', async (_name, start) => {
    const { url } = await start();
    const { hostname, port } = new URL(url);
    // Four kept-alive connections, each with an answered request: the server holds all four.
    const held: Socket[] = [];
    for (let i = 0; i < 4; i++) {
      const s = connect(Number(port), hostname);
      await new Promise<void>((resolve) => {
        s.once('data', () => resolve());
        s.on('connect', () => s.write('GET /healthz HTTP/1.1\r\nHost: centric\r\n\r\n'));
      });
      held.push(s);
    }
    const fifth = await exchange(url, (s) => s.write('GET /healthz HTTP/1.1\r\nHost: centric\r\n\r\n'), 3_000);
    expect(fifth).toMatchObject({ answer: '', closed: true });

    held.pop()!.destroy();
    const later = await (async () => {
      for (let i = 0; i < 50; i++) {
        const x = await exchange(url, (s) => s.write('GET /healthz HTTP/1.1\r\nHost: centric\r\nConnection: close\r\n\r\n'), 3_000);
        if (x.answer) return x;
        await new Promise((r) => setTimeout(r, 20));
      }
      return undefined;
    })();
    expect(later && statusLine(later)).toBe('HTTP/1.1 200 OK');
    for (const s of held) s.destroy();
  });
});
