import type { Server } from 'node:http';
import { errorText } from './errors.js';
import type { Route } from './health.js';
import { closeServer, guardedServer, listen, routeTable, type HttpLimits } from './http-guard.js';
import type { Logger } from './logger.js';

export interface OpsServer {
  /** Where the ops endpoints answer (http://host:port), or null when the address could not be bound. */
  url: string | null;
  stop(): Promise<void>;
}

const urlOf = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

/**
 * /metrics, the detailed /readyz and /healthz on their own address (loopback by default): they
 * say more than the public port should. An address that cannot be bound costs the operator their
 * metrics, never the bot: the error says what, where and what to do, and Centric keeps running.
 */
export async function startOpsServer(options: { host: string; port: number; routes: Route[]; limits: HttpLimits; logger: Logger }): Promise<OpsServer> {
  const { host, port, logger } = options;
  const server: Server = guardedServer('ops', options.limits, logger, routeTable(options.routes, logger));
  try {
    const address = await listen(server, port, host);
    const url = urlOf(host, address.port);
    logger.info({ component: 'ops', url, paths: options.routes.map((r) => r.path) }, 'ops endpoints listening');
    return { url, stop: () => closeServer(server, 1_000) };
  } catch (err) {
    logger.error(
      { component: 'ops', host, port, err },
      `the ops endpoints (/metrics, /readyz with details) cannot listen on ${urlOf(host, port)}: ${errorText(err)}. ` +
        'Centric runs on without them. Free that port, or set ops.host / ops.port in centric.yml (ops.port: 0 picks a free port; null serves them on PORT).',
    );
    return { url: null, stop: async () => undefined };
  }
}
