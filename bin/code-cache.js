/**
 * `centric lint` loads a CommonJS bundle through V8's code cache. Node 20 keeps no compiled code
 * between runs (module.enableCompileCache came in Node 22, and there is none for ES modules), so
 * every start compiled the same megabyte of JavaScript (~40 ms) and then every function the first
 * lint calls. The build lints a few tickets once and saves what V8 compiled beside the bundle
 * (makeCache); each start hands it back.
 *
 * V8 refuses a cache made by another Node version or with other V8 flags, but it checks only the
 * source's length, not its text, and trusts the cache's bytes (a damaged one can crash the
 * process). So the cache file starts with a checksum of the bundle it was made for and of its own
 * data (see digestOf); a cache that is not for this very bundle, or damaged, is not used, and the
 * bundle is compiled as if there were none: slower, never different.
 */
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');
const zlib = require('node:zlib');

/** The cache's file beside the bundle's. */
const cacheFileOf = (bundle) => `${bundle}.cache`;

/**
 * The checksum a cache file starts with, twice (the bundle's, the cache data's): CRC-32 where Node
 * has it (20.15 and later; node:zlib loads and sums both megabytes in ~2 ms, node:crypto and
 * SHA-256 took ~5 of every start), else SHA-256. It guards against a stale or damaged file, not an
 * attacker, who could as well change the bundle. A cache written with the other checksum is not used.
 */
const digestOf =
  typeof zlib.crc32 === 'function'
    ? (bytes) => {
        const digest = Buffer.alloc(4);
        digest.writeUInt32BE(zlib.crc32(bytes));
        return digest;
      }
    : (bytes) => require('node:crypto').createHash('sha256').update(bytes).digest();
const HASH = digestOf(Buffer.alloc(0)).length;

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
  const made = bytes.subarray(0, HASH).equals(digestOf(source)) && bytes.subarray(HASH, 2 * HASH).equals(digestOf(data));
  return made ? data : undefined;
}

/**
 * What the bundle's function takes, as Node's wrapper of a CommonJS file (exports, require, module,
 * __filename, __dirname) plus the file's URL, which the bundle uses where the source said
 * `import.meta.url`. The build writes the function around the bundle (scripts/build-if-stale.mjs).
 */
const BUNDLE_PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname', '__bundleUrl'];

/** Runs the bundle, a CommonJS module written inside its wrapper function, as Node would run the module. */
function run(bundle, source, cachedData) {
  // import() from the bundle as from any module (Node 20.?+; without it an import() would fail only here).
  const importModuleDynamically = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  // The build writes ASCII only: latin1 reads it without decoding.
  const script = new vm.Script(source.toString('latin1'), { filename: bundle, cachedData, ...(importModuleDynamically ? { importModuleDynamically } : {}) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle), pathToFileURL(bundle).href);
  return { exports: module.exports, script };
}

/** The bundle's exports, compiled from its cache when that is the bundle's and V8 takes it (`fromCache`). */
function loadCached(bundle) {
  const source = readFileSync(bundle);
  const cachedData = cachedDataFor(cacheFileOf(bundle), source);
  const { exports, script } = run(bundle, source, cachedData);
  return { exports, fromCache: cachedData !== undefined && !script.cachedDataRejected };
}

/**
 * Writes the bundle's code cache after `warmUp(exports)` has run, so the cache holds the
 * functions that work compiled, not only the bundle's top level.
 */
async function makeCache(bundle, warmUp) {
  const source = readFileSync(bundle);
  const { exports, script } = run(bundle, source, undefined);
  await warmUp(exports);
  const data = script.createCachedData();
  writeFileSync(cacheFileOf(bundle), Buffer.concat([digestOf(source), digestOf(data), data]));
}

module.exports = { BUNDLE_PARAMETERS, cacheFileOf, loadCached, makeCache };
