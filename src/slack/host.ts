import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import pRetry from 'p-retry';
import type { Env } from '../config/env.js';
import { errorText } from '../runtime/errors.js';
import type { Readiness, Route } from '../runtime/health.js';
import { closeServer, guardedServer, HTTP_LIMITS, listen, routeTable, type HttpLimits } from '../runtime/http-guard.js';
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
  /** Bounds of the server on PORT; tests make the time-outs and the connection cap small. */
  limits?: Partial<HttpLimits>;
}

/** Where Slack posts events, commands and interactions in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Socket Mode when SLACK_APP_TOKEN is set (no public URL needed), HTTP mode otherwise. Either way
 * Centric's own server on PORT serves the extra routes (/healthz, /readyz, /jira/webhook…) and,
 * in HTTP mode, hands POST /slack/events to Bolt: only after the body was read within its bounds,
 * as Bolt's own server buffers unauthenticated bodies of any size before checking the signature.
 */
export function createSlackHost({ env, logger, readiness, routes, retry, limits, countCall = () => undefined }: SlackHostOptions): SlackHost {
  const log = boltLogger(logger);
  // No axios error (with its request headers, the tokens among them) attached to errors that get logged.
  const clientOptions = { slackApiUrl: env.SLACK_API_URL, attachOriginalToWebAPIRequestError: false };
  const mode = env.SLACK_APP_TOKEN ? 'socket' : 'http';
  // Reconnecting is ours (below): the library's own loop gives up after a long outage and leaves a
  // rejected promise behind. Its WebClient must not retry either, or one attempt lasts minutes.
  // Neither receiver gets routes or a port: it would start an HTTP server of its own, unbounded.
  const socket =
    mode === 'socket'
      ? new SocketModeReceiver({ appToken: env.SLACK_APP_TOKEN!, logger: log, autoReconnectEnabled: false, installerOptions: { clientOptions: { ...clientOptions, retryConfig: { retries: 0 } } } })
      : undefined;
  const http = socket ? undefined : new HTTPReceiver({ signingSecret: env.SLACK_SIGNING_SECRET!, endpoints: SLACK_EVENTS_PATH, logger: log });
  const receiver = socket ?? http!;
  const toBolt = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (!http || req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== SLACK_EVENTS_PATH) return false;
    http.requestListener(req, res);
    return true;
  };
  const server = guardedServer('http', { ...HTTP_LIMITS, ...limits }, logger, routeTable(routes, logger, toBolt));
  // No auth.test in the constructor: Bolt would keep its first answer forever, and a failure while
  // Slack is down would be an unhandled rejection. The token is verified below, with retries.
  const app = new App({ token: env.SLACK_BOT_TOKEN, receiver, logger: log, tokenVerificationEnabled: false, clientOptions: { ...clientOptions, retryConfig: { retries: 2 } } });
  const controller = new AbortController();
  const pacing = { minTimeout: 1_000, maxTimeout: 60_000, ...retry };
  const state = { tokenVerified: false, connected: false, detail: 'connecting' };

  // /readyz asks at each evaluation: the socket's real state, not what was true at start-up.
  readiness.addLive('slack', async () => {
    if (!state.tokenVerified) return { ok: false, detail: state.detail };
    if (socket && !(state.connected && socketOpen(socket))) return { ok: false, detail: state.detail === 'connected (Socket Mode)' ? 'Socket Mode disconnected; reconnecting' : state.detail };
    return { ok: true, detail: socket ? 'connected (Socket Mode)' : 'token verified (HTTP mode)' };
  });

  const keepTrying = (what: string, task: () => Promise<unknown>, done: () => void): void => {
    void pRetry(task, {
      retries: Number.POSITIVE_INFINITY,
      factor: 2,
      randomize: true,
      ...pacing,
      signal: controller.signal,
      onFailedAttempt: ({ error, attemptNumber }) => {
        state.detail = `${what} failed (attempt ${attemptNumber}, retrying): ${errorText(error)}`;
        logger.warn({ component: 'slack', attempt: attemptNumber, err: error }, `${what} failed; retrying`);
      },
    })
      .then(done)
      .catch(() => undefined);
  };

  const verifyToken = (): void =>
    keepTrying(
      'auth.test',
      () =>
        app.client.auth.test().then(
          (r) => (countCall('ok'), r),
          (err: unknown) => {
            countCall('error');
            throw err;
          },
        ),
      () => {
        state.tokenVerified = true;
        logger.info({ component: 'slack', mode }, 'Slack is reachable');
      },
    );

  const connect = (): void => keepTrying('Socket Mode connection', () => socket!.client.start(), () => undefined);
  if (socket) {
    socket.client.on('connected', () => {
      state.connected = true;
      state.detail = 'connected (Socket Mode)';
      logger.info({ component: 'slack' }, 'Socket Mode connected');
    });
    socket.client.on('disconnected', () => {
      const was = state.connected;
      state.connected = false;
      if (controller.signal.aborted) return;
      if (was) {
        state.detail = 'Socket Mode disconnected; reconnecting';
        logger.warn({ component: 'slack' }, 'Socket Mode disconnected; reconnecting');
        connect();
      }
    });
  }

  return {
    app,
    mode,
    async start() {
      // The routes are up before Slack is reached, so they answer even while Slack is
      // unreachable; only the connection is retried. A port that cannot be bound stops start-up.
      await listen(server, env.PORT);
      if (socket) {
        try {
          await app.start();
        } catch (err) {
          state.detail = `Socket Mode connection failed; retrying: ${errorText(err)}`;
          logger.warn({ component: 'slack', err }, 'Socket Mode connection failed; retrying');
          connect();
        }
      }
      verifyToken();
    },
    async stop() {
      controller.abort();
      // HTTP mode never started Bolt's receiver (the server is ours): only Socket Mode has something to stop.
      if (socket) await app.stop().catch(() => undefined);
      await closeServer(server);
    },
  };
}

/** Whether the receiver's WebSocket is open right now. */
function socketOpen(receiver: SocketModeReceiver): boolean {
  const ws = (receiver.client as unknown as { websocket?: { isActive(): boolean } }).websocket;
  return ws?.isActive() ?? false;
}
