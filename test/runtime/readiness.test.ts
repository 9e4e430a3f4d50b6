import { afterEach, describe, expect, it } from 'vitest';
import { healthRoutes, publicHealthRoutes, Readiness } from '../../src/runtime/health.js';
import { HTTP_LIMITS } from '../../src/runtime/http-guard.js';
import { Metrics } from '../../src/runtime/metrics.js';
import { startOpsServer, type OpsServer } from '../../src/runtime/ops-server.js';
import { capturedLogger } from '../helpers/quiet.js';

let servers: OpsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
});

/** A Readiness whose database check counts its queries, on a clock the test moves. */
function counted() {
  const clock = { now: 1_000_000 };
  const readiness = new Readiness({ clock: () => clock.now });
  const queries = { n: 0 };
  readiness.set('jira', true, 'reachable as Centric Bot');
  readiness.addLive('database', async () => {
    queries.n++;
    await new Promise((r) => setTimeout(r, 30));
    return { ok: true, detail: 'sqlite, migrations done' };
  });
  return { clock, readiness, queries };
}

async function serve(routes: ReturnType<typeof healthRoutes>): Promise<string> {
  const server = await startOpsServer({ host: '127.0.0.1', port: 0, routes, limits: HTTP_LIMITS, logger: capturedLogger([]).logger });
  servers.push(server);
  return server.url!;
}

describe('/readyz under frequent probes', () => {
  it('answers concurrent probes from one evaluation, reuses it for a second, then evaluates again', async () => {
    const { clock, readiness, queries } = counted();
    const url = await serve(healthRoutes(readiness, new Metrics(), async () => undefined));
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${url}/readyz`).then((r) => r.json())));
    expect(queries.n).toBe(1);
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ status: 'ready', checks: { jira: { ok: true, detail: 'reachable as Centric Bot' }, database: { ok: true, detail: 'sqlite, migrations done' } } })]));

    clock.now += 999;
    for (let i = 0; i < 5; i++) await fetch(`${url}/readyz`);
    expect(queries.n).toBe(1);

    clock.now += 1;
    await fetch(`${url}/readyz`);
    expect(queries.n).toBe(2);
  });

  it('the bare /readyz shares the same cached evaluation and shows no detail', async () => {
    const { readiness, queries } = counted();
    readiness.set('slack', false, 'auth.test failed (attempt 3, retrying): invalid_auth');
    const url = await serve(publicHealthRoutes(readiness));
    const answers = await Promise.all(Array.from({ length: 10 }, () => fetch(`${url}/readyz`).then(async (r) => [r.status, await r.json()])));
    expect(queries.n).toBe(1);
    for (const answer of answers) expect(answer).toEqual([503, { status: 'not ready', checks: { jira: { ok: true }, slack: { ok: false }, database: { ok: true } } }]);
  });
});
