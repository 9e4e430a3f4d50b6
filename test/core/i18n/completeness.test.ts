import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/core/i18n/locales.js';
import type { Catalog, Catalogs } from '../../../src/core/i18n/translate.js';

const ROOT = join(import.meta.dirname, '../../../src/core/i18n/messages');
const SURFACES = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

/** The names a message fills in ({count}, {key}…), wherever they sit in plurals and selects. */
function argumentsOf(ast: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(ast)) for (const node of ast) argumentsOf(node, into);
  else if (ast && typeof ast === 'object') {
    const node = ast as { type?: number; value?: unknown; options?: Record<string, { value: unknown }> };
    // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural (intl-messageformat's TYPE).
    if (typeof node.type === 'number' && node.type >= 1 && node.type <= 6 && typeof node.value === 'string') into.add(node.value);
    for (const option of Object.values(node.options ?? {})) argumentsOf(option.value, into);
  }
  return into;
}

describe('every message in every language', () => {
  it('has surfaces to check', () => {
    expect(SURFACES.length).toBeGreaterThan(0);
  });

  describe.each(SURFACES)('%s', (surface) => {
    it.each(LOCALES)('%s has every English key, no other, each a message that compiles with the same placeholders', async (locale) => {
      const { catalogs } = (await import(join(ROOT, surface, 'index.js'))) as { catalogs: Catalogs<Catalog> };
      const english = catalogs.en;
      const own = catalogs[locale];
      expect(Object.keys(own).sort()).toEqual(Object.keys(english).sort());
      for (const [key, message] of Object.entries(own)) {
        expect(message.trim(), `${surface}/${locale}: ${key} is empty`).not.toBe('');
        let ast: unknown;
        expect(() => { ast = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst(); }, `${surface}/${locale}: ${key} does not compile`).not.toThrow();
        const englishArgs = [...argumentsOf(new IntlMessageFormat(english[key]!, 'en', undefined, { ignoreTag: true }).getAst())].sort();
        expect([...argumentsOf(ast)].sort(), `${surface}/${locale}: ${key} fills in other values than English`).toEqual(englishArgs);
      }
      // A sentence left in English is untranslated; a word or two may be the same (Persona, Tickets, Score).
      const words = (message: string) => message.replace(/\{[^{}]*\}/g, ' ').split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length;
      const same = Object.keys(own).filter((key) => locale !== 'en' && own[key] === english[key] && words(english[key]!) >= 3);
      expect(same, `${surface}/${locale}: left in English`).toEqual([]);
    });
  });
});
