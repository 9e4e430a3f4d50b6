import { describe, expect, it } from 'vitest';
import { compile, WORD_END } from '../../src/core/compile.js';
import type { Vocabulary } from '../../src/core/config-types.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { parseStory } from '../../src/core/story/parse-story.js';

/**
 * The role and article patterns share one WORD_END among neighbouring words (it was compiled once
 * per word, ~0.2 ms each at every start). They must match exactly what the patterns with a
 * WORD_END per word matched: those are rebuilt here as they were written before.
 */
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (sources: string[]): string => (sources.length === 0 ? '(?!)' : `(?:${[...sources].sort((a, b) => b.length - a.length).join('|')})`);
const articleBefore = (articles: string[]): string => alternation(articles.map((a) => (a.endsWith("'") ? `${escape(a)}\\s*` : `${escape(a)}${WORD_END}\\s*`)));

function patternsBefore(v: Vocabulary): { roleMarker: RegExp; articles: RegExp } {
  const roles = alternation(v.roleMarkers.map((m) => (m.endsWith("'") ? m : `${m}${WORD_END}`)));
  const article = articleBefore(v.articles);
  return { roleMarker: new RegExp(`${roles}(?:\\s+${article}|\\s*(?=:))?\\s*[:\\-–—]?\\s*`, 'yiu'), articles: new RegExp(`^${article}`, 'iu') };
}

/** What a pattern matches at the start of `text`: the text matched, or null. */
function at0(re: RegExp, text: string): string | null {
  re.lastIndex = 0;
  return re.exec(text)?.[0] ?? null;
}

/** Each marker and article as written (a regex's \s+ as a blank), then what may follow it. */
function samples(v: Vocabulary): string[] {
  const words = [...v.roleMarkers.map((m) => m.replace(/\\s\+/g, ' ')), ...v.articles];
  const after = ['', ' ', 'x', 'é', '1', '_', ':', ' : ', "'", '-', ' — ', ' Stammkundin', 'e Kundin', 'r Kunde', ' la cliente', " l'acheteuse", ' een klant'];
  const texts: string[] = [];
  for (const first of words) {
    for (const second of ['', ...v.articles.map((a) => ` ${a}`)]) {
      for (const tail of after) texts.push(`${first}${second}${tail}`, `${first}${second}${tail}`.toUpperCase());
    }
  }
  return texts;
}

describe('role and article patterns with one WORD_END per run of words', () => {
  it('match what a WORD_END after every word matched, in every built-in language', () => {
    const compiled = compile(DEFAULT_CONFIG);
    let compared = 0;
    for (const lang of compiled.languages) {
      const before = patternsBefore(lang.vocab);
      for (const text of samples(lang.vocab)) {
        expect([lang.code, text, at0(lang.roleMarker, text)]).toEqual([lang.code, text, at0(before.roleMarker, text)]);
        expect([lang.code, text, at0(lang.articles, text)]).toEqual([lang.code, text, at0(before.articles, text)]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('keep a WORD_END of its own for a marker holding a "|" (a team may write one), and for those ending in an apostrophe', () => {
    const vocab: Vocabulary = { ...DEFAULT_CONFIG.vocabulary.en!, roleMarkers: ['as|like', "in\\s+qu'", 'for'], articles: ['the', "l'", 'an', 'a'] };
    const config = { ...DEFAULT_CONFIG, vocabulary: { en: vocab } };
    const [lang] = compile(config).languages;
    const before = patternsBefore(vocab);
    for (const text of ['as a user', 'asx', 'likely', 'like a', "in qu'a", 'for the', 'fort', "for l'ami", 'AS AN', 'a', 'as', 'like']) {
      expect([text, at0(lang!.roleMarker, text)]).toEqual([text, at0(before.roleMarker, text)]);
      expect([text, at0(lang!.articles, text)]).toEqual([text, at0(before.articles, text)]);
    }
  });

  it('still read the role after its articles, the longest article first (roles are kept in lower case)', () => {
    const role = (text: string) => parseStory([text, ''], compile(DEFAULT_CONFIG))?.role;
    expect(role('Als einer der Stammkunden möchte ich den Warenkorb speichern, damit ich später bezahle.')).toBe('stammkunden');
    expect(role('Als eine Stammkundin möchte ich den Warenkorb speichern, damit ich später bezahle.')).toBe('stammkundin');
    expect(role("En tant qu'acheteuse régulière, je veux enregistrer mon panier afin de payer plus tard.")).toBe('acheteuse régulière');
    expect(role("En tant que l'acheteuse, je veux enregistrer mon panier afin de payer plus tard.")).toBe('acheteuse');
  });
});
