import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import { createRequire } from 'node:module';
import type PinoPretty from 'pino-pretty';

export type { Logger };

/** Field names whose values are secrets wherever they appear. */
const REDACT_PATHS = [
  'token', 'botToken', 'appToken', 'signingSecret', 'password', 'secret', 'authorization', 'Authorization',
  '*.token', '*.password', '*.secret', '*.authorization', '*.Authorization',
  'headers.authorization', 'headers.Authorization', 'req.headers.authorization', 'req.headers["x-hub-signature"]',
  'config.headers.Authorization', 'env.SLACK_BOT_TOKEN', 'env.SLACK_APP_TOKEN', 'env.SLACK_SIGNING_SECRET',
  'env.JIRA_API_TOKEN', 'env.JIRA_PAT', 'env.JIRA_WEBHOOK_SECRET',
];

/**
 * Shortest value scrubbed from log lines. A shorter one is a word rather than a secret (a compose
 * file's Postgres password "centric"): scrubbing it would redact that word everywhere, product
 * names and project keys included. Fields named like secrets are redacted whatever their length.
 */
export const MIN_SECRET_LENGTH = 8;

/**
 * Replaces every configured secret value (of at least MIN_SECRET_LENGTH characters) in each log
 * line before it is written: a last line of defence for secrets inside messages or fields no
 * redaction path names.
 */
export function scrubbingStream(secrets: string[], target: NodeJS.WritableStream): Writable {
  const values = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      let line = chunk.toString();
      for (const secret of values) if (line.includes(secret)) line = line.split(secret).join('[REDACTED]');
      // Written through at once: a line queued behind an async callback is lost if the process dies.
      target.write(line);
      done();
    },
  });
}

export interface LoggerOptions {
  level: string;
  secrets: string[];
  /** Where lines go; standard output by default. */
  destination?: NodeJS.WritableStream;
  /** Human-readable lines instead of JSON: the default when standard output is a terminal. */
  pretty?: boolean;
}

/** The pretty printer, loaded for a terminal only: a bot that logs JSON never holds it in memory. */
const loadPretty = (): typeof PinoPretty => createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;

export function createLogger(options: LoggerOptions): Logger {
  const target = options.destination ?? process.stdout;
  const usePretty = options.pretty ?? (options.destination === undefined && process.stdout.isTTY === true);
  const out = usePretty ? loadPretty()({ destination: target as NodeJS.WritableStream & { write: never }, sync: true, colorize: true }) : target;
  return pino(
    { level: options.level, base: { app: 'centric' }, redact: { paths: REDACT_PATHS, censor: '[REDACTED]' } },
    scrubbingStream(options.secrets, out),
  );
}
