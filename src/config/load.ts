import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { z } from 'zod';
import type { CentricConfig, Vocabulary } from '../core/config-types.js';
import { compileLanguage, patternProblem } from '../core/compile.js';
import { formProblem } from '../core/story/story-forms.js';
import { DEFAULT_CONFIG } from '../core/default-config.js';
import { configFileSchema } from './schema.js';

export const DEFAULT_CONFIG_PATH = './centric.yml';

/** The YAML library, loaded when there is a centric.yml to read or write: `centric lint` without one starts sooner. */
export const yaml = (): typeof Yaml => createRequire(import.meta.url)('yaml') as typeof Yaml;

/** A configuration that cannot be used; the message names the file, the path in it and the reason. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * The issue to show for a union ("warn" or { severity, … }): the branch that failed on more than
 * the value's type, i.e. the one the user was writing.
 */
function closestBranch(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue | undefined {
  const rank = (e: z.core.$ZodIssue): number =>
    e.path.length * 10 + (e.code === 'invalid_type' ? 0 : e.code === 'invalid_value' ? 1 : 2);
  const best = issue.errors.flat().sort((a, b) => rank(b) - rank(a))[0];
  return best && { ...best, path: [...issue.path, ...best.path] };
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union') {
    const branch = closestBranch(issue);
    if (branch) return describe(branch);
  }
  const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  // A bad record key carries the reason in its nested issues.
  const reason = issue.code === 'invalid_key' ? issue.issues[0]?.message ?? issue.message : issue.message;
  return `${where}: ${reason}`;
}

/** Parses and validates the text of a centric.yml; the schema fills in every default it leaves out. */
export function parseConfig(text: string, file: string): CentricConfig {
  const doc = yaml().parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0].line;
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: not valid YAML: ${first.message.split('\n')[0]}`);
  }
  const raw: unknown = doc.toJS() ?? {};
  const result = configFileSchema().safeParse(raw);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${file}: ${describe(i)}`).join('\n'));
  }
  const problems = patternProblems(result.data);
  if (problems.length > 0) throw new ConfigError(problems.map((p) => `${file}: ${p}`).join('\n'));
  return result.data;
}

/**
 * Each language's markers joined into the patterns the lint uses, made now: each marker is a valid
 * regular expression on its own, but joined they may not be (two groups of one name); a pattern is
 * otherwise made only when a ticket first needs it, and would fail then.
 */
function patternProblems(config: CentricConfig): string[] {
  const vocabularies: Array<[string, Record<string, Vocabulary>]> = [
    ['vocabulary', config.vocabulary],
    ...Object.entries(config.projects).map(([key, p]): [string, Record<string, Vocabulary>] => [`projects.${key}.vocabulary`, p.vocabulary ?? {}]),
  ];
  const problems: string[] = [];
  for (const [where, vocabulary] of vocabularies) {
    for (const [code, v] of Object.entries(vocabulary)) {
      const lang = compileLanguage(code, v);
      const problem = patternProblem(lang) ?? formProblem(lang);
      if (problem) problems.push(`${where}.${code}: its markers together are no valid pattern: ${problem}`);
    }
  }
  return problems;
}

/**
 * Loads centric.yml: the given path (which must exist), else ./centric.yml when it exists,
 * else the defaults.
 */
export function loadConfig(path: string | undefined): CentricConfig {
  const file = path ?? (existsSync(DEFAULT_CONFIG_PATH) ? DEFAULT_CONFIG_PATH : undefined);
  if (!file) return DEFAULT_CONFIG;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'unknown error'})`;
    throw new ConfigError(`${file}: ${reason}`);
  }
  return parseConfig(text, file);
}
