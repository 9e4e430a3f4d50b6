import { createRequire } from 'node:module';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';

// A CommonJS package: under NodeNext its class is the default export's `default`.
const Ajv = AjvModule.default;

/**
 * ADF checked against Atlassian's own JSON schema (the one shipped in @atlaskit/adf-schema, draft-04),
 * so the stand-in accepts exactly what Jira Cloud accepts: no hand-written approximation that is
 * stricter or laxer than the platform.
 */
let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (validate) return validate;
  const schema = createRequire(import.meta.url)('@atlaskit/adf-schema/dist/json-schema/v1/full.json') as object;
  validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  return validate;
}

/**
 * The schema's alternatives (anyOf over every node type) produce an error per alternative; the ones
 * deepest in the document say what is really wrong, so only those are reported.
 */
function summarise(errors: ErrorObject[]): string[] {
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  const deepest = Math.max(...errors.map(depth));
  const lines = errors
    .filter((e) => depth(e) === deepest)
    .map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}${e.params && Object.keys(e.params).length > 0 ? ` ${JSON.stringify(e.params)}` : ''}`);
  return [...new Set(lines)].slice(0, 5);
}

/** Problems of an ADF document by the official schema; empty when Jira would accept it. */
export function adfProblems(doc: unknown): string[] {
  const check = validator();
  if (check(doc)) return [];
  return summarise(check.errors ?? []);
}
