#!/usr/bin/env node
// The command bundled by the build (scripts/build-if-stale.mjs): it starts sooner than dist/cli.js.
// `centric lint`, the command people and CI run most, has a bundle of its own that starts from
// V8's code cache (bin/code-cache.js); every other command runs from the ES module bundle.
// CommonJS (bin/package.json): an ES module here would start Node's module loader for ES
// modules before the first line (~6 ms and ~2 MB of every `centric lint`), which lint never uses.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { loadCached } = require('./code-cache.js');

async function run(args) {
  const lintBundle = join(__dirname, '..', 'dist', 'bundle', 'lint.cjs');
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
}

run(process.argv.slice(2)).catch((err) => {
  // As an ES module's top-level await would: the error and its stack, exit status 1.
  process.exitCode = 1;
  console.error(err);
});
