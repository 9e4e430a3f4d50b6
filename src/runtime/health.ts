import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorText } from './errors.js';
import { json } from './http-guard.js';
import type { Metrics } from './metrics.js';

export interface CheckState {
  ok: boolean;
  /** What is wrong, or what is there; never a secret. */
  detail: string;
}

export interface ReadinessSnapshot {
  ready: boolean;
  checks: Record<string, CheckState>;
}

/** What the process depends on and whether it has it: the answer of /readyz. */
export class Readiness {
  private readonly states = new Map<string, CheckState>();
  private readonly live = new Map<string, () => Promise<CheckState>>();
  private readonly cacheMs: number;
  private readonly clock: () => number;
  private cached: { at: number; answer: Promise<ReadinessSnapshot> } | undefined;

  /**
   * `cacheMs`: how long a probe's answer is reused. A probe every few hundred milliseconds from
   * several load balancers must not be a database query each; a second is fresh enough for them.
   */
  constructor(options: { cacheMs?: number; clock?: () => number } = {}) {
    this.cacheMs = options.cacheMs ?? 1_000;
    this.clock = options.clock ?? Date.now;
  }

  set(name: string, ok: boolean, detail: string): void {
    this.states.set(name, { ok, detail });
  }

  /** A check run at each evaluation (the database), rather than a remembered state. */
  addLive(name: string, check: () => Promise<CheckState>): void {
    this.live.set(name, check);
  }

  /** Evaluates every check now. */
  async snapshot(): Promise<ReadinessSnapshot> {
    const checks: Record<string, CheckState> = Object.fromEntries(this.states);
    for (const [name, check] of this.live) {
      checks[name] = await withTimeout(check(), 2_000).catch((err: unknown) => ({ ok: false, detail: errorText(err) }));
    }
    return { ready: Object.values(checks).every((c) => c.ok), checks };
  }

  /** What /readyz answers: one evaluation shared by the probes of the same second, and by concurrent ones. */
  probe(): Promise<ReadinessSnapshot> {
    const now = this.clock();
    if (this.cached && now - this.cached.at < this.cacheMs) return this.cached.answer;
    const answer = this.snapshot();
    this.cached = { at: now, answer };
    return answer;
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


const healthz: Route = { path: '/healthz', method: ['GET'], handler: (_req, res) => json(res, 200, { status: 'ok' }) };

/** GET /readyz: 200 or 503, with each check as `show` presents it. */
const readyz = (readiness: Readiness, show: (check: CheckState) => unknown): Route => ({
  path: '/readyz',
  method: ['GET'],
  handler: async (_req, res) => {
    const { ready, checks } = await readiness.probe();
    json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(Object.entries(checks).map(([name, c]) => [name, show(c)])) });
  },
});

/** GET /healthz (alive), /readyz (dependencies, with what is wrong), /metrics (Prometheus text format). */
export function healthRoutes(readiness: Readiness, metrics: Metrics, beforeMetrics: () => Promise<void>): Route[] {
  return [
    healthz,
    readyz(readiness, (c) => c),
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

/**
 * GET /healthz and a bare /readyz for the public port (a load balancer's probes): the status and
 * which checks pass, no detail. The details name the Jira account, the database and versions;
 * they are on the ops address.
 */
export function publicHealthRoutes(readiness: Readiness): Route[] {
  return [
    healthz,
    readyz(readiness, (c) => ({ ok: c.ok })),
  ];
}
