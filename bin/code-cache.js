/**
 * `centric lint` loads a CommonJS bundle through V8's code cache. Node 20 keeps no compiled code
 * between runs (module.enableCompileCache came in Node 22, and there is none for ES modules), so
 * every start compiled the same megabyte of JavaScript (~40 ms) and then every function the first
 * lint calls. The build lints a few tickets once and saves what V8 compiled beside the bundle
 * (makeCache); each start hands it back. V8 rejects a cache made by another Node version or for
 * another bundle, and the bundle is then compiled as if there were none: slower, never wrong.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

/** The cache's file beside the bundle's. */
export const cacheFileOf = (bundle) => `${bundle}.cache`;

/**
 * Runs a CommonJS file as Node would (exports, require, module, __filename, __dirname) plus the
 * file's URL, which the bundle uses where the source said `import.meta.url`.
 */
function run(bundle, cachedData) {
  // The wrapper starts on the source's first line, so stack traces keep the bundle's line numbers.
  const source = `(function (exports, require, module, __filename, __dirname, __bundleUrl) {${readFileSync(bundle, 'utf8')}\n})`;
  const script = new vm.Script(source, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle), pathToFileURL(bundle).href);
  return { exports: module.exports, script };
}

/** The bundle's exports, compiled from its cache when V8 accepts it (`fromCache`). */
export function loadCached(bundle) {
  let cachedData;
  try {
    cachedData = readFileSync(cacheFileOf(bundle));
  } catch {
    // No cache (a build that could not make one): compiled as usual.
  }
  const { exports, script } = run(bundle, cachedData);
  return { exports, fromCache: cachedData !== undefined && !script.cachedDataRejected };
}

/**
 * Writes the bundle's code cache after `warmUp(exports)` has run, so the cache holds the
 * functions that work compiled, not only the bundle's top level.
 */
export async function makeCache(bundle, warmUp) {
  const { exports, script } = run(bundle, undefined);
  await warmUp(exports);
  writeFileSync(cacheFileOf(bundle), script.createCachedData());
}
