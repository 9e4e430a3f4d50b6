import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { lintIssue } from '../../src/core/lint.js';
import { HOSTILE_DESCRIPTIONS } from '../bench/hostile.js';
import { hostileAdf, hostileText, MAX_CHARS } from '../bench/hostile-generators.js';

/**
 * A ceiling, not the target: issue 14's 50 ms per 32 KB is timed by `npm run bench` (the listed
 * hostile documents and a seeded sample of these generators), as timed tests flake on a loaded
 * machine (a full suite on two cores put a 20 ms lint over 50 ms). What this test catches is a
 * blow-up: a quadratic pass or a backtracking pattern costs seconds on 32 KB, far above this.
 */
const BUDGET_MS = 250;

const issueOf = (description: unknown) => ({ key: 'EVIL-1', fields: { summary: 'Hostile input', description, issuetype: { name: 'Story' } } });

/**
 * CPU time of one lint, the least of a few runs. CPU time, not wall time: a loaded CI machine
 * delays a lint without making it do more work. The least of several: the first run of a new
 * shape of input may pay for V8 compiling or re-optimising code (on its own threads, which
 * process.cpuUsage counts too); a lint that is slow every time is slow in all of them.
 */
function lintMs(description: unknown): number {
  const issue = issueOf(description) as never;
  let least = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 7 && least > BUDGET_MS / 4; run++) {
    const start = process.cpuUsage();
    lintIssue(issue, DEFAULT_CONFIG);
    const spent = process.cpuUsage(start);
    least = Math.min(least, (spent.user + spent.system) / 1000);
  }
  return least;
}

/** Runs the linter over the bench's hostile documents, so its code is compiled before anything is timed. */
function warmUp(): void {
  for (const description of Object.values(HOSTILE_DESCRIPTIONS)) {
    const text = description.slice(0, MAX_CHARS);
    for (const form of [text, { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }]) {
      for (let i = 0; i < 3; i++) lintIssue(issueOf(form) as never, DEFAULT_CONFIG);
    }
  }
}

describe('hostile input is linted in bounded time, generated', () => {
  beforeAll(warmUp);

  it(`no wiki or plain-text description of up to 32 KB takes more than ${BUDGET_MS} ms to lint`, () => {
    fc.assert(
      fc.property(hostileText, (description) => {
        expect(description.length).toBeLessThanOrEqual(MAX_CHARS);
        expect(lintMs(description)).toBeLessThanOrEqual(BUDGET_MS);
      }),
      // No shrinking: every candidate of a slow input is slow to try; the seed replays the failure.
      { numRuns: 1000, endOnFailure: true },
    );
  });

  it(`no ADF description of up to 32 KB of JSON takes more than ${BUDGET_MS} ms to lint`, () => {
    fc.assert(
      fc.property(hostileAdf, (description) => {
        expect(JSON.stringify(description).length).toBeLessThanOrEqual(MAX_CHARS);
        expect(lintMs(description)).toBeLessThanOrEqual(BUDGET_MS);
      }),
      { numRuns: 500, endOnFailure: true },
    );
  });
});
