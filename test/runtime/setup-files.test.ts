import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENV_NAMES, loadEnv, secretsOf } from '../../src/config/env.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { createLogger, MIN_SECRET_LENGTH } from '../../src/runtime/logger.js';

const root = resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');

describe('manifest.yml', () => {
  const manifest = parse(read('manifest.yml'));

  it('asks for exactly the bot scopes the features use', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'users:read', 'users:read.email', 'files:write', 'channels:join', 'channels:read', 'groups:read']);
  });

  it('has the /centric command, the home tab, interactivity, the bot events and Socket Mode', () => {
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: '/centric', should_escape: true, usage_hint: expect.stringContaining('check SHOP-123') })]);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.features.bot_user.display_name).toBe('Centric');
    expect(manifest.settings).toMatchObject({ interactivity: { is_enabled: true }, socket_mode_enabled: true });
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened', 'app_uninstalled', 'tokens_revoked']);
    expect(manifest.display_information.long_description.length).toBeGreaterThanOrEqual(175);
  });
});

/** Variables only compose.yml reads (Centric does not): listed in .env.example, their comment says so. */
const COMPOSE_ONLY = ['POSTGRES_PASSWORD'];

describe('.env.example', () => {
  it('lists every variable Centric reads, each with a comment above it, and the compose-only ones as such', () => {
    const lines = read('.env.example').split('\n');
    const listed = lines.filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split('=')[0]);
    expect(listed.sort()).toEqual([...ENV_NAMES, ...COMPOSE_ONLY].sort());
    for (const name of COMPOSE_ONLY) {
      const at = lines.findIndex((l) => l.startsWith(`${name}=`));
      const comment = lines.slice(0, at).reverse();
      expect(comment.slice(0, comment.findIndex((l) => !l.startsWith('# '))).reverse().join(' '), `${name}'s comment`).toMatch(/^# compose\.yml only \(Centric does not read it\)/);
    }
    // A placeholder such as "xapp-" copied into .env would be read as a (wrong) value.
    expect(lines.filter((l) => /^[A-Z_]+=./.test(l)), 'variables with a value').toEqual([]);
    for (const name of ENV_NAMES) {
      const at = lines.findIndex((l) => l.startsWith(`${name}=`));
      const above = lines.slice(0, at).reverse().find((l) => !/^[A-Z_]+=/.test(l));
      expect(above, `${name} has a comment`).toMatch(/^# /);
    }
  });
});

/** Compose's `${NAME:?message}` interpolation, for the variables of `vars`: unset or empty is an error. */
function interpolate(text: string, vars: Record<string, string>): string {
  return text.replace(/\$\{([A-Z_]+):\?([^}]*)\}/g, (_m, name: string, message: string) => {
    if (!vars[name]) throw new Error(`required variable ${name} is missing a value: ${message}`);
    return vars[name];
  });
}

/** Lines a JSON logger wrote, kept for assertions. */
function logTo(secrets: string[]) {
  let out = '';
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  return { logger: createLogger({ level: 'info', secrets, destination: sink, pretty: false }), text: () => out };
}

describe('compose.yml', () => {
  const text = read('compose.yml');
  const compose = parse(text);

  it('holds no Postgres password: compose takes it from .env and builds DATABASE_URL from it', () => {
    expect(text).not.toMatch(/centric:centric@|POSTGRES_PASSWORD:\s*centric\b/);
    expect(compose.services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?set POSTGRES_PASSWORD in \.env[^}]*\}$/);
    expect(compose.services.centric.environment.DATABASE_URL).toMatch(/^postgres:\/\/centric:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/centric$/);
    expect(() => interpolate(text, {})).toThrow('required variable POSTGRES_PASSWORD is missing a value: set POSTGRES_PASSWORD in .env');
    const filled = parse(interpolate(text, { POSTGRES_PASSWORD: 'k3Xr9TqL2vWm8ZpN4' }));
    expect(filled.services.centric.environment.DATABASE_URL).toBe('postgres://centric:k3Xr9TqL2vWm8ZpN4@postgres:5432/centric');
    expect(filled.services.postgres.environment.POSTGRES_PASSWORD).toBe('k3Xr9TqL2vWm8ZpN4');
  });

  it('publishes a stable host port, and the ops port on the host\'s loopback once uncommented', () => {
    expect(compose.services.centric.ports).toEqual(['3000:3000']);
    const withOps = parse(text.replace(/^(\s*)# (- "127\.0\.0\.1:9464:9464")/m, '$1$2'));
    expect(withOps.services.centric.ports).toEqual(['3000:3000', `127.0.0.1:${DEFAULT_CONFIG.ops.port}:${DEFAULT_CONFIG.ops.port}`]);
    expect(text).toContain('set `ops: { host: 0.0.0.0 }` in centric.yml');
  });

  it('documents mounting centric.yml read-only with CENTRIC_CONFIG pointing at it', () => {
    const uncommented = text.replace(/^(\s*)# (.*#\s*centric\.yml)$/gm, '$1$2');
    const centric = parse(uncommented).services.centric;
    expect(centric.volumes).toEqual(['./centric.yml:/app/config/centric.yml:ro']);
    expect(centric.environment.CENTRIC_CONFIG).toBe('/app/config/centric.yml');
    expect(compose.services.centric.volumes).toBeUndefined();
  });
});

describe('the log scrubber', () => {
  const base = { SLACK_BOT_TOKEN: 'xoxb-1111-2222-SECRETBOTTOKEN', SLACK_APP_TOKEN: 'xapp-1-A1-2-abc', JIRA_BASE_URL: 'https://acme.atlassian.net', JIRA_EMAIL: 'c@acme.io', JIRA_API_TOKEN: 'ATATT-long-enough-token' };

  it('leaves a short password such as "centric" alone: it is a word, not a secret to redact everywhere', () => {
    const env = loadEnv({ ...base, DATABASE_URL: 'postgres://centric:centric@postgres:5432/centric' });
    expect(secretsOf(env)).toContain('centric');
    const log = logTo(secretsOf(env));
    log.logger.info({ app: 'centric', project: 'centric-web' }, 'centric is ready');
    const line = JSON.parse(log.text()) as Record<string, unknown>;
    expect(line).toMatchObject({ app: 'centric', project: 'centric-web', msg: 'centric is ready' });
    expect(log.text()).not.toContain('[REDACTED]');
  });

  it('redacts the database password and every token of at least MIN_SECRET_LENGTH characters', () => {
    expect(MIN_SECRET_LENGTH).toBe(8);
    const env = loadEnv({ ...base, DATABASE_URL: 'postgres://centric:k3Xr9TqL2vWm8ZpN4@postgres:5432/centric' });
    expect(secretsOf(env)).toContain('k3Xr9TqL2vWm8ZpN4');
    const log = logTo(secretsOf(env));
    log.logger.error({ err: new Error('password authentication failed: k3Xr9TqL2vWm8ZpN4') }, `tried ${env.JIRA_API_TOKEN} and ${env.SLACK_BOT_TOKEN}`);
    const text = log.text();
    expect(text).not.toMatch(/k3Xr9TqL2vWm8ZpN4|ATATT-long-enough-token|SECRETBOTTOKEN/);
    expect(JSON.parse(text).msg).toBe('tried [REDACTED] and [REDACTED]');
  });
});
