import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** Slack's app manifest JSON schema (draft-07), read in place from the project's shared data (never copied into the repo). */
const SCHEMA = resolve(import.meta.dirname, '../../shared/data/platform-schemas/slack-manifest.schema.1.0.0.json');
const present = existsSync(SCHEMA);
const manifest = parse(readFileSync(resolve(import.meta.dirname, '../manifest.yml'), 'utf8')) as Record<string, any>;
// A CommonJS package: under NodeNext its class is the default export's `default`.
const Ajv = AjvModule.default;

const title = present
  ? "manifest.yml by Slack's app manifest schema"
  : `manifest.yml by Slack's app manifest schema (skipped: ${SCHEMA} not found; it ships with the project's shared data, not the repository)`;

if (!present) console.warn(`Skipping ${title}`);

describe.skipIf(!present)(title, () => {
  // Draft-07, so ajv's default class. ajv-formats is not installed: formats (only "uri") go unchecked.
  const validate = () => new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
  const problems = (check: ReturnType<typeof validate>, value: unknown) =>
    check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : ''}`);

  it('is a valid app manifest', () => {
    expect(problems(validate(), manifest)).toEqual([]);
  });

  it('fails on a misspelled key or a wrong value (the check can fail)', () => {
    const check = validate();
    const misspelled = structuredClone(manifest);
    misspelled.features.app_home.messages_tab_readonly_enabled = true;
    expect(problems(check, misspelled)).toEqual(['/features/app_home must NOT have additional properties (messages_tab_readonly_enabled)']);
    const wrong = structuredClone(manifest);
    const scopes = wrong.oauth_config.scopes.bot.push('chat:write.customize.and.a.scope.name.longer.than.fifty');
    wrong.settings.socket_mode_enabled = 'yes';
    expect(problems(check, wrong)).toEqual([`/oauth_config/scopes/bot/${scopes - 1} must NOT have more than 50 characters`, '/settings/socket_mode_enabled must be boolean']);
  });
  // The schema takes any scope name of up to 50 characters: an unknown scope is Slack's to refuse at install, not the schema's.
});

describe('manifest.yml asks for what Centric uses', () => {
  it('asks for no DM-opening scope and keeps the Messages tab read-only (Centric does not answer messages)', () => {
    expect(manifest.oauth_config.scopes.bot).not.toContain('im:write');
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: true });
  });
});
