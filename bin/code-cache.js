/**
 * `centric lint` loads a CommonJS bundle through V8's code cache. Node 20 keeps no compiled code
 * between runs (module.enableCompileCache came in Node 22, and there is none for ES modules), so
 * every start compiled the same megabyte of JavaScript (~40 ms) and then every function the first
 * lint calls. The build lints a few tickets once and saves what V8 compiled beside the bundle
 * (makeCache); each start hands it back.
 *
 * V8 refuses a cache made by another Node version or with other V8 flags, but it checks only the
 * source's length, not its text, and trusts the cache's bytes (a damaged one can crash the
 * process). So the cache file starts with the SHA-256 of the bundle it was made for and of its own
 * data (about 1 ms to check); a cache that is not for this very bundle, or damaged, is not used,
 * and the bundle is compiled as if there were none: slower, never different.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

/** The cache's file beside the bundle's. */
export const cacheFileOf = (bundle) => `${bundle}.cache`;

const sha256 = (bytes) => createHash('sha256').update(bytes).digest();
const HASH = 32;

/** The cached data in `file` when it was made for `source` and is whole, else undefined. */
function cachedDataFor(file, source) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    // No cache (a build that could not make one): compiled as usual.
    return undefined;
  }
  if (bytes.length <= 2 * HASH) return undefined;
  const data = bytes.subarray(2 * HASH);
  const made = bytes.subarray(0, HASH).equals(sha256(source)) && bytes.subarray(HASH, 2 * HASH).equals(sha256(data));
  return made ? data : undefined;
}

/**
 * Runs a CommonJS file as Node would (exports, require, module, __filename, __dirname) plus the
 * file's URL, which the bundle uses where the source said `import.meta.url`.
 */
function run(bundle, source, cachedData) {
  // The wrapper starts on the source's first line, so stack traces keep the bundle's line numbers.
  const wrapped = `(function (exports, require, module, __filename, __dirname, __bundleUrl) {${source.toString('utf8')}\n})`;
  // import() from the bundle as from any module (Node 20.?+; without it an import() would fail only here).
  const importModuleDynamically = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  const script = new vm.Script(wrapped, { filename: bundle, cachedData, ...(importModuleDynamically ? { importModuleDynamically } : {}) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle), pathToFileURL(bundle).href);
  return { exports: module.exports, script };
}

/** The bundle's exports, compiled from its cache when that is the bundle's and V8 takes it (`fromCache`). */
export function loadCached(bundle) {
  const source = readFileSync(bundle);
  const cachedData = cachedDataFor(cacheFileOf(bundle), source);
  const { exports, script } = run(bundle, source, cachedData);
  return { exports, fromCache: cachedData !== undefined && !script.cachedDataRejected };
}

/**
 * Writes the bundle's code cache after `warmUp(exports)` has run, so the cache holds the
 * functions that work compiled, not only the bundle's top level.
 */
export async function makeCache(bundle, warmUp) {
  const source = readFileSync(bundle);
  const { exports, script } = run(bundle, source, undefined);
  await warmUp(exports);
  const data = script.createCachedData();
  writeFileSync(cacheFileOf(bundle), Buffer.concat([sha256(source), sha256(data), data]));
}
