#!/usr/bin/env node
// The command bundled by the build (scripts/build-if-stale.mjs): it starts sooner than dist/cli.js.
import { main } from '../dist/bundle/cli.js';

// A reader that stops early (`centric lint … | head`) closes the pipe: that is no error of ours.
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
