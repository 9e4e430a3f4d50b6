import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module script, without types
import { isStale } from '../../scripts/build-if-stale.mjs';

/** A checkout with two sources and a build stamp written at `builtAt` (seconds), listing `listed`. */
function checkout(listed: string[] | null, builtAt = 2_000): string {
  const root = mkdtempSync(join(tmpdir(), 'centric-stale-'));
  mkdirSync(join(root, 'src', 'core'), { recursive: true });
  mkdirSync(join(root, 'dist', 'bundle'), { recursive: true });
  writeFileSync(join(root, 'dist', 'bundle', 'cli.js'), '');
  writeFileSync(join(root, 'dist', 'bundle', 'lint.cjs'), '');
  for (const file of ['src/main.ts', 'src/core/a.ts']) {
    writeFileSync(join(root, file), '');
    utimesSync(join(root, file), 1_000, 1_000);
  }
  if (listed) {
    writeFileSync(join(root, 'dist/.build-stamp.json'), JSON.stringify({ files: listed.map((f) => join(root, f)) }));
    utimesSync(join(root, 'dist/.build-stamp.json'), builtAt, builtAt);
  }
  return root;
}

const BOTH = ['src/core/a.ts', 'src/main.ts'];

describe('npm start builds only when the build is stale', () => {
  it('builds without a stamp, and not when nothing changed since it', () => {
    expect(isStale(checkout(null))).toBe(true);
    expect(isStale(checkout(BOTH))).toBe(false);
  });

  it('builds when a bundled command is missing (bin/centric.js runs them)', () => {
    for (const bundle of ['cli.js', 'lint.cjs']) {
      const root = checkout(BOTH);
      rmSync(join(root, 'dist', 'bundle', bundle));
      expect(isStale(root)).toBe(true);
    }
  });

  it('builds when a source is newer than the build, or one was added or removed', () => {
    const edited = checkout(BOTH);
    utimesSync(join(edited, 'src/main.ts'), 3_000, 3_000);
    expect(isStale(edited)).toBe(true);
    expect(isStale(checkout(['src/main.ts']))).toBe(true);
    expect(isStale(checkout([...BOTH, 'src/gone.ts']))).toBe(true);
  });

  it('builds when tsconfig is newer than the build', () => {
    const root = checkout(BOTH);
    writeFileSync(join(root, 'tsconfig.json'), '{}');
    expect(isStale(root)).toBe(true);
  });

  it('builds when a file the lint bundle is built from changed (its cache checksum, wrapper, entry or warm-up)', () => {
    for (const file of ['bin/code-cache.js', 'scripts/lint-entry.mjs', 'scripts/warm-up-issues.json']) {
      const root = checkout(BOTH);
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), '');
      utimesSync(join(root, file), 3_000, 3_000);
      expect(isStale(root)).toBe(true);
      utimesSync(join(root, file), 1_000, 1_000);
      expect(isStale(root)).toBe(false);
    }
  });
});
