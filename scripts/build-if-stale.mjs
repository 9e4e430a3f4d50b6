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
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const STAMP = join('dist', '.build-stamp.json');
// The build's own files too: the lint bundle's wrapper, entry, cache checksum and warm-up come from them.
const INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'bin/code-cache.js', 'scripts/build-if-stale.mjs', 'scripts/lint-entry.mjs', 'scripts/zod-jitless.mjs', 'scripts/warm-up-issues.json'];

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

export function isStale(root = '.') {
  const stamp = join(root, STAMP);
  // bin/centric.js runs the bundle: a build without one (removed, or made before bundling) is stale.
  if (!existsSync(stamp) || !existsSync(join(root, 'dist', 'bundle', 'cli.js')) || !existsSync(join(root, LINT_BUNDLE))) return true;
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

/** `centric lint`'s own bundle, loaded with V8's code cache (bin/code-cache.js). */
const LINT_BUNDLE = join('dist', 'bundle', 'lint.cjs');
const { BUNDLE_PARAMETERS } = await import('../bin/code-cache.js');

/**
 * zod's error messages in 40 languages (0.4 MB, a third of the bundle) come with `z`: Centric
 * words its own errors and uses zod's English only.
 */
const englishZodOnly = {
  name: 'english-zod-only',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), args.path), namespace: 'english-zod' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'english-zod' }, (args) => ({ contents: "export { default as en } from './en.js';", resolveDir: dirname(args.path) }));
  },
};

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
    plugins: [englishZodOnly],
    logLevel: 'warning',
  });
  await bundleLint(build, dependencies);
}

/**
 * Writes every character beyond ASCII as its escape (esbuild leaves them in comments and regular
 * expressions): V8 keeps a source with one such character as two bytes per character, twice the
 * memory for the whole megabyte. An escape means the same character in strings, templates and
 * regular expressions, and nothing in comments.
 */
function asciiOnly(file) {
  const source = readFileSync(file, 'utf8');
  // Where an escape would not mean the same: after a backslash ("\\é" would become "\\\\u00e9"), a
  // line separator (in a comment it ends the line; escaped, it would not), a character beyond
  // U+FFFF (two escapes, invalid in a name). None is in the bundle today; the build says so if one comes.
  const unsafe = /\\[^\0-\x7f]|[\u2028\u2029]|[\ud800-\udfff]/.exec(source);
  if (unsafe) throw new Error(`${file}: cannot escape ${JSON.stringify(unsafe[0])} at ${unsafe.index} to ASCII safely; write it as an escape in the source`);
  writeFileSync(file, source.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** What the lint bundle holds in place of the commands that reach Jira or the database. */
const otherCommands = {
  name: 'other-commands',
  setup(build) {
    build.onResolve({ filter: /^\.\/cli\/(audit|digest|outcomes|rank)\.js$/ }, (args) => ({ path: args.path, namespace: 'other-command' }));
    build.onLoad({ filter: /.*/, namespace: 'other-command' }, () => ({ contents: "throw new Error('bin/centric.js runs this command from dist/bundle/cli.js');" }));
  },
};

/**
 * `centric lint` once more, as one CommonJS file (V8 caches compiled code for scripts, not for ES
 * modules), with intl-messageformat inlined too and zod parsing without compiling
 * (scripts/lint-entry.mjs); then its code cache, made by linting
 * scripts/warm-up-issues.json (a few tickets in each language) in every format in a fresh process.
 */
async function bundleLint(build, dependencies) {
  await build({
    entryPoints: [join('scripts', 'lint-entry.mjs')],
    outfile: LINT_BUNDLE,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // No keepNames: its __name() call for every function cost ~4 ms of every start, and the error
    // classes name themselves (this.name = 'ConfigError').
    define: { 'import.meta.url': '__bundleUrl' },
    // Wrapped as Node wraps a CommonJS module (bin/code-cache.js runs it): the file is the very
    // source V8 compiles, not a megabyte copied into a wrapper at every start.
    banner: { js: `(function (${BUNDLE_PARAMETERS.join(', ')}) {` },
    footer: { js: '})' },
    external: dependencies.filter((d) => !INLINED.has(d) && d !== 'intl-messageformat'),
    plugins: [englishZodOnly, otherCommands],
    logLevel: 'warning',
  });
  asciiOnly(LINT_BUNDLE);
  const warmUp = `
    const { makeCache } = await import('./bin/code-cache.js');
    const sink = { write: () => true, isTTY: false };
    await makeCache(${JSON.stringify(resolve(LINT_BUNDLE))}, async ({ main }) => {
      for (const format of ['json', 'text', 'markdown']) {
        const status = await main(['lint', '--format', format, 'scripts/warm-up-issues.json'], { stdout: sink, stderr: process.stderr, stdin: process.stdin, env: {} });
        if (status > 1) throw new Error('the warm-up lint failed');
      }
    });`;
  try {
    execFileSync(process.execPath, ['--input-type=module', '-e', warmUp], { stdio: 'inherit' });
  } catch {
    // The bundle runs without its cache, only slower to start: no reason to fail an install.
    rmSync(`${LINT_BUNDLE}.cache`, { force: true });
    console.warn('centric: could not make the code cache of centric lint (above why); it works without, starting about 50 ms slower');
  }
}

/**
 * DEFAULT_CONFIG is what centric.yml's schema makes of an empty file (src/core/default-config.ts).
 * The build evaluates it once and writes the result into dist/ as data, so a run without a
 * centric.yml (most `centric lint` runs) never makes the schema's hundreds of zod objects (~15 ms
 * of every start). The same value: test/config/default-config.test.ts compares it with the schema's.
 */
async function foldDefaultConfig() {
  const file = resolve('dist', 'core', 'default-config.js');
  const { DEFAULT_CONFIG } = await import(pathToFileURL(file).href);
  const json = JSON.stringify(DEFAULT_CONFIG);
  // Only data that JSON holds exactly (no undefined, no function, no class): else the build stops here.
  if (!isDeepStrictEqual(JSON.parse(json), DEFAULT_CONFIG)) throw new Error('DEFAULT_CONFIG is not plain JSON data: it cannot be folded');
  writeFileSync(
    file,
    `// Folded by scripts/build-if-stale.mjs: what src/core/default-config.ts computes, as data.\n` +
      `export const DEFAULT_CONFIG = JSON.parse(${JSON.stringify(json)});\n`,
  );
  // tsc's source map was of the code, not of this data.
  rmSync(`${file}.map`, { force: true });
}

// `--force` (npm run build) always builds.
if (import.meta.url === `file://${process.argv[1]}` && (process.argv.includes('--force') || isStale())) {
  try {
    execFileSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  } catch (err) {
    // tsc printed its errors; its exit status is ours, without a stack trace.
    process.exit(err.status ?? 1);
  }
  await foldDefaultConfig();
  try {
    await bundleCli();
  } catch (err) {
    // esbuild printed what is wrong (its error lists them); anything else is said here.
    if (!Array.isArray(err?.errors)) console.error(`centric: the build failed: ${err?.message ?? err}`);
    process.exit(1);
  }
  writeFileSync(STAMP, JSON.stringify({ files: sources('src').sort() }));
}
