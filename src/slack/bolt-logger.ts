import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../runtime/logger.js';

/** Bolt's logs through pino: structured, and scrubbed of secrets like every other line. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack' });
  let level = LogLevel.INFO;
  const text = (msg: unknown[]): string => msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg) => child.debug(text(msg)),
    info: (...msg) => child.info(text(msg)),
    warn: (...msg) => child.warn(text(msg)),
    error: (...msg) => child.error(text(msg)),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}
