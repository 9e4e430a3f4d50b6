#!/usr/bin/env node
/**
 * `npm start` and `npm run demo` build first; tsc takes seconds even when nothing changed. This
 * builds only when a source, tsconfig or the lock file is newer than the last build, or a source
 * was added or removed since (the stamp lists them); otherwise it returns at once.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = join('dist', '.build-stamp.json');
const INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

export function isStale(root = '.') {
  const stamp = join(root, STAMP);
  if (!existsSync(stamp)) return true;
  const files = sources(join(root, 'src')).sort();
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(stamp, 'utf8')).files;
  } catch {
    return true;
  }
  if (JSON.stringify(recorded) !== JSON.stringify(files)) return true;
  const built = statSync(stamp).mtimeMs;
  return [...files, ...INPUTS.map((f) => join(root, f)).filter((f) => existsSync(f))].some((f) => statSync(f).mtimeMs > built);
}

// `--force` (npm run build) always builds.
if (import.meta.url === `file://${process.argv[1]}` && (process.argv.includes('--force') || isStale())) {
  try {
    execFileSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  } catch (err) {
    // tsc printed its errors; its exit status is ours, without a stack trace.
    process.exit(err.status ?? 1);
  }
  writeFileSync(STAMP, JSON.stringify({ files: sources('src').sort() }));
}
