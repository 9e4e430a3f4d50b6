import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorText } from './errors.js';
import type { Metrics } from './metrics.js';

export interface CheckState {
  ok: boolean;
  /** What is wrong, or what is there; never a secret. */
  detail: string;
}

/** What the process depends on and whether it has it: the answer of /readyz. */
export class Readiness {
  private readonly states = new Map<string, CheckState>();
  private readonly live = new Map<string, () => Promise<CheckState>>();

  set(name: string, ok: boolean, detail: string): void {
    this.states.set(name, { ok, detail });
  }

  /** A check run at every /readyz request (the database), rather than a remembered state. */
  addLive(name: string, check: () => Promise<CheckState>): void {
    this.live.set(name, check);
  }

  async snapshot(): Promise<{ ready: boolean; checks: Record<string, CheckState> }> {
    const checks: Record<string, CheckState> = Object.fromEntries(this.states);
    for (const [name, check] of this.live) {
      checks[name] = await withTimeout(check(), 2_000).catch((err: unknown) => ({ ok: false, detail: errorText(err) }));
    }
    return { ready: Object.values(checks).every((c) => c.ok), checks };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
export interface Route {
  path: string;
  method: string[];
  handler: Handler;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** GET /healthz (alive), /readyz (dependencies), /metrics (Prometheus text format). */
export function healthRoutes(readiness: Readiness, metrics: Metrics, beforeMetrics: () => Promise<void>): Route[] {
  return [
    { path: '/healthz', method: ['GET'], handler: (_req, res) => json(res, 200, { status: 'ok' }) },
    {
      path: '/readyz',
      method: ['GET'],
      handler: async (_req, res) => {
        const { ready, checks } = await readiness.snapshot();
        json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
      },
    },
    {
      path: '/metrics',
      method: ['GET'],
      handler: async (_req, res) => {
        await beforeMetrics().catch(() => undefined);
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(await metrics.registry.metrics());
      },
    },
  ];
}
