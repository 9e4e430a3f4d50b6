/**
 * Profiles: issue types linted by their own rules. An epic is not a story: it is judged by
 * working-backwards (the customer questions, or a PR/FAQ), not by "As a … I want …". A profile
 * lists its issue types and lays its `rules` and `scoreWeights` over the base ones, the way a
 * project's overrides do. Pure: the config schema validates with it, lint() selects with it.
 */
import type { CentricConfig, LintConfig, RuleSettings } from './config-types.js';
import { RULES, type RuleId } from './rules/index.js';
import type { RuleSetting } from './types.js';

/** A rule's override, as centric.yml writes it: a severity, or an object of what it changes. */
type RuleOverride = RuleSetting | ({ severity?: RuleSetting } & Record<string, unknown>);
export type RuleOverrideMap = Partial<Record<RuleId, RuleOverride>>;

/** A profile as centric.yml gives it; a built-in one may leave out what it keeps. */
export interface ProfileInput {
  issueTypes?: string[] | undefined;
  rules?: RuleOverrideMap | undefined;
  scoreWeights?: Partial<Record<RuleId, number | undefined>> | undefined;
}

/** A profile once parsed: every field there. */
export interface Profile {
  issueTypes: string[];
  rules: RuleOverrideMap;
  scoreWeights: Partial<Record<RuleId, number>>;
}

/** The issue types of the built-in profiles; their rules come from each rule's meta.profiles. */
const BUILT_IN_TYPES: Record<string, string[]> = { epic: ['Epic'] };

/** A built-in profile: every rule off but those whose meta names the profile. */
function builtIn(name: string): Profile {
  const rules = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.profiles?.[name] ?? 'off'])) as RuleOverrideMap;
  return { issueTypes: [...BUILT_IN_TYPES[name]!], rules, scoreWeights: {} };
}

export const BUILT_IN_PROFILES: readonly string[] = Object.keys(BUILT_IN_TYPES);

/**
 * The profiles of a centric.yml: the built-in ones, each field given replacing its default (a
 * built-in profile's `rules` given in part keep the default of every rule left out, so naming one
 * rule never turns the story rules back on for epics), then the file's own.
 */
export function withBuiltInProfiles(given: Record<string, ProfileInput>): Record<string, Profile> {
  const out: Record<string, Profile> = {};
  for (const name of BUILT_IN_PROFILES) {
    const base = builtIn(name);
    const mine = given[name] ?? {};
    out[name] = {
      issueTypes: mine.issueTypes ?? base.issueTypes,
      rules: { ...base.rules, ...definedOnly(mine.rules) },
      scoreWeights: definedOnly(mine.scoreWeights) as Partial<Record<RuleId, number>>,
    };
  }
  for (const [name, p] of Object.entries(given)) {
    if (out[name]) continue;
    out[name] = { issueTypes: p.issueTypes ?? [], rules: definedOnly(p.rules), scoreWeights: definedOnly(p.scoreWeights) as Partial<Record<RuleId, number>> };
  }
  return out;
}

function definedOnly<T extends object>(record: T | undefined): T {
  if (!record) return {} as T;
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

/**
 * What is wrong with the issue types of the profiles: a type in two profiles. A type in a profile
 * and in `issueTypes` (or a project's) is none: the profile lints it, so `issueTypes: [Story, Epic]`
 * written before profiles existed keeps loading, its epics now judged as epics.
 */
export function profileConflicts(config: Pick<CentricConfig, 'profiles'>): Array<{ path: Array<string | number>; message: string }> {
  const issues: Array<{ path: Array<string | number>; message: string }> = [];
  const owner = new Map<string, string>();
  // zod runs this check even when a part failed to parse: what is not as parsed is skipped.
  const typesOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : []);
  for (const [name, profile] of Object.entries(config.profiles ?? {})) {
    typesOf(profile?.issueTypes).forEach((type, i) => {
      const key = type.toLowerCase();
      const other = owner.get(key);
      if (other && other !== name) {
        issues.push({ path: ['profiles', name, 'issueTypes', i], message: `${type} is in two profiles (${other} and ${name}): list it in one` });
      } else owner.set(key, name);
    });
  }
  return issues;
}

/** What a project's overrides (projects.KEY) say that profiles read. */
export interface ProjectProfileOverride {
  issueTypes?: string[] | undefined;
  rules?: RuleOverrideMap | undefined;
  scoreWeights?: Partial<Record<RuleId, number | undefined>> | undefined;
}

const isOff = (setting: RuleOverride | undefined): boolean => (typeof setting === 'string' ? setting : setting?.severity) === 'off';
const asObject = (setting: RuleOverride): { severity?: RuleSetting } & Record<string, unknown> => (typeof setting === 'string' ? { severity: setting } : setting);

/** The rules made for profiles' types: their meta names the built-in profiles that turn them on. */
const PROFILE_RULES: ReadonlySet<string> = new Set(RULES.filter((r) => r.meta.profiles).map((r) => r.meta.id));

/**
 * A rule made for profiles that the base (centric.yml's top-level `rules`) leaves off: a project
 * naming it (working-backwards: warn, "its epics warn") tunes it where a profile turns it on, never
 * turns it on for the project's stories. Top-level `rules` turning it on makes it a base rule again.
 */
const profileOnly = (id: string, base: RuleSettings): boolean => PROFILE_RULES.has(id) && base[id as RuleId].severity === 'off';

/** A project's rules as laid over the base (its stories): those made for profiles and off in the base left out. */
export function projectBaseRules(base: RuleSettings, project: RuleOverrideMap | undefined): RuleOverrideMap | undefined {
  if (!project || !Object.keys(project).some((id) => profileOnly(id, base))) return project;
  return Object.fromEntries(Object.entries(project).filter(([id]) => !profileOnly(id, base))) as RuleOverrideMap;
}

/**
 * The profiles as one project sees them: base, then profile, then the project's own overrides. A
 * rule or weight the project names wins for its profiles' types too (working-backwards: off stops
 * judging its epics), except a rule a profile turns off: the profile says which rules judge its
 * types, so a project tuning a story rule (acceptance-criteria: warn) never turns it on for its
 * epics; nor a rule made for profiles (working-backwards) for a profile that does not name it. A
 * project that lists its own `issueTypes` lints only those: a profile's type it leaves out is
 * skipped there; one it lists is linted by the profile.
 */
export function profilesForProject(profiles: Record<string, Profile>, project: ProjectProfileOverride, base: RuleSettings): Record<string, Profile> {
  const listed = project.issueTypes ? new Set(project.issueTypes.map((t) => t.toLowerCase())) : null;
  const out: Record<string, Profile> = {};
  for (const [name, profile] of Object.entries(profiles)) {
    const rules: RuleOverrideMap = { ...profile.rules };
    for (const [id, setting] of Object.entries(project.rules ?? {}) as Array<[RuleId, RuleOverride | undefined]>) {
      const under = profile.rules[id];
      if (setting === undefined || isOff(under)) continue;
      // A rule made for profiles, off in the base: a profile that does not name it leaves it off (bugs are no epics).
      if (under === undefined && profileOnly(id, base)) continue;
      rules[id] = under === undefined ? setting : { ...asObject(under), ...asObject(setting) };
    }
    out[name] = {
      issueTypes: listed ? profile.issueTypes.filter((t) => listed.has(t.toLowerCase())) : profile.issueTypes,
      rules,
      scoreWeights: { ...profile.scoreWeights, ...(definedOnly(project.scoreWeights) as Partial<Record<RuleId, number>>) },
    };
  }
  return out;
}

/** A set of rules laid over the base: "warn" changes the severity, an object what it names. */
export function overrideRules(base: RuleSettings, override: RuleOverrideMap | undefined): RuleSettings {
  if (!override) return base;
  const merged: Record<string, object> = { ...base };
  for (const [id, setting] of Object.entries(override)) {
    if (setting === undefined) continue;
    merged[id] = typeof setting === 'string' ? { ...merged[id], severity: setting } : { ...merged[id], ...setting };
  }
  return merged as RuleSettings;
}

/** The lint configuration profiles read: a project's, which carries the base file's profiles. */
export type ProfiledConfig = LintConfig & { profiles?: Record<string, Profile> };

/** The name of the profile that lints this issue type, or null when the base does (or nothing). */
export function profileOf(issueType: string, config: ProfiledConfig): string | null {
  if (!config.profiles) return null;
  const type = issueType.toLowerCase();
  for (const [name, profile] of Object.entries(config.profiles)) if (profile.issueTypes.some((t) => t.toLowerCase() === type)) return name;
  return null;
}

const resolved = new WeakMap<LintConfig, Map<string, LintConfig | null>>();

/**
 * A (project's) configuration with a profile's rules and weights laid over it, made once per pair;
 * null when the profile leaves every rule off there: its types are then skipped, not scored 100.
 */
export function configForProfile(config: ProfiledConfig, name: string): LintConfig | null {
  const profile = config.profiles?.[name];
  if (!profile) return config;
  let byName = resolved.get(config);
  if (!byName) resolved.set(config, (byName = new Map()));
  let out = byName.get(name);
  if (out === undefined) {
    const rules = overrideRules(config.rules, profile.rules);
    out = RULES.some((r) => rules[r.meta.id].severity !== 'off') ? { ...config, rules, scoreWeights: { ...config.scoreWeights, ...profile.scoreWeights } } : null;
    byName.set(name, out);
  }
  return out;
}

/** The issue types of every profile not already among the base issue types: linted besides them. */
export function profileIssueTypes(config: Pick<CentricConfig, 'profiles' | 'issueTypes'>): string[] {
  const base = new Set(config.issueTypes.map((t) => t.toLowerCase()));
  return Object.values(config.profiles).flatMap((p) => p.issueTypes.filter((t) => !base.has(t.toLowerCase())));
}

/**
 * The issue types linted as epics: those of a profile that turns working-backwards on. Stories
 * take their epic's persona and metric into hints; the digest lists epics apart from stories.
 */
export function epicIssueTypes(config: Pick<CentricConfig, 'profiles' | 'rules'>): string[] {
  const base = config.rules['working-backwards'].severity;
  return Object.values(config.profiles).flatMap((p) => {
    const own = p.rules['working-backwards'];
    const severity = own === undefined ? base : typeof own === 'string' ? own : (own.severity ?? base);
    return severity === 'off' ? [] : p.issueTypes;
  });
}
