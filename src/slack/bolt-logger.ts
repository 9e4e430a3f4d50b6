import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../runtime/logger.js';

type Level = 'debug' | 'info' | 'warn' | 'error';

/** Bolt's logs through pino: structured, and scrubbed of secrets like every other line. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack' });
  let level = LogLevel.INFO;
  const text = (msg: unknown[]): string => msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' ');
  // An Error among Bolt's arguments also goes as `err`, so pino's serializer keeps its type and stack.
  const log = (at: Level) => (...msg: unknown[]) => {
    const err = msg.find((m) => m instanceof Error);
    if (err) child[at]({ err }, text(msg));
    else child[at](text(msg));
  };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}
