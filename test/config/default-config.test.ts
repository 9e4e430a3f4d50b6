import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/core/config-schema.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';

const BUILT = join(resolve(import.meta.dirname, '..', '..'), 'dist', 'core', 'default-config.js');

describe('DEFAULT_CONFIG, folded into data by the build', () => {
  it('is in dist/ exactly what the schema makes of an empty centric.yml', async () => {
    // The build writes the value, not the code that computes it (the schema is then made only for a centric.yml).
    expect(readFileSync(BUILT, 'utf8')).toMatch(/^\/\/ Folded by scripts\/build-if-stale\.mjs/);
    const { DEFAULT_CONFIG: built } = (await import(pathToFileURL(BUILT).href)) as { DEFAULT_CONFIG: unknown };
    expect(built).toStrictEqual(configSchema().parse({}));
    expect(built).toStrictEqual(DEFAULT_CONFIG);
  });
});
