#!/usr/bin/env node
/**
 * `npm start` and `npm run demo` build first; tsc takes seconds even when nothing changed. This
 * builds only when a source, tsconfig or the lock file is newer than the last build, or a source
 * was added or removed since (the stamp lists them); otherwise it returns at once.
 *
 * A build is tsc (src/ to dist/), then the `centric` command bundled (dist/bundle/, see bundleCli).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = join('dist', '.build-stamp.json');
const INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

export function isStale(root = '.') {
  const stamp = join(root, STAMP);
  // bin/centric.js runs the bundle: a build without one (removed, or made before bundling) is stale.
  if (!existsSync(stamp) || !existsSync(join(root, 'dist', 'bundle', 'cli.js'))) return true;
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

/** Packages bundled into the command: small, pure, and loaded by `centric lint` itself. */
const INLINED = new Set(['zod', 'picocolors']);

/**
 * The `centric` command as a few files instead of hundreds: Node reads and compiles one module
 * graph of our code, zod and picocolors at once (`centric lint` of one ticket starts about
 * 25% sooner). Every other package stays an import of node_modules (drivers, clients, loggers:
 * native code, worker threads, files they find at run time). Commands loaded on demand (audit,
 * digest…) become chunks of their own.
 */
async function bundleCli() {
  const { build } = await import('esbuild');
  const dependencies = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies ?? {});
  rmSync(join('dist', 'bundle'), { recursive: true, force: true });
  await build({
    entryPoints: [join('dist', 'cli.js')],
    outdir: join('dist', 'bundle'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Error classes keep their names in messages and logs.
    keepNames: true,
    // picocolors is CommonJS and requires Node's "tty": an ES module bundle gets a real require.
    banner: { js: "import { createRequire as createRequireOfBundle } from 'node:module';\nconst require = createRequireOfBundle(import.meta.url);" },
    external: dependencies.filter((d) => !INLINED.has(d)),
    logLevel: 'warning',
  });
}

// `--force` (npm run build) always builds.
if (import.meta.url === `file://${process.argv[1]}` && (process.argv.includes('--force') || isStale())) {
  try {
    execFileSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  } catch (err) {
    // tsc printed its errors; its exit status is ours, without a stack trace.
    process.exit(err.status ?? 1);
  }
  try {
    await bundleCli();
  } catch {
    // esbuild printed what is wrong.
    process.exit(1);
  }
  writeFileSync(STAMP, JSON.stringify({ files: sources('src').sort() }));
}
