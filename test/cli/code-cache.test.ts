import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'bundle', 'lint.cjs');
const TICKETS = join(ROOT, 'scripts', 'warm-up-issues.json');
const folder = mkdtempSync(join(tmpdir(), 'centric-code-cache-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs `args` through `bundle` loaded as bin/centric.js does, in a fresh process: whether V8 took the cache, and what was printed. */
function load(bundle: string, args = ['lint', '--format', 'json', TICKETS]): { fromCache: boolean; report: string } {
  const script = `
    const { loadCached } = await import(${JSON.stringify(join(ROOT, 'bin', 'code-cache.js'))});
    const { exports, fromCache } = loadCached(${JSON.stringify(bundle)});
    let report = '';
    await exports.main(${JSON.stringify(args)}, { stdout: { write: (s) => { report += s; return true; } }, stderr: process.stderr, stdin: process.stdin, env: {} });
    process.stdout.write(JSON.stringify({ fromCache, report }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' })) as { fromCache: boolean; report: string };
}

/** `centric lint` as a person runs it: some of the tickets fail, so it exits with 1. */
function viaBin(): string {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'centric.js'), 'lint', '--format', 'json', TICKETS], { cwd: ROOT, encoding: 'utf8', env: {} });
  expect(run.status).toBe(1);
  return run.stdout;
}

describe('centric lint starts from the code cache the build made', () => {
  it('V8 takes the cache, and the lint says what it says without one', () => {
    const cached = load(BUNDLE);
    expect(cached.fromCache).toBe(true);
    expect(JSON.parse(cached.report).reports).toHaveLength(16);
    // No cache at all: the same bytes.
    const alone = join(folder, 'alone.cjs');
    copyFileSync(BUNDLE, alone);
    expect(load(alone)).toEqual({ fromCache: false, report: cached.report });
  });

  it('compiles the bundle as usual when the cache is not for it (another Node version, a damaged file)', () => {
    const cached = load(BUNDLE);
    const garbage = join(folder, 'garbage.cjs');
    copyFileSync(BUNDLE, garbage);
    writeFileSync(`${garbage}.cache`, Buffer.from('not a code cache'));
    expect(load(garbage)).toEqual({ fromCache: false, report: cached.report });
    // Damaged in the middle, its header whole: V8 would trust it (and can crash on it).
    const damaged = join(folder, 'damaged.cjs');
    copyFileSync(BUNDLE, damaged);
    const bytes = readFileSync(`${BUNDLE}.cache`);
    bytes.fill(0x5a, bytes.length >> 1, (bytes.length >> 1) + 4096);
    writeFileSync(`${damaged}.cache`, bytes);
    expect(load(damaged)).toEqual({ fromCache: false, report: cached.report });
  });

  it('checks the cache with SHA-256 where Node has no CRC-32 (before 20.15), and a cache of the other checksum is not used', () => {
    const copy = join(folder, 'sha.cjs');
    copyFileSync(BUNDLE, copy);
    // In a fresh process without zlib.crc32: make a cache of the copy, then load it, whole and damaged.
    const script = `
      require('node:zlib').crc32 = undefined;
      const { loadCached, makeCache } = require(${JSON.stringify(join(ROOT, 'bin', 'code-cache.js'))});
      const { readFileSync, writeFileSync } = require('node:fs');
      makeCache(${JSON.stringify(copy)}, async () => {}).then(() => {
        const whole = loadCached(${JSON.stringify(copy)}).fromCache;
        const bytes = readFileSync(${JSON.stringify(`${copy}.cache`)});
        bytes[bytes.length >> 1] ^= 0xff;
        writeFileSync(${JSON.stringify(`${copy}.cache`)}, bytes);
        process.stdout.write(JSON.stringify({ whole, damaged: loadCached(${JSON.stringify(copy)}).fromCache }));
      });`;
    const run = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })) as { whole: boolean; damaged: boolean };
    expect(run).toEqual({ whole: true, damaged: false });
    // The file starts with the bundle's SHA-256, not its CRC-32.
    expect(readFileSync(`${copy}.cache`).subarray(0, 32)).toEqual(createHash('sha256').update(readFileSync(copy)).digest());
    // That SHA-256 cache, read where Node has CRC-32: not for this bundle as far as it can tell.
    copyFileSync(BUNDLE, copy);
    execFileSync(process.execPath, ['-e', `require('node:zlib').crc32 = undefined; require(${JSON.stringify(join(ROOT, 'bin', 'code-cache.js'))}).makeCache(${JSON.stringify(copy)}, async () => {})`], { cwd: ROOT });
    expect(load(copy).fromCache).toBe(false);
  });

  it('is ASCII only, so V8 keeps its megabyte of source at one byte a character', () => {
    const bytes = readFileSync(BUNDLE);
    expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
    // Escaped, the words of other languages say the same: the bin/centric.js test below compares reports in all seven.
  });

  it('never runs the code of another bundle of the same length (V8 itself compares only lengths)', () => {
    const edited = join(folder, 'edited.cjs');
    const source = readFileSync(BUNDLE, 'utf8');
    expect(source).toContain('Lints Jira issues');
    writeFileSync(edited, source.replace('Lints Jira issues', 'LINTS JIRA ISSUES'));
    copyFileSync(`${BUNDLE}.cache`, `${edited}.cache`);
    const help = load(edited, ['lint', '--help']);
    expect(help.fromCache).toBe(false);
    expect(help.report).toContain('LINTS JIRA ISSUES');
  });

  it('bin/centric.js lint reports what the bundle of every command reports', () => {
    const viaEsm = execFileSync(process.execPath, ['--input-type=module', '-e', `
      const { main } = await import(${JSON.stringify(join(ROOT, 'dist', 'bundle', 'cli.js'))});
      let out = '';
      await main(['lint', '--format', 'json', ${JSON.stringify(TICKETS)}], { stdout: { write: (s) => { out += s; return true; } }, stderr: process.stderr, stdin: process.stdin, env: {} });
      process.stdout.write(out);`], { cwd: ROOT, encoding: 'utf8' });
    expect(viaBin()).toBe(viaEsm);
    expect(viaEsm).toBe(load(BUNDLE).report);
  });

  it('words a broken centric.yml as the bundle of every command does (zod parses without compiling here)', () => {
    const yml = join(folder, 'centric.yml');
    writeFileSync(yml, 'rules:\n  persona: shout\nprojects:\n  SHOP:\n    language: klingon\n');
    const run = (entry: string[]) => spawnSync(process.execPath, [...entry, 'lint', '--config', yml, TICKETS], { cwd: folder, encoding: 'utf8', env: {} });
    const viaBin = run([join(ROOT, 'bin', 'centric.js')]);
    const viaEsm = run(['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(join(ROOT, 'dist', 'bundle', 'cli.js'))}); process.exitCode = await main(process.argv.slice(1), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: {} });`]);
    expect(viaBin.status).toBe(2);
    expect(viaBin.stderr).toMatch(/centric\.yml: .*persona/);
    expect([viaBin.status, viaBin.stdout, viaBin.stderr]).toEqual([viaEsm.status, viaEsm.stdout, viaEsm.stderr]);
  });
});
