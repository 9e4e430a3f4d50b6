import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process with the given arguments and stdin; env is empty unless given, and the
 * clock is the real one unless given (commands that read "since …" take it).
 */
export async function runCli(args: string[], stdin = '', env: NodeJS.ProcessEnv = {}, clock?: () => number): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await main(args, { stdout, stderr, stdin: Readable.from([stdin]), env, ...(clock ? { clock } : {}) });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}
