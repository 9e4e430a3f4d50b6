import { readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { RULES, RULE_IDS, type Rule } from '../../../src/core/rules/index.js';

const RULES_DIR = resolve(import.meta.dirname, '../../../src/core/rules');
const README = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');

/** The rule ids and default severities of DESIGN.md's contract, in report order. */
const DESIGN = {
  'story-format': 'error',
  'customer-value': 'error',
  'customer-benefit': 'warn',
  'specific-persona': 'warn',
  'customer-metric': 'error',
  'visual-evidence': 'warn',
  'customer-evidence': 'warn',
  'acceptance-criteria': 'warn',
  'single-goal': 'warn',
  // Off for stories: the built-in epic profile turns it on (error) and the story rules off.
  'working-backwards': 'off',
};

const isRule = (value: unknown): value is Rule => typeof value === 'object' && value !== null && 'meta' in value && 'check' in value;

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string): string => `#${heading.toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').replace(/ /g, '-')}`;

/** The README section of a rule: from its `### id` heading to the next heading. */
function sectionOf(id: string): string | undefined {
  const start = README.split('\n').findIndex((line) => line === `### ${id}`);
  if (start < 0) return undefined;
  const rest = README.split('\n').slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith('#'));
  return rest.slice(0, end < 0 ? undefined : end).join('\n');
}

describe('the rule registry', () => {
  it('registers every rule file, and each file exports one rule named after it', async () => {
    const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'rule.ts');
    const ids: string[] = [];
    for (const file of files) {
      const exported = Object.values(await import(resolve(RULES_DIR, file))).filter(isRule);
      expect(exported, file).toHaveLength(1);
      expect(exported[0]!.meta.id, file).toBe(basename(file, '.ts'));
      ids.push(exported[0]!.meta.id);
    }
    expect([...RULE_IDS].sort()).toEqual(ids.sort());
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s declares its meta', (id, rule) => {
    const { meta } = rule as Rule;
    expect(['error', 'warn', 'off']).toContain(meta.defaultSeverity);
    // A rule off by default is made for a profile: it says in which it is on.
    if (meta.defaultSeverity === 'off') expect(Object.keys(meta.profiles ?? {})).not.toHaveLength(0);
    expect(meta.weight).toBeGreaterThan(0);
    expect(meta.why).toMatch(/^[A-Z].*\.$/);
    expect(meta.why).not.toContain('\n');
    expect(meta.docs).toBe(`#${id}`);
    expect(meta.optionsSchema).toBeInstanceOf(z.ZodObject);
    // centric.yml writes a rule as { severity, …options }: an option cannot take that name.
    expect(Object.keys(meta.optionsSchema.shape)).not.toContain('severity');
  });

  it('derives the ids, default severities and weights: DESIGN.md\'s contract', () => {
    expect(RULE_IDS).toEqual(Object.keys(DESIGN));
    expect(Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.defaultSeverity]))).toEqual(DESIGN);
    expect(Object.fromEntries(Object.entries(DEFAULT_CONFIG.rules).map(([id, s]) => [id, s.severity]))).toEqual(DESIGN);
    expect(DEFAULT_CONFIG.scoreWeights).toEqual(Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.weight])));
    // The score is the share of the enabled rules' weight a ticket earns: the weights need not add up to 100.
    expect(Object.values(DEFAULT_CONFIG.scoreWeights).every((w) => Number.isInteger(w) && w > 0)).toBe(true);
  });

  it('takes each rule\'s option defaults from its options schema', () => {
    expect(DEFAULT_CONFIG.rules['customer-metric']).toEqual({ severity: 'error', requireTarget: true });
    expect(DEFAULT_CONFIG.rules['specific-persona']).toEqual({ severity: 'warn', allowedRoles: [] });
    expect(DEFAULT_CONFIG.rules['story-format']).toEqual({ severity: 'error', forms: ['user', 'job'] });
  });
});

describe('README.md agrees with the rule files', () => {
  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s has a section at its meta.docs anchor, saying its why', (id, rule) => {
    const { meta } = rule as Rule;
    expect(anchorOf(id)).toBe(meta.docs);
    const section = sectionOf(id);
    expect(section, `README.md has no "### ${id}" section`).toBeDefined();
    const why = /\*\*Why it matters:\*\* ([\s\S]*?)\n\n/.exec(`${section}\n\n`)?.[1]?.replace(/\s+/g, ' ');
    expect(why && why.charAt(0).toUpperCase() + why.slice(1)).toBe(meta.why);
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s is in the rules table with its default severity and weight', (id, rule) => {
    const { meta } = rule as Rule;
    const row = README.split('\n').find((line) => line.startsWith(`| [\`${id}\`](${meta.docs}) |`));
    expect(row, `README.md's rules table has no row for ${id}`).toBeDefined();
    const [, , severity, weight] = row!.split('|').map((cell) => cell.trim());
    expect(severity!.split(' ')[0]).toBe(meta.defaultSeverity);
    expect(Number(weight)).toBe(meta.weight);
  });
});
