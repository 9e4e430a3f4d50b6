import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import pRetry from 'p-retry';
import type { Env } from '../config/env.js';
import { errorText } from '../runtime/errors.js';
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
  // No axios error (with its request headers, the tokens among them) attached to errors that get logged.
  const clientOptions = { slackApiUrl: env.SLACK_API_URL, attachOriginalToWebAPIRequestError: false };
  const mode = env.SLACK_APP_TOKEN ? 'socket' : 'http';
  // Reconnecting is ours (below): the library's own loop gives up after a long outage and leaves a
  // rejected promise behind. Its WebClient must not retry either, or one attempt lasts minutes.
  const socket =
    mode === 'socket'
      ? new SocketModeReceiver({ appToken: env.SLACK_APP_TOKEN!, customRoutes: routes, logger: log, autoReconnectEnabled: false, installerOptions: { port: env.PORT, clientOptions: { ...clientOptions, retryConfig: { retries: 0 } } } })
      : undefined;
  const receiver = socket ?? new HTTPReceiver({ signingSecret: env.SLACK_SIGNING_SECRET!, customRoutes: routes, logger: log, port: env.PORT });
  // No auth.test in the constructor: Bolt would keep its first answer forever, and a failure while
  // Slack is down would be an unhandled rejection. The token is verified below, with retries.
  const app = new App({ token: env.SLACK_BOT_TOKEN, receiver, logger: log, tokenVerificationEnabled: false, clientOptions: { ...clientOptions, retryConfig: { retries: 2 } } });
  const controller = new AbortController();
  const pacing = { minTimeout: 1_000, maxTimeout: 60_000, ...retry };
  const state = { tokenVerified: false, connected: false, detail: 'connecting' };

  // /readyz asks at every call: the socket's real state, not what was true at start-up.
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
      if (socket) {
        // SocketModeReceiver starts its HTTP server before it connects, so the routes are up even
        // while Slack is unreachable; only the connection is retried.
        try {
          await app.start();
        } catch (err) {
          state.detail = `Socket Mode connection failed; retrying: ${errorText(err)}`;
          logger.warn({ component: 'slack', err }, 'Socket Mode connection failed; retrying');
          connect();
        }
      } else {
        await app.start(env.PORT);
      }
      verifyToken();
    },
    async stop() {
      controller.abort();
      await app.stop().catch(() => undefined);
    },
  };
}

/** Whether the receiver's WebSocket is open right now. */
function socketOpen(receiver: SocketModeReceiver): boolean {
  const ws = (receiver.client as unknown as { websocket?: { isActive(): boolean } }).websocket;
  return ws?.isActive() ?? false;
}
