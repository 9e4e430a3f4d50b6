import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Tests that spawn bin/centric.js or dist/main.js need dist/ (and the bundled command) to match the sources. */
export default function setup(): void {
  const root = resolve(import.meta.dirname, '..');
  execFileSync(process.execPath, [resolve(root, 'scripts/build-if-stale.mjs'), '--force'], { cwd: root, stdio: 'inherit' });
}
