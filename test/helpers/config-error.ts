import { expect } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/load.js';

/** The message a bad centric.yml is refused with; fails the test when it is accepted. */
export const configError = (yaml: string): string => {
  try {
    parseConfig(yaml, 'centric.yml');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
};
