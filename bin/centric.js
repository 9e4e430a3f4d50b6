#!/usr/bin/env node
// The command bundled by the build (scripts/build-if-stale.mjs): it starts sooner than dist/cli.js.
// `centric lint`, the command people and CI run most, has a bundle of its own that starts from
// V8's code cache (bin/code-cache.js); every other command runs from the ES module bundle.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCached } from './code-cache.js';

const args = process.argv.slice(2);
const lintBundle = fileURLToPath(new URL('../dist/bundle/lint.cjs', import.meta.url));
const { main } = args[0] === 'lint' && existsSync(lintBundle) ? loadCached(lintBundle).exports : await import('../dist/bundle/cli.js');

// A reader that stops early (`centric lint … | head`) closes the pipe: that is no error of ours.
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(args, {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
