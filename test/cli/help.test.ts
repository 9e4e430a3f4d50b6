import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const COMMANDS = ['lint', 'audit', 'digest', 'outcomes', 'rank', 'config'];
const version = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;

describe('a CLI that explains itself', () => {
  it('says its version', async () => {
    for (const flag of ['--version', '-V', '-v', 'version']) expect(await runCli([flag])).toEqual({ code: 0, stdout: `centric ${version}\n`, stderr: '' });
  });

  it.each(COMMANDS)('prints the usage of %s for "help %s", "%s --help" and "%s -h", and nothing else', async (command) => {
    const help = await runCli(['help', command]);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toMatch(new RegExp(`^Usage:\\n {2}centric ${command} `));
    expect(help.stdout.match(/^ {2}centric /gm)).toHaveLength(1);
    expect(await runCli([command, '--help'])).toEqual(help);
    expect(await runCli([command, '--project', 'SHOP', '-h'])).toEqual(help);
  });

  it('reads "--help" after "--" as a file name, not a request for help', async () => {
    expect(await runCli(['lint', '--', '--help'])).toMatchObject({ code: 2, stdout: '', stderr: 'centric: --help: file not found\n' });
  });

  it('lists every command for "help" alone', async () => {
    const all = await runCli(['help']);
    expect(all.code).toBe(0);
    expect(all.stdout.match(/^ {2}centric (\w+)/gm)).toEqual([...COMMANDS, 'help'].map((c) => `  centric ${c}`));
  });

  it('names the unknown command or option in one readable line, then the usage of the command run', async () => {
    expect(await runCli(['help', 'nope'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^centric: no command "nope": the commands are lint, audit, digest, outcomes, rank, config, help\n\nUsage:\n {2}centric help /) });
    const unknown = await runCli(['lint', '--nope']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/^centric: lint has no option --nope \(see centric help lint\)\n\nUsage:\n {2}centric lint \[FILE…\]/);
    expect(unknown.stderr.match(/^ {2}centric /gm)).toHaveLength(1);
    expect((await runCli(['lint', '--format'])).stderr).toMatch(/^centric: lint: --format needs a value\n/);
    expect((await runCli(['audit', '--nope'])).stderr).toMatch(/^centric: audit has no option --nope \(see centric help audit\)\n/);
  });

  it('says an option takes no value, a stray argument is one, and knows only its own commands', async () => {
    expect((await runCli(['audit', '--project', 'SHOP', '--write=yes'])).stderr).toMatch(/^centric: audit: --write takes no value\n/);
    expect((await runCli(['outcomes', '--project', 'SHOP', 'extra'])).stderr).toMatch(/^centric: outcomes takes no argument "extra" \(see centric help outcomes\)\n/);
    for (const name of ['constructor', '__proto__', 'toString']) {
      expect(await runCli(['help', name])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(new RegExp(`^centric: no command "${name}"`)) });
      expect(await runCli([name, '--help'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(new RegExp(`^centric: unknown command "${name}"\\n\\nUsage:\\n {2}centric lint`)) });
    }
  });
});
