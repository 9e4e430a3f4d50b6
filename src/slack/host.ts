import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import pRetry from 'p-retry';
import type { Env } from '../config/env.js';
import type { Readiness, Route } from '../runtime/health.js';
import type { Logger } from '../runtime/logger.js';
import { boltLogger } from './bolt-logger.js';

export interface SlackHost {
  app: App;
  mode: 'socket' | 'http';
  /** Serves the HTTP routes at once; connects to Slack in the background, retrying with backoff. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface SlackHostOptions {
  /** Counts each Slack call by outcome. */
  countCall?: (outcome: 'ok' | 'error') => void;
  env: Env;
  logger: Logger;
  readiness: Readiness;
  routes: Route[];
  /** Retry pacing; tests make it fast. */
  retry?: { minTimeout: number; maxTimeout: number };
}

/**
 * Socket Mode when SLACK_APP_TOKEN is set (no public URL needed), HTTP mode otherwise. Either way
 * the extra routes (/healthz, /readyz, /metrics, /jira/webhook) are served on PORT.
 */
export function createSlackHost({ env, logger, readiness, routes, retry, countCall = () => undefined }: SlackHostOptions): SlackHost {
  const log = boltLogger(logger);
  const clientOptions = { slackApiUrl: env.SLACK_API_URL };
  const mode = env.SLACK_APP_TOKEN ? 'socket' : 'http';
  const socket =
    mode === 'socket'
      ? new SocketModeReceiver({ appToken: env.SLACK_APP_TOKEN!, customRoutes: routes, logger: log, installerOptions: { port: env.PORT, clientOptions } })
      : undefined;
  const receiver = socket ?? new HTTPReceiver({ signingSecret: env.SLACK_SIGNING_SECRET!, customRoutes: routes, logger: log, port: env.PORT });
  const app = new App({ token: env.SLACK_BOT_TOKEN, receiver, logger: log, clientOptions: { ...clientOptions, retryConfig: { retries: 2 } } });
  const controller = new AbortController();
  const pacing = { minTimeout: 1_000, maxTimeout: 60_000, ...retry };

  const keepTrying = (what: string, task: () => Promise<unknown>, done: () => void): void => {
    void pRetry(task, {
      retries: Number.POSITIVE_INFINITY,
      factor: 2,
      randomize: true,
      ...pacing,
      signal: controller.signal,
      onFailedAttempt: ({ error, attemptNumber }) => {
        readiness.set('slack', false, `${what} failed (attempt ${attemptNumber}, retrying): ${error.message}`);
        logger.warn({ component: 'slack', attempt: attemptNumber, err: error.message }, `${what} failed; retrying`);
      },
    })
      .then(done)
      .catch(() => undefined);
  };

  const verifyToken = (): void =>
    keepTrying('auth.test', () => app.client.auth.test().then(
      (r) => (countCall('ok'), r),
      (err: unknown) => {
        countCall('error');
        throw err;
      },
    ), () => {
      readiness.set('slack', true, mode === 'socket' ? 'connected (Socket Mode)' : 'token verified (HTTP mode)');
      logger.info({ component: 'slack', mode }, 'Slack is reachable');
    });

  return {
    app,
    mode,
    async start() {
      readiness.set('slack', false, 'connecting');
      if (socket) {
        // SocketModeReceiver starts its HTTP server before it connects, so the routes are up even
        // while Slack is unreachable; only the connection is retried.
        try {
          await app.start();
          verifyToken();
        } catch (err) {
          logger.warn({ component: 'slack', err: (err as Error).message }, 'Socket Mode connection failed; retrying');
          keepTrying('Socket Mode connection', () => socket.client.start(), verifyToken);
        }
      } else {
        await app.start(env.PORT);
        verifyToken();
      }
    },
    async stop() {
      controller.abort();
      await app.stop().catch(() => undefined);
    },
  };
}
