import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENV_NAMES } from '../../src/config/env.js';

const root = resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');

describe('manifest.yml', () => {
  const manifest = parse(read('manifest.yml'));

  it('asks for exactly the bot scopes the features use', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'users:read', 'users:read.email', 'files:write', 'channels:join']);
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

describe('.env.example', () => {
  it('lists every variable Centric reads, each with a comment above it', () => {
    const lines = read('.env.example').split('\n');
    const listed = lines.filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split('=')[0]);
    expect(listed.sort()).toEqual([...ENV_NAMES].sort());
    for (const name of ENV_NAMES) {
      const at = lines.findIndex((l) => l.startsWith(`${name}=`));
      const above = lines.slice(0, at).reverse().find((l) => !/^[A-Z_]+=/.test(l));
      expect(above, `${name} has a comment`).toMatch(/^# /);
    }
  });
});
