import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/runtime/logger.js';

/** A logger whose JSON lines are kept, synchronously, for assertions instead of printed. */
export function capturedLogger(secrets: string[] = [], level = 'debug'): { logger: Logger; lines: () => string[] } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ level, secrets, destination: sink, pretty: false });
  return { logger, lines: () => chunks.join('').split('\n').filter(Boolean) };
}
