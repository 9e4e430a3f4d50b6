/**
 * npm run bench: every speed and memory target of Centric, one row each, then exit 1 when one is
 * missed. In-process: the cost of the whole lint (parse, normalise, lint, JSON report) relative to
 * JSON.parse alone on the same input, the floor every linter of Jira JSON pays; hostile
 * documents, listed and generated (under 50 ms of CPU per 32 KB each); the digest. Whole
 * processes (process-rows.ts): `centric lint` of one ticket and of 10,000, against `node -e
 * JSON.parse`; `npm start -- --check`. A million stored reports (scale.ts): the digest, App Home,
 * `/centric mine`, App Home during the nightly retention.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { lintIssue, summarise } from '../../src/core/lint.js';
import { renderJson } from '../../src/core/render/json.js';
import type { JiraIssue } from '../../src/core/ticket/normalise.js';
import { generateIssues } from './corpus.js';
import fc from 'fast-check';
import { HOSTILE_DESCRIPTIONS, HOSTILE_DOCUMENTS } from './hostile.js';
import { hostileAdf, hostileText } from './hostile-generators.js';
import { compile } from '../../src/core/compile.js';
import { rewriteAdfStory, rewriteWikiStory } from '../../src/core/story/rewrite-story.js';
import { buildDigest, type LintRecord } from '../../src/core/digest.js';
import { RULE_IDS } from '../../src/core/types.js';
import { checkRow, processRows } from './process-rows.js';
import { scaleRows } from './scale.js';
import { middle, printRows, type BenchRow } from './rows.js';

const COUNT = 5_000;
const ROUNDS = 11;
const RATIO_TARGET = 1.5;

const inputs = generateIssues(COUNT);
const bytes = inputs.reduce((n, s) => n + Buffer.byteLength(s), 0);

function parseOnly(): number {
  let keys = 0;
  for (const s of inputs) keys += (JSON.parse(s) as JiraIssue).key.length;
  return keys;
}

function wholeLint(): number {
  const reports = inputs.map((s) => lintIssue(JSON.parse(s) as JiraIssue, DEFAULT_CONFIG));
  return renderJson({ reports, summary: summarise(reports) }).length;
}

function time(fn: () => number): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}


// Rounds alternate parse and lint, so both see the same JIT state and garbage-collector debt;
// the ratio is taken per round and the median of the rounds reported.
for (let i = 0; i < 3; i++) [parseOnly(), wholeLint()];
const parseTimes: number[] = [];
const lintTimes: number[] = [];
const ratios: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const p = time(parseOnly);
  const l = time(wholeLint);
  parseTimes.push(p);
  lintTimes.push(l);
  ratios.push(l / p);
}
const parseMs = middle(parseTimes);
const lintMs = middle(lintTimes);
const ratio = middle(ratios);
const ok = ratio <= RATIO_TARGET;

console.log(`lint benchmark: ${COUNT} tickets, ${(bytes / COUNT / 1024).toFixed(1)} KB of JSON each (ADF, mixed quality, 7 languages)`);
console.log(`  JSON.parse alone                            ${parseMs.toFixed(1)} ms   ${Math.round((COUNT / parseMs) * 1000)} tickets/s`);
console.log(`  whole lint (parse, normalise, lint, report) ${lintMs.toFixed(1)} ms   ${Math.round((COUNT / lintMs) * 1000)} tickets/s on one core`);
console.log(`  ratio to JSON.parse                         ${ratio.toFixed(2)}  (median of ${ROUNDS} rounds; target <= ${RATIO_TARGET}: ${ok ? 'met' : 'NOT MET'})`);
// Hostile documents, most about 100 KB (three times what Jira stores in a field): each must lint
// in under 50 ms of CPU per 32 KB (issue 14), and Fix it must place a story in them in bounded
// time too. CPU time, the least of three runs: what the lint costs, not what else the machine does.
const HOSTILE_TARGET_MS = 50;
function cpuMs(fn: () => unknown): number {
  let least = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = process.cpuUsage();
    fn();
    const spent = process.cpuUsage(start);
    least = Math.min(least, (spent.user + spent.system) / 1000);
  }
  return least;
}
const compiled = compile(DEFAULT_CONFIG);
const FIX = { role: 'night nurse', goal: 'see my ward', benefit: 'I can plan my rounds', metric: 'task success +10% by March', visualsUrl: 'https://www.figma.com/file/abc' };
const hostileIssue = (description: unknown): JiraIssue => ({ key: 'EVIL-1', fields: { summary: 'Hostile input', description, issuetype: { name: 'Story' } } });
const hostile = [
  ...Object.entries(HOSTILE_DESCRIPTIONS).map(([name, description]) => ({
    name,
    kb: description.length / 1024,
    lint: cpuMs(() => lintIssue(hostileIssue(description), DEFAULT_CONFIG)),
    fix: cpuMs(() => rewriteWikiStory(description, FIX, compiled)),
  })),
  ...Object.entries(HOSTILE_DOCUMENTS).map(([name, description]) => ({
    name: `${name} (ADF)`,
    kb: JSON.stringify(description).length / 1024,
    lint: cpuMs(() => lintIssue(hostileIssue(description), DEFAULT_CONFIG)),
    fix: cpuMs(() => rewriteAdfStory(description, FIX, compiled)),
  })),
]
  .map((h) => ({ ...h, per32: (h.lint * 32) / Math.max(h.kb, 32) }))
  .sort((a, b) => b.per32 - a.per32);
const worst = hostile[0]!;
const hostileOk = worst.per32 < HOSTILE_TARGET_MS;
console.log(`hostile documents: ${hostile.length} kinds; slowest "${worst.name}" ${worst.per32.toFixed(1)} ms of CPU per 32 KB (target < ${HOSTILE_TARGET_MS}: ${hostileOk ? 'met' : 'NOT MET'})`);
console.log(`  ${'document'.padEnd(28)} ${'KB'.padStart(5)} ${'lint ms'.padStart(8)} ${'per 32 KB'.padStart(9)} ${'Fix it ms'.padStart(9)}`);
for (const h of hostile) console.log(`  ${h.name.padEnd(28)} ${h.kb.toFixed(0).padStart(5)} ${h.lint.toFixed(1).padStart(8)} ${h.per32.toFixed(1).padStart(9)} ${h.fix.toFixed(1).padStart(9)}`);
// The property test's generators, seeded: the kinds of input it tries, timed against the same
// target here rather than there (a timed test flakes on a loaded machine).
const GENERATED_SEED = 20261130;
const generated = [
  ...fc.sample(hostileText, { seed: GENERATED_SEED, numRuns: 200 }).map((doc) => ({ form: 'text', doc })),
  ...fc.sample(hostileAdf, { seed: GENERATED_SEED, numRuns: 100 }).map((doc) => ({ form: 'ADF', doc })),
].map(({ form, doc }) => ({ form, ms: cpuMs(() => lintIssue(hostileIssue(doc), DEFAULT_CONFIG)) }));
const slowestGenerated = generated.reduce((a, b) => (b.ms > a.ms ? b : a));
const generatedOk = slowestGenerated.ms < HOSTILE_TARGET_MS;
console.log(`generated hostile documents: ${generated.length} of at most 32 KB (seed ${GENERATED_SEED}); slowest (${slowestGenerated.form}) ${slowestGenerated.ms.toFixed(1)} ms of CPU (target < ${HOSTILE_TARGET_MS}: ${generatedOk ? 'met' : 'NOT MET'})`);

// The weekly digest from 50,000 stored reports (history rows over 13 weeks), target < 500 ms.
const DIGEST_TARGET_MS = 500;
const WEEK = 7 * 86_400_000;
const END = Date.UTC(2026, 10, 23, 8);
const roles = ['night nurse', 'returning shopper', 'user', 'first-time buyer', 'warehouse picker', 'customer'];
const records: LintRecord[] = Array.from({ length: 50_000 }, (_, i) => ({
  key: `SHOP-${i % 17_000}`,
  score: (i * 37) % 101,
  role: roles[i % roles.length]!,
  failedRules: RULE_IDS.filter((_, r) => (i >> r) & 1),
  lintedAt: END - ((i * 7_919) % (13 * WEEK)),
}));
const facts = Array.from({ length: 17_000 }, (_, i) => ({ key: `SHOP-${i}`, status: i % 3 === 0 ? 'Ready for Development' : 'To Do', owner: null, benefit: i % 5, cost: i % 4, passing: i % 2 === 0, done: false }));
const digestInput = { end: END, periodMs: WEEK, history: records, facts, isGenericRole: (r: string) => r === 'user' || r === 'customer', readyStatuses: ['Ready for Development'] };
buildDigest(digestInput);
const digestMs = middle([0, 1, 2, 3, 4].map(() => time(() => buildDigest(digestInput).period.tickets)));
const digestOk = digestMs < DIGEST_TARGET_MS;
console.log(`digest: ${records.length} stored reports (17,000 tickets, 13 weeks) built in ${digestMs.toFixed(1)} ms (target < ${DIGEST_TARGET_MS} ms: ${digestOk ? 'met' : 'NOT MET'})`);

const rows: BenchRow[] = [
  { what: 'lint in-process vs JSON.parse', measured: `${ratio.toFixed(2)}×`, target: `≤ ${RATIO_TARGET.toFixed(2)}×`, ok, note: `${COUNT} tickets, median of ${ROUNDS} rounds` },
  { what: 'hostile documents: slowest per 32 KB', measured: `${worst.per32.toFixed(1)} ms`, target: `< ${HOSTILE_TARGET_MS} ms`, ok: hostileOk, note: worst.name },
  { what: 'generated hostile documents: slowest', measured: `${slowestGenerated.ms.toFixed(1)} ms`, target: `< ${HOSTILE_TARGET_MS} ms`, ok: generatedOk, note: `${generated.length} samples, seed ${GENERATED_SEED}` },
  { what: 'digest of 50,000 history rows (in memory)', measured: `${digestMs.toFixed(0)} ms`, target: `< ${DIGEST_TARGET_MS} ms`, ok: digestOk },
];
console.log('whole processes (this takes a minute or two)…');
rows.push(...processRows(), await checkRow());
console.log('a million stored reports (generating them takes a minute, another with Postgres)…');
rows.push(...(await scaleRows()));
console.log('');
printRows('npm run bench: every target', rows);
const missed = rows.filter((r) => !r.ok);
console.log(missed.length === 0 ? 'bench: every target met' : `bench: ${missed.length} of ${rows.length} targets NOT MET`);
process.exitCode = missed.length === 0 ? 0 : 1;
