import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Imports point inward: core imports nothing outside itself; flows know core and their ports, never an adapter or SQL. */
const SRC = resolve(import.meta.dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(join(SRC, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Every module a file imports (static and dynamic), as a path under src/ or a package name. */
function importsOf(file: string): string[] {
  const source = readFileSync(join(SRC, file), 'utf8');
  const specifiers = [...source.matchAll(/(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2] ?? m[3]!);
  return specifiers.map((s) => (s.startsWith('.') ? relative(SRC, resolve(SRC, dirname(file), s)).replace(/\.js$/, '.ts') : s));
}

const outside = (file: string, allowed: (target: string) => boolean) => importsOf(file).filter((target) => !allowed(target)).map((target) => `${file} imports ${target}`);

describe('the layout: imports point inward', () => {
  it('src/core imports nothing outside src/core but pure packages', () => {
    // ICU messages and Vega-Lite's spec types (type-only: the drawing is in src/charts) compute nothing outside.
    const PURE = new Set(['zod', 'intl-messageformat', 'vega-lite']);
    const found = files('core').flatMap((f) => outside(f, (t) => t.startsWith('core/') || PURE.has(t)));
    expect(found).toEqual([]);
  });

  it('src/flows imports neither src/slack nor src/jira, nor a database or platform package', () => {
    const ADAPTERS = /^(slack|jira)\/|^(kysely|pg|better-sqlite3|@slack\/|jira\.js)/;
    const found = files('flows').flatMap((f) => outside(f, (t) => !ADAPTERS.test(t)));
    expect(found).toEqual([]);
  });

  it('src/flows holds no SQL: queries live in src/store', () => {
    const SQL = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto)\(|\bsql`|\bstore\.db\b/;
    const found = files('flows').filter((f) => SQL.test(readFileSync(join(SRC, f), 'utf8')));
    expect(found).toEqual([]);
  });

  it('adapters do not import each other: src/slack and src/jira know flows and core, not one another', () => {
    const found = [...files('slack').flatMap((f) => outside(f, (t) => !t.startsWith('jira/') && !t.startsWith('store/'))), ...files('jira').flatMap((f) => outside(f, (t) => !t.startsWith('slack/') && !t.startsWith('store/')))];
    expect(found).toEqual([]);
  });

  it('the CLI loads no Jira, Slack or database client to lint a file: its static imports reach none (commands that need one import it when run)', () => {
    const CLIENTS = /^(kysely|pg|better-sqlite3|@slack\/|jira\.js|dotenv)/;
    const staticImportsOf = (file: string): string[] => {
      const source = readFileSync(join(SRC, file), 'utf8');
      return [...source.matchAll(/^(?:import|export)\s(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm)]
        .map((m) => m[1] ?? m[2]!)
        .map((s) => (s.startsWith('.') ? relative(SRC, resolve(SRC, dirname(file), s)).replace(/\.js$/, '.ts') : s));
    };
    const seen = new Set<string>();
    const reached: string[] = [];
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const target of staticImportsOf(file)) {
        if (CLIENTS.test(target)) reached.push(`${file} imports ${target}`);
        else if (target.endsWith('.ts')) visit(target);
      }
    };
    visit('cli.ts');
    expect(seen.size).toBeGreaterThan(10);
    expect(reached).toEqual([]);
  });

  it('the check itself sees imports (it could fail)', () => {
    expect(importsOf('flows/nudges.ts').some((t) => t.startsWith('core/'))).toBe(true);
  });
});
