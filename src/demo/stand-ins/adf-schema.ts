import { createRequire } from 'node:module';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';

// A CommonJS package: under NodeNext its class is the default export's `default`.
const Ajv = AjvModule.default;

type Schema = { $ref?: string; enum?: unknown[]; properties?: Record<string, Schema>; items?: Schema | Schema[]; additionalProperties?: boolean | Schema; anyOf?: Schema[]; allOf?: Schema[]; oneOf?: Schema[] };
/** Where a piece of the schema sits: how many document levels below its definition, and the `type` enums it passed on the way. */
type Place = { levels: number; guards: Array<{ levels: number; types: unknown[] }>; definition: string };

/**
 * ADF checked against Atlassian's own JSON schema (the one shipped in @atlaskit/adf-schema, draft-04),
 * so the stand-in accepts exactly what Jira Cloud accepts: no hand-written approximation that is
 * stricter or laxer than the platform.
 */
let validate: ValidateFunction | undefined;
/** The same schema stopping at the first error: collecting them all is exponential on nested documents. */
let quick: ValidateFunction | undefined;
let definitions: Record<string, Schema> = {};
const places = new Map<object, Place>();
/** Shared lists (inline_node, block_content, table_cell_content…) have no type of their own: they count where their users' types fit. */
const users = new Map<string, Place[]>();

function validator(): ValidateFunction {
  if (validate) return validate;
  const schema = createRequire(import.meta.url)('@atlaskit/adf-schema/dist/json-schema/v1/full.json') as { definitions: Record<string, Schema> };
  definitions = schema.definitions;
  for (const [name, definition] of Object.entries(definitions)) locate(definition, 0, [], name);
  // verbose: each error carries its parentSchema, the very object of the schema above, so `places` finds it.
  validate = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
  quick = new Ajv({ strict: false }).compile(structuredClone(schema));
  return validate;
}

/** Node types a schema accepts: its `type` enum, or those of the definitions it combines ($ref, allOf, anyOf). */
function typesOf(schema: Schema | undefined, seen = new Set<Schema>()): unknown[] {
  if (!schema || seen.has(schema)) return [];
  seen.add(schema);
  if (schema.properties?.type?.enum) return schema.properties.type.enum;
  if (schema.$ref) return typesOf(definitions[schema.$ref.replace('#/definitions/', '')], seen);
  return [...(schema.allOf ?? []), ...(schema.anyOf ?? [])].flatMap((s) => typesOf(s, seen));
}

/** Records, for every piece of a definition, its depth in the document and the node types guarding it. */
function locate(schema: Schema, levels: number, guards: Place['guards'], definition: string): void {
  if (typeof schema !== 'object' || schema === null || places.has(schema)) return;
  // A definition's own type, or the one it narrows (allOf: [{$ref: paragraph_node}, …]); not an anyOf's list of choices.
  const types = schema.properties?.type?.enum ?? (levels === 0 ? (schema.allOf ?? []).flatMap((s) => typesOf(s)) : []);
  const place = { levels, guards: types.length > 0 ? [...guards, { levels, types }] : guards, definition };
  places.set(schema, place);
  const target = schema.$ref?.replace('#/definitions/', '');
  if (target && !definitions[target]?.properties?.type && !definitions[target]?.allOf) users.set(target, [...(users.get(target) ?? []), place]);
  for (const s of Object.values(schema.properties ?? {})) locate(s, levels + 1, place.guards, definition);
  for (const s of [schema.items ?? []].flat()) locate(s, levels + 1, place.guards, definition);
  if (typeof schema.additionalProperties === 'object') locate(schema.additionalProperties, levels + 1, place.guards, definition);
  for (const s of [...(schema.anyOf ?? []), ...(schema.allOf ?? []), ...(schema.oneOf ?? [])]) locate(s, levels, place.guards, definition);
}

const segments = (pointer: string) => pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
const at = (doc: unknown, path: string[]) => path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], doc);
const typeAt = (doc: unknown, path: string[]) => (at(doc, path) as { type?: unknown } | undefined)?.type;
const list = (values: unknown[], max = 8) => [...new Set(values)].slice(0, max).join(', ') + (new Set(values).size > max ? ', …' : '');

/**
 * ajv with allErrors tries every alternative of the schema's anyOf (each node type allowed at a
 * position) and reports why each one failed: "type must be text", "type must be media", … Only the
 * errors of the alternatives meant for the node at hand say what is wrong, so an error counts when
 * every `type` enum on its way (its definition's, e.g. panel_node, and nested ones such as media
 * attrs' file/external) contains the actual `type` at that level of the document. An anyOf whose
 * alternatives all reject the node's type becomes "<type> is not allowed here".
 */
function summarise(doc: unknown, errors: ErrorObject[]): string[] {
  // Does a piece placed `levels` below `path` sit under nodes of the types its guards want? (The root always does.)
  const fits = (path: string[], { levels, guards }: Pick<Place, 'levels' | 'guards'>): boolean => {
    const base = path.slice(0, path.length - levels);
    return guards.every((g) => base.length + g.levels === 0 || g.types.includes(typeAt(doc, path.slice(0, base.length + g.levels))));
  };
  const relevant = errors.filter((e) => {
    const place = places.get(e.parentSchema as object);
    if (!place) return true;
    const path = segments(e.instancePath);
    const via = users.get(place.definition) ?? [];
    return fits(path, place) && (via.length === 0 || via.some((u) => fits(path.slice(0, path.length - place.levels), u)));
  });
  const problems: Array<{ path: string; text: string; weak?: true }> = [];
  const misplaced = new Map<string, unknown[]>();
  for (const e of relevant) {
    const path = e.instancePath || '/';
    if (e.keyword === 'anyOf') {
      const allowed = ((e.schema as Schema[]) ?? []).map((s) => typesOf(s));
      if (allowed.some((t) => t.length === 0)) {
        // Untyped alternatives (e.g. mediaSingle's attrs): their own errors tell; say this only if none does.
        if (!relevant.some((o) => o.keyword !== 'anyOf' && `${o.instancePath}/`.startsWith(`${e.instancePath}/`))) problems.push({ path, text: 'matches none of the allowed shapes' });
      } else if (!allowed.flat().includes(typeAt(doc, segments(e.instancePath)))) {
        misplaced.set(e.instancePath, [...(misplaced.get(e.instancePath) ?? []), ...allowed.flat()]);
      }
      continue;
    }
    const p = e.params as Record<string, unknown>;
    const text =
      e.keyword === 'enum' ? `must be one of ${list(p.allowedValues as unknown[])}; got ${JSON.stringify(at(doc, segments(e.instancePath)))}`
      : e.keyword === 'additionalProperties' ? `unknown property '${String(p.additionalProperty)}'`
      : (e.keyword === 'minLength' || e.keyword === 'minItems') && p.limit === 1 ? 'must not be empty'
      : e.keyword === 'maxItems' && p.limit === 0 ? 'must be empty here'
      : e.message ?? e.keyword;
    // The "…_with_no_marks" variants fail on any mark; that matters only when no other variant says more.
    problems.push({ path, text, ...(e.keyword === 'maxItems' && p.limit === 0 ? { weak: true } : {}) });
  }
  for (const [path, allowed] of misplaced) {
    const type = typeAt(doc, segments(path));
    problems.push({ path: path || '/', text: `${type === undefined ? 'a node without a type' : JSON.stringify(type)} is not allowed here (allowed: ${list(allowed)})` });
  }
  // What was checked inside a misplaced node came from other positions' alternatives: leave it out.
  const inside = (path: string) => [...misplaced.keys()].some((m) => path.startsWith(`${m}/`));
  const kept = problems.filter((x) => !inside(x.path));
  const lines = kept
    .filter((x) => !x.weak || kept.every((y) => y.weak))
    .sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }))
    .map((x) => `${x.path}: ${x.text}`);
  return lines.length > 0 ? [...new Set(lines)].slice(0, 5) : ['/: does not match the ADF schema'];
}

/** Problems of an ADF document by the official schema (at most 5); empty when Jira would accept it. */
export function adfProblems(doc: unknown): string[] {
  const check = validator();
  if (quick!(doc)) return [];
  check(doc);
  return summarise(doc, check.errors ?? []);
}
