import { existsSync, readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import type { CentricConfig, Vocabulary } from '../core/config-types.js';
import { DEFAULT_CONFIG } from '../core/default-config.js';
import { configFileSchema, type ConfigFile, type VocabularyOverride } from './schema.js';

export const DEFAULT_CONFIG_PATH = './centric.yml';

/** A configuration that cannot be used; the message names the file, the path in it and the reason. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

function describe(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  // A bad record key carries the reason in its nested issues.
  const reason = issue.code === 'invalid_key' ? issue.issues[0]?.message ?? issue.message : issue.message;
  return `${where}: ${reason}`;
}

const EMPTY_VOCABULARY: Vocabulary = {
  roleMarkers: [], goalMarkers: [], benefitMarkers: [], nonRolePhrases: [], articles: [],
  genericRoles: [], vagueQualifiers: [], metricTerms: [], metricHeads: [], metricHeadStopWords: [],
  targetWords: [], units: [], acceptanceHeadings: [], givenWhenThen: ['given', 'when', 'then'],
  conjunctions: [], goalVerbs: [],
};

/** A language's lists replace the default lists they name; a new language starts empty. */
function mergeVocabulary(overrides: Record<string, VocabularyOverride> | undefined): Record<string, Vocabulary> {
  if (!overrides) return DEFAULT_CONFIG.vocabulary;
  const merged = { ...DEFAULT_CONFIG.vocabulary };
  for (const [code, override] of Object.entries(overrides)) {
    merged[code] = { ...(merged[code] ?? EMPTY_VOCABULARY), ...override } as Vocabulary;
  }
  return merged;
}

/** Lays a validated file over the defaults. */
export function resolveConfig(file: ConfigFile): CentricConfig {
  const { vocabulary, rules, scoreWeights, personas, projects, ...rest } = file;
  return {
    ...DEFAULT_CONFIG,
    ...rest,
    rules: { ...DEFAULT_CONFIG.rules, ...rules },
    scoreWeights: { ...DEFAULT_CONFIG.scoreWeights, ...scoreWeights },
    personas: personas ?? DEFAULT_CONFIG.personas,
    vocabulary: mergeVocabulary(vocabulary),
    projects: Object.fromEntries(
      Object.entries(projects ?? {}).map(([key, p]) => [
        key,
        { ...p, vocabulary: p.vocabulary ? mergeVocabulary(p.vocabulary) : undefined },
      ]),
    ) as CentricConfig['projects'],
  };
}

/** Parses and validates the text of a centric.yml. */
export function parseConfig(text: string, file: string): CentricConfig {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0].line;
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: not valid YAML: ${first.message.split('\n')[0]}`);
  }
  const raw: unknown = doc.toJS() ?? {};
  const result = configFileSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${file}: ${describe(i)}`).join('\n'));
  }
  return resolveConfig(result.data);
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
